import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsDemo
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Random and mutated CSV never crashes or hangs the reader or the importer, always ends in a clear error
/// or a clean import, and a refused import leaves the store unchanged.
///
/// `SMALLWINS_FUZZ_ITERATIONS` runs longer on demand (default 300 per test).
@Suite("CSV fuzzing")
struct CSVFuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["SMALLWINS_FUZZ_ITERATIONS"] ?? "") ?? 300

    @Test func theReaderSurvivesRandomBytes() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<Self.iterations * 10 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) { bytes += Mutation.hardBytes.randomElement(using: &random)! }
            do {
                let records = try CSVReader.records(Data(bytes))
                #expect(records.allSatisfy { $0.line >= 1 })
            } catch let error as ImportError {
                #expect(!error.problems.isEmpty && error.problems.allSatisfy { $0.location.hasPrefix("line ") })
            }
        }
    }

    @Test func theImporterRefusesMutatedFilesCleanly() async throws {
        let contents = GoldenContents.make()
        var directory = contents
        directory.wins = []
        directory.celebrations = []
        let original = try await CSVExporter(.wins).data(ExportContent(contents))
        var random = SeededGenerator(seed: 12)
        try await withStore(directory) { store in
            let before = try await StoreContents.load(from: store)
            var imported = 0
            for _ in 0..<Self.iterations {
                var bytes = [UInt8](original)
                for _ in 0..<Int.random(in: 1...4, using: &random) { Mutation.mutate(&bytes, &random) }
                do {
                    let summary = try await CSVWinImporter().import(Data(bytes), into: store)
                    imported += 1
                    // A mutation the importer accepts (a changed story, say) is stored whole; undo it for the next round.
                    for win in try await StoreContents.load(from: store).wins { try await store.delete(win.id) }
                    #expect(summary.wins > 0)
                } catch let error as ImportError {
                    #expect(!error.problems.isEmpty)
                    #expect(error.problems.allSatisfy { !$0.reason.isEmpty && !$0.location.isEmpty })
                }
                let after = try await StoreContents.load(from: store)
                #expect(after == before, "a refused or undone import leaves the store as it was")
            }
            #expect(imported < Self.iterations, "most mutations are refused")
        }
    }
}
