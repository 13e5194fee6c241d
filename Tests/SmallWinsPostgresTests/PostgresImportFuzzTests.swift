import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsDemo
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// The importers' fuzzing on PostgreSQL: mutated wins CSV and snapshots, each refused cleanly or imported
/// whole, and a refused import leaves the store exactly as it was.
@Suite("Import fuzzing on PostgreSQL")
struct PostgresImportFuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["SMALLWINS_FUZZ_ITERATIONS"] ?? "") ?? 60

    @Test func mutatedCSVAndSnapshotsLeaveTheStoreUnchanged() async throws {
        let contents = GoldenContents.make()
        var directory = contents
        directory.wins = []
        directory.celebrations = []
        let csv = [UInt8](try await CSVExporter(.wins).data(ExportContent(contents)))
        let snapshot = [UInt8](try await SnapshotExporter().data(ExportContent(contents)))
        var random = SeededGenerator(seed: 41)
        try await PostgresTestServer.withFreshStore { store in
            try await StoreCopy.copy(ExportContent(directory), to: store)
            let before = try await StoreContents.load(from: store)
            for round in 0..<Self.iterations {
                var bytes = round % 2 == 0 ? csv : snapshot
                for _ in 0..<Int.random(in: 1...4, using: &random) { Mutation.mutate(&bytes, &random) }
                do {
                    if round % 2 == 0 {
                        try await CSVWinImporter().import(Data(bytes), into: store)
                        for win in try await StoreContents.load(from: store).wins { try await store.delete(win.id) }
                    } else {
                        // Into a store that is not empty: refused before anything is read into it.
                        try await SnapshotImporter().import(Data(bytes), into: store)
                        Issue.record("round \(round): a snapshot went into a store that already holds teams")
                    }
                } catch let error as ImportError {
                    #expect(!error.problems.isEmpty, "round \(round)")
                } catch let error as SmallWinsError {
                    #expect(round % 2 == 1, "round \(round): \(error)")
                }
                let after = try await StoreContents.load(from: store)
                #expect(after == before, "round \(round): the store is as it was")
            }
        }
    }
}
