import Foundation
import GRDB
import SmallWins

extension SQLiteStore {
    /// Change notices through GRDB's `ValueObservation` on the change log, which every write
    /// appends to in its own transaction.
    ///
    /// Notices cover writes made through any `SQLiteStore` opened on this file in this process.
    /// (`ValueObservation` does not see other processes' writes; a front end that shares a file
    /// with other processes re-reads on focus, or uses PostgreSQL's `LISTEN`/`NOTIFY`.)
    public func changes() async throws -> AsyncThrowingStream<StoreChange, any Error> {
        let pool = self.pool
        let scope = self.scope?.description
        let start = try await read { context in try Self.latestSequence(context.db) }
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var last = start
                    let observation = ValueObservation.tracking { db in try Self.latestSequence(db) }
                    for try await latest in observation.values(in: pool) where latest > last {
                        let notices = try await pool.read { [last] db in
                            try SQLiteContext(db: db, scope: scope).changes(after: last, through: latest)
                        }
                        for notice in notices { continuation.yield(notice) }
                        last = latest
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error is CancellationError ? nil : error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    private static func latestSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change_log") ?? 0
    }
}

extension SQLiteContext {
    /// The notices in `(after, through]` visible in scope: changes to teams of the subtree, and to
    /// inherited records (codebooks, goals, the learning agenda) kept above it.
    func changes(after first: Int64, through last: Int64) throws -> [StoreChange] {
        let inherited = [EntityKind.studentGroup, .theme, .goal, .learningQuestion, .attempt].map { "'\($0.rawValue)'" }
        return try scopedRows("""
            SELECT * FROM change_log WHERE seq > ? AND seq <= ?
            AND (team_id IN (SELECT id FROM subtree) OR (entity IN (\(inherited.joined(separator: ", "))) AND team_id IN (SELECT id FROM lineage)))
            ORDER BY seq
            """, arguments: [first, last]).map { row in
                StoreChange(sequence: row["seq"], entity: try row.value("entity"), action: try row.value("action"),
                            id: (try row.id("entity_id") as Identifier<Void>).uuid, team: try row.id("team_id"),
                            at: try row.instant("at"))
            }
    }
}
