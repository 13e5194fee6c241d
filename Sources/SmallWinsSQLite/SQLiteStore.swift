import Foundation
import GRDB
import SmallWins
@_exported import SmallWinsSQL

/// A `WinStore` in one SQLite file: the embedded default, no server needed.
///
/// Opens the file in WAL mode through a GRDB `DatabasePool` (many readers, one writer),
/// with foreign keys on, and brings the schema up to date before the first use.
///
/// ```swift
/// let store = try await SQLiteStore(path: databaseURL.path)    // creates and migrates the file
/// let school = try await store.scoped(to: schoolID)              // this school and every team in it
/// let page = try await school.wins(WinQuery(kinds: [.lesson]), after: nil, limit: 50)
/// let next = try await school.wins(WinQuery(kinds: [.lesson]), after: page.next, limit: 50)   // keyset paging
/// ```
public struct SQLiteStore: SQLStore {
    /// The open database, shared by every scoped copy of this store.
    let pool: DatabasePool
    /// The path of the database file.
    public let path: String
    public let scope: Team.ID?
    /// The scope's tenant (its district), read when the store is scoped.
    let tenant: UUID?
    /// The transaction every call of this store belongs to, inside ``transaction(_:)``.
    private let heldTransaction: SQLiteTransaction?
    /// The one reader of the change log that feeds every listener of this file in this process.
    let changeHub: ChangeHub
    /// Gathers the query planner's statistics again as this process's writes grow the file.
    private let statistics: SQLiteStatistics
    /// Transactions of this process take the file's write lock one after the other, in the order they asked, instead
    /// of polling for it in SQLite's busy handler (which lets a late comer win and an early one time out).
    private let transactionQueue: SerialGate

