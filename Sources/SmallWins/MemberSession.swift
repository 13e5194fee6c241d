import Foundation

/// A signed-in member's view of a store: everything they may read and write, by the roles they hold, over any
/// backend. The HTTP server opens one per request; a Swift front end can open one for the person using it.
///
/// | role | reads | records wins | edits and deletes | celebrates | goals, agenda, codebooks |
/// |---|---|---|---|---|---|
/// | lead | the team's subtree | as themselves | own wins; deletes any win of the subtree | yes | edits |
/// | coach | the team's subtree | as themselves | own wins | yes | edits |
/// | member | the team's subtree | as themselves | own wins | yes | reads |
/// | observer | the team's subtree | no | no | yes | reads |
///
/// - A member reads the subtrees of the teams they belong to, and what those subtrees inherit (goals, codebooks and
///   the learning agenda kept above them); a record outside is ``SmallWinsError/notFound(_:id:)``, as if it did not exist.
/// - A role on a team holds in its whole subtree; holding several, the strongest counts.
/// - A win is recorded with the member as its author; its shout-outs name only colleagues of the win's team: members
///   its scope reads, and members of the teams above it.
/// - Nobody celebrates their own win, or one win twice with the same kind (the store's rule, checked under a lock).
/// - A dashboard names members (``DashboardQuery/includeNames``) only for a lead or coach of its team.
/// - Teams, members and memberships are read-only here: district IT manages them with an unscoped store.
///
/// A session sees the teams and memberships as they were when it was opened: open one per request, or again when a
/// ``StoreChange`` says a team or membership changed.
public struct MemberSession: Sendable {
    /// The signed-in member.
    public let member: Member
    /// Their memberships, with the role on each team.
    public let memberships: [Membership]
    /// Every team they read, in the store's order (name, then id).
    public let teams: [Team]
    private let store: any WinStore
    /// Each membership's team and the ids of its subtree.
    private let subtrees: [(membership: Membership, teams: Set<Team.ID>)]
    /// A store scoped to each membership team that no other membership team is above.
    private let roots: [any WinStore]
    private let readable: Set<Team.ID>

    /// Opens `member`'s session on `store` (usually unscoped): reads the member, their memberships and the subtrees.
    public init(member id: Member.ID, store: any WinStore) async throws {
        self.store = store
        member = try await store.member(id)
        memberships = try await store.memberships(member: id, team: nil)
        var subtrees: [(membership: Membership, teams: Set<Team.ID>)] = [], scopes: [Team.ID: (store: any WinStore, teams: [Team])] = [:]
        for membership in memberships {
            let scope = try await store.scoped(to: membership.team)
            let teams = try await scope.teams()
            scopes[membership.team] = (scope, teams)
            subtrees.append((membership, Set(teams.map(\.id))))
        }
        let rootTeams = scopes.keys.filter { team in !subtrees.contains { $0.membership.team != team && $0.teams.contains(team) } }.sorted()
        self.subtrees = subtrees
        roots = rootTeams.compactMap { scopes[$0]?.store }
        let all = rootTeams.flatMap { scopes[$0]?.teams ?? [] }
        teams = all.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
        readable = Set(all.map(\.id))
    }

    // MARK: Roles

    /// The roles the member holds on `team`: those of their memberships on it or on a team above it.
    public func roles(on team: Team.ID) -> Set<Membership.Role> {
        Set(subtrees.filter { $0.teams.contains(team) }.map(\.membership.role))
    }

    private func require(_ allowed: Set<Membership.Role>, on team: Team.ID, field: String, to action: String) throws {
        let held = roles(on: team)
        guard !held.isEmpty else { throw SmallWinsError.unknownReference(field: field, .team, id: team.uuid) }
        guard !held.isDisjoint(with: allowed) else {
            let names = allowed.map(\.rawValue).sorted().joined(separator: " or ")
            throw SmallWinsError.forbidden("only a \(names) of team \(team) may \(action)")
        }
    }

