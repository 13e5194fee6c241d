import Foundation

/// A question on a team's learning agenda
/// ("Does small-group fluency practice help our multilingual learners?").
public struct LearningQuestion: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a learning question.
    public typealias ID = Identifier<LearningQuestion>

    /// Whether the team is still learning about the question.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Still being learned about.
        case open
        /// The team has its answer.
        case answered
    }

    public var id: ID
    /// The team whose agenda holds the question.
    public var team: Team.ID
    /// The question, one line.
    public var text: String
    /// The goal the question serves, if any.
    public var goal: Goal.ID?
    /// Open or answered.
    public var status: Status
    /// What the team concluded, once answered.
    public var answer: String?

    /// A question on `team`'s learning agenda.
    public init(
        id: ID = ID(), team: Team.ID, text: String, goal: Goal.ID? = nil,
        status: Status = .open, answer: String? = nil
    ) {
        self.id = id
        self.team = team
        self.text = text
        self.goal = goal
        self.status = status
        self.answer = answer
    }

    public func validate() throws {
        try TextRules.line(text, field: "text", limit: TextRules.titleLength)
        try TextRules.optionalParagraph(answer, field: "answer")
    }
}

/// Something a team tries in order to learn about one of its questions.
public struct Attempt: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies an attempt.
    public typealias ID = Identifier<Attempt>

    /// Where an attempt stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        /// Not started yet.
        case planned
        /// Being tried now.
        case underway
        /// It worked and the team keeps doing it.
        case adopted
        /// It did not work (a lesson) or was stopped.
        case dropped
    }

    public var id: ID
    /// The learning question it helps answer; the attempt belongs to that question's team.
    public var question: LearningQuestion.ID
    /// What is tried, one line.
    public var title: String
    /// How it is tried.
    public var description: String?
    /// When it started.
    public var start: Day?
    /// Planned, underway, adopted or dropped.
    public var status: Status

    /// An attempt at `question`.
    public init(
        id: ID = ID(), question: LearningQuestion.ID, title: String, description: String? = nil,
        start: Day? = nil, status: Status = .planned
    ) {
        self.id = id
        self.question = question
        self.title = title
        self.description = description
        self.start = start
        self.status = status
    }

    public func validate() throws {
        try TextRules.line(title, field: "title", limit: TextRules.titleLength)
        try TextRules.optionalParagraph(description, field: "description")
    }
}

extension LearningQuestion {
    /// Decodes a question as a client writes it: `id` absent gets a new one, `status` absent is open.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(ID.self, forKey: .id) ?? ID(), team: try c.decode(Team.ID.self, forKey: .team),
                  text: try c.decode(String.self, forKey: .text), goal: try c.decodeIfPresent(Goal.ID.self, forKey: .goal),
                  status: try c.decodeIfPresent(Status.self, forKey: .status) ?? .open, answer: try c.decodeIfPresent(String.self, forKey: .answer))
    }
}

extension Attempt {
    /// Decodes an attempt as a client writes it: `id` absent gets a new one, `status` absent is planned.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(ID.self, forKey: .id) ?? ID(), question: try c.decode(LearningQuestion.ID.self, forKey: .question),
                  title: try c.decode(String.self, forKey: .title), description: try c.decodeIfPresent(String.self, forKey: .description),
                  start: try c.decodeIfPresent(Day.self, forKey: .start), status: try c.decodeIfPresent(Status.self, forKey: .status) ?? .planned)
    }
}
