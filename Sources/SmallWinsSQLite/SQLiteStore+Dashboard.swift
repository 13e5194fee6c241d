import Foundation
import GRDB
import SmallWins

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

    func dayText(_ dayColumn: String) -> String { dayColumn }

    func createSelectedTable() -> [String] {
        ["""
         CREATE TEMP TABLE IF NOT EXISTS dashboard_selected (
             id TEXT PRIMARY KEY, team_id TEXT, author_id TEXT, kind TEXT, day TEXT, goal_id TEXT, attempt_id TEXT
         ) WITHOUT ROWID
         """,
         "DELETE FROM dashboard_selected"]
    }

    func finishSelectedTable() -> [String] { [] }

    func appendTextMatch(_ terms: [String], to statement: inout SQLStatement) {
        statement.append("w.seq IN (SELECT rowid FROM win_search WHERE win_search MATCH ")
        statement.bind(.text(terms.map { "\"\($0)\"*" }.joined(separator: " ")))
        statement.append(")")
    }

    var supportsLateralJoins: Bool { false }
}

extension SQLiteStore {
    public func dashboard(_ query: DashboardQuery) async throws -> Dashboard {
        let plan = try DashboardPlan(query: query, scope: scope, dialect: SQLiteDialect())
        // A read connection may write its own temporary tables, which hold the counted wins once.
        let results = try await read { context in
            for statement in plan.setup {
                try context.db.execute(sql: statement.sql, arguments: StatementArguments(statement.values.map(\.sqlite)))
            }
            return try plan.statements.map { statement in
                let rows = try Row.fetchAll(context.db, sql: statement.sql, arguments: StatementArguments(statement.values.map(\.sqlite)))
                let columns = rows.first.map { Array($0.columnNames) } ?? []
                return rows.map { SQLRow(sqlite: $0, columns: columns) }
            }
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
        case .null: return nil
        }
    }
}

extension SQLRow {
    /// The row's values under `columns`, the result's column names.
    init(sqlite row: Row, columns: [String]) {
        self.init(columns: columns, values: row.databaseValues.map { value in
            switch value.storage {
            case .int64(let number): .integer(number)
            case .string(let text): .text(text)
            case .double(let number): .integer(Int64(number))
            case .null, .blob: .null
            }
        })
    }
}
