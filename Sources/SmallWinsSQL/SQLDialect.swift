import Foundation
import SmallWins

// For store implementers: the pieces that let SQL backends share one dashboard implementation
// (`DashboardPlan`). Each backend supplies a dialect and runs the statements; the SQL and the
// assembly of the results are written once.

/// A value bound to an SQL statement, or read from a result.
package enum SQLValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case id(UUID)
    case day(Day)
    case null
}

/// What differs between SQL engines, in one place.
package protocol SQLDialect: Sendable {
    /// A table's name as written in SQL, with any schema prefix.
    func table(_ name: String) -> String
    /// The marker for the `index`th (1-based) bound value, with any cast its type needs.
    func parameter(_ index: Int, _ value: SQLValue) -> String
    /// An expression for the first day of `bucket` holding `dayColumn`, as `YYYY-MM-DD` text.
    func bucketStart(_ bucket: DashboardQuery.Bucket, _ dayColumn: String) -> String
    /// `dayColumn` as `YYYY-MM-DD` text.
    func dayText(_ dayColumn: String) -> String
    /// Statements that leave an empty temporary table `dashboard_selected` (id, team_id, author_id, kind,
    /// day, goal_id, attempt_id, keyed by id) for this transaction's dashboard.
    func createSelectedTable() -> [String]
    /// Statements to run once `dashboard_selected` is filled (indexes, statistics).
    func finishSelectedTable() -> [String]
    /// Appends a condition on the win aliased `w` that holds when its title or story contains every term
    /// (``SearchText`` words) as a word or the start of one.
    func appendTextMatch(_ terms: [String], to statement: inout SQLStatement)
    /// Whether `CROSS JOIN LATERAL (subquery)` is understood.
    var supportsLateralJoins: Bool { get }
}

/// SQL text with bound values, built piece by piece; values never become SQL text.
package struct SQLStatement: Sendable {
    /// The SQL, with the dialect's parameter markers.
    package private(set) var sql = ""
    /// The bound values, in marker order.
    package private(set) var values: [SQLValue] = []
    /// The dialect the statement is written in.
    package let dialect: any SQLDialect

    /// An empty statement.
    package init(dialect: any SQLDialect) { self.dialect = dialect }

    /// Appends SQL text (never user input).
    package mutating func append(_ text: String) { sql += text }

    /// Appends a parameter marker bound to `value`.
    package mutating func bind(_ value: SQLValue) {
        values.append(value)
        sql += dialect.parameter(values.count, value)
    }

    /// Appends `(m1, m2, ...)` bound to `values`.
    package mutating func bindList(_ list: [SQLValue]) {
        sql += "("
        for (index, value) in list.enumerated() {
            if index > 0 { sql += ", " }
            bind(value)
        }
        sql += ")"
    }

    /// A table name in the statement's dialect.
    package func table(_ name: String) -> String { dialect.table(name) }
}

/// One result row: values by column name (integers, text, ids, or null; days as text).
package struct SQLRow: Sendable {
    /// The result's column names, in order; every row of a result shares one array.
    package let columns: [String]
    /// The row's values, in the order of `columns`.
    package let values: [SQLValue]

    /// A row of `values` under `columns`.
    package init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of a column; `nil` when the result has no such column. Found by a scan of a few short names,
    /// which is cheaper than hashing them into a dictionary for every row.
    private func value(of column: String) -> SQLValue? {
        columns.firstIndex(of: column).map { values[$0] }
    }

    /// An integer column (null counts as 0).
    package func int(_ column: String) throws -> Int {
        switch value(of: column) {
        case .integer(let value): return Int(value)
        case .null: return 0
        case .text(let text): if let value = Int(text) { return value }
        default: break
        }
        throw SmallWinsError.storage(.corrupt("column \(column) is not a number"))
    }

    /// A text column.
    package func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw SmallWinsError.storage(.corrupt("column \(column) is null")) }
        return text
    }

    /// A text column that may be null.
    package func optionalText(_ column: String) throws -> String? {
        switch value(of: column) {
        case .text(let text): return text
        case .id(let id): return id.lowercaseText
        case .day(let day): return day.iso
        case .null, nil: return nil
        case .integer: throw SmallWinsError.storage(.corrupt("column \(column) is not text"))
        }
    }

    /// An id column.
    package func id<Subject>(_ column: String) throws -> Identifier<Subject> {
        guard let id = try optionalID(column) as Identifier<Subject>? else { throw SmallWinsError.storage(.corrupt("column \(column) is null")) }
        return id
    }

    /// An id column that may be null.
    package func optionalID<Subject>(_ column: String) throws -> Identifier<Subject>? {
        if case .id(let uuid) = value(of: column) { return Identifier(uuid) }
        guard let text = try optionalText(column) else { return nil }
        guard let id = Identifier<Subject>(text) else { throw SmallWinsError.storage(.corrupt("column \(column) is not an id")) }
        return id
    }

    /// A `YYYY-MM-DD` column.
    package func day(_ column: String) throws -> Day {
        do { return try Day(iso: try text(column)) } catch { throw SmallWinsError.storage(.corrupt("column \(column) is not a day")) }
    }

    /// A column holding a raw value of `Value`.
    package func value<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        guard let value = Value(rawValue: try text(column)) else { throw SmallWinsError.storage(.corrupt("column \(column) holds an unknown value")) }
        return value
    }
}
