import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsSQLite
import SmallWinsStoreTesting
import Synchronization
import Testing

/// A CSV file is read a row at a time and its wins written a page at a time inside one transaction: a file
/// larger than a chunk imports as from memory, and a bad row or an id repeated on a late page leaves the
/// store as it was, with what --create-missing created.
@Suite("CSV streaming")
struct CSVStreamingTests {
    static let wins = 2_500
    /// Many wins, with no theme name holding the list separator (so --create-missing can pair names and ids).
    let large: StoreContents = {
        var contents = GoldenContents.make(wins: Self.wins)
        contents.themes[0].name = "Discourse and argument"
        return contents
    }()

    @Test func aFileLargerThanAChunkImportsAsFromMemory() async throws {
        let csv = try await CSVExporter(.wins).data(ExportContent(large))
        #expect(csv.count > ByteReader.chunkSize, "the file spans chunks: \(csv.count) bytes")
        try await TemporaryFolder.with { folder in
            let file = folder.appendingPathComponent("wins.csv")
            try csv.write(to: file)
            try await withStore(nil) { store in
                let heard = Mutex<[Int]>([])
                let summary = try await CSVWinImporter(createMissing: true).import(contentsOf: file.path, into: store) { written in
                    heard.withLock { $0.append(written) }
                }
                #expect(summary.wins == Self.wins && summary.created[.team] == 3)
                #expect(heard.withLock { $0 } == [1_000, 2_000], "progress after each full page, inside the transaction")
                let fromFile = try await StoreContents.load(from: store).wins
                #expect(Set(fromFile.map(\.id)) == Set(large.wins.map(\.id)))
                #expect(fromFile.map(\.story).sorted() == large.wins.map(\.story).sorted())
            }
        }
    }

    @Test func aFIFOStreamsLikeAFile() async throws {
        let csv = try await CSVExporter(.wins).data(ExportContent(large))
        try await TemporaryFolder.with { folder in
            let fifo = folder.appendingPathComponent("wins.fifo").path
            #expect(FIFOFeeder.start(at: fifo, feeding: csv))
            try await withStore(nil) { store in
                let summary = try await CSVWinImporter(createMissing: true).import(contentsOf: fifo, into: store)
                #expect(summary.wins == Self.wins)
            }
        }
    }

    @Test func aBadRowOrARepeatedIdOnALatePageWritesNothing() async throws {
        var badTitle = large
        badTitle.wins[2_400].title = String(repeating: "x", count: 500)
        var repeatedAcrossPages = large
        repeatedAcrossPages.wins[1_600].id = repeatedAcrossPages.wins[10].id
        // Stories span lines, so a record's line is read back from the file.
        let lines = try CSVReader.records(try await CSVExporter(.wins).data(ExportContent(large))).map(\.line)
        let cases: [(StoreContents, String)] = [
            (badTitle, "line \(lines[2_401])"),
            (repeatedAcrossPages, "lines \(lines[1_001])–\(lines[2_000])"),
        ]
        for (contents, location) in cases {
            let csv = try await CSVExporter(.wins).data(ExportContent(contents))
            try await withStore(nil) { store in
                let error = await #expect(throws: ImportError.self) { try await CSVWinImporter(createMissing: true).import(csv, into: store) }
                #expect(error?.problems.first?.location == location, "\(error?.description ?? "")")
                let kept = try await StoreContents.load(from: store)
                #expect(kept.teams.isEmpty && kept.members.isEmpty && kept.wins.isEmpty, "nothing of \(location) was kept")
            }
        }
    }

    @Test func theEmbeddingGuidesImportExampleRuns() async throws {
        try await TemporaryFolder.with { folder in
            let responsesPath = folder.appendingPathComponent("responses.csv").path
            try Data("""
                Timestamp,Email address,What happened?
                11/20/2025 14:03:11,claire.murphy@riverbend.org,"Exit tickets with one sentence of evidence, finally."
                11/21/2025 09:15:00,claire.murphy@riverbend.org,Read-alouds ran long.

                """.utf8).write(to: URL(fileURLWithPath: responsesPath))
            try await withStore(GoldenContents.make()) { store in
                let teamID = GoldenContents.make().teams[2].id
                // Embedding guide import begin
                let importer = CSVWinImporter(
                    mapping: ["Timestamp": .day, "Email address": .author, "What happened?": .story],
                    createMissing: true, defaultTeam: teamID)
                let summary = try await importer.import(contentsOf: responsesPath, into: store)   // every row, or none
                // Embedding guide import end
                #expect(summary.wins == 2 && summary.created[.member] == 1)
            }
        }
        try DocumentedExample.check("Embedding guide import", in: #filePath, shownIn: "Documentation/Embedding.md")
    }
}
