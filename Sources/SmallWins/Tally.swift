/// A record the dashboard counts wins by: a goal, a theme or a student group.
public protocol TallySubject: Sendable {
    /// The JSON key of the record's id in a ``Tally``: `goal`, `theme` or `group`.
    static var tallyKey: String { get }
    /// The JSON key of the record's label in a ``Tally``: `title` for a goal, `name` otherwise.
    static var tallyLabelKey: String { get }
}

extension Goal: TallySubject {
    public static var tallyKey: String { "goal" }
    public static var tallyLabelKey: String { "title" }
}

extension Theme: TallySubject {
    public static var tallyKey: String { "theme" }
    public static var tallyLabelKey: String { "name" }
}

extension StudentGroup: TallySubject {
    public static var tallyKey: String { "group" }
    public static var tallyLabelKey: String { "name" }
}

/// Successes and lessons counted for one goal, theme or student group (``Dashboard/GoalCount``,
/// ``Dashboard/ThemeCount``, ``Dashboard/GroupCount``). In JSON the id and label take the subject's keys, so a goal's
/// tally reads `{"goal": …, "title": …, "successes": …, "lessons": …}`.
public struct Tally<Subject: TallySubject>: Hashable, Sendable, Codable {
    /// The counted record.
    public var id: Identifier<Subject>
    /// Its title or name when the dashboard was read.
    public var label: String
    /// Counted wins of the record that are successes.
    public var successes: Int
    /// Counted wins of the record that are lessons learned.
    public var lessons: Int

    /// A value with every field given.
    public init(_ id: Identifier<Subject>, label: String, successes: Int, lessons: Int) {
        self.id = id
        self.label = label
        self.successes = successes
        self.lessons = lessons
    }

    private struct Key: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }

        static var id: Key { Key(stringValue: Subject.tallyKey) }
        static var label: Key { Key(stringValue: Subject.tallyLabelKey) }
        static var successes: Key { Key(stringValue: "successes") }
        static var lessons: Key { Key(stringValue: "lessons") }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        self.init(try container.decode(Identifier<Subject>.self, forKey: .id), label: try container.decode(String.self, forKey: .label),
                  successes: try container.decode(Int.self, forKey: .successes), lessons: try container.decode(Int.self, forKey: .lessons))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
        try container.encode(label, forKey: .label)
        try container.encode(successes, forKey: .successes)
        try container.encode(lessons, forKey: .lessons)
    }
}

extension Tally where Subject == Goal {
    /// A goal's tally.
    public init(goal: Goal.ID, title: String, successes: Int, lessons: Int) {
        self.init(goal, label: title, successes: successes, lessons: lessons)
    }

    /// The goal counted.
    public var goal: Goal.ID { get { id } set { id = newValue } }
    /// The goal's title.
    public var title: String { get { label } set { label = newValue } }
}

extension Tally where Subject == Theme {
    /// A theme's tally.
    public init(theme: Theme.ID, name: String, successes: Int, lessons: Int) {
        self.init(theme, label: name, successes: successes, lessons: lessons)
    }

    /// The theme counted.
    public var theme: Theme.ID { get { id } set { id = newValue } }
    /// The theme's name.
    public var name: String { get { label } set { label = newValue } }
}

extension Tally where Subject == StudentGroup {
    /// A student group's tally.
    public init(group: StudentGroup.ID, name: String, successes: Int, lessons: Int) {
        self.init(group, label: name, successes: successes, lessons: lessons)
    }

    /// The student group counted.
    public var group: StudentGroup.ID { get { id } set { id = newValue } }
    /// The group's name.
    public var name: String { get { label } set { label = newValue } }
}
