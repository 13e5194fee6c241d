import Foundation

/// A calendar day with no time zone, such as the day a win happened.
///
/// Written as ISO 8601 `YYYY-MM-DD` text everywhere (JSON, SQLite, the CLI).
/// Days compare chronologically and support day arithmetic.
public struct Day: Hashable, Comparable, Sendable, Codable, LosslessStringConvertible {
    /// The year, 1900...2200.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31 depending on the month.
    public let day: Int

    /// The earliest day SmallWins accepts.
    public static let earliest = Day(unchecked: 1900, 1, 1)
    /// The latest day SmallWins accepts.
    public static let latest = Day(unchecked: 2200, 12, 31)

    /// A day from its parts; throws ``SmallWinsError/invalid(field:reason:)`` naming `field`
    /// when the date does not exist or is outside 1900...2200.
    public init(_ year: Int, _ month: Int, _ day: Int, field: String = "day") throws {
        guard (1900...2200).contains(year) else {
            throw SmallWinsError.invalid(field: field, reason: "year \(year) is outside 1900...2200")
        }
        guard (1...12).contains(month) else {
            throw SmallWinsError.invalid(field: field, reason: "month \(month) is not 1...12")
        }
        let length = Day.length(ofMonth: month, year: year)
        guard (1...length).contains(day) else {
            throw SmallWinsError.invalid(
                field: field, reason: "day \(day) does not exist in \(year)-\(Day.pad(month, 2))")
        }
        self.init(unchecked: year, month, day)
    }

    /// Parses `YYYY-MM-DD`; throws a typed error naming `field` otherwise.
    public init(iso text: String, field: String = "day") throws {
        var text = text
        let parts = text.withUTF8 { Day.parts(ofISO: $0) }
        guard let (year, month, day) = parts else {
            throw SmallWinsError.invalid(field: field, reason: "expected a day as YYYY-MM-DD, got \"\(text.prefix(40))\"")
        }
        try self.init(year, month, day, field: field)
    }

    /// The year, month and day of `YYYY-MM-DD` (ASCII digits only) in `bytes`; `nil` for anything else.
    static func parts(ofISO bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int, Int)? {
        guard bytes.count == 10, ASCIIDigits.has("-", at: 4, 7, in: bytes),
              let year = ASCIIDigits.number(bytes, from: 0, count: 4), let month = ASCIIDigits.number(bytes, from: 5, count: 2),
              let day = ASCIIDigits.number(bytes, from: 8, count: 2) else { return nil }
        return (year, month, day)
    }

    /// Parses `YYYY-MM-DD`; `nil` for anything else (``init(iso:field:)`` says why).
    public init?(_ description: String) {
        guard let day = try? Day(iso: description) else { return nil }
        self = day
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day as `YYYY-MM-DD`.
    public var iso: String {
        guard (0...9999).contains(year) else { return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }
        return String(unsafeUninitializedCapacity: 10) { write(into: $0, at: 0); return 10 }
    }

    /// Writes `YYYY-MM-DD` (10 bytes, a year of 0...9999) from `start`.
    func write(into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        ASCIIDigits.write(year, count: 4, into: bytes, at: start)
        bytes[start + 4] = UInt8(ascii: "-")
        ASCIIDigits.write(month, count: 2, into: bytes, at: start + 5)
        bytes[start + 7] = UInt8(ascii: "-")
        ASCIIDigits.write(day, count: 2, into: bytes, at: start + 8)
    }

    public var description: String { iso }

    /// Days since 1970-01-01 (negative before it).
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> Day { Day(ordinal: ordinal + count) }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        let value = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (value < 0 ? value + 7 : value) + 1
    }

    /// Today in the given time zone (the current one by default).
    public static func today(in timeZone: TimeZone = .current) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(unchecked: parts.year!, parts.month!, parts.day!)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(iso: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static func length(ofMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
