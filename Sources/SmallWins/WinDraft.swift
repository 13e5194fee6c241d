import Foundation

/// What a person writes to record a win: a ``Win`` without the fields the system assigns (its id, its author, when it
/// was recorded). A ``MemberSession`` records it as the signed-in member.
///
/// Decoding is for client bodies: the lists may be absent (empty), optional fields absent or `null`, and the draft
/// is validated as it is decoded, so a bad body fails with ``SmallWinsError/invalid(field:reason:)`` naming the field.
public struct WinDraft: Hashable, Sendable, Codable {
    /// The team the win belongs to.
    public var team: Team.ID
    /// Success or lesson.
    public var kind: Win.Kind
    /// The win in one line.
    public var title: String
    /// The story in the member's own words.
    public var story: String
    /// What was learned; required for a lesson.
    public var learned: String?
    /// What to try next.
    public var next: String?
    /// The calendar day it happened.
    public var day: Day
    /// The goal it serves.
    public var goal: Goal.ID?
    /// The attempt it came from.
    public var attempt: Attempt.ID?
    /// Themes of the codebook, in the order given.
    public var themes: [Theme.ID]
    /// Student groups the win touched.
    public var groups: [StudentGroup.ID]
    /// Colleagues the author thanks.
    public var shoutOuts: [Member.ID]

    /// A draft; the lists default to empty.
    public init(
        team: Team.ID, kind: Win.Kind, title: String, story: String, learned: String? = nil, next: String? = nil, day: Day,
        goal: Goal.ID? = nil, attempt: Attempt.ID? = nil, themes: [Theme.ID] = [], groups: [StudentGroup.ID] = [],
        shoutOuts: [Member.ID] = []
    ) {
        self.team = team
        self.kind = kind
        self.title = title
        self.story = story
        self.learned = learned
        self.next = next
        self.day = day
        self.goal = goal
        self.attempt = attempt
        self.themes = themes
        self.groups = groups
        self.shoutOuts = shoutOuts
    }

    /// The fields of `win` a person wrote.
    public init(_ win: Win) {
        self.init(team: win.team, kind: win.kind, title: win.title, story: win.story, learned: win.learned, next: win.next,
                  day: win.day, goal: win.goal, attempt: win.attempt, themes: win.themes, groups: win.groups, shoutOuts: win.shoutOuts)
    }

    /// The win `author` tells with this draft; the store stamps `recordedAt`.
    public func win(by author: Member.ID, id: Win.ID = Win.ID()) -> Win {
        Win(id: id, team: team, author: author, kind: kind, title: title, story: story, learned: learned, next: next, day: day,
            goal: goal, attempt: attempt, themes: themes, groups: groups, shoutOuts: shoutOuts)
    }

    private enum CodingKeys: String, CodingKey { case team, kind, title, story, learned, next, day, goal, attempt, themes, groups, shoutOuts }

    /// Decodes a client's body and validates it (``Win/validate()``).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            team: try container.decode(Team.ID.self, forKey: .team), kind: try container.decode(Win.Kind.self, forKey: .kind),
            title: try container.decode(String.self, forKey: .title), story: try container.decode(String.self, forKey: .story),
            learned: try container.decodeIfPresent(String.self, forKey: .learned),
            next: try container.decodeIfPresent(String.self, forKey: .next), day: try container.decode(Day.self, forKey: .day),
            goal: try container.decodeIfPresent(Goal.ID.self, forKey: .goal),
            attempt: try container.decodeIfPresent(Attempt.ID.self, forKey: .attempt),
            themes: try container.decodeIfPresent([Theme.ID].self, forKey: .themes) ?? [],
            groups: try container.decodeIfPresent([StudentGroup.ID].self, forKey: .groups) ?? [],
            shoutOuts: try container.decodeIfPresent([Member.ID].self, forKey: .shoutOuts) ?? [])
        try win(by: Member.ID()).validate()
    }
}
