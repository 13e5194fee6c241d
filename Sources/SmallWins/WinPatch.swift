import Foundation

/// A change to some fields of a win, as a client sends it to edit one (`PATCH`): a key that is absent keeps the
/// field; `null` clears an optional field (`learned`, `next`, `goal`, `attempt`); a value replaces it. Lists are
/// replaced whole. The id, the author and `recordedAt` never change.
public struct WinPatch: Hashable, Sendable, Codable {
    /// A new team, or `nil` to keep it.
    public var team: Team.ID?
    /// A new kind, or `nil` to keep it.
    public var kind: Win.Kind?
    /// A new title, or `nil` to keep it.
    public var title: String?
    /// A new story, or `nil` to keep it.
    public var story: String?
    /// `.some(text)` or `.some(nil)` to replace or clear what was learned; `nil` to keep it.
    public var learned: String??
    /// `.some(text)` or `.some(nil)` to replace or clear what to try next; `nil` to keep it.
    public var next: String??
    /// A new day, or `nil` to keep it.
    public var day: Day?
    /// `.some(goal)` or `.some(nil)` to replace or clear the goal; `nil` to keep it.
    public var goal: Goal.ID??
    /// `.some(attempt)` or `.some(nil)` to replace or clear the attempt; `nil` to keep it.
    public var attempt: Attempt.ID??
    /// New themes, or `nil` to keep them.
    public var themes: [Theme.ID]?
    /// New student groups, or `nil` to keep them.
    public var groups: [StudentGroup.ID]?
    /// New shout-outs, or `nil` to keep them.
    public var shoutOuts: [Member.ID]?

    /// A patch that changes nothing; set the fields to change.
    public init() {}

    /// `win` with this patch's fields applied.
    public func applied(to win: Win) -> Win {
        var changed = win
        if let team { changed.team = team }
        if let kind { changed.kind = kind }
        if let title { changed.title = title }
        if let story { changed.story = story }
        if let learned { changed.learned = learned }
        if let next { changed.next = next }
        if let day { changed.day = day }
        if let goal { changed.goal = goal }
        if let attempt { changed.attempt = attempt }
        if let themes { changed.themes = themes }
        if let groups { changed.groups = groups }
        if let shoutOuts { changed.shoutOuts = shoutOuts }
        return changed
    }

    private enum CodingKeys: String, CodingKey { case team, kind, title, story, learned, next, day, goal, attempt, themes, groups, shoutOuts }

    /// Decodes a client's body: absent keeps, `null` clears an optional field, and `null` for a required field
    /// (`team`, `kind`, `title`, `story`, `day`, the lists) is ``SmallWinsError/invalid(field:reason:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func required<T: Decodable>(_ key: CodingKeys) throws -> T? {
            guard container.contains(key) else { return nil }
            if try container.decodeNil(forKey: key) {
                throw SmallWinsError.invalid(field: key.stringValue, reason: "cannot be null; leave it out to keep it")
            }
            return try container.decode(T.self, forKey: key)
        }
        func clearable<T: Decodable>(_ key: CodingKeys) throws -> T?? {
            guard container.contains(key) else { return nil }
            return .some(try container.decodeNil(forKey: key) ? nil : try container.decode(T.self, forKey: key))
        }
        team = try required(.team)
        kind = try required(.kind)
        title = try required(.title)
        story = try required(.story)
        learned = try clearable(.learned)
        next = try clearable(.next)
        day = try required(.day)
        goal = try clearable(.goal)
        attempt = try clearable(.attempt)
        themes = try required(.themes)
        groups = try required(.groups)
        shoutOuts = try required(.shoutOuts)
    }

    /// Encodes the fields that change: `null` for a field cleared, nothing for a field kept.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        func clearable<T: Encodable>(_ value: T??, _ key: CodingKeys) throws {
            guard let value else { return }
            if let value { try container.encode(value, forKey: key) } else { try container.encodeNil(forKey: key) }
        }
        try container.encodeIfPresent(team, forKey: .team)
        try container.encodeIfPresent(kind, forKey: .kind)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(story, forKey: .story)
        try clearable(learned, .learned)
        try clearable(next, .next)
        try container.encodeIfPresent(day, forKey: .day)
        try clearable(goal, .goal)
        try clearable(attempt, .attempt)
        try container.encodeIfPresent(themes, forKey: .themes)
        try container.encodeIfPresent(groups, forKey: .groups)
        try container.encodeIfPresent(shoutOuts, forKey: .shoutOuts)
    }
}
