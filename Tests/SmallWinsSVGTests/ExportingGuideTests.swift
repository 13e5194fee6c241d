import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsJSON
import SmallWinsSQLite
import SmallWinsStoreTesting
import SmallWinsSVG
import Testing

// Exporting guide exporter begin
/// Writes one line per win: its day and title.
struct TitleList: Exporter {
    var fileExtension: String { "txt" }

    func write(_ content: ExportContent, to output: ExportWriter) async throws {
        for try await page in content.winPages {
            for win in page.wins { try output.write("\(win.day) \(win.title)\n") }
        }
    }
}
// Exporting guide exporter end

/// Keeps Documentation/Exporting.md's Swift examples compiling, running and shown verbatim.
@Suite("Exporting guide")
struct ExportingGuideTests {
    @Test func theGuidesExamplesRunAndAreShownVerbatim() async throws {
        try await TemporaryFolder.asWorkingDirectory { folder in
            let store = try await SQLiteStore(path: folder.appendingPathComponent("guide.sqlite").path)
            try await StoreCopy.copy(ExportContent(GoldenContents.make()), to: store)

            // Exporting guide usage begin
            let lessons = try await ExportContent.load(from: store, query: WinQuery(kinds: [.lesson]))
            try await TitleList().export(lessons, to: try FileSink(creating: "lessons.txt"))

            let everything = try await ExportContent.load(from: store)
            try await CSVExporter(.wins, format: CSVFormat(byteOrderMark: true)).export(everything, to: try FileSink(creating: "wins.csv"))

            let board = try await store.dashboard(DashboardQuery(period: try .schoolYear(2026), asOf: Day.today()))
            try await SVGExporter(.dashboard, heading: "Village Elementary").export(board, to: try FileSink(creating: "dashboard.svg"))
            // Exporting guide usage end

            #expect(try String(contentsOfFile: "lessons.txt", encoding: .utf8) == "2026-11-18 Partner reading fell flat\n")
            #expect(try Data(contentsOf: URL(fileURLWithPath: "wins.csv")).starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(try String(contentsOfFile: "dashboard.svg", encoding: .utf8).contains("Village Elementary"))
        }
        for document in ["Documentation/Exporting.md", "Sources/SmallWins/Exporter.swift"] {
            try DocumentedExample.check("Exporting guide exporter", in: #filePath, shownIn: document)
        }
        for document in ["Documentation/Exporting.md", "Sources/SmallWinsCSV/SmallWinsCSV.docc/SmallWinsCSV.md",
                         "Sources/SmallWinsSVG/SmallWinsSVG.docc/SmallWinsSVG.md"] {
            try DocumentedExample.check("Exporting guide usage", in: #filePath, shownIn: document)
        }
    }

    @Test func theSnapshotExampleRunsAndIsShownVerbatim() async throws {
        try await TemporaryFolder.with { folder in
            let store = try await SQLiteStore(path: folder.appendingPathComponent("school.sqlite").path)
            try await StoreCopy.copy(ExportContent(GoldenContents.make()), to: store)
            let copyPath = folder.appendingPathComponent("copy.sqlite").path
            // Exporting guide snapshot begin
            let snapshot = try await SnapshotExporter().data(try await ExportContent.load(from: store))
            let copy = try await SQLiteStore(path: copyPath)   // an empty store, here or on PostgreSQL
            try await SnapshotImporter().import(snapshot, into: copy)
            let same = try await SnapshotExporter().data(try await ExportContent.load(from: copy)) == snapshot   // true
            // Exporting guide snapshot end
            #expect(same)
        }
        for document in ["Documentation/Exporting.md", "Sources/SmallWinsJSON/SmallWinsJSON.docc/SmallWinsJSON.md"] {
            try DocumentedExample.check("Exporting guide snapshot", in: #filePath, shownIn: document)
        }
    }
}
