import Logging
import PostgresNIO
import SmallWins

/// One transaction held open across many calls, for ``PostgresStore/transaction(_:)``: one pooled connection,
/// used by one call at a time. Should the process or the connection die first, the server rolls it back.
final class PostgresTransaction: Sendable {
    let connection: PostgresConnection
    private let logger: Logger
    private let gate = SerialGate()

    /// Begins a transaction on `connection`.
    init(connection: PostgresConnection, logger: Logger) async throws {
        self.connection = connection
        self.logger = logger
        try await connection.query("BEGIN", logger: logger)
    }

    /// Runs `body` inside the transaction, after every earlier call has finished.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await gate.run { try await body(connection) }
    }

    /// Runs `body` in a savepoint of the transaction: on any error its own changes are undone and the
    /// transaction goes on.
    func write<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await gate.run {
            try await connection.query("SAVEPOINT smallwins_call", logger: logger)
            do {
                let result = try await body(connection)
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
        try await gate.run { try await connection.query("COMMIT", logger: logger) }
    }

    /// Undoes every write of the transaction.
    func rollback() async {
        _ = try? await gate.run { try await connection.query("ROLLBACK", logger: logger) }
    }
}
