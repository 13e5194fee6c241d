import Foundation

/// Everything an unscoped store holds, in each list's stable order; equal installations give equal values.
///
/// Loads the whole installation into memory: for comparisons and small installations. To move an
/// installation of any size, use ``StoreCopy``, which streams wins in batches.
public struct StoreContents: Hashable, Sendable, Codable {
    /// Every team, parents before children.
    public var teams: [Team]
    /// Every member.
    public var members: [Member]
    /// Every membership.
    public var memberships: [Membership]
    /// Every student group.
    public var studentGroups: [StudentGroup]
    /// Every theme.
    public var themes: [Theme]
    /// Every goal.
    public var goals: [Goal]
    /// Every learning question.
    public var learningQuestions: [LearningQuestion]
    /// Every attempt.
    public var attempts: [Attempt]
    /// Newest first.
    public var wins: [Win]
    /// By win (newest first), then oldest first.
    public var celebrations: [Celebration]

    /// Every list given.
    public init(
        teams: [Team], members: [Member], memberships: [Membership], studentGroups: [StudentGroup], themes: [Theme],
        goals: [Goal], learningQuestions: [LearningQuestion], attempts: [Attempt], wins: [Win], celebrations: [Celebration]
    ) {
        self.teams = teams
        self.members = members
        self.memberships = memberships
        self.studentGroups = studentGroups
        self.themes = themes
        self.goals = goals
        self.learningQuestions = learningQuestions
        self.attempts = attempts
        self.wins = wins
        self.celebrations = celebrations
    }

    /// Reads every record of `store`.
    public static func load(from store: any WinStore) async throws -> StoreContents {
        var wins: [Win] = []
        for try await win in store.allWins() { wins.append(win) }
        let celebrations = try await store.celebrations(ofWins: wins.map(\.id))
        return StoreContents(
            teams: try await store.teams(), members: try await store.members(),
            memberships: try await store.memberships(member: nil, team: nil), studentGroups: try await store.studentGroups(),
            themes: try await store.themes(), goals: try await store.goals(), learningQuestions: try await store.learningQuestions(),
            attempts: try await store.attempts(question: nil), wins: wins, celebrations: celebrations)
    }
}

/// Moves a whole installation from one store to another (SQLite to PostgreSQL, or back), keeping every
/// id and timestamp.
public enum StoreCopy {
    /// How many records of each kind were copied.
    public struct Counts: Hashable, Sendable, Codable {
        /// Teams copied.
        public var teams = 0
        /// Members copied.
        public var members = 0
        /// Memberships copied.
        public var memberships = 0
        /// Student groups copied.
        public var studentGroups = 0
        /// Themes copied.
        public var themes = 0
        /// Goals copied.
        public var goals = 0
        /// Learning questions copied.
        public var learningQuestions = 0
        /// Attempts copied.
        public var attempts = 0
        /// Wins copied.
        public var wins = 0
        /// Celebrations copied.
        public var celebrations = 0

        /// No records.
        public init() {}

        /// "3 teams, 1 member, … and 2 celebrations".
        public var summary: String {
            let parts = [
                Markdown.count(teams, "team"), Markdown.count(members, "member"), Markdown.count(memberships, "membership"),
                Markdown.count(studentGroups, "student group"), Markdown.count(themes, "theme"), Markdown.count(goals, "goal"),
                Markdown.count(learningQuestions, "learning question"), Markdown.count(attempts, "attempt"), Markdown.count(wins, "win"),
            ]
            return parts.joined(separator: ", ") + " and " + Markdown.count(celebrations, "celebration")
        }
    }

    /// Copies everything in `source` into `destination`, all or nothing (see ``copy(_:to:requiringEmpty:progress:)``).
    ///
    /// Wins are read `batchSize` at a time, so memory stays bounded however many there are. Refuses a scoped
    /// source, and a destination that already holds teams unless `allowNonEmpty` is set.
    @discardableResult
    public static func copy(
        from source: any WinStore, to destination: any WinStore, allowNonEmpty: Bool = false, batchSize: Int = 1000,
        progress: (@Sendable (Counts) -> Void)? = nil
    ) async throws -> Counts {
        if let scope = source.scope {
            throw SmallWinsError.outOfScope(field: "from", id: scope.uuid)
        }
        let content = try await ExportContent.load(from: source, pageSize: min(batchSize, WinPage.maximumLimit))
        return try await copy(content, to: destination, requiringEmpty: allowNonEmpty ? nil : "to", progress: progress)
    }

    /// Writes `content` (from a store, or a snapshot being imported) into `destination` in dependency order
    /// (teams parents first, then members, codebooks, goals, the learning agenda, wins and celebrations), in
    /// one transaction of the destination (``WinStore/transaction(_:)``): if any record is refused, the task
    /// is cancelled or the process dies, the destination is left as it was. Wins stream in a page at a time.
    ///
    /// - Parameters:
    ///   - content: what to write.
    ///   - destination: the store to write into.
    ///   - requiringEmpty: the field to name when the destination already holds a team (checked inside the
    ///     transaction, so two copies cannot both find it empty); `nil` to write into a store that has some.
    ///   - progress: hears the counts written so far, after the directory and after each page of wins.
    @discardableResult
    public static func copy(
        _ content: ExportContent, to destination: any WinStore, requiringEmpty: String? = "to",
        progress: (@Sendable (Counts) -> Void)? = nil
    ) async throws -> Counts {
        try await destination.transaction { destination in
            if let field = requiringEmpty { try await requireEmpty(destination, field: field) }
            var counts = Counts()
            for team in parentsFirst(content.teams) {
                _ = try await destination.create(team)
                counts.teams += 1
            }
            for member in content.members { _ = try await destination.create(member); counts.members += 1 }
            for membership in content.memberships { _ = try await destination.create(membership); counts.memberships += 1 }
            for group in content.studentGroups { _ = try await destination.create(group); counts.studentGroups += 1 }
            for theme in content.themes { _ = try await destination.create(theme); counts.themes += 1 }
            for goal in content.goals { _ = try await destination.create(goal); counts.goals += 1 }
            for question in content.learningQuestions {
                _ = try await destination.create(question)
                counts.learningQuestions += 1
            }
            for attempt in content.attempts { _ = try await destination.create(attempt); counts.attempts += 1 }
            progress?(counts)
            for try await batch in content.winPages {
                try await destination.restore(batch.wins)
                try await destination.restore(batch.celebrations)
                counts.wins += batch.wins.count
                counts.celebrations += batch.celebrations.count
                progress?(counts)
            }
            return counts
        }
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` naming `field` unless `destination` holds no team.
    public static func requireEmpty(_ destination: any WinStore, field: String = "to") async throws {
        let existing = try await destination.teams().count
        if existing > 0 {
            throw SmallWinsError.conflict(field: field, reason: "the destination already holds \(existing) team(s); copy into an empty store")
        }
    }

    /// Teams ordered so every parent comes before its children.
    static func parentsFirst(_ teams: [Team]) -> [Team] {
        let ids = Set(teams.map(\.id))
        var children: [Team.ID?: [Team]] = [:]
        for team in teams { children[team.parent.flatMap { ids.contains($0) ? $0 : nil }, default: []].append(team) }
        var ordered: [Team] = []
        var queue = children[nil] ?? []
        while !queue.isEmpty {
            let team = queue.removeFirst()
            ordered.append(team)
            queue += children[team.id] ?? []
        }
        return ordered
    }
}
