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
            #expect(applied.map { String($0.prefix(2)) } == ["v1", "v2", "v3", "v4", "v5", "v6", "v7"])

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

    /// The planner's statistics follow the file: gathered when it is migrated, again once a process has changed
    /// as many rows as they counted, by a bulk load in a transaction (as an import) or by single writes, and not
    /// before; a second process starts from the counts on file.
    @Test func thePlannersStatisticsFollowTheFileAsItGrows() async throws {
        try await withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("growing.sqlite").path
            let store = try await SQLiteStore(path: path)
            let statistics = try DatabaseQueue(path: path)
            func winsCounted() async throws -> Int? {
                try await statistics.read { db in
                    try Int.fetchOne(db, sql: "SELECT max(CAST(stat AS INTEGER)) FROM sqlite_stat1 WHERE tbl = 'win'")
                }
            }
            #expect(try await statistics.read { try $0.tableExists("sqlite_stat1") }, "the migration analysed the file")

            let district = try await store.create(Team(name: "Riverside", kind: .district))
            let ana = try await store.create(Member(name: "Ana Lopez", in: district.id))
            _ = try await store.create(Membership(member: ana.id, team: district.id))
            let first = try Day(iso: "2025-09-01")
            func wins(_ count: Int, from start: Int) -> [Win] {
                (start..<start + count).map {
                    Win(team: district.id, author: ana.id, kind: .success, title: "Win \($0)",
                        story: "Story \($0).", day: first.adding(days: $0 % 300))
                }
            }
            let load = wins(6_000, from: 0)
            try await store.transaction { try await $0.restore(load) }
            // An analysis samples rows, so the counts it keeps are estimates (within 11% in 10 runs): a quarter allowed.
            func near(_ estimate: Int, _ count: Int) -> Bool { abs(estimate - count) * 4 <= count }
            let afterLoad = try #require(try await winsCounted())
            #expect(near(afterLoad, 6_000), "a bulk load of 6,000 wins in a transaction gathered the statistics")

            _ = try await store.record(wins(100, from: 6_000))
            #expect(try await winsCounted() == afterLoad, "100 more wins are too few to gather them again")

            let second = try await SQLiteStore(path: path)
            var recorded = 6_100
            while try await winsCounted() == afterLoad && recorded < 40_000 {
                for win in wins(500, from: recorded) { _ = try await second.record(win) }
                recorded += 500
            }
            let regathered = try #require(try await winsCounted())
            print("SQLite statistics: \(afterLoad) wins estimated after a load of 6,000; \(regathered) after the second store "
                  + "recorded \(recorded - 6_100) more one by one (\(recorded) in all)")
            #expect(regathered != afterLoad && near(regathered, recorded), "single writes of another store gathered them again")
            #expect(recorded > 6_600, "not at the first few hundred")
        }
    }

    /// Rows are read from SQLite's buffers, and text that is exactly a lowercase UUID becomes an id on the way:
    /// text that only looks like one (a title that is a UUID, in either case, or one character off) reads back
    /// exactly as written.
    @Test func textThatLooksLikeAnIDReadsBackAsWritten() async throws {
        try await withTemporaryStore { store in
            let district = try await store.create(Team(name: "Riverside", kind: .district))
            let ana = try await store.create(Member(name: "Ana Lopez", in: district.id))
            _ = try await store.create(Membership(member: ana.id, team: district.id))
            let id = UUID().uuidString
            let titles = [id.lowercased(), id.uppercased(), String(id.lowercased().dropLast()) + "g", " " + id.lowercased()]
            for title in titles {
                let win = try await store.record(Win(team: district.id, author: ana.id, kind: .success, title: title,
                                                     story: title, day: try Day(iso: "2026-10-05")))
                let read = try await store.win(win.id)
                #expect(read.title == title && read.story == title, "\(title) read back as \(read.title)")
            }
            let page = try await store.wins(WinQuery(), after: nil, limit: 10)
            #expect(Set(page.wins.map(\.title)) == Set(titles))
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
