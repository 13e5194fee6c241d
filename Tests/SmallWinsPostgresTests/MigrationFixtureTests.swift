import Foundation
import GRDB
import PostgresNIO
import SmallWins
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Databases made by the first schema upgrade to the current one with every row intact.
///
/// `Fixtures/schema-v1.sqlite` and `Fixtures/schema-v1.sql` (a `pg_dump` of schema `fixture_v1`) were written
/// by schema v1 from `GoldenContents`, and `Fixtures/schema-v1.json` is their snapshot. They are never
/// regenerated: a missing fixture is written once, by the schema of the day, and committed. Each test opens a
/// copy with today's code (which applies every later migration) and compares the snapshot byte for byte,
/// and the upgraded schema with a fresh install's, object by object: an edit to a shipped migration shows.
@Suite("Migrations from the first schema")
struct MigrationFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func aSQLiteFileFromSchemaV1UpgradesIntact() async throws {
        let fixture = Self.fixtures.appendingPathComponent("schema-v1.sqlite")
        if !FileManager.default.fileExists(atPath: fixture.path) {
            let store = try await SQLiteStore(path: fixture.path)
            try await StoreCopy.copy(ExportContent(GoldenContents.make()), to: store)
        }
        try await TemporaryFolder.with { folder in
            let copy = folder.appendingPathComponent("upgraded.sqlite")
            try FileManager.default.copyItem(at: fixture, to: copy)
            let store = try await SQLiteStore(path: copy.path)
            try await Self.expectSnapshot(of: store)
            #expect(try await store.diagnostics().integrity == "ok")
            let fresh = folder.appendingPathComponent("fresh.sqlite")
            _ = try await SQLiteStore(path: fresh.path)
            let upgraded = try Self.sqliteSchema(copy), installed = try Self.sqliteSchema(fresh)
            #expect(upgraded.count > 40, "tables, indexes and triggers are all read")
            #expect(upgraded == installed, "an upgraded file has exactly a fresh install's tables, indexes and triggers")
        }
    }

    /// Every table, index, trigger and view of a SQLite file, as its type, name and SQL.
    static func sqliteSchema(_ file: URL) throws -> [String] {
        try DatabaseQueue(path: file.path).read { db in
            try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ': ' || COALESCE(sql, '') FROM sqlite_master
                WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name
                """)
        }
    }

    @Test func aPostgreSQLDumpFromSchemaV1UpgradesIntact() async throws {
        let fixture = Self.fixtures.appendingPathComponent("schema-v1.sql")
        let client = try PostgresTestServer.client.get()
        if !FileManager.default.fileExists(atPath: fixture.path) {
            let store = try PostgresStore(client: client, schema: "fixture_v1")
            try await store.migrate()
            try await StoreCopy.copy(ExportContent(GoldenContents.make()), to: store)
            let dump = try Self.pgDump(schema: "fixture_v1")
            try Data(dump.utf8).write(to: fixture)
            _ = try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA fixture_v1 CASCADE"))
        }
        let schema = "upgrade_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        let script = try String(contentsOf: fixture, encoding: .utf8).replacingOccurrences(of: "fixture_v1", with: String(schema))
        try Self.psql(script)
        defer { Task { _ = try? await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE")) } }
        let store = try PostgresStore(client: client, schema: String(schema))
        try await store.migrate()
        try await Self.expectSnapshot(of: store)

        let fresh = "fresh_" + schema.dropFirst("upgrade_".count)
        defer { Task { _ = try? await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(fresh)\" CASCADE")) } }
        let freshStore = try PostgresStore(client: client, schema: fresh)
        try await freshStore.migrate()
        let upgraded = try Self.pgSchema(String(schema)), installed = try Self.pgSchema(fresh)
        #expect(upgraded.count > 100, "tables, indexes, functions, triggers and policies are all read")
        #expect(upgraded == installed, "an upgraded schema has exactly a fresh install's definitions")

        // The aggregates the upgrades counted again (migrations 7 and 9, each count in its team's slice) are, row for
        // row, those the store counts when the same rows are copied into a fresh install.
        try await StoreCopy.copy(ExportContent(GoldenContents.make()), to: freshStore)
        var compared: [String] = []
        for table in ["day", "author", "goal", "attempt", "theme", "group", "equity", "shout_out", "celebration", "celebration_pair", "bright"] {
            let (a, b) = ("\"\(schema)\".dash_\(table)", "\"\(fresh)\".dash_\(table)")
            let rows = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT (SELECT count(*) FROM \(a)), (SELECT count(*) FROM ((SELECT * FROM \(a) EXCEPT ALL SELECT * FROM \(b))
                UNION ALL (SELECT * FROM \(b) EXCEPT ALL SELECT * FROM \(a))) d)
                """))
            for try await (count, differing) in rows.decode((Int, Int).self) {
                #expect(differing == 0, "dash_\(table): \(differing) rows differ from a fresh install's")
                compared.append("dash_\(table) \(count)")
            }
        }
        print("Upgraded aggregates compared with a fresh install's, rows: " + compared.joined(separator: ", "))
    }

    /// `pg_dump --schema-only` of one schema, its name replaced by `SCHEMA`, without comments, blank lines
    /// and pg_dump's random `\restrict` keys.
    static func pgSchema(_ schema: String) throws -> [String] {
        try Tool.run("pg_dump", ["--schema=\(schema)", "--schema-only", "--no-owner", "--no-privileges", "--dbname=\(try server())"])
            .replacingOccurrences(of: schema, with: "SCHEMA")
            .split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("--") && !$0.hasPrefix("\\restrict") && !$0.hasPrefix("\\unrestrict") && !$0.isEmpty }
    }

    /// The store's snapshot equals the committed one (written the first time).
    static func expectSnapshot(of store: any WinStore) async throws {
        let snapshot = try await SnapshotExporter().data(try await ExportContent.load(from: store))
        let expected = fixtures.appendingPathComponent("schema-v1.json")
        if !FileManager.default.fileExists(atPath: expected.path) { try snapshot.write(to: expected) }
        #expect(snapshot == (try Data(contentsOf: expected)), "every row of the schema-v1 database survives the upgrade")
    }

    /// `pg_dump` of one schema, as plain SQL without owners, from the test server.
    static func pgDump(schema: String) throws -> String {
        try Tool.run("pg_dump", ["--schema=\(schema)", "--no-owner", "--no-privileges", "--dbname=\(try server())"])
    }

    /// Runs a SQL script on the test server, stopping at the first error.
    static func psql(_ script: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-\(UUID().uuidString).sql")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try Tool.run("psql", ["-v", "ON_ERROR_STOP=1", "--quiet", "--file=\(file.path)", "--dbname=\(try server())"])
    }

    static func server() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["SMALLWINS_TEST_POSTGRES_URL"] else {
            throw SmallWinsError.storage(StorageFailure(.unavailable, "SMALLWINS_TEST_POSTGRES_URL is not set: \(PostgresTestServer.howToStart)"))
        }
        // libpq tools take the URL without SmallWins' own parameters.
        return url.components(separatedBy: "?")[0]
    }
}
