import Foundation
import SmallWins
import SmallWinsJSON
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Snapshots are stable bytes, import back exactly, and refuse bad input with its location.
///
/// Golden files: see `GoldenFile` (SMALLWINS_UPDATE_GOLDEN=1 rewrites them).
@Suite("JSON snapshot")
struct SnapshotTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let contents = GoldenContents.make()

    @Test func snapshotJSONLinesAndDashboardMatchTheirGoldenFiles() async throws {
        try GoldenFile.check(try await SnapshotExporter().data(ExportContent(contents)), "snapshot.json", in: Self.golden)
        try GoldenFile.check(try await JSONLinesExporter().data(ExportContent(contents)), "wins.jsonl", in: Self.golden)
        try await withStore(contents) { store in
            let board = try await store.dashboard(DashboardQuery(period: try Period.schoolYear(2026)))
            try GoldenFile.check(try await DashboardJSONExporter().data(board), "dashboard.json", in: Self.golden)
            #expect(try Instant.jsonDecoder().decode(Dashboard.self, from: try await DashboardJSONExporter().data(board)) == board)
        }
    }

    @Test func aSnapshotImportsIntoAnEmptyStoreAndExportsToTheSameBytes() async throws {
        let bytes = try await SnapshotExporter().data(ExportContent(contents))
        try await withStore(nil) { store in
            let counts = try await SnapshotImporter().import(bytes, into: store)
            #expect(counts.wins == 2 && counts.celebrations == 1 && counts.teams == 3)
            #expect(try await SnapshotExporter().data(try await ExportContent.load(from: store)) == bytes)
            await #expect(throws: SmallWinsError.conflict(field: "into", reason: "the destination already holds 3 team(s); copy into an empty store")) {
                try await SnapshotImporter().import(bytes, into: store)
            }
        }
    }

    @Test func jsonLinesHoldOneWinPerLine() async throws {
        let lines = String(decoding: try await JSONLinesExporter().data(ExportContent(contents)), as: UTF8.self).split(separator: "\n")
        #expect(try lines.map { try Instant.jsonDecoder().decode(Win.self, from: Data($0.utf8)) } == contents.wins)
    }

    @Test(arguments: [
        ("{\"format\":\"smallwins-snapshot\",", "line 1, column 32"),
        ("{\"format\": \"smallwins-snapshot\",\n  \"schemaVersion\": 1, x}", "line 2, column 23"),
        ("[]", "the document"),
        ("{\"format\":\"other\",\"schemaVersion\":1,\"teams\":[],\"members\":[],\"memberships\":[],\"studentGroups\":[],\"themes\":[],\"goals\":[],\"learningQuestions\":[],\"attempts\":[],\"wins\":[]}", "format"),
    ])
    func malformedDocumentsAreRefusedWithTheirLocation(_ text: String, _ location: String) async throws {
        try await withStore(nil) { store in
            let error = await #expect(throws: ImportError.self) { try await SnapshotImporter().import(Data(text.utf8), into: store) }
            #expect(error?.problems.first?.location == location)
            let teams = try await store.teams()
            #expect(teams.isEmpty)
        }
    }

    @Test func badRecordsAreEachReportedAndNothingIsWritten() async throws {
        var text = String(decoding: try await SnapshotExporter().data(ExportContent(contents)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"day\":\"2026-11-18\"", with: "\"day\":\"2026-11-31\"")
        let decodeError = try await importError(text)
        #expect(decodeError.problems.first?.location.hasPrefix("wins[1].win.day") == true)

        text = String(decoding: try await SnapshotExporter().data(ExportContent(contents)), as: UTF8.self)
            .replacingOccurrences(of: "\"name\":\"Fluency\"", with: "\"name\":\"  \"")
            .replacingOccurrences(of: "\"by\":\"00000000-0000-7000-8000-000000000012\"", with: "\"by\":\"00000000-0000-7000-8000-000000000099\"")
            .replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":1")
        let checkError = try await importError(text)
        #expect(checkError.problems.map(\.location) == ["themes[0]", "wins[0].celebrations[0]"])
        #expect(checkError.problems.map(\.field) == ["name", "by"])

        let future = String(decoding: try await SnapshotExporter().data(ExportContent(contents)), as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\":1", with: "\"schemaVersion\":2")
        #expect(try await importError(future).problems.first?.location == "schemaVersion")
    }

    @Test func aStoreRefusalUndoesEverythingWritten() async throws {
        var hostile = contents
        hostile.goals[0].team = hostile.teams[2].id
        hostile.learningQuestions[0].goal = nil
        hostile.wins[0].goal = hostile.goals[0].id
        hostile.wins[0].team = hostile.teams[1].id
        hostile.wins[0].attempt = nil
        let bytes = try await SnapshotExporter().data(ExportContent(hostile))
        try await withStore(nil) { store in
            await #expect(throws: SmallWinsError.self) { try await SnapshotImporter().import(bytes, into: store) }
            let teams = try await store.teams(), members = try await store.members()
            #expect(teams.isEmpty, "a school's win cannot serve its grade team's goal; the partial import is removed")
            #expect(members.isEmpty)
        }
    }

    func importError(_ text: String) async throws -> ImportError {
        var caught: ImportError?
        try await withStore(nil) { store in
            do {
                try await SnapshotImporter().import(Data(text.utf8), into: store)
            } catch let error as ImportError {
                caught = error
            }
            #expect(try await store.teams().isEmpty)
        }
        return try #require(caught)
    }

}

/// A SQLite store in a temporary folder holding `contents`.
func withStore(_ contents: StoreContents?, _ body: (SQLiteStore) async throws -> Void) async throws {
    try await TemporaryFolder.with { folder in
        let store = try await SQLiteStore(path: folder.appendingPathComponent("store.sqlite").path)
        if let contents { try await StoreCopy.copy(ExportContent(contents), to: store) }
        try await body(store)
    }
}
