import Foundation

/// Which wins to fetch. Filters combine with AND; the values inside one filter combine with OR
/// (`themes: [a, b]` finds wins coded with `a` or `b`). An empty set means "no filter".
///
/// Results always come newest first: by ``Win/day`` descending, then by id descending.
public struct WinQuery: Hashable, Sendable, Codable {
    /// Only wins on these days.
    public var period: Period?
    /// Only successes, only lessons, or both (empty).
    public var kinds: Set<Win.Kind>
    /// Only wins serving one of these goals.
    public var goals: Set<Goal.ID>
    /// Only wins from one of these attempts.
    public var attempts: Set<Attempt.ID>
    /// Only wins coded with one of these themes.
    public var themes: Set<Theme.ID>
    /// Only wins touching one of these student groups.
    public var groups: Set<StudentGroup.ID>
    /// Only wins told by one of these members.
    public var authors: Set<Member.ID>
    /// Only wins of these teams' subtrees (inside the store's scope).
    public var teams: Set<Team.ID>
    /// Only wins whose title or story holds every word here, as a word or the start of one,
    /// ignoring case and accents ("fluen" finds "Fluency").
    public var text: String?

    /// A query; every filter is optional.
    public init(
        period: Period? = nil, kinds: Set<Win.Kind> = [], goals: Set<Goal.ID> = [],
        attempts: Set<Attempt.ID> = [], themes: Set<Theme.ID> = [], groups: Set<StudentGroup.ID> = [],
        authors: Set<Member.ID> = [], teams: Set<Team.ID> = [], text: String? = nil
    ) {
        self.period = period
        self.kinds = kinds
        self.goals = goals
        self.attempts = attempts
        self.themes = themes
        self.groups = groups
        self.authors = authors
        self.teams = teams
        self.text = text
    }

    private enum CodingKeys: String, CodingKey { case period, kinds, goals, attempts, themes, groups, authors, teams, text }

    /// Decodes a query in which every key may be absent (no filter) or `null`; a period that ends before it starts
    /// throws ``SmallWinsError/invalid(field:reason:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func set<Element: Decodable & Hashable>(_ key: CodingKeys) throws -> Set<Element> {
            try container.decodeIfPresent(Set<Element>.self, forKey: key) ?? []
        }
        self.init(
            period: try container.decodeIfPresent(Period.self, forKey: .period), kinds: try set(.kinds), goals: try set(.goals),
            attempts: try set(.attempts), themes: try set(.themes), groups: try set(.groups), authors: try set(.authors),
            teams: try set(.teams), text: try container.decodeIfPresent(String.self, forKey: .text))
    }

    /// Every filter as text, the same for equal queries in any process: what binds a ``WinCursor`` to the query it was
    /// issued for.
    var canonicalText: String {
        func sorted<Subject>(_ ids: Set<Identifier<Subject>>) -> String { ids.sorted().map(\.description).joined(separator: ",") }
        return [
            period.map { "\($0.first.iso)...\($0.last.iso)" } ?? "", kinds.map(\.rawValue).sorted().joined(separator: ","),
            sorted(goals), sorted(attempts), sorted(themes), sorted(groups), sorted(authors), sorted(teams), text ?? "",
        ].joined(separator: "\n")
    }

    /// The words of ``text`` a backend searches for (`SearchText.words(_:)`), each as a word or the
    /// start of one. Throws when `text` is given but holds no word.
    public func searchTerms() throws -> [String] {
        guard let text else { return [] }
        if text.count > 500 {
            throw SmallWinsError.invalid(field: "text", reason: "is \(text.count) characters; the limit is 500")
        }
        let terms = SearchText.words(text)
        if terms.isEmpty {
            throw SmallWinsError.invalid(field: "text", reason: "holds no word to search for")
        }
        return terms
    }
}
