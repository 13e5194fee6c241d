import Foundation
import SmallWins

/// Every rule a snapshot must meet before it is written: each value valid, each id new, each reference
/// to a record of the snapshot. The directory is checked whole; wins one entry at a time, as they stream.
struct SnapshotCheck {
    /// Every problem found so far, in file order.
    private(set) var problems: [ImportError.Problem] = []
    /// Whether any problem was found.
    var hasProblems: Bool { !problems.isEmpty }
    private var teams: Set<Team.ID> = [], members: Set<Member.ID> = [], groups: Set<StudentGroup.ID> = []
    private var themes: Set<Theme.ID> = [], goals: Set<Goal.ID> = [], attempts: Set<Attempt.ID> = []
    /// Win and celebration ids seen since ``forgetSeenIDs()``.
    private var seenWins: Set<Win.ID> = [], seenCelebrations: Set<Celebration.ID> = []

    /// Checks the directory of `snapshot` (its wins are checked with ``check(_:at:)``).
    init(directory snapshot: Snapshot) {
        teams = unique(snapshot.teams, "teams")
        members = unique(snapshot.members, "members")
        groups = unique(snapshot.studentGroups, "studentGroups")
        themes = unique(snapshot.themes, "themes")
        goals = unique(snapshot.goals, "goals")
        let questions = unique(snapshot.learningQuestions, "learningQuestions")
        attempts = unique(snapshot.attempts, "attempts")

        for (index, team) in snapshot.teams.enumerated() {
            refer("teams[\(index)]", "parent", team.parent.map { [$0] } ?? [], in: teams)
        }
        for (index, member) in snapshot.members.enumerated() {
            refer("members[\(index)]", "organization", [member.organization], in: teams)
        }
        for (index, membership) in snapshot.memberships.enumerated() {
            refer("memberships[\(index)]", "member", [membership.member], in: members)
            refer("memberships[\(index)]", "team", [membership.team], in: teams)
        }
        for (index, group) in snapshot.studentGroups.enumerated() { refer("studentGroups[\(index)]", "team", [group.team], in: teams) }
        for (index, theme) in snapshot.themes.enumerated() { refer("themes[\(index)]", "team", [theme.team], in: teams) }
        for (index, goal) in snapshot.goals.enumerated() {
            refer("goals[\(index)]", "team", [goal.team], in: teams)
            refer("goals[\(index)]", "focusGroups", goal.focusGroups, in: groups)
        }
        for (index, question) in snapshot.learningQuestions.enumerated() {
            refer("learningQuestions[\(index)]", "team", [question.team], in: teams)
            refer("learningQuestions[\(index)]", "goal", question.goal.map { [$0] } ?? [], in: goals)
        }
        for (index, attempt) in snapshot.attempts.enumerated() {
            refer("attempts[\(index)]", "question", [attempt.question], in: questions)
        }
    }

    /// Checks one entry of `wins`, found at `at` ("wins[7]").
    mutating func check(_ entry: Snapshot.Entry, at: String) {
        let win = entry.win, place = at + ".win"
        noteInvalid(win, at: place, new: seenWins.insert(win.id).inserted)
        refer(place, "team", [win.team], in: teams)
        refer(place, "author", [win.author], in: members)
        refer(place, "goal", win.goal.map { [$0] } ?? [], in: goals)
        refer(place, "attempt", win.attempt.map { [$0] } ?? [], in: attempts)
        refer(place, "themes", win.themes, in: themes)
        refer(place, "groups", win.groups, in: groups)
        refer(place, "shoutOuts", win.shoutOuts, in: members)
        for (position, celebration) in entry.celebrations.enumerated() {
            let place = "\(at).celebrations[\(position)]"
            noteInvalid(celebration, at: place, new: seenCelebrations.insert(celebration.id).inserted)
            if celebration.win != win.id {
                problems.append(.init(location: place, field: "win", reason: "is \(celebration.win), not the win it is listed with"))
            }
            refer(place, "by", [celebration.by], in: members)
        }
    }

    /// Adds a problem found elsewhere (syntax, decoding).
    mutating func note(_ problem: ImportError.Problem) { problems.append(problem) }

    /// Forgets the win and celebration ids seen, so memory stays bounded; a repeat of a forgotten id is
    /// refused by the store instead.
    mutating func forgetSeenIDs() {
        seenWins.removeAll(keepingCapacity: true)
        seenCelebrations.removeAll(keepingCapacity: true)
    }

    /// The ids of `values`, noting invalid values and repeated ids.
    private mutating func unique<Value: Identifiable & Validatable>(_ values: [Value], _ list: String) -> Set<Value.ID> {
        var ids: Set<Value.ID> = []
        for (index, value) in values.enumerated() {
            noteInvalid(value, at: "\(list)[\(index)]", new: ids.insert(value.id).inserted)
        }
        return ids
    }

    /// Notes a repeated id (`new` is false) and each rule `value` breaks.
    private mutating func noteInvalid(_ value: some Validatable, at: String, new: Bool) {
        if !new { problems.append(.init(location: at, field: "id", reason: "repeats an id listed before")) }
        do {
            try value.validate()
        } catch let SmallWinsError.invalid(field, reason) {
            problems.append(.init(location: at, field: field, reason: reason))
        } catch {
            problems.append(.init(location: at, reason: String(describing: error)))
        }
    }

    /// Notes each of `ids` that is not in `known`.
    private mutating func refer<ID: Hashable & CustomStringConvertible>(_ at: String, _ field: String, _ ids: [ID], in known: Set<ID>) {
        for id in ids where !known.contains(id) {
            problems.append(.init(location: at, field: field, reason: "refers to \(id), which the snapshot does not hold"))
        }
    }
}
