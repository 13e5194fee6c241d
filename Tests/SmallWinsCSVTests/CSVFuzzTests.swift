import Foundation
import SmallWins
import SmallWinsCSV
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

    /// Bytes that make CSV hard: quotes, separators, line ends, NUL, invalid UTF-8, a BOM, multi-byte text.
    static let alphabet: [[UInt8]] = [
        Array("\"".utf8), Array(",".utf8), Array("\r".utf8), Array("\n".utf8), Array("\r\n".utf8), [0], [0xFF], [0xC3],
        [0xEF, 0xBB, 0xBF], Array("é".utf8), Array("👩🏽‍🏫".utf8), Array("=".utf8), Array(";".utf8), Array("a".utf8), Array(" ".utf8),
        Array("2026-11-18".utf8), Array("success".utf8), Array("lesson".utf8),
    ]

    @Test func theReaderSurvivesRandomBytes() throws {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<Self.iterations * 10 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...60, using: &random) { bytes += Self.alphabet.randomElement(using: &random)! }
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
                for _ in 0..<Int.random(in: 1...4, using: &random) { Self.mutate(&bytes, &random) }
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

    /// One random edit: flip, insert or delete a hard byte, duplicate or drop a line.
    static func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        let at = Int.random(in: 0..<bytes.count, using: &random)
        switch Int.random(in: 0..<5, using: &random) {
        case 0: bytes.insert(contentsOf: alphabet.randomElement(using: &random)!, at: at)
        case 1: bytes.remove(at: at)
        case 2: bytes[at] = UInt8.random(in: 0...255, using: &random)
        case 3:
            let end = bytes[at...].firstIndex(of: 10) ?? bytes.count
            bytes.removeSubrange(at..<end)
        default:
            let start = bytes[..<at].lastIndex(of: 10).map { $0 + 1 } ?? 0
            let end = bytes[at...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
            bytes.insert(contentsOf: bytes[start..<end], at: end)
        }
    }
}
