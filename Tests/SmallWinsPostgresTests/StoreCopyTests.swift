import Foundation
import SmallWins
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Moving an installation between backends loses nothing.
@Suite("Copying between SQLite and PostgreSQL")
struct StoreCopyTests {
    @Test func sqliteToPostgresAndBackGivesIdenticalContents() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try await SQLiteStore(path: folder.appendingPathComponent("source.sqlite").path)
        let winCount = try await SampleData.fill(source)
        let original = try await StoreContents.load(from: source)

        try await PostgresTestServer.withFreshStore { postgres in
            let there = try await StoreCopy.copy(from: source, to: postgres, batchSize: 50)
            #expect(there.wins == winCount)
            #expect(there.celebrations == original.celebrations.count)
            let inPostgres = try await StoreContents.load(from: postgres)
            expectSame(inPostgres, original)

            let back = try await SQLiteStore(path: folder.appendingPathComponent("back.sqlite").path)
            try await StoreCopy.copy(from: postgres, to: back)
            expectSame(try await StoreContents.load(from: back), original)

            await #expect(throws: SmallWinsError.self) { try await StoreCopy.copy(from: source, to: postgres) }
            let north = try await source.scoped(to: original.teams.first { $0.name == "North Elementary" }!.id)
            await #expect(throws: SmallWinsError.self) { try await StoreCopy.copy(from: north, to: back, allowNonEmpty: true) }
        }
    }

    @Test func aSnapshotCrossesBackendsByteForByte() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = try await SQLiteStore(path: folder.appendingPathComponent("source.sqlite").path)
        try await SampleData.fill(source)
        let fromSQLite = try await SnapshotExporter().data(try await ExportContent.load(from: source))

        try await PostgresTestServer.withFreshStore { postgres in
            try await SnapshotImporter().import(fromSQLite, into: postgres)
            let fromPostgres = try await SnapshotExporter().data(try await ExportContent.load(from: postgres, pageSize: 7))
            #expect(fromPostgres == fromSQLite, "SQLite to PostgreSQL")

            let back = try await SQLiteStore(path: folder.appendingPathComponent("back.sqlite").path)
            try await SnapshotImporter().import(fromPostgres, into: back)
            #expect(try await SnapshotExporter().data(try await ExportContent.load(from: back)) == fromSQLite, "and back")
        }
    }

    /// Compares entity by entity, so a failure says which kind of record differs.
    func expectSame(_ actual: StoreContents, _ expected: StoreContents) {
        #expect(actual.teams == expected.teams)
        #expect(actual.members == expected.members)
        #expect(actual.memberships == expected.memberships)
        #expect(actual.studentGroups == expected.studentGroups)
        #expect(actual.themes == expected.themes)
        #expect(actual.goals == expected.goals)
        #expect(actual.learningQuestions == expected.learningQuestions)
        #expect(actual.attempts == expected.attempts)
        #expect(actual.wins == expected.wins)
        #expect(actual.celebrations == expected.celebrations)
        #expect(actual == expected)
    }
}
