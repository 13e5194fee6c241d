import Foundation
import PostgresNIO
import SmallWins
import SmallWinsPostgres
import Testing

/// The rules Citus sets for tables distributed by tenant and co-located, checked against the catalog of a freshly
/// migrated schema: every table of a district's data holds `tenant_id`; every primary key, unique key, unique
/// index and foreign key includes it; no table has a trigger (Citus refuses to distribute one). The breaches left
/// are listed below; the test fails on any breach not listed, and on any listed one that is gone, so the list only
/// shrinks and a new table or key cannot add one unnoticed.
@Suite("Citus rules")
struct CitusRulesTests {
    /// Tables of the installation, not of a district: they stay on the coordinator.
    static let installationTables: Set<String> = ["smallwins_migrations", "smallwins_reader"]

    /// Today's breaches, one per line: `table T`, `key T.NAME`, `index T.NAME` or `trigger T.NAME`. The change
    /// log numbers committed notices across the installation (`commit_seq`, unique); distributing it needs that
    /// number per tenant.
    static let listed = """
        index change_log.change_log_by_commit
        """

    @Test func theSchemaBreaksNoCitusRuleBeyondThoseListed() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let client = try PostgresTestServer.client.get()
            let schema = store.schema
            var found: Set<String> = []
            let tables = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT c.relname, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '\(schema)' AND c.relkind IN ('r', 'p')
                """))
            var tenantTables: Set<String> = []
            for try await (table, hasTenant) in tables.decode((String, Bool).self) where !Self.installationTables.contains(table) {
                if hasTenant { tenantTables.insert(table) } else { found.insert("table \(table)") }
            }
            // `distribute()` distributes every one of them but the change log (the breach listed).
            #expect(tenantTables == Set(PostgresStore.distributedTables + ["change_log"]))
            let keys = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT c.relname, con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '\(schema)' AND con.contype IN ('p', 'u', 'f')
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (con.conkey))
                """))
            var keyBreaches = 0
            for try await (table, name) in keys.decode((String, String).self) where !Self.installationTables.contains(table) {
                keyBreaches += 1
                found.insert("key \(table).\(name)")
            }
            let indexes = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT c.relname, i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = '\(schema)' AND x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)
                  AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnum = ANY (x.indkey))
                """))
            for try await (table, name) in indexes.decode((String, String).self) where !Self.installationTables.contains(table) {
                keyBreaches += 1
                found.insert("index \(table).\(name)")
            }
            let triggers = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT DISTINCT event_object_table::text, trigger_name::text FROM information_schema.triggers WHERE trigger_schema = '\(schema)'
                """))
            var triggerBreaches = 0
            for try await (table, name) in triggers.decode((String, String).self) {
                triggerBreaches += 1
                found.insert("trigger \(table).\(name)")
            }
            let listed = Set(Self.listed.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            print("Citus rules: \(tenantTables.count) tables hold tenant_id; \(found.count) breaches (\(listed.count) listed), "
                  + "\(keyBreaches) keys or unique indexes without tenant_id, \(triggerBreaches) triggers")
            let unlisted = found.subtracting(listed)
            #expect(unlisted.isEmpty, "breaches of the Citus rules that are not listed:\n\(unlisted.sorted().joined(separator: "\n"))")
            let gone = listed.subtracting(found)
            #expect(gone.isEmpty, "listed breaches that are gone (take them off the list): \(gone.sorted())")
        }
    }

    /// `distribute()` (`smallwins init --distributed`) on a server without Citus says so, in SmallWins' words.
    /// (Not when the suites run on a Citus coordinator.)
    @Test(.enabled(if: !PostgresTestServer.distributes))
    func aServerWithoutCitusRefusesToDistributeClearly() async throws {
        try await PostgresTestServer.withFreshStore { store in
            await #expect(throws: SmallWinsError.invalid(field: "distributed", reason: "this PostgreSQL server is not a Citus coordinator "
                                                         + "(run CREATE EXTENSION citus and add the worker nodes first)")) {
                try await store.distribute()
            }
        }
    }
}