    private static var recorders: Set<Membership.Role> { [.lead, .coach, .member] }
    private static var editors: Set<Membership.Role> { [.lead, .coach] }

    // MARK: Reading

    /// A team the member reads.
    public func team(_ id: Team.ID) throws -> Team {
        guard let team = teams.first(where: { $0.id == id }) else { throw SmallWinsError.notFound(.team, id: id.uuid) }
        return team
    }

    /// The members visible from the member's teams, by name then id.
    public func members() async throws -> [Member] {
        try await union { try await $0.members() }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// A member visible from the member's teams.
    public func member(_ id: Member.ID) async throws -> Member { try await first(.member, id.uuid) { try await $0.member(id) } }

    /// The memberships of the member's teams, optionally only one member's or one team's.
    public func memberships(member: Member.ID? = nil, team: Team.ID? = nil) async throws -> [Membership] {
        try await union(key: { [$0.member.description, $0.team.description] }) { try await $0.memberships(member: member, team: team) }
    }

    /// The student groups the member's teams use, by name then id.
    public func studentGroups() async throws -> [StudentGroup] {
        try await union { try await $0.studentGroups() }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// A student group the member's teams use.
    public func studentGroup(_ id: StudentGroup.ID) async throws -> StudentGroup {
        try await first(.studentGroup, id.uuid) { try await $0.studentGroup(id) }
    }

    /// The themes the member's teams use, by name then id.
    public func themes() async throws -> [Theme] {
        try await union { try await $0.themes() }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// A theme the member's teams use.
    public func theme(_ id: Theme.ID) async throws -> Theme { try await first(.theme, id.uuid) { try await $0.theme(id) } }

    /// The goals the member's teams serve, by title then id.
    public func goals() async throws -> [Goal] {
        try await union { try await $0.goals() }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    /// A goal the member's teams serve.
    public func goal(_ id: Goal.ID) async throws -> Goal { try await first(.goal, id.uuid) { try await $0.goal(id) } }

    /// The learning questions of the member's teams, by text then id.
    public func learningQuestions() async throws -> [LearningQuestion] {
        try await union { try await $0.learningQuestions() }.sorted { ($0.text, $0.id) < ($1.text, $1.id) }
    }

    /// A learning question of the member's teams.
    public func learningQuestion(_ id: LearningQuestion.ID) async throws -> LearningQuestion {
        try await first(.learningQuestion, id.uuid) { try await $0.learningQuestion(id) }
    }

    /// The attempts of the member's teams, optionally only one question's, by title then id.
    public func attempts(question: LearningQuestion.ID? = nil) async throws -> [Attempt] {
        try await union { try await $0.attempts(question: question) }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    /// An attempt of the member's teams.
    public func attempt(_ id: Attempt.ID) async throws -> Attempt { try await first(.attempt, id.uuid) { try await $0.attempt(id) } }

    /// A win of the member's teams.
    public func win(_ id: Win.ID) async throws -> Win {
        let win = try await store.win(id)
        guard readable.contains(win.team) else { throw SmallWinsError.notFound(.win, id: id.uuid) }
        return win
    }

    /// A page of the wins of the member's teams matching `query`; its `teams` filter, when set, must name teams the
    /// member reads (``SmallWinsError/notFound(_:id:)`` otherwise).
    public func wins(_ query: WinQuery, after cursor: WinCursor?, limit: Int) async throws -> WinPage {
        guard !roots.isEmpty else {
            try WinPage.validate(limit: limit)
            return WinPage(wins: [], next: nil)
        }
        return try await store.wins(try bounded(query), after: cursor, limit: limit)
    }

    /// A page of ``wins(_:after:limit:)`` as list items: each win with its author's name, its team's path and its
    /// number of celebrations, read a page at a time.
    public func winItems(_ query: WinQuery, after cursor: WinCursor?, limit: Int) async throws -> WinItemPage {
        let page = try await wins(query, after: cursor, limit: limit)
        return WinItemPage(items: try await items(page.wins), next: page.next)
    }

    /// A win of the member's teams as a list item.
    public func winItem(_ id: Win.ID) async throws -> WinItem { try await items([try await win(id)])[0] }

    private func items(_ wins: [Win]) async throws -> [WinItem] {
        var names: [Member.ID: String] = [:]
        for author in Set(wins.map(\.author)) { names[author] = try await store.member(author).name }
        var counts: [Win.ID: Int] = [:]
        for celebration in try await store.celebrations(ofWins: wins.map(\.id)) { counts[celebration.win, default: 0] += 1 }
        return wins.map { WinItem(win: $0, authorName: names[$0.author] ?? "", teamPath: teamPath($0.team), celebrationCount: counts[$0.id] ?? 0) }
    }

    /// The names from the highest team the member reads down to `team`, joined by `/`.
    public func teamPath(_ team: Team.ID) -> String {
        let byID = Dictionary(teams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var names: [String] = [], next: Team.ID? = team
        while let id = next, let found = byID[id], names.count < 64 {
            names.append(found.name)
            next = found.parent
        }
        return names.reversed().joined(separator: "/")
    }

    /// The celebrations of a win of the member's teams, oldest first.
    public func celebrations(of win: Win.ID) async throws -> [Celebration] {
        _ = try await self.win(win)
        return try await store.celebrations(of: win)
    }

    /// The dashboard of `team` (the member's only team when `nil`). Names appear only for a lead or coach of it.
    public func dashboard(_ query: DashboardQuery, team: Team.ID? = nil) async throws -> Dashboard {
        let team = try readableTeam(team, for: "dashboard")
        if query.includeNames { try require(Self.editors, on: team, field: "team", to: "see members' names on a dashboard") }
        return try await store.scoped(to: team).dashboard(query)
    }

    /// The weekly digest of `team` (the member's only team when `nil`) for the week holding `day`.
    public func digest(week day: Day, team: Team.ID? = nil) async throws -> WeeklyDigest {
        try await WeeklyDigest.make(from: store.scoped(to: try readableTeam(team, for: "digest")), week: day)
    }

    /// The learning report of `team` (the member's only team when `nil`) over `period`.
    public func report(_ period: Period, team: Team.ID? = nil) async throws -> LearningReport {
        try await LearningReport.make(from: store.scoped(to: try readableTeam(team, for: "report")), period: period)
    }

    /// Everything `team` (the member's only team when `nil`) keeps and reads, to export: for its leads and coaches
    /// only, since it holds every member's email.
    public func exportContent(team: Team.ID? = nil, query: WinQuery = WinQuery()) async throws -> ExportContent {
        let team = try readableTeam(team, for: "export")
        try require(Self.editors, on: team, field: "team", to: "export its data")
        return try await ExportContent.load(from: store.scoped(to: team), query: query)
    }

    /// `team`, or the member's only team when `nil`, once it is one they read.
    private func readableTeam(_ team: Team.ID?, for what: String) throws -> Team.ID {
        guard let team = team ?? (roots.count == 1 ? roots[0].scope : nil) else {
            throw SmallWinsError.invalid(field: "team", reason: "you belong to several teams; say which team's \(what)")
        }
        guard readable.contains(team) else { throw SmallWinsError.notFound(.team, id: team.uuid) }
        return team
    }

    /// Notices of every change in the member's teams (``WinStore/changes(after:)``).
    public func changes(after sequence: Int64?) async throws -> AsyncThrowingStream<StoreChange, any Error> {
        if roots.count == 1 { return try await roots[0].changes(after: sequence) }
        let feed = try await store.changes(after: sequence), readable = readable
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await change in feed where readable.contains(change.team) { continuation.yield(change) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    // MARK: Wins and celebrations

    /// Records `draft` as a win told by the member, on a team where they hold a recording role.
    public func record(_ draft: WinDraft) async throws -> Win {
        let win = draft.win(by: member.id)
        try await checkRecordable(win)
        return try await store.record(win)
    }

    /// Changes the member's own win; a new team must be one where they record.
    public func update(_ id: Win.ID, with patch: WinPatch) async throws -> Win {
        let stored = try await win(id)
        guard stored.author == member.id else { throw SmallWinsError.forbidden("only its author edits a win") }
        let changed = patch.applied(to: stored)
        try await checkRecordable(changed)
        return try await store.update(changed)
    }

    /// Deletes the member's own win, or any win of a team they lead.
    public func deleteWin(_ id: Win.ID) async throws {
        let stored = try await win(id)
        if stored.author != member.id { try require([.lead], on: stored.team, field: "team", to: "delete a colleague's win") }
        try await store.delete(id)
    }

    /// The member celebrates a win of their teams (not their own, and each kind once).
    public func celebrate(_ win: Win.ID, _ kind: Celebration.Kind, message: String? = nil) async throws -> Celebration {
        _ = try await self.win(win)
        return try await store.celebrate(Celebration(win: win, by: member.id, kind: kind, message: message))
    }

    /// Deletes one of the member's own celebrations.
    public func deleteCelebration(_ id: Celebration.ID) async throws {
        let celebration = try await store.celebration(id)
        _ = try await win(celebration.win)
        guard celebration.by == member.id else { throw SmallWinsError.forbidden("only the member who celebrated removes a celebration") }
        try await store.delete(id)
    }

    /// Checks the member records on the win's team, and that each shout-out names a colleague of that team: a member
    /// the team's scope reads (kept or holding a membership in its subtree), or one holding a membership on a team above it.
    private func checkRecordable(_ win: Win) async throws {
        try require(Self.recorders, on: win.team, field: "team", to: "record wins")
        let teamScope = try await store.scoped(to: win.team)
        for colleague in win.shoutOuts {
            if (try? await teamScope.member(colleague)) != nil { continue }
            var above = false
            for membership in (try? await store.memberships(member: colleague, team: nil)) ?? [] where !above {
                above = (try? await store.scoped(to: membership.team).team(win.team)) != nil
            }
            guard above else { throw SmallWinsError.unknownReference(field: "shoutOuts", .member, id: colleague.uuid) }
        }
    }

    // MARK: Goals, the learning agenda and codebooks

    /// Creates a goal of a team the member leads or coaches.
    public func create(_ goal: Goal) async throws -> Goal {
        try require(Self.editors, on: goal.team, field: "team", to: "set goals")
        return try await store.create(goal)
    }

    /// Changes a goal of a team the member leads or coaches.
    public func update(_ goal: Goal) async throws -> Goal {
        try requireEditor(of: try await self.goal(goal.id).team, and: goal.team, to: "change goals")
        return try await store.update(goal)
    }

    /// Deletes a goal of a team the member leads or coaches.
    public func deleteGoal(_ id: Goal.ID) async throws {
        try requireEditor(of: try await goal(id).team, to: "delete goals")
        try await store.delete(id)
    }

    /// Creates a learning question of a team the member leads or coaches.
    public func create(_ question: LearningQuestion) async throws -> LearningQuestion {
        try require(Self.editors, on: question.team, field: "team", to: "set the learning agenda")
        return try await store.create(question)
    }

    /// Changes a learning question of a team the member leads or coaches.
    public func update(_ question: LearningQuestion) async throws -> LearningQuestion {
        try requireEditor(of: try await learningQuestion(question.id).team, and: question.team, to: "change the learning agenda")
        return try await store.update(question)
    }

    /// Deletes a learning question of a team the member leads or coaches.
    public func deleteLearningQuestion(_ id: LearningQuestion.ID) async throws {
        try requireEditor(of: try await learningQuestion(id).team, to: "change the learning agenda")
        try await store.delete(id)
    }

    /// Creates an attempt at a question of a team the member leads or coaches.
    public func create(_ attempt: Attempt) async throws -> Attempt {
        try requireEditor(of: try await learningQuestion(attempt.question).team, to: "record attempts")
        return try await store.create(attempt)
    }

    /// Changes an attempt at a question of a team the member leads or coaches.
    public func update(_ attempt: Attempt) async throws -> Attempt {
        let stored = try await self.attempt(attempt.id)
        try requireEditor(of: try await learningQuestion(stored.question).team, and: try await learningQuestion(attempt.question).team,
                          to: "change attempts")
        return try await store.update(attempt)
    }

    /// Deletes an attempt at a question of a team the member leads or coaches.
    public func deleteAttempt(_ id: Attempt.ID) async throws {
        try requireEditor(of: try await learningQuestion(try await attempt(id).question).team, to: "delete attempts")
        try await store.delete(id)
    }

    /// Creates a student group in the codebook of a team the member leads or coaches.
    public func create(_ group: StudentGroup) async throws -> StudentGroup {
        try require(Self.editors, on: group.team, field: "team", to: "change the codebook")
        return try await store.create(group)
    }

    /// Changes a student group of a team the member leads or coaches.
    public func update(_ group: StudentGroup) async throws -> StudentGroup {
        try requireEditor(of: try await studentGroup(group.id).team, and: group.team, to: "change the codebook")
        return try await store.update(group)
    }

    /// Deletes a student group of a team the member leads or coaches.
    public func deleteStudentGroup(_ id: StudentGroup.ID) async throws {
        try requireEditor(of: try await studentGroup(id).team, to: "change the codebook")
        try await store.delete(id)
    }

    /// Creates a theme in the codebook of a team the member leads or coaches.
    public func create(_ theme: Theme) async throws -> Theme {
        try require(Self.editors, on: theme.team, field: "team", to: "change the codebook")
        return try await store.create(theme)
    }

    /// Changes a theme of a team the member leads or coaches.
    public func update(_ theme: Theme) async throws -> Theme {
        try requireEditor(of: try await self.theme(theme.id).team, and: theme.team, to: "change the codebook")
        return try await store.update(theme)
    }

    /// Deletes a theme of a team the member leads or coaches.
    public func deleteTheme(_ id: Theme.ID) async throws {
        try requireEditor(of: try await theme(id).team, to: "change the codebook")
        try await store.delete(id)
    }

    private func requireEditor(of stored: Team.ID, and changed: Team.ID? = nil, to action: String) throws {
        // A record inherited from above the member's teams reads as theirs but is not theirs to edit.
        for team in Set([stored, changed ?? stored]) {
            guard !roles(on: team).isEmpty else { throw SmallWinsError.forbidden("team \(team) keeps it; only its leads and coaches may \(action)") }
            try require(Self.editors, on: team, field: "team", to: action)
        }
    }

    // MARK: Helpers

    /// `query` limited to the member's teams: their roots when it names none, and otherwise the teams it names,
    /// each of which they must read.
    private func bounded(_ query: WinQuery) throws -> WinQuery {
        var bounded = query
        if query.teams.isEmpty {
            bounded.teams = Set(roots.compactMap(\.scope))
        } else if let outside = query.teams.first(where: { !readable.contains($0) }) {
            throw SmallWinsError.notFound(.team, id: outside.uuid)
        }
        return bounded
    }

    /// The records every root scope reads, each once (by `key`), in the order first read.
    private func union<Record: Identifiable>(_ read: (any WinStore) async throws -> [Record]) async throws -> [Record] where Record.ID: Hashable {
        try await union(key: \.id, read)
    }

    private func union<Record, Key: Hashable>(key: (Record) -> Key, _ read: (any WinStore) async throws -> [Record]) async throws -> [Record] {
        var seen: Set<Key> = [], records: [Record] = []
        for root in roots {
            for record in try await read(root) where seen.insert(key(record)).inserted { records.append(record) }
        }
        return records
    }

    /// The record the first root scope that sees it reads; ``SmallWinsError/notFound(_:id:)`` when none does.
    private func first<Record>(_ kind: EntityKind, _ id: UUID, _ read: (any WinStore) async throws -> Record) async throws -> Record {
        for root in roots {
            do { return try await read(root) } catch SmallWinsError.notFound {}
        }
        throw SmallWinsError.notFound(kind, id: id)
    }
}
