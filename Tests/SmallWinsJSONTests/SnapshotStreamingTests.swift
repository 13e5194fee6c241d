import Foundation
import SmallWins
import SmallWinsJSON
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// A snapshot file is read a chunk at a time and written a page at a time inside one transaction: a file
/// larger than a chunk imports exactly as from memory, a bad win on a late page or an id repeated across
/// pages leaves the store empty, and paths that are not files end in a clear error.
@Suite("Snapshot streaming")
struct SnapshotStreamingTests {
    static let wins = 2_500
    let large = GoldenContents.make(wins: Self.wins)

    @Test func aFileLargerThanAChunkImportsPageByPageAsFromMemory() async throws {
        let bytes = try await SnapshotExporter().data(ExportContent(large))
        #expect(bytes.count > ByteReader.chunkSize, "the file spans chunks: \(bytes.count) bytes")
        try await TemporaryFolder.with { folder in
            let file = folder.appendingPathComponent("snapshot.json")
            try bytes.write(to: file)
            var fromFile: StoreContents?
            try await withStore(nil) { store in
                let counts = try await SnapshotImporter().import(contentsOf: file.path, into: store)
                #expect(counts.wins == Self.wins && counts.celebrations == Self.wins / 2)
                fromFile = try await StoreContents.load(from: store)
            }
            try await withStore(nil) { store in
                try await SnapshotImporter().import(bytes, into: store)
                #expect(try await StoreContents.load(from: store) == fromFile)
            }
        }
    }

    @Test func aBadWinOrARepeatedIdOnALatePageLeavesTheStoreEmpty() async throws {
        var badTitle = large
        badTitle.wins[2_400].title = " "
        var repeatedOnAPage = large
        repeatedOnAPage.wins[1_501].id = repeatedOnAPage.wins[1_201].id
        var repeatedAcrossPages = large
        repeatedAcrossPages.wins[1_501].id = repeatedAcrossPages.wins[11].id
        let cases: [(StoreContents, String, String)] = [
            (badTitle, "wins[2400].win", "title"),
            (repeatedOnAPage, "wins[1501].win", "id"),
            (repeatedAcrossPages, "wins[1000…1999]", "id"),
        ]
        for (contents, location, field) in cases {
            let bytes = try await SnapshotExporter().data(ExportContent(contents))
            try await withStore(nil) { store in
                let error = await #expect(throws: ImportError.self) { try await SnapshotImporter().import(bytes, into: store) }
                #expect(error?.problems.first?.location == location, "\(error?.description ?? "")")
                #expect(error?.problems.first?.field == field)
                let teams = try await store.teams(), wins = try await StoreContents.load(from: store).wins
                #expect(teams.isEmpty && wins.isEmpty, "nothing of \(location) was kept")
            }
        }
    }

    @Test func pathsThatAreNotReadableFilesEndInAClearError() async throws {
        let bytes = try await SnapshotExporter().data(ExportContent(GoldenContents.make()))
        try await TemporaryFolder.with { folder in
            try await withStore(nil) { store in
                for path in [folder.appendingPathComponent("missing.json").path, folder.path] {
                    await #expect(throws: SmallWinsError.self) { try await SnapshotImporter().import(contentsOf: path, into: store) }
                }
                let error = await #expect(throws: ImportError.self) { try await SnapshotImporter().import(contentsOf: "/dev/null", into: store) }
                #expect(error?.problems.first?.location == "line 1, column 1")
                await #expect(throws: ImportError.self) { try await SnapshotImporter().import(contentsOf: "/dev/urandom", into: store) }
                let teams = try await store.teams()
                #expect(teams.isEmpty)

                // A FIFO cannot be read twice: refused once the first pass has read it, nothing written.
                let fifo = folder.appendingPathComponent("snapshot.fifo").path
                #expect(FIFOFeeder.start(at: fifo, feeding: bytes))
                await #expect(throws: SmallWinsError.self) { try await SnapshotImporter().import(contentsOf: fifo, into: store) }
                let teamsAfter = try await store.teams()
                #expect(teamsAfter.isEmpty)
            }
        }
    }
}
