import Foundation
import Logging
import PostgresNIO
import SmallWins

extension PostgresStore {
    /// Change notices from the change log, which every write appends to in its own transaction.
    ///
    /// One reader per store (and its scoped copies) serves every listener (`ChangeHub`); it holds one pooled
    /// connection for `LISTEN` while there are listeners, so front ends on any machine hear each other's writes at
    /// once. A notice gets its sequence number only once its transaction has committed, above every number
    /// given before, so none is skipped when transactions commit in another order than they began.
    public func changes(after sequence: Int64?) async throws -> AsyncThrowingStream<StoreChange, any Error> {
        try await changeHub.subscribe(scope: scope?.uuid, after: sequence)
    }
}

/// The change log of one PostgreSQL installation (a schema), read through the store's pool.
struct PostgresChangeLog: ChangeLog {
    let client: PostgresClient
    let schema: String
    let logger: Logger
    private var s: String { PostgresSchema.quoted(schema) + "." }

    /// How often the log is read without a notification (a safety net: every write notifies).
    var pollInterval: Duration { .milliseconds(250) }

    /// The longest one read of the log may take before it fails as unavailable (the hub then ends its listeners
    /// with that error).
    private static let deadline = Duration.seconds(60)

    func latestSequence() async throws -> Int64 {
        try await reading {
            try await settle()
            return try await query("SELECT COALESCE(MAX(commit_seq), 0)::bigint AS seq FROM \(raw: s)change_log")[0].int64("seq")
        }
    }

    func notices(after sequence: Int64, limit: Int) async throws -> [StoreChange] {
        try await reading {
            try await settle()
            return try await query("""
            SELECT commit_seq, entity, action, entity_id, team_id, at FROM \(raw: s)change_log
            WHERE commit_seq > \(sequence) ORDER BY commit_seq LIMIT \(limit)
            """).map { row in
                StoreChange(sequence: try row.int64("commit_seq"), entity: try row.value("entity"), action: try row.value("action"),
                            id: try row.uuid("entity_id"), team: try row.id("team_id"), at: try row.instant("at"))
            }
        }
    }

    func teamParents() async throws -> [UUID: UUID] {
        try await reading {
            var parents: [UUID: UUID] = [:]
            for row in try await query("SELECT id, parent_id FROM \(raw: s)team WHERE parent_id IS NOT NULL") {
                parents[try row.uuid("id")] = try row.uuid("parent_id")
            }
            return parents
        }
    }

    /// Runs `body` within the deadline, with PostgreSQL's errors as `SmallWinsError`s.
    private func reading<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await PostgresFailure.mapping { try await withDeadline(Self.deadline, doing: "reading change notices", body) }
    }

    func watch(poke: @escaping @Sendable () -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: PostgresStore.channel(schema: schema)) { notifications in
                for try await _ in notifications { poke() }
            }
        }
    }

    /// Numbers the committed notices that have no number yet, above every number given before, in the order
    /// they were written. One process numbers at a time (the others skip and read what it numbered), and a
    /// transaction that commits while it numbers is numbered next time, higher: so a reader that has read up to
    /// a number never finds a lower one later.
    private func settle() async throws {
        try await client.withTransaction(logger: logger) { connection in
            let lock: PGQuery = "SELECT pg_try_advisory_xact_lock(hashtext(\("smallwins change order " + schema))) AS locked"
            guard let row = try await connection.rows(lock, logger: logger).first, try row["locked"].decode(Bool.self) else { return }
            let number: PGQuery = """
                WITH top AS (SELECT COALESCE(MAX(commit_seq), 0) AS n FROM \(raw: s)change_log),
                unnumbered AS (
                    SELECT seq, row_number() OVER (ORDER BY seq) AS n FROM \(raw: s)change_log WHERE commit_seq IS NULL
                )
                UPDATE \(raw: s)change_log c SET commit_seq = top.n + unnumbered.n FROM unnumbered, top WHERE c.seq = unnumbered.seq
                """
            try await connection.query(number.postgres, logger: logger)
        }
    }

    private func query(_ query: PGQuery) async throws -> [PostgresRandomAccessRow] {
        try await client.withConnection { connection in try await connection.rows(query, logger: logger) }
    }
}
