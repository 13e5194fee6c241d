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

/// Where a page of wins ended; pass it back to get the next page.
///
/// A cursor is a position (the last win's day and id), not an offset, so pages stay correct
/// while colleagues keep recording wins, and a page deep in the result costs no more than the first.
public struct WinCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The day of the last win on the page.
    public let day: Day
    /// The id of the last win on the page.
    public let id: Win.ID

    /// The position just after `win`.
    public init(after win: Win) {
        self.day = win.day
        self.id = win.id
    }

    /// Parses a cursor's text form (`YYYY-MM-DD/uuid`), as printed by the CLI.
    public init(token: String) throws {
        let parts = token.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, let day = try? Day(iso: String(parts[0])), let id = Win.ID(String(parts[1])) else {
            throw SmallWinsError.invalidCursor("\"\(token.prefix(80))\" is not a cursor this store handed out")
        }
        self.day = day
        self.id = id
    }

    /// The cursor's text form.
    public var token: String { "\(day.iso)/\(id)" }

    public var description: String { token }
}

/// One page of wins, newest first, and the cursor to the next page.
public struct WinPage: Hashable, Sendable, Codable {
    /// The wins on this page.
    public var wins: [Win]
    /// Where to continue, or `nil` when this is the last page.
    public var next: WinCursor?

    /// A page.
    public init(wins: [Win], next: WinCursor?) {
        self.wins = wins
        self.next = next
    }

    /// The largest page a store hands out.
    public static let maximumLimit = 1_000

    /// Throws unless `limit` is 1...``maximumLimit``.
    public static func validate(limit: Int) throws {
        guard (1...maximumLimit).contains(limit) else {
            throw SmallWinsError.invalid(field: "limit", reason: "must be 1...\(maximumLimit), got \(limit)")
        }
    }
}
