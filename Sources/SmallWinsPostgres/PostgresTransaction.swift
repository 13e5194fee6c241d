import Logging
import PostgresNIO
import SmallWins
import SmallWinsSQL

/// One transaction held open across many calls, for ``PostgresStore/transaction(_:)``: one pooled connection,
/// used by one call at a time. Should the process or the connection die first, the server rolls it back.
///
/// Bulk restores inside it defer counting their rows in the dashboard aggregates (``PostgresDeferredAggregates``):
/// they are counted in one pass for every `flushRows` rows restored, and the rest before the next other call that
/// writes and before the commit.
final class PostgresTransaction: Sendable {
    let connection: PostgresConnection
    private let logger: Logger
    /// The engine writing the statements that count deferred rows.
    private let engine: SQLEngine
    private let gate = SerialGate()
    private let deferral = Deferral()

    /// The deferred rows one flush takes at most, give or take a call's worth.
    private let flushRows: Int

    /// The default of `flushRows`: few enough that each statement of a flush ends well inside the statement
    /// timeout (20,000 wins with their links and celebrations take about 2 s), many enough that each aggregate row
    /// is updated once per 20 pages of 1,000, not once per page.
    static let defaultFlushRows = 20_000

    /// What this transaction's bulk restores have left in the aggregates.
    private actor Deferral {
        /// Whether the temporary tables exist (they last until the transaction ends).
        var prepared = false
        /// Rows restored since the last flush.
        var pendingRows = 0
        func prepare() { prepared = true }
        func add(_ rows: Int) { pendingRows += rows }
        func flushed() { pendingRows = 0 }
    }

    /// Begins a transaction on `connection`, for a store whose statements `engine` writes, counting deferred rows
    /// every `flushRows` rows.
    init(connection: PostgresConnection, engine: SQLEngine, flushRows: Int, logger: Logger) async throws {
        self.connection = connection
        self.engine = engine
        self.flushRows = flushRows
        self.logger = logger
        try await connection.query("BEGIN", logger: logger)
    }

    /// Runs `body` inside the transaction, after every earlier call has finished.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await gate.run { try await body(connection) }
    }

    /// Runs `body` in a savepoint of the transaction: on any error its own changes are undone and the
    /// transaction goes on. With `deferredRows` (the rows `body` inserts), `body` is told to note the wins and
    /// celebrations it inserts for a flush instead of counting them.
    func write<T: Sendable>(deferredRows: Int? = nil, _ body: (PostgresConnection, _ deferring: Bool) async throws -> T) async throws -> T {
        try await gate.run {
            if deferredRows != nil { try await prepareDeferral() } else { try await flushDeferredAggregates() }
            try await connection.query("SAVEPOINT smallwins_call", logger: logger)
            let result: T
            do {
                result = try await body(connection, deferredRows != nil)
                try await connection.query("RELEASE SAVEPOINT smallwins_call", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK TO SAVEPOINT smallwins_call", logger: logger)
                throw error
            }
            if let deferredRows {
                await deferral.add(max(deferredRows, 1))
                if await deferral.pendingRows >= flushRows { try await flushDeferredAggregates() }
            }
            return result
        }
    }

    /// Makes every write of the transaction durable and visible.
    func commit() async throws {
        try await gate.run {
            try await flushDeferredAggregates()
            try await connection.query("COMMIT", logger: logger)
        }
    }

    /// Undoes every write of the transaction.
    func rollback() async {
        _ = try? await gate.run { try await connection.query("ROLLBACK", logger: logger) }
    }

    private func prepareDeferral() async throws {
        guard await !deferral.prepared else { return }
        for statement in PostgresDeferredAggregates.setup {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        await deferral.prepare()
    }

    /// Fills the aggregates for the rows restored since the last flush, in a savepoint: should the server end it to
    /// break a deadlock with another writer of the same aggregate rows, the other writer goes on and the flush runs
    /// again after a short random pause (a few times), instead of losing the whole transaction.
    private func flushDeferredAggregates() async throws {
        guard await deferral.pendingRows > 0 else { return }
        var attempt = 1
        while true {
            try await connection.query("SAVEPOINT smallwins_flush", logger: logger)
            do {
                for statement in PostgresDeferredAggregates.flush(engine) {
                    try await connection.query(statement.postgres, logger: logger)
                }
                try await connection.query("RELEASE SAVEPOINT smallwins_flush", logger: logger)
                break
            } catch let error as PSQLError where attempt < 8 && PostgresFailure.isRetryable(error) {
                try await connection.query("ROLLBACK TO SAVEPOINT smallwins_flush", logger: logger)
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
            }
        }
        await deferral.flushed()
    }
}
