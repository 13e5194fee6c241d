import Foundation
import PostgresNIO
import SmallWins
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// Keeps the README's and the catalog's PostgreSQL example running against a real server, and shown verbatim.
@Suite("PostgreSQL example")
struct PostgresExampleTests {
    @Test func theExampleRunsAndIsShownVerbatim() async throws {
        guard let server = ProcessInfo.processInfo.environment["SMALLWINS_TEST_POSTGRES_URL"] else {
            throw SmallWinsError.storage("SMALLWINS_TEST_POSTGRES_URL is not set: \(PostgresTestServer.howToStart)")
        }
        let schema = "docs_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let url = server + (server.contains("?") ? "&" : "?") + "schema=\(schema)"
        defer { Task { _ = try? await PostgresTestServer.client.get().query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE")) } }

        // PostgreSQL example begin
        let configuration = try PostgresConfiguration(url: url)
        let lessons = try await PostgresStore.withStore(configuration) { store in   // checks the server, pools, migrates
            let district = try await store.create(Team(name: "Riverside District", kind: .district))
            let riverside = try await store.scoped(to: district.id)
            return try await riverside.wins(WinQuery(kinds: [.lesson]), after: nil, limit: 50).wins
        }
        // PostgreSQL example end

        #expect(lessons.isEmpty)
        for document in ["README.md", "Sources/SmallWinsPostgres/SmallWinsPostgres.docc/SmallWinsPostgres.md"] {
            try DocumentedExample.check("PostgreSQL example", in: #filePath, shownIn: document)
        }
    }
}
