import Foundation
import Logging
import PostgresNIO
import SmallWins
@_exported import SmallWinsSQL

/// A `WinStore` on PostgreSQL, for districts running many schools on one shared server.
///
/// It uses a pooled `PostgresClient`, a long-lived service: call ``run()`` in a task that lives as long
/// as the store, and cancel that task to shut the pool down. ``withStore(_:logger:_:)`` does all of it
/// for a bounded piece of work:
///
/// ```swift
/// let configuration = try PostgresConfiguration(url: url)
/// let lessons = try await PostgresStore.withStore(configuration) { store in   // checks the server, pools, migrates
///     let district = try await store.create(Team(name: "Riverside District", kind: .district))
///     let riverside = try await store.scoped(to: district.id)
///     return try await riverside.wins(WinQuery(kinds: [.lesson]), after: nil, limit: 50).wins
/// }
/// ```
public struct PostgresStore: SQLStore {
    /// The connection pool; stores in other schemas can share it.
    public let client: PostgresClient
    /// The PostgreSQL schema holding this installation.
    public let schema: String
    /// `"schema".`, the prefix of every table name.
    let s: String
    public let scope: Team.ID?
    /// The scope's tenant (its district), read when the store is scoped.
    let tenant: UUID?
    let logger: Logger
    /// The transaction every call of this store belongs to, inside ``transaction(_:)``.
    private let heldTransaction: PostgresTransaction?
    /// The one reader of the change log that feeds every listener of this store.
    let changeHub: ChangeHub
    /// The longest any one call may take, waiting for a connection included, before it fails as
    /// `StorageFailure/Kind/unavailable`.
    public let callTimeout: Duration
    /// How many rows restores inside one transaction defer before the dashboard aggregates are filled for them
    /// (tests set it low, so a small import fills them several times).
    package var aggregateFlushRows = PostgresTransaction.defaultFlushRows

    /// A store on `client`, in `schema`; you run the client. Call ``migrate()`` before first use. Each call gives up
    /// after `callTimeout` (a server that died mid-call, or a pool with no connection to give).
    public init(
        client: PostgresClient, schema: String = "public", callTimeout: Duration = .seconds(60),
        logger: Logger = Logger(label: "smallwins.postgres")
    ) throws {
        try PostgresSchema.validate(schema: schema)
        self.client = client
        self.schema = schema
        self.s = PostgresSchema.quoted(schema) + "."
        self.scope = nil
        self.tenant = nil
        self.logger = logger
        self.heldTransaction = nil
        self.callTimeout = callTimeout
        self.changeHub = ChangeHub(log: PostgresChangeLog(client: client, schema: schema, logger: logger))
    }

    /// A store with its own connection pool, configured by `configuration`; call ``run()`` to start it. A call
    /// gives up after the configuration's connect and statement timeouts together.
    public init(configuration: PostgresConfiguration, logger: Logger = Logger(label: "smallwins.postgres")) throws {
        try self.init(client: PostgresClient(configuration: configuration.client(), backgroundLogger: logger),
                      schema: configuration.schema, callTimeout: configuration.callTimeout, logger: logger)
    }

    private init(copying store: PostgresStore, scope: Team.ID?, tenant: UUID?, transaction: PostgresTransaction?) {
        client = store.client
        schema = store.schema
        s = store.s
        logger = store.logger
        self.scope = scope
        self.tenant = tenant
        heldTransaction = transaction
        changeHub = store.changeHub
        callTimeout = store.callTimeout
        aggregateFlushRows = store.aggregateFlushRows
    }

    /// Runs the connection pool until the calling task is cancelled, then closes every connection.
    public func run() async { await client.run() }

    /// Creates the schema if needed and applies the migrations it lacks; safe when several processes
    /// start at once. Returns the names of the migrations applied now.
    @discardableResult
    public func migrate() async throws -> [String] {
        try await mappingErrors { try await PostgresSchema.migrate(client, schema: schema, logger: logger) }
    }

    /// The names of the migrations applied, oldest first.
    public func appliedMigrations() async throws -> [String] {
        try await mappingErrors { try await PostgresSchema.applied(client, schema: schema) }
    }

    /// The server's version, e.g. `15.18`.
    public func serverVersion() async throws -> String {
        try await read { context in try await context.row("SHOW server_version")!.string("server_version") }
    }

    /// Checks the server answers and accepts the credentials, within the configuration's connect timeout,
    /// so a wrong address or password fails in seconds with a clear message (the pool itself retries for
    /// over a minute).
    public static func checkReachable(_ configuration: PostgresConfiguration, logger: Logger = Logger(label: "smallwins.postgres")) async throws {
        do {
            let connection = try configuration.connection()
            try await withDeadline(configuration.connectTimeout + .seconds(1), doing: "connecting") {
                let opened = try await PostgresConnection.connect(configuration: connection, id: 0, logger: logger)
                try await opened.close()
            }
        } catch {
            var failure: StorageFailure
            switch error {
            case let error as PSQLError where error.serverInfo == nil:
                failure = StorageFailure(.unavailable, code: error.code.description, "no server accepted the connection")
            case let error as PSQLError:
                guard case .storage(let mapped) = PostgresFailure.map(error) else { throw PostgresFailure.map(error) }
                failure = mapped
            case SmallWinsError.storage(let mapped): failure = mapped
            default: failure = StorageFailure(.unavailable, "no answer")
            }
            failure.message = "cannot connect to PostgreSQL at \(configuration.redacted): \(failure.message)"
            throw SmallWinsError.storage(failure)
        }
    }

