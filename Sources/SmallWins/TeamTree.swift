import Foundation

/// Teams by id with their nesting: each team's lineage, top team and path of names. Built from a list of
/// teams (a store's, an export's, an import's growing directory); a parent missing from the list ends the walk.
public struct TeamTree: Sendable {
    private var byID: [Team.ID: Team] = [:]

    /// The tree of `teams` (the first of any repeated id wins).
    public init(_ teams: [Team] = []) {
        for team in teams where byID[team.id] == nil { byID[team.id] = team }
    }

    /// Adds or replaces a team.
    public mutating func add(_ team: Team) { byID[team.id] = team }

    /// The team with this id, if the tree holds it.
    public subscript(id: Team.ID) -> Team? { byID[id] }

    /// Whether the tree holds no team.
    public var isEmpty: Bool { byID.isEmpty }

    /// The team and the teams above it that the tree holds, the team first.
    public func lineage(of id: Team.ID) -> [Team.ID] {
        guard byID[id] != nil else { return [] }
        var chain = [id]
        while let parent = byID[chain.last!]?.parent, byID[parent] != nil, !chain.contains(parent) { chain.append(parent) }
        return chain
    }

    /// The topmost team above `id` that the tree holds (`id` itself when it has none).
    public func root(of id: Team.ID) -> Team.ID { lineage(of: id).last ?? id }

    /// A path as people write it ("A / B / C" as exports print it, "A/B/C", " A /B "), made comparable: its
    /// names split at every "/", trimmed, empty ones dropped, joined with "/".
    public static func pathKey(_ text: String) -> String {
        text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// The names from the topmost team down to `id`, joined with `separator`; `nil` when the tree lacks `id`.
    public func path(of id: Team.ID, separator: String = " / ") -> String? {
        let names = lineage(of: id).reversed().compactMap { byID[$0]?.name }
        return names.isEmpty ? nil : names.joined(separator: separator)
    }
}
