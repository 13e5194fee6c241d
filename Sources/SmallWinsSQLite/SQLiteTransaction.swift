import Foundation
import GRDB
import SmallWins

/// One write transaction held open across many calls, for ``SQLiteStore/transaction(_:)``.
///
/// It has a connection of its own on the store's file, takes the file's write lock at once
/// (`BEGIN IMMEDIATE`) and keeps it until ``commit()`` or ``rollback()``. Should the process die first,
/// SQLite discards the uncommitted pages when the file is next opened, so nothing of it remains.
/// The connection runs one call at a time.
final class SQLiteTransaction: Sendable {
    private let connection: DatabaseQueue

    /// Opens a connection on `path` and begins the transaction; waits for another writer as long as
    /// `configuration`'s busy mode allows.
    init(path: String, configuration: Configuration) async throws {
        var configuration = configuration
        configuration.allowsUnsafeTransactions = true  // the transaction spans many accesses, by design
        connection = try DatabaseQueue(path: path, configuration: configuration)
        try await connection.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
    }

    /// Runs `body` inside the transaction.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await connection.writeWithoutTransaction { db in
            try Self.requireOpen(db)
            return try body(db)
        }
    }

    /// Runs `body` in a savepoint of the transaction: on any error its own changes are undone and the
    /// transaction goes on.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await connection.writeWithoutTransaction { db in
            try Self.requireOpen(db)
            var result: T?
            try db.inSavepoint {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }

    /// Throws when the transaction has ended: a store from ``SQLiteStore/transaction(_:)`` kept past its body.
    private static func requireOpen(_ db: Database) throws {
        if !db.isInsideTransaction {
            throw SmallWinsError.invalid(field: "transaction", reason: "has ended; use the store it gave only inside its body")
        }
    }

    /// Makes every write of the transaction durable and visible, after noting the rows it changed in `statistics`
    /// (which may gather them again first, in the transaction).
    func commit(noting statistics: SQLiteStatistics) async throws {
        try await connection.writeWithoutTransaction { db in
            try Self.requireOpen(db)
            try statistics.note(db.totalChangesCount, in: db)
            try db.execute(sql: "COMMIT")
        }
    }

    /// Undoes every write of the transaction.
    func rollback() async {
        try? await connection.writeWithoutTransaction { db in
            if db.isInsideTransaction { try db.execute(sql: "ROLLBACK") }
        }
    }
}