    /// Checks the server, runs a pool while `body` runs, migrates, and shuts the pool down afterwards.
    public static func withStore<T: Sendable>(
        _ configuration: PostgresConfiguration, logger: Logger = Logger(label: "smallwins.postgres"),
        _ body: @Sendable (PostgresStore) async throws -> T
    ) async throws -> T {
        try await checkReachable(configuration, logger: logger)
        let store = try PostgresStore(configuration: configuration, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.run() }
            defer { group.cancelAll() }
            try await store.migrate()
            return try await body(store)
        }
    }

    public func scoped(to team: Team.ID) async throws -> PostgresStore {
        let tenant = try await run(engine.tenant(ofScope: team))
        return PostgresStore(copying: self, scope: team, tenant: tenant, transaction: heldTransaction)
    }

    // MARK: Transactions

    /// Whether this store's calls belong to a transaction of ``transaction(_:)``.
    var isInTransaction: Bool { heldTransaction != nil }

    /// Runs `body` on a pooled connection (or in the held transaction), within ``callTimeout``, mapping engine
    /// errors onto `SmallWinsError`.
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresContext) async throws -> T) async throws -> T {
        try await mappingErrors {
            try await withDeadline(callTimeout, doing: "reading") { [self] in
                if let heldTransaction {
                    return try await heldTransaction.read { connection in try await body(PostgresContext(connection: connection, store: self)) }
                }
                return try await client.withConnection { connection in
                    try await body(PostgresContext(connection: connection, store: self))
                }
            }
        }
    }

    /// Runs `body` in one transaction (or a savepoint of the held one), within ``callTimeout``: on any error nothing
    /// is changed. A transaction the server aborts to break a deadlock (two writers updating the same dashboard
    /// aggregates in different orders) runs again, a few times, after a short random pause. A bulk restore inside a
    /// held transaction passes `deferredRows` (how many rows it inserts), so the dashboard aggregates are filled once
    /// for many pages.
    func write<T: Sendable>(
        deferredRows: Int? = nil, _ body: @escaping @Sendable (PostgresContext) async throws -> T
    ) async throws -> T {
        try await mappingErrors {
            try await withDeadline(callTimeout, doing: "writing") { [self] in
                if let heldTransaction {
                    return try await heldTransaction.write(deferredRows: deferredRows) { connection, deferring in
                        try await body(PostgresContext(connection: connection, store: self, deferring: deferring))
                    }
                }
                var attempt = 1
                while true {
                    do {
                        let result = try await client.withTransaction(logger: logger) { connection in
                            try await body(PostgresContext(connection: connection, store: self))
                        }
                        changeHub.poke()
                        return result
                    } catch let error as PostgresTransactionError where attempt < 8 && Self.isRetryable(error) {
                        attempt += 1
                        try await Task.sleep(for: .milliseconds(Int.random(in: 5...(20 * attempt))))
                    }
                }
            }
        }
    }

    /// Runs `body` in one transaction on one pooled connection, committed when `body` returns and rolled back when
    /// it throws; the server rolls it back too when the connection or this process dies first. Each call inside,
    /// and the commit, gives up after ``callTimeout``; `body` as a whole may take as long as it needs.
    public func transaction<T: Sendable>(_ body: @Sendable (PostgresStore) async throws -> T) async throws -> T {
        if heldTransaction != nil { return try await body(self) }
        return try await mappingErrors {
            try await client.withConnection { connection in
                let held = try await withDeadline(callTimeout, doing: "beginning a transaction") { [logger] in
                    try await PostgresTransaction(connection: connection, engine: engine, flushRows: aggregateFlushRows, logger: logger)
                }
                do {
                    let result = try await body(PostgresStore(copying: self, scope: scope, tenant: tenant, transaction: held))
                    try await withDeadline(callTimeout, doing: "committing") { try await held.commit() }
                    changeHub.poke()
                    return result
                } catch {
                    _ = try? await withDeadline(callTimeout, doing: "rolling back") { await held.rollback() }
                    throw error
                }
            }
        }
    }

    /// Whether the server aborted the transaction only to break a deadlock or a serialization conflict.
    static func isRetryable(_ error: PostgresTransactionError) -> Bool {
        ((error.closureError ?? error.commitError) as? PSQLError).map(PostgresFailure.isRetryable) ?? false
    }

    /// Runs `body`, turning PostgreSQL's and PostgresNIO's errors into `SmallWinsError`s (`PostgresFailure`).
    func mappingErrors<T>(_ body: () async throws -> T) async throws -> T {
        try await PostgresFailure.mapping(body)
    }
}
