import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Hostile text goes through a real store and every CSV table unchanged (or guarded, when it looks like a
/// formula), as Python's csv module reads it back.
@Suite("Hostile text in CSV")
struct HostileExportTests {
    @Test func everyTableKeepsHostileTextExactlyOrGuarded() async throws {
        var contents = GoldenContents.make()
        for (index, line) in HostileText.lines.enumerated() {
            var win = contents.wins[index % 2]
            win.id = GoldenContents.id(500 + index)
            win.title = line
            win.story = HostileText.paragraphs[(index + 11) % HostileText.paragraphs.count] + "\n" + line
            win.learned = line
            win.next = line
            contents.wins.append(win)
        }
        contents.themes[0].name = HostileText.lines[0]
        contents.themes[0].description = HostileText.paragraphs.last
        contents.members[1].name = HostileText.lines[2]
        try await withStore(contents) { store in
            let stored = try await ExportContent.load(from: store)
            let wins = try await StoreContents.load(from: store).wins
            for format in [CSVFormat(guardsFormulas: false), CSVFormat(byteOrderMark: true)] {
                let rows = try PythonCSV.rows(try await CSVExporter(.wins, format: format).data(stored))
                let header = rows[0]
                for (row, win) in zip(rows.dropFirst(), wins) {
                    for (column, value) in [("title", win.title), ("story", win.story), ("learned", win.learned ?? ""), ("next", win.next ?? "")] {
                        let expected = format.guardsFormulas && value.first.map(CSVFormat.formulaTriggers.contains) == true ? "'" + value : value
                        #expect(row[header.firstIndex(of: column)!] == expected, "\(column) of \(win.title.debugDescription)")
                    }
                }
                for table in ContentTable.allCases where table != .wins {
                    let parsed = try PythonCSV.rows(try await CSVExporter(table, format: format).data(stored))
                    #expect(parsed.allSatisfy { $0.count == parsed[0].count }, "\(table.rawValue): every row has every column")
                }
            }
        }
    }
}
