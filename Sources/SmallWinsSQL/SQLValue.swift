import Foundation
import SmallWins

/// A value bound to an SQL statement, or read from a result.
public enum SQLValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case id(UUID)
    case day(Day)
    /// A moment, stored to the millisecond.
    case instant(Date)
    /// A list of lines (for example success criteria).
    case lines([String])
    case null
}

extension SQLValue {
    /// An optional id, or null.
    public static func id(_ id: UUID?) -> SQLValue { id.map(SQLValue.id) ?? .null }

    /// An optional day, or null.
    public static func day(_ day: Day?) -> SQLValue { day.map(SQLValue.day) ?? .null }

    /// Optional text, or null.
    public static func text(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
