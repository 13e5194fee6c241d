import Foundation

/// The records an export describes, gathered from a store: the small lists in full and the wins (with
/// their celebrations) as a stream of pages, so exports of any size run in constant memory.
public struct ExportContent: Sendable {
    /// The team whose subtree was exported, or `nil` for the whole installation.
    public var scope: Team.ID?
    /// Every list is in the store's stable order.
    public var teams: [Team]
    /// Every member the export describes.
    public var members: [Member]
    /// Who belongs to which team, with which role.
    public var memberships: [Membership]
    /// The equity-focus codebook.
    public var studentGroups: [StudentGroup]
    /// The qualitative codebook.
    public var themes: [Theme]
    /// The teams' goals.
    public var goals: [Goal]
    /// The learning agenda's questions.
    public var learningQuestions: [LearningQuestion]
    /// What teams tried, under their questions.
    public var attempts: [Attempt]
    /// The wins, newest first, a page at a time, each page with its wins' celebrations.
    public var winPages: WinPages

    /// Every field given.
    public init(
        scope: Team.ID?, teams: [Team], members: [Member], memberships: [Membership], studentGroups: [StudentGroup],
        themes: [Theme], goals: [Goal], learningQuestions: [LearningQuestion], attempts: [Attempt], winPages: WinPages
    ) {
        self.scope = scope
        self.teams = teams
        self.members = members
        self.memberships = memberships
        self.studentGroups = studentGroups
        self.themes = themes
        self.goals = goals
        self.learningQuestions = learningQuestions
        self.attempts = attempts
        self.winPages = winPages
    }

    /// The content of `store`'s scope; wins matching `query` are read lazily, `pageSize` at a time, and
    /// `progress` hears how many have been read after each page.
    public static func load(
        from store: any WinStore, query: WinQuery = WinQuery(), pageSize: Int = 1000, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> ExportContent {
        try WinPage.validate(limit: pageSize)
        return ExportContent(
            scope: store.scope, teams: try await store.teams(), members: try await store.members(),
            memberships: try await store.memberships(member: nil, team: nil), studentGroups: try await store.studentGroups(),
            themes: try await store.themes(), goals: try await store.goals(), learningQuestions: try await store.learningQuestions(),
            attempts: try await store.attempts(question: nil),
            winPages: WinPages(store: store, query: query, pageSize: pageSize, progress: progress))
    }

    /// Content already in memory.
    public init(_ contents: StoreContents, scope: Team.ID? = nil) {
        self.init(
            scope: scope, teams: contents.teams, members: contents.members, memberships: contents.memberships,
            studentGroups: contents.studentGroups, themes: contents.themes, goals: contents.goals,
            learningQuestions: contents.learningQuestions, attempts: contents.attempts,
            winPages: WinPages(wins: contents.wins, celebrations: contents.celebrations))
    }

    /// The content with the teams above its scope first, read from `store` (the same installation, unscoped):
    /// the members and inherited codebooks, goals and agenda of a scoped export are kept by those teams, so
    /// with them a snapshot of one school imports as a working installation. Unchanged when unscoped.
    public func withAncestors(from store: any WinStore) async throws -> ExportContent {
        guard let scope, let top = teams.first(where: { $0.id == scope }) else { return self }
        var ancestors: [Team] = []
        var parent = top.parent
        while let id = parent, !ancestors.contains(where: { $0.id == id }) {
            let team = try await store.team(id)
            ancestors.append(team)
            parent = team.parent
        }
        var content = self
        content.teams = ancestors.reversed() + teams
        return content
    }

    /// Names and titles by id, to label ids in exports.
    public var names: ExportNames { ExportNames(self) }
}

/// One page of wins and their celebrations (grouped by win in page order, oldest first).
public struct WinBatch: Hashable, Sendable {
    /// The page's wins, in the stream's order.
    public var wins: [Win]
    /// Their celebrations, grouped by win in page order, oldest first.
    public var celebrations: [Celebration]

    /// Every field given.
    public init(wins: [Win], celebrations: [Celebration]) {
        self.wins = wins
        self.celebrations = celebrations
    }
}

/// An `AsyncSequence` of ``WinBatch`` pages, read from a store one page at a time, served from memory, or
/// made one at a time by a function (a file being imported).
public struct WinPages: AsyncSequence, Sendable {
    public typealias Element = WinBatch

    fileprivate enum Source: Sendable {
        case store(any WinStore, WinQuery, Int, (@Sendable (Int) -> Void)?)
        case memory([WinBatch])
        case produced(@Sendable () async throws -> WinBatch?)
        indirect case mapped(WinPages, @Sendable (WinBatch) -> WinBatch)
    }

    private let source: Source

    /// Pages of wins matching `query` in `store`, with their celebrations; `progress` hears the running count.
    public init(store: any WinStore, query: WinQuery, pageSize: Int, progress: (@Sendable (Int) -> Void)? = nil) {
        source = .store(store, query, pageSize, progress)
    }

    /// Pages of 1,000 over wins already in memory, with their celebrations.
    public init(wins: [Win], celebrations: [Celebration]) {
        let byWin = Dictionary(grouping: celebrations, by: \.win)
        source = .memory(stride(from: 0, to: wins.count, by: 1000).map { start in
            let page = Array(wins[start..<Swift.min(start + 1000, wins.count)])
            return WinBatch(wins: page, celebrations: page.flatMap { byWin[$0.id] ?? [] })
        })
    }

