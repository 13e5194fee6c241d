import Foundation
import Logging
import PostgresNIO
import SmallWins

/// One connection (or transaction) of a store, which runs its statements and plans.
struct PostgresContext: Sendable {
    let connection: PostgresConnection
    /// `"schema".`, the prefix of every table name.
    let s: String
    /// The schema's plain name.
    let schema: String
    let logger: Logger
    /// Whether new wins and celebrations are noted for a later count (``PostgresDeferredAggregates``) instead of
    /// counted in the dashboard aggregates now.
    let deferring: Bool

    init(connection: PostgresConnection, store: PostgresStore, deferring: Bool = false) {
        self.connection = connection
        self.s = store.s
        self.schema = store.schema
        self.logger = store.logger
        self.deferring = deferring
    }

    /// Runs `query` and collects its rows.
    func rows(_ query: PGQuery) async throws -> [PostgresRandomAccessRow] {
        try await connection.rows(query, logger: logger)
    }

    /// Runs `query` and returns its first row, if any.
    func row(_ query: PGQuery) async throws -> PostgresRandomAccessRow? { try await rows(query).first }

    /// Runs a statement.
    func execute(_ query: PGQuery) async throws {
        try await connection.query(query.postgres, logger: logger)
    }
}

extension PostgresStore {
    /// The `LISTEN`/`NOTIFY` channel of an installation.
    static func channel(schema: String) -> String { "smallwins_\(schema)" }
}

extension PostgresConnection {
    /// Runs `query` and collects its rows.
    func rows(_ query: PGQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await self.query(query.postgres, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }
}
