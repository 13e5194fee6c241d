import Foundation
import PostgresNIO
import SmallWins
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// Keeps the PostgreSQL examples of the README, the catalog and the guide running against a real server,
/// and shown verbatim.
@Suite("PostgreSQL examples")
struct PostgresExampleTests {
    @Test func theExampleRunsAndIsShownVerbatim() async throws {
        let lessons = try await PostgresTestServer.withFreshSchemaURL { url in
            // PostgreSQL example begin
            let configuration = try PostgresConfiguration(url: url)
            let lessons = try await PostgresStore.withStore(configuration) { store in   // checks the server, pools, migrates
                let district = try await store.create(Team(name: "Riverside District", kind: .district))
                let riverside = try await store.scoped(to: district.id)
                return try await riverside.wins(WinQuery(kinds: [.lesson]), after: nil, limit: 50).wins
            }
            // PostgreSQL example end
            return lessons
        }
        #expect(lessons.isEmpty)
        for document in ["README.md", "Sources/SmallWinsPostgres/SmallWinsPostgres.docc/SmallWinsPostgres.md",
                         "Sources/SmallWinsPostgres/PostgresStore.swift"] {
            try DocumentedExample.check("PostgreSQL example", in: #filePath, shownIn: document)
        }
    }

    @Test func theServiceExampleRunsAndIsShownVerbatim() async throws {
        func serve(_ store: PostgresStore) async throws -> Int { try await store.teams().count }
        let served = try await PostgresTestServer.withFreshSchemaURL { url in
            // PostgreSQL service example begin
            let configuration = try PostgresConfiguration(url: url)
            try await PostgresStore.checkReachable(configuration)          // fail fast on a wrong address or password
            let store = try PostgresStore(configuration: configuration)
            let served = try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await store.run() }                        // the pool, until the group is cancelled
                try await store.migrate()
                let result = try await serve(store)                       // your server's work: store.scoped(to: schoolID)…
                group.cancelAll()                                         // closes the pool's connections
                return result
            }
            // PostgreSQL service example end
            return served
        }
        #expect(served == 0)
        try DocumentedExample.check("PostgreSQL service example", in: #filePath, shownIn: "Documentation/PostgreSQL.md")
    }
}
