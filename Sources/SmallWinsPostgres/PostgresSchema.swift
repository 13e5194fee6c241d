import Logging
import PostgresNIO
import SmallWins

/// The PostgreSQL schema: the same logical tables as SQLite, with native types, as versioned
/// forward-only migrations recorded in `smallwins_migrations`.
///
/// ``migrate(_:schema:logger:)`` takes a transaction-scoped advisory lock first, so two processes
/// migrating at once run one after the other and the second finds nothing left to do.
enum PostgresSchema {
    /// One migration: a version, a name, and its statements (in `s`, the quoted schema prefix).
    struct Migration: Sendable {
        let version: Int
        let name: String
        let statements: @Sendable (_ s: String) -> [String]
    }

    static let migrations = [
        Migration(version: 1, name: "teams, members, codebooks, goals, learning agenda, wins, celebrations", statements: version1),
        Migration(version: 2, name: "row-level security for read-only roles", statements: version2),
        Migration(version: 3, name: "maintained dashboard aggregates", statements: version3),
        Migration(version: 4, name: "change notices in the order their transactions commit", statements: version4),
        Migration(version: 5, name: "bulk restores fill the dashboard aggregates once", statements: version5),
        Migration(version: 6, name: "members' access tokens", statements: version6),
        Migration(version: 7, name: "the store counts the dashboard aggregates, without triggers", statements: version7),
        Migration(version: 8, name: "every key of a district's data holds its tenant", statements: version8),
        Migration(version: 9, name: "the district's rows of the aggregates every school shares keep their counts in slices", statements: version9),
    ]

    /// Creates the schema if needed and applies every migration not yet applied; returns the names applied now.
    @discardableResult
    static func migrate(_ client: PostgresClient, schema: String, logger: Logger) async throws -> [String] {
        let s = quoted(schema) + "."
        return try await client.withTransaction(logger: logger) { connection in
            let lock: PGQuery = "SELECT pg_advisory_xact_lock(hashtext(\("smallwins migrations " + schema)))"
            try await connection.query(lock.postgres, logger: logger)
            try await connection.query("SET LOCAL statement_timeout = 0", logger: logger)  // a migration may take long
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(quoted(schema))"), logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: """
                CREATE TABLE IF NOT EXISTS \(s)smallwins_migrations (
                    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """), logger: logger)
            var applied = Set<Int>()
            for try await version in try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT version FROM \(s)smallwins_migrations"), logger: logger).decode(Int.self) {
                applied.insert(version)
            }
            var names: [String] = []
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements(s) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let record: PGQuery = "INSERT INTO \(raw: s)smallwins_migrations (version, name) VALUES (\(migration.version), \(migration.name))"
                try await connection.query(record.postgres, logger: logger)
                names.append("v\(migration.version): \(migration.name)")
            }
            return names
        }
    }

    /// The names of the migrations applied to `schema`, oldest first.
    static func applied(_ client: PostgresClient, schema: String) async throws -> [String] {
        let rows = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT version, name FROM \(quoted(schema)).smallwins_migrations ORDER BY version
            """))
        var names: [String] = []
        for try await (version, name) in rows.decode((Int, String).self) { names.append("v\(version): \(name)") }
        return names
    }

    /// `"name"`: a schema name as an SQL identifier. Names are checked by ``validate(schema:)`` first.
    static func quoted(_ schema: String) -> String { "\"\(schema)\"" }

    /// Throws unless `schema` is a plain identifier (lowercase letters, digits, `_`; at most 50 characters).
    static func validate(schema: String) throws {
        let allowed = schema.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard !schema.isEmpty, schema.count <= 50, allowed, !("0"..."9").contains(schema.unicodeScalars.first!),
              !schema.hasPrefix("pg_") else {
            throw SmallWinsError.invalid(field: "schema", reason: "\"\(schema.prefix(60))\" is not a plain lowercase identifier (a-z, 0-9, _)")
        }
    }
}
