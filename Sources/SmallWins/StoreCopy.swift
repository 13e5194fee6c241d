import Foundation

/// Everything an unscoped store holds, in each list's stable order; equal installations give equal values.
///
/// Loads the whole installation into memory: for comparisons and small installations. To move an
/// installation of any size, use ``StoreCopy``, which streams wins in batches.
public struct StoreContents: Hashable, Sendable, Codable {
    public var teams: [Team]
    public var members: [Member]
    public var memberships: [Membership]
    public var studentGroups: [StudentGroup]
    public var themes: [Theme]
    public var goals: [Goal]
    public var learningQuestions: [LearningQuestion]
    public var attempts: [Attempt]
    /// Newest first.
    public var wins: [Win]
    /// By win (newest first), then oldest first.
    public var celebrations: [Celebration]

    /// Reads every record of `store`.
    public static func load(from store: any WinStore) async throws -> StoreContents {
        var wins: [Win] = []
        var celebrations: [Celebration] = []
        for try await win in store.allWins() {
            wins.append(win)
            celebrations += try await store.celebrations(of: win.id)
        }
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
        public var teams = 0, members = 0, memberships = 0, studentGroups = 0, themes = 0
        public var goals = 0, learningQuestions = 0, attempts = 0, wins = 0, celebrations = 0

        /// No records.
        public init() {}
    }

    /// Copies everything in `source` into `destination`.
    ///
    /// Records go in dependency order (teams parents first, then members, codebooks, goals, the learning
    /// agenda, wins and celebrations); wins and celebrations go in transactions of `batchSize`, so memory
    /// stays bounded however many there are. Refuses a scoped source, and a destination that already
    /// holds teams unless `allowNonEmpty` is set.
    @discardableResult
    public static func copy(
        from source: any WinStore, to destination: any WinStore, allowNonEmpty: Bool = false, batchSize: Int = 1000,
        progress: (@Sendable (Counts) -> Void)? = nil
    ) async throws -> Counts {
        if let scope = source.scope {
            throw SmallWinsError.outOfScope(field: "from", id: scope.uuid)
        }
        let existing = try await destination.teams().count
        if existing > 0, !allowNonEmpty {
            throw SmallWinsError.conflict(field: "to", reason: "the destination already holds \(existing) team(s); copy into an empty store")
        }
        var counts = Counts()
        for team in parentsFirst(try await source.teams()) {
            _ = try await destination.create(team)
            counts.teams += 1
        }
        for member in try await source.members() { _ = try await destination.create(member); counts.members += 1 }
        for membership in try await source.memberships(member: nil, team: nil) {
            _ = try await destination.create(membership)
            counts.memberships += 1
        }
        for group in try await source.studentGroups() { _ = try await destination.create(group); counts.studentGroups += 1 }
        for theme in try await source.themes() { _ = try await destination.create(theme); counts.themes += 1 }
        for goal in try await source.goals() { _ = try await destination.create(goal); counts.goals += 1 }
        for question in try await source.learningQuestions() {
            _ = try await destination.create(question)
            counts.learningQuestions += 1
        }
        for attempt in try await source.attempts(question: nil) { _ = try await destination.create(attempt); counts.attempts += 1 }
        progress?(counts)

        var batch: [Win] = []
        func flush() async throws {
            guard !batch.isEmpty else { return }
            try await destination.restore(batch)
            var celebrations: [Celebration] = []
            for win in batch { celebrations += try await source.celebrations(of: win.id) }
            try await destination.restore(celebrations)
            counts.wins += batch.count
            counts.celebrations += celebrations.count
            batch.removeAll(keepingCapacity: true)
            progress?(counts)
        }
        for try await win in source.allWins(pageSize: min(batchSize, WinPage.maximumLimit)) {
            batch.append(win)
            if batch.count == batchSize { try await flush() }
        }
        try await flush()
        return counts
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
