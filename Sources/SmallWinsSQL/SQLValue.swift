import Foundation
import SmallWins

/// A value bound to an SQL statement, or read from a result.
public enum SQLValue: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A whole number.
    case integer(Int64)
    /// An id (text in SQLite, `uuid` in PostgreSQL).
    case id(UUID)
    /// A calendar day (`YYYY-MM-DD` text in SQLite, `date` in PostgreSQL).
    case day(Day)
    /// A moment, stored to the millisecond.
    case instant(Date)
    /// A list of lines (for example success criteria).
    case lines([String])
    /// No value.
    case null
}

extension SQLValue {
    /// An optional id, or null.
    public static func id(_ id: UUID?) -> SQLValue { id.map(SQLValue.id) ?? .null }

    /// An optional day, or null.
    public static func day(_ day: Day?) -> SQLValue { day.map(SQLValue.day) ?? .null }

    /// An optional instant, or null.
    public static func instant(_ instant: Date?) -> SQLValue { instant.map(SQLValue.instant) ?? .null }

    /// Optional text, or null.
    public static func text(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
