import Foundation
import SmallWins

/// One result row: values by column name (integers, text, ids, days and instants as the engine returns them, or null).
public struct SQLRow: Sendable {
    /// The result's column names, in order; every row of a result shares one array.
    public let columns: [String]
    /// The row's values, in the order of `columns`.
    public let values: [SQLValue]

    /// A row of `values` under `columns`.
    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of a column; `nil` when the result has no such column. Found by a scan of a few short names,
    /// which is cheaper than hashing them into a dictionary for every row.
    private func value(of column: String) -> SQLValue? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    /// Whether a column is null or missing.
    public func isNull(_ column: String) -> Bool {
        switch value(of: column) {
        case .null, nil: return true
        default: return false
        }
    }

    /// An integer column (null counts as 0).
    public func int(_ column: String) throws -> Int {
        switch value(of: column) {
        case .integer(let value): return Int(value)
        case .null: return 0
        case .text(let text): if let value = Int(text) { return value }
        default: break
        }
        throw SmallWinsError.storage(.corrupt("column \(column) is not a number"))
    }

    /// A text column.
    public func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw SmallWinsError.storage(.corrupt("column \(column) is null")) }
        return text
    }

    /// A text column that may be null.
    public func optionalText(_ column: String) throws -> String? {
        switch value(of: column) {
        case .text(let text): return text
        case .id(let id): return id.lowercaseText
        case .day(let day): return day.iso
        case .instant(let instant): return Instant.iso(instant)
        case .null, nil: return nil
        case .integer, .lines: throw SmallWinsError.storage(.corrupt("column \(column) is not text"))
        }
    }

    /// An id column.
    public func id<Subject>(_ column: String) throws -> Identifier<Subject> {
        guard let id = try optionalID(column) as Identifier<Subject>? else { throw SmallWinsError.storage(.corrupt("column \(column) is null")) }
        return id
    }

    /// An id column that may be null.
    public func optionalID<Subject>(_ column: String) throws -> Identifier<Subject>? {
        if case .id(let uuid) = value(of: column) { return Identifier(uuid) }
        guard let text = try optionalText(column) else { return nil }
        guard let id = Identifier<Subject>(text) else { throw SmallWinsError.storage(.corrupt("column \(column) is not an id")) }
        return id
    }

    /// A day column: a day the engine returned as one, or `YYYY-MM-DD` text.
    public func day(_ column: String) throws -> Day {
        if case .day(let day) = value(of: column) { return day }
        do { return try Day(iso: try text(column)) } catch { throw SmallWinsError.storage(.corrupt("column \(column) is not a day")) }
    }

    /// A column holding a raw value of `Value`.
    public func value<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try text(column)) else { throw SmallWinsError.storage(.corrupt("column \(column) holds an unknown value")) }
        return value
    }
}

extension SQLRow {
    /// An id column as a plain `UUID`.
    public func uuid(_ column: String) throws -> UUID { (try id(column) as Identifier<Team>).uuid }

    /// An instant column: an instant the engine returned as one, or ISO 8601 text with milliseconds in UTC.
    public func instant(_ column: String) throws -> Date {
        if case .instant(let instant) = value(of: column) { return instant }
        let text = try text(column)
        guard let date = Instant.parse(text) else { throw SmallWinsError.storage(.corrupt("column \(column) is not an instant")) }
        return date
    }

    /// An instant column that may be null.
    public func optionalInstant(_ column: String) throws -> Date? {
        isNull(column) ? nil : try instant(column)
    }

    /// A `YYYY-MM-DD` column that may be null.
    public func optionalDay(_ column: String) throws -> Day? {
        guard try optionalText(column) != nil else { return nil }
        return try day(column)
    }

    /// A column read through ``SQLDialect/joinedIDs(_:)``: ids separated by commas; empty or null for none.
    public func ids<Subject>(_ column: String) throws -> [Identifier<Subject>] {
        guard let text = try optionalText(column), !text.isEmpty else { return [] }
        guard let uuids = UUID.list(text) else { throw SmallWinsError.storage(.corrupt("column \(column) is not a list of ids")) }
        return uuids.map(Identifier.init)
    }

    /// A column read through ``SQLDialect/linesText(_:)``: a JSON array of strings.
    public func lines(_ column: String) throws -> [String] {
        guard let lines = try? JSONDecoder().decode([String].self, from: Data(try text(column).utf8)) else {
            throw SmallWinsError.storage(.corrupt("column \(column) is not a list of lines"))
        }
        return lines
    }
}
