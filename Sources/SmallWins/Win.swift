import Foundation

/// A small win: a success, or a lesson learned from an attempt that did not work,
/// told in the member's own words.
public struct Win: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a win.
    public typealias ID = Identifier<Win>

    /// Whether the win is a success or a lesson learned.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Something worked.
        case success
        /// Something did not work, and the team learned from it.
        case lesson
    }

    public var id: ID
    /// The team the win belongs to.
    public var team: Team.ID
    /// The member who tells it.
    public var author: Member.ID
    /// Success or lesson.
    public var kind: Kind
    /// The win in one line.
    public var title: String
    /// The story in the member's own words; stored exactly as written.
    public var story: String
    /// What was learned; required for a lesson.
    public var learned: String?
    /// What to try next.
    public var next: String?
    /// The calendar day it happened.
    public var day: Day
    /// The goal it serves: a goal of the win's team or of a team above it.
    public var goal: Goal.ID?
    /// The attempt it came from: one on the agenda of the win's team or a team above it.
    public var attempt: Attempt.ID?
    /// Themes of the codebook, in the order given.
    public var themes: [Theme.ID]
    /// Student groups the win touched.
    public var groups: [StudentGroup.ID]
    /// Colleagues the author thanks.
    public var shoutOuts: [Member.ID]
    /// When it was recorded (UTC, millisecond precision); set by the store.
    public var recordedAt: Date

    /// A win or lesson; `recordedAt` is replaced by the store's clock when recorded.
    public init(
        id: ID = ID(), team: Team.ID, author: Member.ID, kind: Kind, title: String, story: String,
        learned: String? = nil, next: String? = nil, day: Day, goal: Goal.ID? = nil,
        attempt: Attempt.ID? = nil, themes: [Theme.ID] = [], groups: [StudentGroup.ID] = [],
        shoutOuts: [Member.ID] = [], recordedAt: Date = Date()
    ) {
        self.id = id
        self.team = team
        self.author = author
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
        self.recordedAt = recordedAt
    }

    public func validate() throws {
        try TextRules.line(title, field: "title", limit: TextRules.titleLength)
        try TextRules.paragraph(story, field: "story")
        try TextRules.optionalParagraph(learned, field: "learned")
        try TextRules.optionalParagraph(next, field: "next")
        if kind == .lesson, learned == nil {
            throw SmallWinsError.invalid(field: "learned", reason: "a lesson must say what was learned")
        }
        if day < Day.earliest || day > Day.latest {
            throw SmallWinsError.invalid(field: "day", reason: "\(day) is outside \(Day.earliest)...\(Day.latest)")
        }
        try TextRules.distinct(themes, field: "themes")
        try TextRules.distinct(groups, field: "groups")
        try TextRules.distinct(shoutOuts, field: "shoutOuts")
        for (field, count) in [("themes", themes.count), ("groups", groups.count), ("shoutOuts", shoutOuts.count)]
        where count > 50 {
            throw SmallWinsError.invalid(field: field, reason: "has \(count) entries; the limit is 50")
        }
        if shoutOuts.contains(author) {
            throw SmallWinsError.invalid(field: "shoutOuts", reason: "the author cannot give a shout-out to themselves")
        }
    }
}

/// A colleague celebrating a win.
public struct Celebration: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a celebration.
    public typealias ID = Identifier<Celebration>

    /// How the win is celebrated.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Confetti: joy at the win.
        case confetti
        /// Applause: admiration for the work.
        case applause
        /// Gratitude for what the win gave others.
        case thanks
        /// A public mention, by name, of someone who helped.
        case shoutOut
    }

    public var id: ID
    /// The win celebrated.
    public var win: Win.ID
    /// The member celebrating.
    public var by: Member.ID
    /// Confetti, applause, thanks or a shout-out.
    public var kind: Kind
    /// An optional short message.
    public var message: String?
    /// When it happened (UTC, millisecond precision); set by the store.
    public var at: Date

    /// `by` celebrates `win`.
    public init(
        id: ID = ID(), win: Win.ID, by: Member.ID, kind: Kind, message: String? = nil, at: Date = Date()
    ) {
        self.id = id
        self.win = win
        self.by = by
        self.kind = kind
        self.message = message
        self.at = at
    }

    /// Longest celebration message.
    public static let messageLength = 1_000

    public func validate() throws {
        try TextRules.optionalParagraph(message, field: "message", limit: Celebration.messageLength)
    }
}

extension Celebration {
    /// `celebrations` grouped by win in the order of `wins`, each win's oldest first: the order of
    /// ``WinStore/celebrations(ofWins:)``.
    public static func grouped(_ celebrations: [Celebration], by wins: [Win.ID]) -> [Celebration] {
        let byWin = Dictionary(grouping: celebrations, by: \.win)
        return wins.flatMap { win in
            (byWin[win] ?? []).sorted { ($0.at, $0.id.description) < ($1.at, $1.id.description) }
        }
    }
}
