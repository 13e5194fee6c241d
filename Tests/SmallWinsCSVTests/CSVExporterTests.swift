import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// CSV that spreadsheets, pandas and R read back to the same values.
///
/// Golden files: see `GoldenFile` (SMALLWINS_UPDATE_GOLDEN=1 rewrites them).
@Suite("CSV exporter")
struct CSVExporterTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let contents = GoldenContents.make()

    @Test(arguments: ContentTable.allCases)
    func tableMatchesItsGoldenFile(_ table: ContentTable) async throws {
        let csv = try await CSVExporter(table).data(ExportContent(contents))
        try GoldenFile.check(csv, "\(table.rawValue).csv", in: Self.golden)
    }

    @Test func dashboardTablesAndDictionaryMatchTheirGoldenFiles() async throws {
        try await withStore(contents) { store in
            let board = try await store.dashboard(DashboardQuery(period: try Period.schoolYear(2026)))
            for table in DashboardTable.allCases {
                try GoldenFile.check(try await DashboardCSVExporter(table).data(board), "\(table.rawValue).csv", in: Self.golden)
            }
        }
        try GoldenFile.check(try await DataDictionaryExporter().data(DataDictionaryExporter.allTables), "data_dictionary.csv", in: Self.golden)
    }

    @Test func everyHeaderIsDescribedInTheDataDictionary() async throws {
        let dictionary = try PythonCSV.rows(try await DataDictionaryExporter().data(DataDictionaryExporter.allTables))
        let described = Dictionary(grouping: dictionary.dropFirst(), by: { $0[0] }).mapValues { $0.map { $0[2] } }
        for table in ContentTable.allCases {
            let header = try PythonCSV.rows(try await CSVExporter(table).data(ExportContent(contents)))[0]
            #expect(described[table.rawValue] == header, "\(table.rawValue)")
        }
        #expect(Set(described.keys) == Set(DataDictionaryExporter.allTables.map(\.name)))
    }

    @Test func pythonsCSVReaderGetsEveryValueBack() async throws {
        let raw = try PythonCSV.rows(try await CSVExporter(.wins, format: CSVFormat(guardsFormulas: false)).data(ExportContent(contents)))
        let header = raw[0]
        func cell(_ row: [String], _ column: String) -> String { row[header.firstIndex(of: column)!] }
        #expect(raw.count == contents.wins.count + 1)
        for (row, win) in zip(raw.dropFirst(), contents.wins) {
            #expect(cell(row, "id") == win.id.description)
            #expect(cell(row, "title") == win.title)
            #expect(cell(row, "story") == win.story, "line breaks, tabs, quotes and emoji survive")
            #expect(cell(row, "learned") == (win.learned ?? ""))
            #expect(cell(row, "theme_ids") == win.themes.map(\.description).joined(separator: "; "))
            #expect(cell(row, "recorded_at") == Instant.iso(win.recordedAt))
        }
        #expect(cell(raw[1], "themes") == "Discourse, talk; argument; Fluency", "names keep their commas and semicolons")
        #expect(cell(raw[1], "author") == "Maria López")
        #expect(cell(raw[1], "shout_outs") == "Sam \"Coach\" Carter")
    }

    @Test func formulaLookingCellsAreGuardedByDefaultAndRawOnRequest() async throws {
        let guarded = try PythonCSV.rows(try await CSVExporter(.wins).data(ExportContent(contents)))
        let header = guarded[0]
        #expect(guarded[1][header.firstIndex(of: "title")!] == "'=Coach cards worked +100%")
        #expect(guarded[1][header.firstIndex(of: "story")!].hasPrefix("With"), "ordinary text is untouched")
        let celebrations = try PythonCSV.rows(try await CSVExporter(.celebrations).data(ExportContent(contents)))
        #expect(celebrations[1][celebrations[0].firstIndex(of: "message")!] == "'-Ana's face, when she finished!")
        let format = CSVFormat()
        for trigger in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            #expect(format.cell(trigger).hasPrefix("'") || format.cell(trigger).hasPrefix("\"'"), "\(trigger.debugDescription)")
        }
        let raw = try PythonCSV.rows(try await CSVExporter(.wins, format: CSVFormat(guardsFormulas: false)).data(ExportContent(contents)))
        #expect(raw[1][header.firstIndex(of: "title")!] == "=Coach cards worked +100%")
    }

    @Test func bytesFollowRFC4180WithAnOptionalByteOrderMark() async throws {
        let plain = try await CSVExporter(.teams).data(ExportContent(contents))
        #expect(!plain.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: plain, as: UTF8.self)
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let excel = try await CSVExporter(.teams, format: CSVFormat(byteOrderMark: true)).data(ExportContent(contents))
        #expect(excel.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(try PythonCSV.rows(excel) == (try PythonCSV.rows(plain)))
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

/// Python's `csv` module: a reader written independently of ours, as pandas and most tools use.
enum PythonCSV {
    static func rows(_ data: Data) throws -> [[String]] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-\(UUID().uuidString).csv")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try Tool.run("python3", ["-c", """
            import csv, json, sys
            with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
                print(json.dumps(list(csv.reader(f, strict=True))))
            """, file.path])
        return try JSONDecoder().decode([[String]].self, from: Data(json.utf8))
    }
}
