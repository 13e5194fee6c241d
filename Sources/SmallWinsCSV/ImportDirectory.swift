import Foundation
import SmallWins

/// Names to ids, exact first, then ignoring case; several records with one name are ambiguous.
struct NameIndex<ID: Hashable> {
    /// What a name finds.
    enum Match: Equatable {
        case none, one(ID), many(Int)
    }

    private var exact: [String: [ID]] = [:]
    private var folded: [String: [ID]] = [:]

    mutating func add(_ name: String, _ id: ID) {
        exact[name, default: []].append(id)
        folded[name.lowercased(), default: []].append(id)
    }

    func find(_ name: String) -> Match {
        for ids in [exact[name], folded[name.lowercased()]] {
            guard let ids, !ids.isEmpty else { continue }
            return ids.count == 1 ? .one(ids[0]) : .many(ids.count)
        }
        return .none
    }
}

/// The records an import can refer to: those in the store, plus those the import will create.
struct ImportDirectory {
    private(set) var teams = TeamTree()
    private var teamPaths = NameIndex<Team.ID>()
    private(set) var members: Set<Member.ID> = []
    private(set) var memberNames = NameIndex<Member.ID>()
    /// Members by email, in lower case.
    private(set) var memberEmails = NameIndex<Member.ID>()
    /// Each member's email, for those that have one.
    private(set) var memberEmail: [Member.ID: String] = [:]
    private(set) var themes: [Theme.ID: Team.ID] = [:]
    private(set) var themeNames: [Team.ID: NameIndex<Theme.ID>] = [:]
    private(set) var groups: [StudentGroup.ID: Team.ID] = [:]
    private(set) var groupNames: [Team.ID: NameIndex<StudentGroup.ID>] = [:]
    private(set) var memberships: Set<Pair> = []
    private(set) var goals: Set<Goal.ID> = []
    private(set) var goalTitles = NameIndex<Goal.ID>()
    private(set) var questions: Set<LearningQuestion.ID> = []
    private(set) var questionTexts = NameIndex<LearningQuestion.ID>()
    private(set) var attempts: Set<Attempt.ID> = []
    private(set) var attemptTitles = NameIndex<Attempt.ID>()

    init(store: any WinStore) async throws {
        let teams = try await store.teams()
        // The whole tree first, so a team listed before its parent is indexed by its full path.
        for team in teams { self.teams.add(team) }
        for team in teams { add(team) }
        for member in try await store.members() { add(member) }
        for membership in try await store.memberships(member: nil, team: nil) { add(membership) }
        for theme in try await store.themes() { add(theme) }
        for group in try await store.studentGroups() { add(group) }
        for goal in try await store.goals() { add(goal) }
        for question in try await store.learningQuestions() { add(question) }
        for attempt in try await store.attempts(question: nil) { add(attempt) }
    }

    var isEmpty: Bool { teams.isEmpty }

    mutating func add(_ team: Team) {
        teams.add(team)
        // Every tail of its path: "Grade 3", "Cedar Elementary/Grade 3", "Riverbend Unified/Cedar Elementary/Grade 3".
        let names = TeamTree.pathKey(path(team.id)).split(separator: "/")
        for count in 1...max(1, names.count) { teamPaths.add(names.suffix(count).joined(separator: "/"), team.id) }
    }

    /// The team at `path`, from the top or any team above it, written any way the tool prints one ("A / B / C"
    /// or "A/B/C").
    func team(atPath path: String) -> NameIndex<Team.ID>.Match { teamPaths.find(TeamTree.pathKey(path)) }

    mutating func add(_ member: Member) {
        members.insert(member.id)
        memberNames.add(member.name, member.id)
        if let email = member.email { setEmail(email, of: member.id) }
    }

    /// Records `email` as the address of `member`.
    mutating func setEmail(_ email: String, of member: Member.ID) {
        memberEmails.add(email.lowercased(), member)
        memberEmail[member] = email
    }

    /// A member and a team.
    struct Pair: Hashable {
        let member: Member.ID
        let team: Team.ID
    }

    mutating func add(_ membership: Membership) {
        memberships.insert(Pair(member: membership.member, team: membership.team))
    }

    /// Whether `member` belongs to `team` or a team above it.
    func isMember(_ member: Member.ID, of team: Team.ID) -> Bool {
        lineage(team).contains { memberships.contains(Pair(member: member, team: $0)) }
    }

    mutating func add(_ theme: Theme) {
        themes[theme.id] = theme.team
        themeNames[theme.team, default: NameIndex()].add(theme.name, theme.id)
    }

    mutating func add(_ group: StudentGroup) {
        groups[group.id] = group.team
        groupNames[group.team, default: NameIndex()].add(group.name, group.id)
    }

    mutating func add(_ goal: Goal) {
        goals.insert(goal.id)
        goalTitles.add(goal.title, goal.id)
    }

    mutating func add(_ question: LearningQuestion) {
        questions.insert(question.id)
        questionTexts.add(question.text, question.id)
    }

    mutating func add(_ attempt: Attempt) {
        attempts.insert(attempt.id)
        attemptTitles.add(attempt.title, attempt.id)
    }

    /// "District / School / Team".
    func path(_ id: Team.ID) -> String { teams.path(of: id, separator: ExportNames.pathSeparator) ?? "" }

    /// The team and its ancestors, the team first.
    func lineage(_ id: Team.ID) -> [Team.ID] { teams.lineage(of: id) }

    /// The top team above `id` (itself when it has no parent).
    func root(_ id: Team.ID) -> Team.ID { teams.root(of: id) }

    /// A theme named `name`, kept by `team` or a team above it.
    func theme(_ name: String, visibleFrom team: Team.ID) -> NameIndex<Theme.ID>.Match {
        visible(name, from: team, in: themeNames)
    }

    /// A student group named `name`, kept by `team` or a team above it.
    func group(_ name: String, visibleFrom team: Team.ID) -> NameIndex<StudentGroup.ID>.Match {
        visible(name, from: team, in: groupNames)
    }

    /// The nearest keeper's match: a team's own codebook wins over its school's and district's.
    private func visible<ID>(_ name: String, from team: Team.ID, in books: [Team.ID: NameIndex<ID>]) -> NameIndex<ID>.Match {
        for keeper in lineage(team) {
            let match = books[keeper]?.find(name) ?? .none
            if match != .none { return match }
        }
        return .none
    }
}
