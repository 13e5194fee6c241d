import ArgumentParser
import Foundation
import Logging
import SmallWins
import SmallWinsPostgres
import SmallWinsSQLite

/// Options every command takes: where the data is, and how to print it.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A SQLite file, or a postgres://user:password@host:port/database URL (default: $SMALLWINS_DATABASE, else ./smallwins.sqlite).",
        valueName: "path-or-url"))
    var database: String?

    @Flag(name: .long, help: "Print JSON for machines instead of tables.")
    var json = false

    /// The database this run uses.
    var location: String {
        database ?? ProcessInfo.processInfo.environment["SMALLWINS_DATABASE"] ?? "smallwins.sqlite"
    }

    /// The command's store; see ``StoreSession/open(_:create:memoryMapped:)``.
    func openStore(create: Bool = false, memoryMapped: Bool = false) async throws -> any WinStore {
        try await StoreSession.shared.open(location, create: create, memoryMapped: memoryMapped).store
    }
}

extension GlobalOptions {
    /// The store, scoped to `reference` when given.
    func scopedStore(_ reference: String?) async throws -> any WinStore {
        try await stores(scopedTo: reference).scoped
    }

    /// The whole store, and the same store limited to the team `reference` names (the whole store without one).
    func stores(scopedTo reference: String?) async throws -> (all: any WinStore, scoped: any WinStore) {
        let store = try await openStore()
        guard let reference else { return (store, store) }
        return (store, try await store.scoped(to: try await Resolver(store: store).team(reference).id))
    }
}

/// An opened store, with what is particular to its backend.
enum OpenedStore {
    case sqlite(SQLiteStore)
    case postgres(PostgresStore, PostgresConfiguration)

    /// The store itself.
    var store: any WinStore {
        switch self {
        case .sqlite(let store): return store
        case .postgres(let store, _): return store
        }
    }
}

/// Turns `--database` values into stores: a `postgres://` URL or a SQLite file path.
enum StoreLocation {
    /// Whether `location` names a PostgreSQL database.
    static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Opens and migrates the store at `location`. A SQLite file must exist unless `create` is set (so a
    /// typo in a path does not silently start an empty database), and is read through a memory map only when
    /// `memoryMapped` (a server's many reads gain from it; a command's one pass would only look bigger). A
    /// PostgreSQL server is checked first, so a wrong address or password fails within seconds; its pool runs in
    /// `pool`, which the caller ends.
    static func open(_ location: String, create: Bool, memoryMapped: Bool, pool: inout Task<Void, Never>?) async throws -> OpenedStore {
        if isPostgres(location) {
            let configuration = try PostgresConfiguration(url: location)
            var logger = Logger(label: "smallwins.postgres")
            logger.logLevel = .error
            try await PostgresStore.checkReachable(configuration, logger: logger)
            let store = try PostgresStore(configuration: configuration, logger: logger)
            pool = Task { await store.run() }
            try await store.migrate()
            return .postgres(store, configuration)
        }
        if !create, !FileManager.default.fileExists(atPath: location) {
            throw CLIError("no database at \(location); run `smallwins init` first, or pass --database")
        }
        return .sqlite(try await SQLiteStore(path: location, memoryMapSize: memoryMapped ? SQLiteStore.defaultMemoryMapSize : 0))
    }
}

/// A command-line error: one line for the person at the terminal.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
