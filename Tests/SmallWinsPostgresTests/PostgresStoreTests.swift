import Foundation
import PostgresNIO
import SmallWins
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// What is particular to PostgreSQL: configuration, migrations, reachability, schemas.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test func parsesURLsAndEnvironment() throws {
        // PostgresConfiguration example begin
        let configuration = try PostgresConfiguration(url: "postgres://smallwins:secret@db.district.org:5432/smallwins?sslmode=verify-full")
        // PostgresConfiguration example end
        #expect(configuration.tls == .verifyFull && configuration.host == "db.district.org")
        try DocumentedExample.check("PostgresConfiguration example", in: #filePath, shownIn: "Sources/SmallWinsPostgres/PostgresConfiguration.swift")
        let url = try PostgresConfiguration(
            url: "postgres://smallwins:s%40cret@db.district.org:6543/wins?sslmode=verify-full&schema=north&pool_size=4&connect_timeout=3",
            environment: [:])
        #expect(url.host == "db.district.org")
        #expect(url.port == 6543)
        #expect(url.username == "smallwins")
        #expect(url.password == "s@cret")
        #expect(url.database == "wins")
        #expect(url.tls == .verifyFull)
        #expect(url.schema == "north")
        #expect(url.poolSize == 4)
        #expect(url.connectTimeout == .seconds(3))
        #expect(!url.redacted.contains("cret"))

        let environment = try PostgresConfiguration(environment: [
            "PGHOST": "10.0.0.5", "PGPORT": "5433", "PGUSER": "analyst", "PGPASSWORD": "pw", "PGDATABASE": "district", "PGSSLMODE": "require",
        ])
        #expect(environment.host == "10.0.0.5" && environment.port == 5433 && environment.username == "analyst")
        #expect(environment.password == "pw" && environment.database == "district" && environment.tls == .require)
        let ipv6 = try PostgresConfiguration(url: "postgres://u:@[::1]:6000/d", environment: [:])
        #expect(ipv6.host == "::1" && ipv6.port == 6000 && ipv6.password == "")
        let mixed = try PostgresConfiguration(url: "postgres:///other", environment: ["PGHOST": "db", "PGUSER": "me"])
        #expect(mixed.host == "db" && mixed.username == "me" && mixed.database == "other")
    }

    @Test(arguments: [
        "mysql://x@y/z", "postgres://u@h/d?sslmode=sometimes", "postgres://u@h/d?schema=Bad-Name", "postgres://u@h/d?pool_size=0",
        "postgres://u@h/d?schema=x%22;drop", "postgres://u@h/d?unknown=1",
        // Parts URLComponents would read as something else: a port that wraps, stray '@' and ':', a host no host has.
        "postgres://u@h:99999/d", "postgres://u@h:0/d", "postgres://u@h:54x/d", "postgres://:::@@@", "postgres://a@b@h/d",
        "postgres://u@ho st/d", "postgres://u@h;rm/d", "postgres://u@[::1/d", "postgres://u:p%zz@h/d",
    ])
    func rejectsBadURLs(_ url: String) {
        #expect(throws: SmallWinsError.self) { try PostgresConfiguration(url: url, environment: [:]) }
    }

    @Test func anUnreachableServerFailsFastWithAClearMessage() async throws {
        let configuration = try PostgresConfiguration(url: "postgres://nobody@127.0.0.1:9/none?sslmode=disable", environment: [:])
        let started = ContinuousClock.now
        do {
            try await PostgresStore.checkReachable(configuration)
            Issue.record("connected to a closed port")
        } catch let SmallWinsError.storage(failure) {
            #expect(failure.kind == .unavailable)
            #expect(failure.message.hasPrefix("cannot connect to PostgreSQL at postgres://nobody@127.0.0.1:9"))
        }
        // Refused at once when the machine is idle; the bound only has to beat the pool's ~68 s of retries, even on a loaded CI machine.
        #expect(ContinuousClock.now - started < .seconds(40))
    }

    @Test func migratingTwiceAtOnceIsSafe() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let schema = store.schema + "_twin"
            let first = try PostgresStore(client: store.client, schema: schema)
            let second = try PostgresStore(client: store.client, schema: schema)
            async let a = first.migrate()
            async let b = second.migrate()
            let applied = try await a + b
            let all = try await store.appliedMigrations()
            #expect(applied.sorted() == all.sorted(), "each migration is applied once, by one of them: \(applied)")
            #expect(try await first.migrate() == [])
            #expect(try await second.appliedMigrations() == (try await store.appliedMigrations()))
            try await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(schema)\" CASCADE"))
        }
    }

    @Test func schemasKeepInstallationsApart() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let other = try PostgresStore(client: store.client, schema: store.schema + "_other")
            try await other.migrate()
            _ = try await store.create(Team(name: "Riverside", kind: .district))
            #expect(try await other.teams().isEmpty)
            try await store.client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \"\(store.schema)_other\" CASCADE"))
        }
    }

    @Test func changeNoticesReachAnotherClient() async throws {
        try await PostgresTestServer.withFreshStore { store in
            var configuration = try PostgresTestServer.configuration.get()
            configuration.schema = store.schema
            let district = try await store.create(Team(name: "Riverside", kind: .district))
            // A second pool, as a front end on another machine would have, watching the same installation.
            let received = try await PostgresStore.withStore(configuration) { watcher in
                let stream = try await watcher.changes()
                _ = try await store.create(Team(name: "North", kind: .school, parent: district.id))
                var iterator = stream.makeAsyncIterator()
                return try await iterator.next()
            }
            #expect(received?.entity == .team)
            #expect(received?.action == .created)
        }
    }
}

/// Eight writers and four readers on the pool for three seconds: nothing lost, nothing doubled.
@Suite("PostgreSQL under load")
struct PostgresLoadTests {
    @Test func concurrentWritersAndReadersLoseNothing() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let result = try await LoadCheck.run(on: store)
            print("PostgreSQL load: \(result.writes) wins by 8 writers with 4 readers in \(String(format: "%.1f", result.seconds)) s, "
                  + "\(Int(result.writesPerSecond)) acknowledged writes per second")
            #expect(result.writes > 100)
        }
    }
}
