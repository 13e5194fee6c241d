import Foundation
import SmallWins

/// Reads a ``Snapshot`` and writes it into an empty store, all or nothing.
///
/// The whole file is read and checked first (syntax, `format` and `schemaVersion`, every value's rules,
/// every reference and duplicate id), so a bad file is refused with each problem's location before
/// anything is written; then it is written in one transaction of the store (`StoreCopy`), so a record the
/// store refuses, or a process killed part way, leaves the store as it was. The snapshot is held in memory
/// while it is imported.
public struct SnapshotImporter: Sendable {
    /// An importer.
    public init() {}

    /// The snapshot in `data`, checked; throws `ImportError` naming where each problem is.
    public func read(_ data: Data) throws -> Snapshot {
        let snapshot: Snapshot
        do {
            snapshot = try JSONDecoder.smallWins().decode(Snapshot.self, from: data)
        } catch let error as DecodingError {
            if let syntax = JSONSyntax.firstError(in: data) {
                throw ImportError(location: "line \(syntax.line), column \(syntax.column)", reason: "not valid JSON: \(syntax.reason)")
            }
            throw ImportError([Self.problem(error)])
        }
        guard snapshot.format == Snapshot.formatName else {
            throw ImportError(location: "format", reason: "is \"\(snapshot.format)\", not \"\(Snapshot.formatName)\"")
        }
        guard snapshot.schemaVersion == Snapshot.currentSchemaVersion else {
            throw ImportError(location: "schemaVersion", reason: "\(snapshot.schemaVersion) is not a version this SmallWins reads (\(Snapshot.currentSchemaVersion))")
        }
        let problems = SnapshotCheck(snapshot).problems
        if !problems.isEmpty { throw ImportError(problems) }
        return snapshot
    }

    /// Imports the snapshot in `data` into `store`, which must hold no team yet.
    @discardableResult
    public func `import`(
        _ data: Data, into store: any WinStore, progress: (@Sendable (StoreCopy.Counts) -> Void)? = nil
    ) async throws -> StoreCopy.Counts {
        let snapshot = try read(data)
        return try await StoreCopy.copy(snapshot.content, to: store, requiringEmpty: "into", progress: progress)
    }

    /// Where a decoding error happened and why, in words.
    static func problem(_ error: DecodingError) -> ImportError.Problem {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the document" : text)
        }
        switch error {
        case let .dataCorrupted(context):
            return .init(location: path(context.codingPath), reason: context.debugDescription)
        case let .keyNotFound(key, context):
            return .init(location: path(context.codingPath), field: key.stringValue, reason: "is missing")
        case let .typeMismatch(type, context):
            return .init(location: path(context.codingPath), reason: "expected \(type): \(context.debugDescription)")
        case let .valueNotFound(type, context):
            return .init(location: path(context.codingPath), reason: "expected \(type), found null")
        @unknown default:
            return .init(location: "the document", reason: String(describing: error))
        }
    }
}

/// Every rule a snapshot must meet before it is written: each value valid, each id new, each reference
/// to a record of the snapshot.
struct SnapshotCheck {
    private(set) var problems: [ImportError.Problem] = []

    init(_ snapshot: Snapshot) {
        let teams = unique(snapshot.teams, "teams")
        let members = unique(snapshot.members, "members")
        let groups = unique(snapshot.studentGroups, "studentGroups")
        let themes = unique(snapshot.themes, "themes")
        let goals = unique(snapshot.goals, "goals")
        let questions = unique(snapshot.learningQuestions, "learningQuestions")
        let attempts = unique(snapshot.attempts, "attempts")
        let wins = unique(snapshot.wins.map(\.win), "wins", suffix: ".win")
        _ = unique(snapshot.wins.flatMap(\.celebrations), "celebrations")

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
        for (index, entry) in snapshot.wins.enumerated() {
            let win = entry.win, at = "wins[\(index)].win"
            refer(at, "team", [win.team], in: teams)
            refer(at, "author", [win.author], in: members)
            refer(at, "goal", win.goal.map { [$0] } ?? [], in: goals)
            refer(at, "attempt", win.attempt.map { [$0] } ?? [], in: attempts)
            refer(at, "themes", win.themes, in: themes)
            refer(at, "groups", win.groups, in: groups)
            refer(at, "shoutOuts", win.shoutOuts, in: members)
            for (position, celebration) in entry.celebrations.enumerated() {
                let place = "wins[\(index)].celebrations[\(position)]"
                if celebration.win != win.id {
                    problems.append(.init(location: place, field: "win", reason: "is \(celebration.win), not the win it is listed with"))
                }
                refer(place, "by", [celebration.by], in: members)
            }
        }
        _ = wins
    }

    /// The ids of `values`, noting invalid values and repeated ids.
    private mutating func unique<Value: Identifiable & Validatable>(_ values: [Value], _ list: String, suffix: String = "") -> Set<Value.ID> {
        var ids: Set<Value.ID> = []
        for (index, value) in values.enumerated() {
            let at = "\(list)[\(index)]\(suffix)"
            if !ids.insert(value.id).inserted {
                problems.append(.init(location: at, field: "id", reason: "repeats an id listed before"))
            }
            do {
                try value.validate()
            } catch let SmallWinsError.invalid(field, reason) {
                problems.append(.init(location: at, field: field, reason: reason))
            } catch {
                problems.append(.init(location: at, reason: String(describing: error)))
            }
        }
        return ids
    }

    /// Notes each of `ids` that is not in `known`.
    private mutating func refer<ID: Hashable & CustomStringConvertible>(_ at: String, _ field: String, _ ids: [ID], in known: Set<ID>) {
        for id in ids where !known.contains(id) {
            problems.append(.init(location: at, field: field, reason: "refers to \(id), which the snapshot does not hold"))
        }
    }
}
