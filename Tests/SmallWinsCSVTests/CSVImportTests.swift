import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Wins come back from CSV exactly, forms map onto fields, and bad files change nothing.
@Suite("CSV import")
struct CSVImportTests {
    let contents = GoldenContents.make()

    /// The installation without its wins and celebrations.
    var directory: StoreContents {
        var directory = contents
        directory.wins = []
        directory.celebrations = []
        return directory
    }

    @Test func exportedWinsComeBackEqual() async throws {
        let csv = try await CSVExporter(.wins).data(ExportContent(contents))
        try await withStore(directory) { store in
            let summary = try await CSVWinImporter().import(csv, into: store)
            #expect(summary.wins == 2)
            #expect(summary.created.isEmpty)
            #expect(try await StoreContents.load(from: store).wins == contents.wins)
        }
    }

    @Test func anEmptyStoreGetsTheWinsAndWhatTheyNeedWithCreateMissing() async throws {
        var source = contents
        let ambiguous = try await CSVExporter(.wins).data(ExportContent(source))
        source.themes[0].name = "Discourse and argument"
        let csv = try await CSVExporter(.wins).data(ExportContent(source))
        try await withStore(nil) { store in
            await #expect(throws: ImportError.self) { try await CSVWinImporter().import(csv, into: store) }
            let error = await #expect(throws: ImportError.self) { try await CSVWinImporter(createMissing: true).import(ambiguous, into: store) }
            #expect(error?.problems.map(\.field) == ["themes"], "a name holding '; ' cannot be created from the list")
            let summary = try await CSVWinImporter(createMissing: true).import(csv, into: store)
            #expect(summary.created == [.team: 3, .member: 2, .membership: 1, .theme: 2, .studentGroup: 2, .goal: 1, .learningQuestion: 1, .attempt: 1])
            let stored = try await StoreContents.load(from: store)
            #expect(stored.wins == source.wins)
            #expect(stored.teams.map(\.name).sorted() == ["Grade 3", "Riverside District", "Village Elementary"])
            #expect(Set(stored.teams.map(\.kind)) == [.district, .school, .team])
        }
    }

    @Test func badRowsAreAllReportedWithTheirLinesAndNothingIsWritten() async throws {
        let csv = Data("""
            day,kind,team,author,title,story,learned,themes
            2026-11-02,success,Grade 3,Maria López,Good,"A fine
            multi-line story",,Fluency
            2026-13-01,success,Grade 3,Maria López,Bad day,Story,,
            2026-11-03,lesson,Grade 3,Maria López,No lesson,Story,,
            2026-11-04,maybe,Grade 9,Nobody,Bad kind,Story,,Unknown theme
            2026-11-05,success,Grade 3,Maria López,,,,
            2026-11-06,success,Grade 3,Maria López,Too few fields
            """.utf8)
        try await withStore(directory) { store in
            let before = try await StoreContents.load(from: store)
            let error = await #expect(throws: ImportError.self) { try await CSVWinImporter().import(csv, into: store) }
            let problems = error?.problems ?? []
            #expect(problems.map(\.location) == ["line 4", "line 5", "line 6", "line 7", "line 8"])
            #expect(problems.map(\.field) == ["day", "learned", "team", "story", nil])
            let stored = try await StoreContents.load(from: store)
            #expect(stored == before, "nothing written")
        }
    }

    @Test func importingTheSameFileTwiceIsRefused() async throws {
        let csv = try await CSVExporter(.wins).data(ExportContent(contents))
        try await withStore(directory) { store in
            try await CSVWinImporter().import(csv, into: store)
            let error = await #expect(throws: ImportError.self) { try await CSVWinImporter().import(csv, into: store) }
            #expect(error?.description.contains("id") == true)
            #expect(try await StoreContents.load(from: store).wins == contents.wins)
        }
    }

    @Test func aFormsResponseSheetImportsThroughAMapping() async throws {
        let csv = Data("""
            Timestamp,Email Address,What worked (or what did you learn)?,What did you learn?,Themes,Students
            11/20/2026 14:03:11,maria@riverside.org,"Exit tickets with one sentence of evidence, finally.",,"Fluency, Discourse, talk; argument",Multilingual learners
            11/21/2026 09:15:00,maria@riverside.org,Read-alouds ran long.,Keep them to ten minutes.,,\r\n
            """.utf8)
        let mapping = try CSVWinImporter.mapping([
            "Timestamp=day", "Email Address=author", "What worked (or what did you learn)?=story", "What did you learn?=learned",
            "Themes=themes", "Students=groups",
        ])
        try await withStore(directory) { store in
            let importer = CSVWinImporter(mapping: mapping, listSeparator: ";", defaultTeam: contents.teams[2].id)
            let error = await #expect(throws: ImportError.self) { try await importer.import(csv, into: store) }
            #expect(error?.problems.first?.field == "themes", "'Fluency, Discourse, talk' is one unknown name with ';'")

            let commaImporter = CSVWinImporter(mapping: mapping.merging(["Themes": .themes]) { $1 }, listSeparator: ",",
                                               defaultTeam: contents.teams[2].id)
            let noDiscourse = Data(String(decoding: csv, as: UTF8.self).replacingOccurrences(of: ", Discourse, talk; argument", with: "").utf8)
            let summary = try await commaImporter.import(noDiscourse, into: store)
            #expect(summary.wins == 2)
            let wins = try await StoreContents.load(from: store).wins
            #expect(wins.map(\.kind) == [.lesson, .success])
            #expect(wins.map(\.day.iso) == ["2026-11-21", "2026-11-20"])
            #expect(wins[1].title == "Exit tickets with one sentence of evidence, finally", "a title made from the story's first sentence")
            #expect(wins[1].themes == [contents.themes[1].id])
            #expect(wins[1].author == contents.members[0].id)
        }
        #expect(throws: SmallWinsError.self) { try CSVWinImporter.mapping(["Timestamp=when"]) }
    }

    @Test func theReaderHandlesQuotesLineEndsAndBadBytes() throws {
        let records = try CSVReader.records(Data("\u{FEFF}a,b\r\n\"x \"\"q\"\", y\",\"line\r\nbreak\"\n,\rlast,\"\"".utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["x \"q\", y", "line\r\nbreak"], ["", ""], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 4, 5])
        #expect(throws: ImportError(location: "line 2", reason: "a quoted field starting here never ends")) {
            try CSVReader.records(Data("a\n\"open".utf8))
        }
        let error = #expect(throws: ImportError.self) { try CSVReader.records(Data([0x61, 0x0A, 0x62, 0xFF])) }
        #expect(error?.problems.first?.location == "line 2")
        #expect(throws: ImportError.self) { try CSVReader.records(Data("\"a\"b\n".utf8)) }
    }
}
