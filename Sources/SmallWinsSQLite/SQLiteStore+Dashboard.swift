import Foundation
import GRDB
import GRDBSQLite
import SmallWins
import SmallWinsSQL

/// SQLite's SQL where it differs from other engines.
struct SQLiteDialect: SQLDialect {
    func table(_ name: String) -> String { name }

    func parameter(_ index: Int, _ value: SQLValue) -> String { "?" }

    func bucketStart(_ bucket: DashboardQuery.Bucket, _ dayColumn: String) -> String {
        switch bucket {
        case .week: return "date(\(dayColumn), '-' || ((CAST(strftime('%w', \(dayColumn)) AS INTEGER) + 6) % 7) || ' days')"
        case .month: return "substr(\(dayColumn), 1, 7) || '-01'"
        }
    }

    func binaryOrder(_ column: String) -> String { column }

    func linesText(_ column: String) -> String { column }

    var joinInOrder: String { "CROSS JOIN" }

    func joinedIDs(_ subquery: SQLText) -> SQLText { "(SELECT group_concat(item, ',') FROM (\(subquery)))" }

    var isSame: String { "IS" }

    func createSelectedTable() -> [String] {
        ["""
         CREATE TEMP TABLE IF NOT EXISTS dashboard_selected (
             id TEXT PRIMARY KEY, team_id TEXT, author_id TEXT, kind TEXT, day TEXT, goal_id TEXT, attempt_id TEXT
         ) WITHOUT ROWID
         """,
         "DELETE FROM dashboard_selected"]
    }

    func finishSelectedTable() -> [String] { [] }

    func textMatch(_ terms: [String]) -> SQLText {
        "w.seq IN (SELECT rowid FROM win_search WHERE win_search MATCH \(terms.map { "\"\($0)\"*" }.joined(separator: " ")))"
    }

    var winSearchColumn: String? { nil }

    var supportsLateralJoins: Bool { false }
    func lockingRead(updating: [String], keeping: [String]) -> String { "" }

    var plansEveryStatement: Bool { false }

    /// 1: a SQLite file has one writer at a time, so slices would only make its dashboards read more rows.
    var aggregateSlices: Int { 1 }

    func teamSlice(_ column: String) -> String { "0" }

    var computesSelectListBeforeSorting: Bool { true }

    /// Listeners read the log when the file changes (`PRAGMA data_version`).
    var changeAnnouncement: String? { nil }
}

extension SQLiteStore {
    public func dashboard(_ query: DashboardQuery) async throws -> Dashboard {
        let plan = try DashboardPlan(query: query, scope: scope, tenant: tenant, dialect: SQLiteDialect())
        // A read connection may write its own temporary tables, which hold the counted wins once.
        let results = try await read { context in
            for statement in plan.setup { try context.execute(statement) }
            return try plan.statements.map(context.rows)
        }
        return try plan.assemble(results)
    }
}

extension SQLValue {
    /// The value as SQLite stores it: ids and days as text.
    var sqlite: (any DatabaseValueConvertible)? {
        switch self {
        case .text(let text): return text
        case .integer(let value): return value
        case .id(let id): return id.lowercaseText
        case .day(let day): return day.iso
        case .instant(let instant): return Instant.iso(instant)
        case .lines(let lines): return jsonText(lines)
        case .null: return nil
        }
    }
}

extension SQLRow {
    /// The current row of `statement` under `columns`, its result's column names, read from SQLite's own buffers.
    /// Text that is exactly a lowercase canonical UUID (every id a store writes) becomes an id without a `String`
    /// in between; it reads back as the same text. A whole-number real (what SQLite's `SUM` of reals gives) reads as
    /// an integer; a fraction or a blob is not a value the store reads, and is reported as corrupt storage rather
    /// than rounded or dropped.
    init(sqlite statement: SQLiteStatement, columns: [String]) throws {
        var values: [SQLValue] = []
        values.reserveCapacity(columns.count)
        for (index, column) in zip(Int32(0)..., columns) {
            switch sqlite3_column_type(statement, index) {
            case SQLITE_NULL: values.append(.null)
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(statement, index)))
            case SQLITE_FLOAT:
                let number = sqlite3_column_double(statement, index)
                guard let whole = Int64(exactly: number) else {
                    throw SmallWinsError.storage(.corrupt("column \(column) holds \(number), not a whole number"))
                }
                values.append(.integer(whole))
            case SQLITE_TEXT:
                let text = UnsafeBufferPointer(start: sqlite3_column_text(statement, index), count: Int(sqlite3_column_bytes(statement, index)))
                if text.count == 36, !text.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "F")).contains($0) }),
                   let id = UUID(canonicalUTF8: text) {
                    values.append(.id(id))
                } else {
                    values.append(.text(String(decoding: text, as: UTF8.self)))
                }
            default: throw SmallWinsError.storage(.corrupt("column \(column) holds bytes, not a number or text"))
            }
        }
        self.init(columns: columns, values: values)
    }
}
