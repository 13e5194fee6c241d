import Foundation
import Logging
import PostgresNIO
import SmallWins
import SmallWinsPostgres

/// The PostgreSQL server the tests use: `SMALLWINS_TEST_POSTGRES_URL`, set by `Scripts/with-postgres.sh`.
///
/// Every test gets a fresh schema on one shared, running client, dropped when the test ends.
enum PostgresTestServer {
    static let howToStart = "start a throwaway server with `bash Scripts/with-postgres.sh swift test` (or run `bash Scripts/test.sh`)"

    /// The server's configuration; throws with instructions when it is not set or not reachable.
    static let configuration: Result<PostgresConfiguration, any Error> = Result {
        guard let url = ProcessInfo.processInfo.environment["SMALLWINS_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw SmallWinsError.storage(StorageFailure(.unavailable, "SMALLWINS_TEST_POSTGRES_URL is not set: \(howToStart)"))
        }
        return try PostgresConfiguration(url: url)
    }

    /// One client for the whole test run, started on first use and never stopped (the process ends).
    static let client: Result<PostgresClient, any Error> = Result {
        var configuration = try Self.configuration.get()
        configuration.poolSize = 24
        let client = try PostgresStore(configuration: configuration).client
        Task.detached { await client.run() }
        return client
    }

    /// Runs `body` with a migrated store in a new schema, then drops the schema.
    static func withFreshStore<T>(_ body: (PostgresStore) async throws -> T) async throws -> T {
        let configuration = try Self.configuration.get()
        do {
            try await reachable.value
        } catch {
            throw SmallWinsError.storage(StorageFailure(.unavailable, "no PostgreSQL server at \(configuration.redacted) (\(error)): \(howToStart)"))
        }
        let client = try Self.client.get()
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
        let store = try PostgresStore(client: client, schema: String(schema))
        try await store.migrate()
        if distributes { try await store.distribute() }
        do {
            let result = try await body(store)
            try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE"))
            return result
        } catch {
            _ = try? await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE"))
            throw error
        }
    }

    /// Runs `body` with the server's URL naming a new schema (as a user would configure it), then drops the schema.
    static func withFreshSchemaURL<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let server = ProcessInfo.processInfo.environment["SMALLWINS_TEST_POSTGRES_URL"], !server.isEmpty else {
            throw SmallWinsError.storage(StorageFailure(.unavailable, "SMALLWINS_TEST_POSTGRES_URL is not set: \(howToStart)"))
        }
        let schema = "docs_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let drop = PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
        do {
            let result = try await body(server + (server.contains("?") ? "&" : "?") + "schema=\(schema)")
            _ = try await client.get().query(drop)
            return result
        } catch {
            _ = try? await client.get().query(drop)
            throw error
        }
    }

    /// Whether every fresh store is distributed by tenant (`SMALLWINS_TEST_CITUS=1`, the URL naming a Citus
    /// coordinator), to run the suites on a Citus cluster by hand. CI has no Citus.
    static let distributes = ProcessInfo.processInfo.environment["SMALLWINS_TEST_CITUS"] == "1"

    /// Checked once: the server answers, within seconds rather than the pool's minute of retries.
    private static let reachable = Task { try await PostgresStore.checkReachable(try configuration.get()) }
}
