import Foundation
import SmallWins
import SmallWinsPostgres
import SmallWinsSQLite

/// The benchmarks' district, built once per size and then reused: a SQLite file in ``folder`` and a PostgreSQL
/// schema named after the size. Settings come from the environment:
/// - `SMALLWINS_BENCH_WINS`: the district's wins (1,000,000 by default);
/// - `SMALLWINS_BENCH_DATA`: where the SQLite files and exports go (a folder under the temporary directory by default);
/// - `SMALLWINS_BENCH_POSTGRES` (or `SMALLWINS_TEST_POSTGRES_URL`): a PostgreSQL URL; without one, only SQLite is measured;
/// - `SMALLWINS_BENCH_CITUS=1`: that URL names a Citus coordinator, and each district's tables are distributed by
///   tenant before it is built (``PostgresStore/distribute()``).
public enum Fixture {
    /// The district's size.
    public static var wins: Int {
        Int(ProcessInfo.processInfo.environment["SMALLWINS_BENCH_WINS"] ?? "") ?? 1_000_000
    }

    /// The generator for ``wins``.
    public static var generator: DistrictGenerator { DistrictGenerator(wins: wins) }

    /// Where the SQLite files and exports go.
    public static var folder: URL {
        let environment = ProcessInfo.processInfo.environment["SMALLWINS_BENCH_DATA"]
        let url = environment.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-bench")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The PostgreSQL server's URL, when one is given.
    public static var postgresURL: String? {
        let environment = ProcessInfo.processInfo.environment
        return environment["SMALLWINS_BENCH_POSTGRES"] ?? environment["SMALLWINS_TEST_POSTGRES_URL"]
    }

    /// Whether the PostgreSQL districts are distributed across a Citus cluster.
    static var distributes: Bool { ProcessInfo.processInfo.environment["SMALLWINS_BENCH_CITUS"] == "1" }

    /// Runs `store` and migrates it, then distributes its tables when ``distributes``.
    static func started(_ store: PostgresStore) async throws -> PostgresStore {
        Task { await store.run() }
        try await store.migrate()
        if distributes { try await store.distribute() }
        return store
    }

    /// The SQLite file of the district of ``wins`` wins.
    public static var sqlitePath: String { folder.appendingPathComponent("district-\(wins).sqlite").path }

    /// The district on SQLite, built first when missing (into a side file, renamed when complete), read through a
    /// memory map of `memoryMapSize` bytes (as a server reads it; the CLI's one-pass commands map none).
    public static func sqlite(memoryMapSize: Int = SQLiteStore.defaultMemoryMapSize) async throws -> SQLiteStore {
        if !FileManager.default.fileExists(atPath: sqlitePath) {
            let building = sqlitePath + ".building"
            removeDatabase(at: building)
            try await generator.fill(try await SQLiteStore(path: building))
            try moveDatabase(from: building, to: sqlitePath)
        }
        return try await SQLiteStore(path: sqlitePath, memoryMapSize: memoryMapSize)
    }

    /// The three files of a SQLite database in WAL mode: the database, its write-ahead log and its shared memory.
    static let databaseFiles = ["", "-wal", "-shm"]

    /// Moves the SQLite database at `source` to `destination` with its write-ahead log: the log holds the writes
    /// not yet copied into the file, and a file moved without it loses them.
    public static func moveDatabase(from source: String, to destination: String) throws {
        removeDatabase(at: destination)
        for suffix in databaseFiles where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.moveItem(atPath: source + suffix, toPath: destination + suffix)
        }
    }

    /// Removes the SQLite database at `path` and its write-ahead log files.
    public static func removeDatabase(at path: String) {
        for suffix in databaseFiles { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// The schema holding the district of ``wins`` wins on PostgreSQL.
    public static var schema: String { "bench_\(wins)" }

    /// The district on PostgreSQL (a running store), built first when the schema is missing or incomplete;
    /// `nil` without a URL.
    public static func postgres() async throws -> PostgresStore? {
        guard let store = try await postgresStore(schema: schema) else { return nil }
        if try await isComplete(store) { return store }
        try await dropSchema(schema)
        let fresh = try await postgresStore(schema: schema)!
        try await generator.fill(fresh)
        // As after any bulk load: fresh statistics, and the visibility map set for index-only scans.
        try await psql("VACUUM ANALYZE")
        return fresh
    }

    /// Whether `store` holds the whole district of ``wins`` wins.
    public static func isComplete(_ store: any WinStore) async throws -> Bool {
        let all = try await store.dashboard(DashboardQuery(period: try Period(Day(2000, 1, 1), through: Day(2100, 12, 31))))
        return all.totals.wins == wins && all.totals.celebrations == wins / 2
    }

    /// A running store on `schema` (migrated), or `nil` without a URL. It runs until the process ends.
    public static func postgresStore(schema: String) async throws -> PostgresStore? {
        guard let url = postgresURL else { return nil }
        var configuration = try PostgresConfiguration(url: url)
        configuration.schema = schema
        return try await started(try PostgresStore(configuration: configuration))
    }

    /// Drops `schema` and everything in it.
    public static func dropSchema(_ schema: String) async throws {
        try await psql("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
    }

    /// Runs one SQL command with `psql` on the server, outside a transaction.
    static func psql(_ command: String) async throws {
        guard let url = postgresURL else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SmallWinsError.storage(StorageFailure(.internal, "psql failed (\(process.terminationStatus)) on: \(command)"))
        }
    }

    /// The district the concurrent writers write into: the benchmarks' district at 10,000 wins (fewer when
    /// ``wins`` is smaller), in its own file or schema so the writes leave the main district as built. It grows by
    /// every run's writes.
    public static var writesGenerator: DistrictGenerator { DistrictGenerator(wins: min(wins, 10_000)) }

    /// The SQLite file of the writers' district.
    public static var writesSQLitePath: String { folder.appendingPathComponent("writes-\(writesGenerator.wins).sqlite").path }

    /// The PostgreSQL schema of the writers' district.
    public static var writesSchema: String { "bench_writes_\(writesGenerator.wins)" }

    /// The writers' district on SQLite, built when missing.
    public static func writesSQLite() async throws -> SQLiteStore {
        if !FileManager.default.fileExists(atPath: writesSQLitePath) {
            let building = writesSQLitePath + ".building"
            removeDatabase(at: building)
            try await writesGenerator.fill(try await SQLiteStore(path: building))
            try moveDatabase(from: building, to: writesSQLitePath)
        }
        return try await SQLiteStore(path: writesSQLitePath)
    }

    /// The writers' district on PostgreSQL, built when missing, on a pool of `connections`; `nil` without a URL.
    public static func writesPostgres(connections: Int) async throws -> PostgresStore? {
        guard let url = postgresURL else { return nil }
        var configuration = try PostgresConfiguration(url: url)
        configuration.schema = writesSchema
        configuration.poolSize = connections
        let store = try await started(try PostgresStore(configuration: configuration))
        if try await store.teams().isEmpty {
            try await writesGenerator.fill(store)
            try await psql("VACUUM ANALYZE")
        }
        return store
    }

    /// The district, a school and a team of `store`, by name.
    public static func scopes(of store: any WinStore) async throws -> (district: Team, school: Team, team: Team) {
        let teams = try await store.teams()
        func named(_ name: String) throws -> Team {
            guard let team = teams.first(where: { $0.name == name }) else { throw SmallWinsError.invalid(field: "team", reason: "\(name) is missing") }
            return team
        }
        return (try named(DistrictGenerator.districtName), try named(DistrictGenerator.schoolName), try named(DistrictGenerator.teamName))
    }
}
