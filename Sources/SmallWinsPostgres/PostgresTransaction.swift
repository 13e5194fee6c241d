import Logging
import PostgresNIO
import SmallWins

/// One transaction held open across many calls, for ``PostgresStore/transaction(_:)``: one pooled connection,
/// used by one call at a time. Should the process or the connection die first, the server rolls it back.
///
/// Bulk restores inside it defer the dashboard aggregates (``PostgresDeferredAggregates``): they are filled
/// once, before the next other call that writes (a dashboard read included) and before the commit.
final class PostgresTransaction: Sendable {
    let connection: PostgresConnection
    private let logger: Logger
    /// `"schema".`, the prefix of the store's tables.
    private let s: String
    private let gate = SerialGate()
    private let deferral = Deferral()

    /// How far this transaction's bulk restores have gone with the aggregates.
    private actor Deferral {
        enum State { case none, idle, pending }
        var state = State.none
        func set(_ state: State) { self.state = state }
    }

    /// Begins a transaction on `connection`, for a store whose tables have the prefix `s`.
    init(connection: PostgresConnection, s: String, logger: Logger) async throws {
        self.connection = connection
        self.s = s
        self.logger = logger
        try await connection.query("BEGIN", logger: logger)
    }

    /// Runs `body` inside the transaction, after every earlier call has finished.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await gate.run { try await body(connection) }
    }

    /// Runs `body` in a savepoint of the transaction: on any error its own changes are undone and the
    /// transaction goes on. With `deferringAggregates`, the wins and celebrations `body` inserts are left out of
    /// the dashboard aggregates until the next flush.
    func write<T: Sendable>(deferringAggregates: Bool = false, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await gate.run {
            if deferringAggregates { try await startDeferring() } else { try await flushDeferredAggregates() }
            try await connection.query("SAVEPOINT smallwins_call", logger: logger)
            do {
                if deferringAggregates { try await setDeferring("on") }
                let result = try await body(connection)
                if deferringAggregates { try await setDeferring("off") }
                try await connection.query("RELEASE SAVEPOINT smallwins_call", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK TO SAVEPOINT smallwins_call", logger: logger)
                throw error
            }
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

    private func startDeferring() async throws {
        if await deferral.state == .none {
            for statement in PostgresDeferredAggregates.setup(s) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
        await deferral.set(.pending)
    }

    private func setDeferring(_ value: String) async throws {
        try await connection.query("SELECT set_config('smallwins.defer_aggregates', \(value), true)", logger: logger)
    }

    /// Fills the aggregates for the rows restored since the last flush, in a savepoint: should the server end it to
    /// break a deadlock with another writer of the same aggregate rows, the other writer goes on and the flush runs
    /// again after a short random pause (a few times), instead of losing the whole transaction.
    private func flushDeferredAggregates() async throws {
        guard await deferral.state == .pending else { return }
        var attempt = 1
        while true {
            try await connection.query("SAVEPOINT smallwins_flush", logger: logger)
            do {
                for statement in PostgresDeferredAggregates.flush(s) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("RELEASE SAVEPOINT smallwins_flush", logger: logger)
                break
            } catch let error as PSQLError where attempt < 8 && PostgresFailure.isRetryable(error) {
                try await connection.query("ROLLBACK TO SAVEPOINT smallwins_flush", logger: logger)
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
            }
        }
        await deferral.set(.idle)
    }
}