    /// The default of `memoryMapSize`: 256 MiB.
    public static let defaultMemoryMapSize = 268_435_456

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    ///
    /// - Parameters:
    ///   - path: the database file; created, with its folder's write-ahead log files, when missing.
    ///   - busyTimeout: how long a write waits for another process's write to finish.
    ///   - memoryMapSize: how many bytes of the file each connection reads through a memory map. Mapped pages
    ///     count as the process's resident memory, so a pass over a large file (an export) shows up to this much
    ///     more; 0 reads through the operating system's page cache only. A long-running process with many
    ///     readers (a server) gains from the map; a one-pass command does not.
    public init(path: String, busyTimeout: TimeInterval = 10, memoryMapSize: Int = defaultMemoryMapSize) async throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "SmallWins"
        configuration.prepareDatabase { db in
            // Pages stay in memory: 64 MB of cache for the writer (bulk writes touch the win table, its indexes
            // and the dashboard aggregates at once), 16 MB for each reader, and reads through a memory map.
            try db.execute(sql: "PRAGMA cache_size = \(db.configuration.readonly ? -16_384 : -65_536)")
            try db.execute(sql: "PRAGMA mmap_size = \(max(memoryMapSize, 0))")
        }
        do {
            let deadline = Date().addingTimeInterval(busyTimeout)
            pool = try Self.retrying(until: deadline) { try DatabasePool(path: path, configuration: configuration) }
            try Self.migrate(pool, until: deadline)
            statistics = SQLiteStatistics(rowsAtAnalysis: try await pool.read(SQLiteStatistics.rowsCounted))
        } catch let error as DatabaseError {
            guard case .storage(var failure) = SQLiteFailure.map(error) else { throw SQLiteFailure.map(error) }
            failure.message = "cannot open \(path): \(failure.message)"
            throw SmallWinsError.storage(failure)
        }
        self.path = path
        self.scope = nil
        self.tenant = nil
        self.heldTransaction = nil
        self.changeHub = ChangeHub(log: SQLiteChangeLog(pool: pool))
        self.transactionQueue = SerialGate()
    }

    /// Applies the migrations `pool` lacks. Another process may be migrating the same new file at the same
    /// moment: the first to write wins, and the other fails on a table that now exists. When the applied
    /// migrations changed meanwhile, reading them again finds nothing (or less) left to do; when they did not, the
    /// failure is the file's own and is thrown.
    private static func migrate(_ pool: DatabasePool, until deadline: Date) throws {
        let migrator = SQLiteSchema.migrator
        while true {
            let applied = try retrying(until: deadline) { try pool.read(migrator.appliedIdentifiers) }
            if applied.isSuperset(of: migrator.migrations) { return }
            do {
                return try retrying(until: deadline) { try migrator.migrate(pool) }
            } catch let error as DatabaseError {
                let appliedNow = try retrying(until: deadline) { try pool.read(migrator.appliedIdentifiers) }
                if appliedNow == applied { throw error }
            }
        }
    }

    /// Runs `body` again after a short pause while the file is busy and `deadline` is not past. SQLite returns
    /// `SQLITE_BUSY` at once, without waiting in its busy handler, when a transaction's snapshot went stale
    /// because another process wrote; the next attempt starts from a fresh snapshot.
    private static func retrying<T>(until deadline: Date, _ body: () throws -> T) throws -> T {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try body()
            } catch let error as DatabaseError
                where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && Date() < deadline {
                Thread.sleep(forTimeInterval: min(0.02 * Double(attempt), 0.25))
            }
        }
    }

    private init(copying store: SQLiteStore, scope: Team.ID?, tenant: UUID?, transaction: SQLiteTransaction?) {
        self.pool = store.pool
        self.path = store.path
        self.scope = scope
        self.tenant = tenant
        self.heldTransaction = transaction
        self.changeHub = store.changeHub
        self.statistics = store.statistics
        self.transactionQueue = store.transactionQueue
    }

    public func scoped(to team: Team.ID) async throws -> SQLiteStore {
        let tenant = try await run(engine.tenant(ofScope: team))
        return SQLiteStore(copying: self, scope: team, tenant: tenant, transaction: heldTransaction)
    }

    // MARK: Transactions

    public var engine: SQLEngine { SQLEngine(dialect: SQLiteDialect(), scope: scope?.uuid, tenant: tenant) }

    public func run<Output: Sendable>(_ plan: SQLPlan<Output>) async throws -> Output {
        plan.writes ? try await write { try $0.run(plan) } : try await read { try $0.run(plan) }
    }

    /// Runs `body` in a read transaction (or in the held transaction), mapping engine errors onto `SmallWinsError`.
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteContext) throws -> T) async throws -> T {
        try await mappingErrors {
            if let heldTransaction {
                return try await heldTransaction.read { db in try body(SQLiteContext(db: db)) }
            }
            return try await pool.read { db in try body(SQLiteContext(db: db)) }
        }
    }

    /// Runs `body` in one write transaction (or a savepoint of the held one): on any error nothing is changed.
    func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteContext) throws -> T) async throws -> T {
        try await mappingErrors {
            if let heldTransaction {
                return try await heldTransaction.write { db in try body(SQLiteContext(db: db)) }
            }
            let result = try await pool.write { db in
                let changesBefore = db.totalChangesCount
                let result = try body(SQLiteContext(db: db))
                try statistics.note(db.totalChangesCount - changesBefore, in: db)
                return result
            }
            changeHub.poke()
            return result
        }
    }

    /// Runs `body` in one write transaction of its own connection, which holds the file's write lock until it
    /// commits (when `body` returns) or rolls back (when it throws). Writers of other connections, in this
    /// process or another, wait for it up to the busy timeout.
    public func transaction<T: Sendable>(_ body: @Sendable (SQLiteStore) async throws -> T) async throws -> T {
        if heldTransaction != nil { return try await body(self) }
        return try await transactionQueue.run {
            let held = try await mappingErrors { try await SQLiteTransaction(path: path, configuration: pool.configuration) }
            do {
                let result = try await body(SQLiteStore(copying: self, scope: scope, tenant: tenant, transaction: held))
                try await mappingErrors { try await held.commit(noting: statistics) }
                changeHub.poke()
                return result
            } catch {
                await held.rollback()
                throw error
            }
        }
    }

    private func mappingErrors<T>(_ body: () async throws -> T) async throws -> T {
        try await SQLiteFailure.mapping(body)
    }
}
