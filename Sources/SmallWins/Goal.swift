import Foundation

/// A team's big goal, with what success looks, sounds and feels like and the student groups
/// it intends to serve (its equity focus).
public struct Goal: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a goal.
    public typealias ID = Identifier<Goal>

    /// Where a goal stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Being written; not yet adopted by the team.
        case draft
        /// Being worked on.
        case active
        /// Reached.
        case achieved
        /// Set aside without being reached.
        case retired
    }

    public var id: ID
    /// The team that owns the goal; wins of this team and of teams inside it can serve it.
    public var team: Team.ID
    /// The goal in one line.
    public var title: String
    /// A longer statement of the goal.
    public var summary: String?
    /// What success looks like, sounds like and feels like.
    public var success: SuccessCriteria
    /// The student groups the goal intends to serve, in the team's order of priority.
    public var focusGroups: [StudentGroup.ID]
    /// The first day of work on the goal.
    public var start: Day?
    /// The day the goal should be reached.
    public var end: Day?
    /// Draft, active, achieved or retired.
    public var status: Status

    /// A goal of `team`.
    public init(
        id: ID = ID(), team: Team.ID, title: String, summary: String? = nil,
        success: SuccessCriteria = SuccessCriteria(), focusGroups: [StudentGroup.ID] = [],
        start: Day? = nil, end: Day? = nil, status: Status = .active
    ) {
        self.id = id
        self.team = team
        self.title = title
        self.summary = summary
        self.success = success
        self.focusGroups = focusGroups
        self.start = start
        self.end = end
        self.status = status
    }

    public func validate() throws {
        try TextRules.line(title, field: "title", limit: TextRules.titleLength)
        try TextRules.optionalParagraph(summary, field: "summary")
        try success.validate()
        try TextRules.distinct(focusGroups, field: "focusGroups")
        if let start, let end, end < start {
            throw SmallWinsError.invalid(field: "end", reason: "\(end) is before the start, \(start)")
        }
    }
}

/// What success looks like, sounds like and feels like: the team's own picture of a goal reached.
public struct SuccessCriteria: Hashable, Sendable, Codable, Validatable {
    /// What you would see ("students reread to a partner").
    public var looksLike: [String]
    /// What you would hear ("I can read this!").
    public var soundsLike: [String]
    /// How it would feel ("confident", "proud").
    public var feelsLike: [String]

    /// Success criteria; each list may be empty.
    public init(looksLike: [String] = [], soundsLike: [String] = [], feelsLike: [String] = []) {
        self.looksLike = looksLike
        self.soundsLike = soundsLike
        self.feelsLike = feelsLike
    }

    /// Whether no criterion has been written yet.
    public var isEmpty: Bool { looksLike.isEmpty && soundsLike.isEmpty && feelsLike.isEmpty }

    public func validate() throws {
        for (field, lines) in [("looksLike", looksLike), ("soundsLike", soundsLike), ("feelsLike", feelsLike)] {
            if lines.count > 50 {
                throw SmallWinsError.invalid(field: "success.\(field)", reason: "has \(lines.count) lines; the limit is 50")
            }
            for line in lines {
                try TextRules.line(line, field: "success.\(field)", limit: TextRules.criterionLength)
            }
        }
    }
}

extension Goal {
    /// Decodes a goal as a client writes it: `id` absent gets a new one, `success` and `focusGroups` absent are
    /// empty, `status` absent is active; optional fields absent or `null` have no value.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decodeIfPresent(ID.self, forKey: .id) ?? ID(), team: try c.decode(Team.ID.self, forKey: .team),
            title: try c.decode(String.self, forKey: .title), summary: try c.decodeIfPresent(String.self, forKey: .summary),
            success: try c.decodeIfPresent(SuccessCriteria.self, forKey: .success) ?? SuccessCriteria(),
            focusGroups: try c.decodeIfPresent([StudentGroup.ID].self, forKey: .focusGroups) ?? [],
            start: try c.decodeIfPresent(Day.self, forKey: .start), end: try c.decodeIfPresent(Day.self, forKey: .end),
            status: try c.decodeIfPresent(Status.self, forKey: .status) ?? .active)
    }
}

extension SuccessCriteria {
    /// Decodes criteria with each absent list empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(looksLike: try c.decodeIfPresent([String].self, forKey: .looksLike) ?? [],
                  soundsLike: try c.decodeIfPresent([String].self, forKey: .soundsLike) ?? [],
                  feelsLike: try c.decodeIfPresent([String].self, forKey: .feelsLike) ?? [])
    }
}
