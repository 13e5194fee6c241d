import Foundation
import GRDB
import SmallWins

/// Facts about an open SQLite database, for `smallwins info`, support and tests.
public struct SQLiteDiagnostics: Sendable, Hashable, Codable {
    /// The SQLite library version, e.g. `3.40.1`.
    public var sqliteVersion: String
    /// The journal mode; `wal` for every SmallWins database.
    public var journalMode: String
    /// Whether foreign keys are enforced on this connection.
    public var foreignKeys: Bool
    /// The migrations applied, oldest first.
    public var appliedMigrations: [String]
    /// `ok`, or what `PRAGMA integrity_check` found.
    public var integrity: String
}

extension SQLiteStore {
    /// Reads the database's settings and runs its integrity check.
    public func diagnostics() async throws -> SQLiteDiagnostics {
        try await read { context in
            let db = context.db
            return SQLiteDiagnostics(
                sqliteVersion: try String.fetchOne(db, sql: "SELECT sqlite_version()") ?? "?",
                journalMode: try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?",
                foreignKeys: try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false,
                appliedMigrations: try SQLiteSchema.migrator.appliedMigrations(db),
                integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; "))
        }
    }

    /// SQLite's query plan for the first page of `query`, one step a line, to check indexes are used.
    public func queryPlan(_ query: WinQuery) async throws -> String {
        let terms = try query.searchTerms()
        let page = engine.pageStatement(query, terms: terms, after: nil, limit: 50, teamByTeam: false)
        return try await read { context in
            try Row.fetchAll(context.db, sql: "EXPLAIN QUERY PLAN " + page.sql, arguments: arguments(page.values))
                .map { $0["detail"] as String }.joined(separator: "\n")
        }
    }
}
