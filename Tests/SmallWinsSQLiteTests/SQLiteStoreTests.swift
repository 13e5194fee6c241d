import Foundation
import GRDB
import SmallWins
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// What is particular to the SQLite file: its settings, migrations and durability.
@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test func migrationsAreRecordedAndReopeningIsANoOp() async throws {
        try await withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("reopen.sqlite").path

            let first = try await SQLiteStore(path: path)
            let district = try await first.create(Team(name: "Riverside", kind: .district))
            let applied = try await first.diagnostics().appliedMigrations
            #expect(applied.map { String($0.prefix(2)) } == ["v1", "v2", "v3", "v4", "v5", "v6"])

            let second = try await SQLiteStore(path: path)
            #expect(try await second.diagnostics().appliedMigrations == applied)
            #expect(try await second.team(district.id) == district)
        }
    }

    /// A dashboard aggregate holding a fraction or bytes (written by another tool) is reported as corrupt storage,
    /// naming the column, instead of being rounded down or read as nothing.
    @Test func aValueTheDashboardCannotReadIsReportedNotGuessed() async throws {
        try await withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("tampered.sqlite").path
            let store = try await SQLiteStore(path: path)
            let district = try await store.create(Team(name: "Riverside", kind: .district))
            let ana = try await store.create(Member(name: "Ana Lopez", in: district.id))
            _ = try await store.create(Membership(member: ana.id, team: district.id))
            let day = try Day(iso: "2026-10-05")
            _ = try await store.record(Win(team: district.id, author: ana.id, kind: .success, title: "Partner reading",
                                           story: "Every pair finished the book.", day: day))
            let query = DashboardQuery(period: try Period.schoolYear(2026))   // whole months: read from the aggregates
            #expect(try await store.dashboard(query).totals.wins == 1)
            let other = try DatabaseQueue(path: path)
            let tampering = [
                ("UPDATE dash_day SET successes = 2.5", "not a whole number"),
                ("UPDATE dash_day SET successes = 1.0; UPDATE team SET name = x'41'", "holds bytes"),
            ]
            for (sql, words) in tampering {
                try await other.write { try $0.execute(sql: sql) }
                do {
                    _ = try await store.dashboard(query)
                    Issue.record("a dashboard read through \(sql) without an error")
                } catch SmallWinsError.storage(let failure) {
                    #expect(failure.kind == .internal && failure.message.contains("column ") && failure.message.contains(words), "\(failure)")
                }
            }
            try await other.write { try $0.execute(sql: "UPDATE team SET name = 'Riverside'") }
            try await other.write { try $0.execute(sql: "UPDATE dash_day SET successes = 1.0") }
            #expect(try await store.dashboard(query).totals.wins == 1, "a whole-number real reads as the integer it is")
        }
    }

    @Test func databaseUsesWALAndForeignKeys() async throws {
        try await withTemporaryStore { store in
            let diagnostics = try await store.diagnostics()
            #expect(diagnostics.journalMode == "wal")
            #expect(diagnostics.foreignKeys)
            #expect(diagnostics.integrity == "ok")
        }
    }

    @Test func unreadableFileGivesATypedError() async throws {
        try await withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("garbage.sqlite").path
            try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
            await #expect(throws: SmallWinsError.self) { _ = try await SQLiteStore(path: path) }
        }
    }

    @Test func textSearchUsesTheFullTextIndex() async throws {
        try await withTemporaryStore { store in
            let plan = try await store.queryPlan(WinQuery(text: "fluency"))
            #expect(plan.contains("win_search"), "plan: \(plan)")
        }
    }
}

/// Eight writers and four readers on one SQLite file for three seconds: nothing lost, nothing doubled,
/// no "database is locked" reaching the caller.
@Suite("SQLite under load")
struct SQLiteLoadTests {
    @Test func concurrentWritersAndReadersLoseNothing() async throws {
        try await withTemporaryStore { store in
            let result = try await LoadCheck.run(on: store)
            print("SQLite load: \(result.writes) wins by 8 writers with 4 readers in \(String(format: "%.1f", result.seconds)) s, "
                  + "\(Int(result.writesPerSecond)) acknowledged writes per second")
            #expect(result.writes > 100)
        }
    }
}
