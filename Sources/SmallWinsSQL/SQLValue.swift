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
    case null
}

extension SQLValue {
    /// An optional id, or null.
    public static func id(_ id: UUID?) -> SQLValue { id.map(SQLValue.id) ?? .null }

    /// Optional text, or null.
    public static func text(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
