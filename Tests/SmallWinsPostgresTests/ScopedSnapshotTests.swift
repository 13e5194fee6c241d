import Foundation
import SmallWins
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// A snapshot of one school, exported with the teams above it, imports into an empty store as a working
/// installation on both backends: the school's wins, members, codebooks and goals, and the same dashboard; a
/// scoped snapshot without those teams is refused with one line.
@Suite("Scoped snapshots")
struct ScopedSnapshotTests {
    @Test func oneSchoolImportsAsAWorkingInstallation() async throws {
        try await TemporaryFolder.with { folder in
            let source = try await SQLiteStore(path: folder.appendingPathComponent("district.sqlite").path)
            try await SampleData.fill(source)
            let target = try await SQLiteStore(path: folder.appendingPathComponent("school.sqlite").path)
            try await Self.check(from: source, into: target)
            try await PostgresTestServer.withFreshStore { try await Self.check(from: source, into: $0) }
        }
    }

    static func check(from source: any WinStore, into target: any WinStore) async throws {
        let school = try #require(try await source.teams().first { $0.name == "North Elementary" })
        let scoped = try await source.scoped(to: school.id)
        let bytes = try await SnapshotExporter().data(try await ExportContent.load(from: scoped).withAncestors(from: source))
        let counts = try await SnapshotImporter().import(bytes, into: target)
        let expected = try await StoreContents.load(from: scoped)
        #expect(counts.wins == expected.wins.count && counts.wins > 0)
        #expect(counts.teams == expected.teams.count + 1, "the school's teams and the district above them")

        // The same school, the same dashboard and wins, in the new installation.
        let period = try Period.schoolYear(2026)
        let there = try await target.scoped(to: school.id)
        #expect(try await there.dashboard(DashboardQuery(period: period)) == (try await scoped.dashboard(DashboardQuery(period: period))))
        #expect(try await StoreContents.load(from: there).wins == expected.wins)

        // Without the teams above, refused up front with one line.
        let bare = try await SnapshotExporter().data(try await ExportContent.load(from: scoped))
        try await TemporaryFolder.with { folder in
            let empty = try await SQLiteStore(path: folder.appendingPathComponent("empty.sqlite").path)
            let error = await #expect(throws: ImportError.self) { try await SnapshotImporter().import(bare, into: empty) }
            #expect(error?.problems.count == 1 && error?.problems.first?.reason.contains("without the teams above it") == true)
        }
    }
}
