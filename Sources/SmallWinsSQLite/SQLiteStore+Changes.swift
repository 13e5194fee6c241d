import Foundation
import GRDB
import SmallWins

extension SQLiteStore {
    /// Change notices from the change log, which every write appends to in its own transaction.
    ///
    /// One reader per opened file serves every listener of this store and its scoped copies (`ChangeHub`).
    /// Writes of this process reach listeners at once; writes of other processes on the same file within
    /// 100 ms (`SQLiteChangeLog.pollInterval`). SQLite commits one writer at a time, so sequence order is commit order.
    public func changes(after sequence: Int64?) async throws -> AsyncThrowingStream<StoreChange, any Error> {
        try await changeHub.subscribe(scope: scope?.uuid, after: sequence)
    }
}

/// The change log of one SQLite file, read through the store's pool.
struct SQLiteChangeLog: ChangeLog {
    let pool: DatabasePool

    /// How often the file is checked for other processes' writes.
    var pollInterval: Duration { .milliseconds(100) }

    func latestSequence() async throws -> Int64 {
        try await reading { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM change_log") ?? 0 }
    }

    func notices(after sequence: Int64, limit: Int) async throws -> [StoreChange] {
        try await reading { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?"),
                             arguments: [sequence, limit]).map { row in
                StoreChange(sequence: row["seq"], entity: try row.value("entity"), action: try row.value("action"),
                            id: (try row.id("entity_id") as Identifier<Void>).uuid, team: try row.id("team_id"),
                            at: try row.instant("at"))
            }
        }
    }

    func teamParents() async throws -> [UUID: UUID] {
        try await reading { db in
            var parents: [UUID: UUID] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, parent_id FROM team WHERE parent_id IS NOT NULL") {
                parents[(try row.id("id") as Identifier<Void>).uuid] = (try row.id("parent_id") as Identifier<Void>).uuid
            }
            return parents
        }
    }

    /// Runs `body` in a read transaction, with SQLite's errors as `SmallWinsError`s.
    private func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await SQLiteFailure.mapping { try await pool.read(body) }
    }
}