    /// The pages `next` makes, one per call, until it returns `nil`; one iterator calls it at a time.
    public init(_ next: @escaping @Sendable () async throws -> WinBatch?) {
        source = .produced(next)
    }

    /// These pages, each changed by `transform` as it is read (for example to pseudonymize them).
    public func map(_ transform: @escaping @Sendable (WinBatch) -> WinBatch) -> WinPages {
        WinPages(source: .mapped(self, transform))
    }

    private init(source: Source) { self.source = source }

    public func makeAsyncIterator() -> Iterator { Iterator(source: source) }

    /// Reads the next page when asked, and starts reading the one after it at once, so the store reads while
    /// the consumer writes out the page it has.
    public struct Iterator: AsyncIteratorProtocol {
        private let source: Source
        private var index = 0
        private var read = 0
        /// The page being read ahead, with the cursor after it (`nil` after the last page).
        private var ahead: Task<(WinBatch, WinCursor?), any Error>?
        private var finished = false
        /// The iterator of the pages a mapped sequence changes.
        private var base: Base?

        /// Holds an iterator of the same type (a struct cannot hold itself).
        private final class Base {
            var iterator: Iterator
            init(_ iterator: Iterator) { self.iterator = iterator }
        }

        fileprivate init(source: Source) { self.source = source }

        public mutating func next() async throws -> WinBatch? {
            guard !finished else { return nil }
            switch source {
            case .memory(let batches):
                guard index < batches.count else { finished = true; return nil }
                defer { index += 1 }
                return batches[index]
            case .produced(let next):
                guard let batch = try await next() else { finished = true; return nil }
                return batch
            case .mapped(let pages, let transform):
                if base == nil { base = Base(pages.makeAsyncIterator()) }
                guard let batch = try await base!.iterator.next() else { finished = true; return nil }
                return transform(batch)
            case .store(let store, let query, let pageSize, let progress):
                let (batch, cursor) = try await (ahead ?? Self.page(of: store, query, after: nil, pageSize)).value
                ahead = cursor.map { Self.page(of: store, query, after: $0, pageSize) }
                finished = cursor == nil
                read += batch.wins.count
                progress?(read)
                return batch.wins.isEmpty ? nil : batch
            }
        }

        /// Starts reading the page after `cursor`, with its wins' celebrations.
        private static func page(
            of store: any WinStore, _ query: WinQuery, after cursor: WinCursor?, _ pageSize: Int
        ) -> Task<(WinBatch, WinCursor?), any Error> {
            Task {
                let page = try await store.wins(query, after: cursor, limit: pageSize)
                let celebrations = page.wins.isEmpty ? [] : try await store.celebrations(ofWins: page.wins.map(\.id))
                return (WinBatch(wins: page.wins, celebrations: celebrations), page.next)
            }
        }
    }
}

/// Names and titles of an export's records by id; `nil` when a record is outside the export.
public struct ExportNames: Sendable {
    /// Each team's path, worked out once: every row of a wins export names its team's.
    private let teamPaths: [Team.ID: String]
    private let members: [Member.ID: String]
    private let groups: [StudentGroup.ID: String]
    private let themes: [Theme.ID: String]
    private let goals: [Goal.ID: String]
    private let questions: [LearningQuestion.ID: String]
    private let attempts: [Attempt.ID: String]
    private let attemptQuestions: [Attempt.ID: LearningQuestion.ID]

    /// The separator between team names in a path ("Northside / Lincoln / Grade 3").
    public static let pathSeparator = " / "

    init(_ content: ExportContent) {
        let tree = TeamTree(content.teams)
        teamPaths = Dictionary(content.teams.compactMap { team in tree.path(of: team.id, separator: Self.pathSeparator).map { (team.id, $0) } },
                               uniquingKeysWith: { first, _ in first })
        members = Dictionary(content.members.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        groups = Dictionary(content.studentGroups.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        themes = Dictionary(content.themes.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        goals = Dictionary(content.goals.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        questions = Dictionary(content.learningQuestions.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        attempts = Dictionary(content.attempts.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        attemptQuestions = Dictionary(content.attempts.map { ($0.id, $0.question) }, uniquingKeysWith: { first, _ in first })
    }

    /// The team's path from the top team of the export ("Northside / Lincoln / Grade 3").
    public func teamPath(_ id: Team.ID?) -> String? {
        id.flatMap { teamPaths[$0] }
    }

    /// A member's name.
    public func member(_ id: Member.ID?) -> String? { id.flatMap { members[$0] } }
    /// A student group's name.
    public func group(_ id: StudentGroup.ID?) -> String? { id.flatMap { groups[$0] } }
    /// A theme's name.
    public func theme(_ id: Theme.ID?) -> String? { id.flatMap { themes[$0] } }
    /// A goal's title.
    public func goal(_ id: Goal.ID?) -> String? { id.flatMap { goals[$0] } }
    /// A learning question's text.
    public func question(_ id: LearningQuestion.ID?) -> String? { id.flatMap { questions[$0] } }
    /// An attempt's title.
    public func attempt(_ id: Attempt.ID?) -> String? { id.flatMap { attempts[$0] } }
    /// The learning question an attempt belongs to.
    public func question(of attempt: Attempt.ID?) -> LearningQuestion.ID? { attempt.flatMap { attemptQuestions[$0] } }
}
