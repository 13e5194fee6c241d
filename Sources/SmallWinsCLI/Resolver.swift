import Foundation
import SmallWins
import SmallWinsSQLite

/// Finds records from what a person types: a full id, the short id shown in tables
/// (its last eight hex digits, or more), or a name. Teams also answer to their path or its
/// tail (`North Elementary/Grade 3`), which tells apart teams of the same name.
struct Resolver {
    let store: any WinStore

    func team(_ reference: String) async throws -> Team {
        let teams = try await store.teams()
        let paths = TeamPaths(teams)
        return try pick(reference, "team", from: teams, id: \.id.description, comparing: { TeamTree.pathKey($0).lowercased() }) {
            paths.suffixes(of: $0.id)
        }
    }

    func member(_ reference: String) async throws -> Member {
        try pick(reference, "member", from: try await store.members(), id: \.id.description) { [$0.name] + ($0.email.map { [$0] } ?? []) }
    }

    func group(_ reference: String) async throws -> StudentGroup { try await entry(reference) }

    func theme(_ reference: String) async throws -> Theme { try await entry(reference) }

    /// A codebook entry (a student group or a theme) by id, short id or name.
    func entry<Entry: CodebookEntry>(_ reference: String) async throws -> Entry {
        try pick(reference, Entry.noun, from: try await Entry.all(in: store), id: \.id.description) { [$0.name] }
    }

    func goal(_ reference: String) async throws -> Goal {
        try pick(reference, "goal", from: try await store.goals(), id: \.id.description) { [$0.title] }
    }

    func question(_ reference: String) async throws -> LearningQuestion {
        try pick(reference, "learning question", from: try await store.learningQuestions(), id: \.id.description) { [$0.text] }
    }

    func attempt(_ reference: String) async throws -> Attempt {
        try pick(reference, "attempt", from: try await store.attempts(question: nil), id: \.id.description) { [$0.title] }
    }

    /// A win by full id, by its short id (found by streaming the wins, newest first), or by its exact title
    /// when only one win has it.
    func win(_ reference: String) async throws -> Win {
        if let id = Win.ID(reference) { return try await store.win(id) }
        let suffix = reference.lowercased()
        if suffix.count >= 6, suffix.allSatisfy(\.isHexDigit) {
            var found: [Win] = []
            for try await win in store.allWins() where win.id.description.hasSuffix(suffix) {
                found.append(win)
                if found.count > 1 { throw CLIError("short id \(reference) matches several wins; give more of the id") }
            }
            if let win = found.first { return win }
        }
        let titled = (try? WinQuery(text: reference).searchTerms()).map { _ in store.allWins(WinQuery(text: reference)) }
        var matches: [Win] = []
        if let titled {
            for try await win in titled where win.title.lowercased() == suffix { matches.append(win) }
        }
        switch matches.count {
        case 1: return matches[0]
        case 0 where suffix.count >= 6 && suffix.allSatisfy(\.isHexDigit):
            throw CLIError("no win with id ending in \(reference), and none titled so")
        case 0: throw CLIError("no win with id or title \"\(reference)\"; use the id shown by `smallwins win list`")
        default: throw CLIError("\(matches.count) wins are titled \"\(reference)\"; use the id shown by `smallwins win list`")
        }
    }

    /// The one record whose id is `reference`, whose short id ends it, or whose name matches it (ignoring case).
    private func pick<Value>(_ reference: String, _ kind: String, from values: [Value], id: (Value) -> String,
                             comparing key: (String) -> String = { $0.lowercased() }, names: (Value) -> [String]) throws -> Value {
        let wanted = reference.lowercased()
        if let exact = values.first(where: { id($0) == wanted }) { return exact }
        let wantedKey = key(reference)
        var matches = values.filter { names($0).contains { key($0) == wantedKey } }
        if matches.isEmpty, wanted.count >= 6, wanted.allSatisfy(\.isHexDigit) {
            matches = values.filter { id($0).hasSuffix(wanted) }
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw CLIError("no \(kind) matches \"\(reference)\"")
        default:
            let choices = matches.prefix(5).map { "\(names($0).last ?? "") (\(id($0).suffix(8)))" }.joined(separator: ", ")
            throw CLIError("\"\(reference)\" could be several \(kind)s: \(choices); give the path or the id")
        }
    }
}

/// Each team's path from its root, like `Riverside District/North Elementary/Grade 3`.
struct TeamPaths {
    private let tree: TeamTree

    init(_ teams: [Team]) { tree = TeamTree(teams) }

    /// The path of names from the outermost visible team down to `id`.
    func path(of id: Team.ID) -> String { tree.path(of: id, separator: "/") ?? "" }

    /// Every tail of the team's path, shortest (its name) first: `Grade 3`, `North/Grade 3`, ...
    func suffixes(of id: Team.ID) -> [String] {
        let names = path(of: id).split(separator: "/", omittingEmptySubsequences: false)
        return (1...max(1, names.count)).map { names.suffix($0).joined(separator: "/") }
    }

    /// The team's name, or its id when it is not visible.
    func name(of id: Team.ID) -> String { tree[id]?.name ?? id.short }
}
