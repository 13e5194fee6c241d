import Foundation
import PostgresNIO
import SmallWins
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// Row-level security: a real database role granted one school reads that school's rows, directly in SQL
/// or through SmallWins, and nothing of its sibling; it cannot write; revoked, it reads nothing.
@Suite("PostgreSQL row-level security")
struct ReadOnlyAccessTests {
    @Test func aRestrictedRoleSeesOnlyItsSchool() async throws {
        let role = "analyst_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(10)
        let admin = try PostgresTestServer.client.get()
        _ = try await admin.query(PostgresQuery(unsafeSQL: "CREATE ROLE \(role) LOGIN PASSWORD 'analyst-pw'"))
        try await PostgresTestServer.withFreshSchemaURL { url in
            let owner = try PostgresStore(configuration: try PostgresConfiguration(url: url))
            let analyst = try PostgresStore(configuration: try PostgresConfiguration(url: Self.url(url, user: role, password: "analyst-pw")))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await owner.run() }
                group.addTask { await analyst.run() }
                defer { group.cancelAll() }
                try await owner.migrate()
                try await SampleData.fill(owner)
                let teams = try await owner.teams()
                let north = try #require(teams.first { $0.name == "North Elementary" })
                let northStore = try await owner.scoped(to: north.id)
                var expected: [Win.ID] = []
                for try await win in northStore.allWins() { expected.append(win.id) }
                let allCount = try await owner.dashboard(DashboardQuery(period: try .schoolYear(2026))).totals.wins
                try #require(expected.count > 0 && expected.count < allCount)

                let northMember = try #require(try await northStore.members().first)
                _ = try await owner.issueToken(for: northMember.id, name: "phone")
                try await owner.grantReadOnlyAccess(to: String(role), teams: [north.id])
                var seen: [Win.ID] = []
                for try await win in analyst.allWins() { seen.append(win.id) }
                #expect(seen == expected, "through SmallWins: only North's wins")
                let counted = try await analyst.client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \"\(analyst.schema)\".win"))
                for try await count in counted.decode(Int.self) { #expect(count == expected.count, "in plain SQL too") }
                let tokens = try await analyst.client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \"\(analyst.schema)\".access_token"))
                for try await count in tokens.decode(Int.self) { #expect(count == 0, "no access token, not even a hash, for a reader") }
                #expect(try await analyst.accessTokens(member: nil).isEmpty)
                let visible = Set(try await analyst.teams().map(\.name))
                #expect(visible.contains("North Elementary") && visible.contains("Riverside District") && !visible.contains("South Elementary"))
                let board = try await analyst.dashboard(DashboardQuery(period: try .schoolYear(2026)))
                #expect(board.totals == (try await northStore.dashboard(DashboardQuery(period: try .schoolYear(2026)))).totals)
                await #expect(throws: (any Error).self, "read-only") {
                    try await analyst.create(Team(name: "Sneaky", kind: .district))
                }

                try await owner.revokeReadOnlyAccess(from: String(role))
                await #expect(throws: (any Error).self, "revoked: not even the schema") { _ = try await analyst.teams() }
            }
        }
        _ = try await admin.query(PostgresQuery(unsafeSQL: "DROP ROLE \(role)"))
    }

    /// `url` with another user and password.
    static func url(_ url: String, user: String, password: String) throws -> String {
        var components = try #require(URLComponents(string: url))
        components.user = user
        components.password = password
        return try #require(components.string)
    }
}
