import Foundation

/// A run of calendar days, both ends included: a week, a month, a term, a school year.
public struct Period: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The first day in the period.
    public let first: Day
    /// The last day in the period.
    public let last: Day

    /// The days from `first` through `last`; throws when `last` is before `first`.
    public init(_ first: Day, through last: Day) throws {
        guard first <= last else {
            throw SmallWinsError.invalid(field: "period", reason: "ends (\(last)) before it starts (\(first))")
        }
        self.first = first
        self.last = last
    }

    private enum CodingKeys: String, CodingKey { case first, last }

    /// Decodes `{"first": "YYYY-MM-DD", "last": "YYYY-MM-DD"}`, refusing a period that ends before it starts
    /// with ``SmallWinsError/invalid(field:reason:)`` naming `period`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(try container.decode(Day.self, forKey: .first), through: try container.decode(Day.self, forKey: .last))
    }

    private init(unchecked first: Day, _ last: Day) {
        self.first = first
        self.last = last
    }

    /// Whether `day` falls inside the period.
    public func contains(_ day: Day) -> Bool { first <= day && day <= last }

    /// How many days the period spans.
    public var dayCount: Int { last.ordinal - first.ordinal + 1 }

    public var description: String { "\(first)...\(last)" }

    /// The Monday-to-Sunday week holding `day` (near ``Day/earliest`` and ``Day/latest`` its days may fall outside them).
    public static func week(containing day: Day) -> Period {
        let monday = day.adding(days: 1 - day.weekday)
        return Period(unchecked: monday, monday.adding(days: 6))
    }

    /// The calendar month holding `day`.
    public static func month(containing day: Day) -> Period {
        let first = day.adding(days: 1 - day.day)
        return Period(unchecked: first, first.adding(days: Day.length(ofMonth: day.month, year: day.year) - 1))
    }

    /// The school year that starts in `startYear`, on the first of `startMonth` (August by default),
    /// and ends the day before the next one starts.
    public static func schoolYear(_ startYear: Int, startMonth: Int = 8) throws -> Period {
        let first = try Day(startYear, startMonth, 1, field: "schoolYear")
        let next = try Day(startYear + 1, startMonth, 1, field: "schoolYear")
        return Period(unchecked: first, next.adding(days: -1))
    }

    /// The school year holding `day`.
    public static func schoolYear(containing day: Day, startMonth: Int = 8) throws -> Period {
        try schoolYear(day.month >= startMonth ? day.year : day.year - 1, startMonth: startMonth)
    }
}
