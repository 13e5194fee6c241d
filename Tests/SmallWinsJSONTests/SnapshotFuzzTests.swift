import Foundation
import SmallWins
import SmallWinsDemo
import SmallWinsJSON
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Mutated snapshots never crash or hang the importer: each ends in an error naming where the problem is,
/// or in a complete import; a refused import leaves the empty store empty.
///
/// `SMALLWINS_FUZZ_ITERATIONS` runs longer on demand (default 300).
@Suite("Snapshot fuzzing")
struct SnapshotFuzzTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["SMALLWINS_FUZZ_ITERATIONS"] ?? "") ?? 300

    @Test func mutatedSnapshotsAreRefusedWithALocation() async throws {
        let original = [UInt8](try await SnapshotExporter().data(ExportContent(GoldenContents.make())))
        var random = SeededGenerator(seed: 21)
        var accepted = 0
        for round in 0..<Self.iterations {
            var bytes = original
            for _ in 0..<Int.random(in: 1...3, using: &random) { Mutation.mutate(&bytes, &random) }
            do {
                _ = try SnapshotImporter().read(Data(bytes))
                accepted += 1
            } catch let error as ImportError {
                #expect(!error.problems.isEmpty && error.problems.allSatisfy { !$0.location.isEmpty }, "round \(round)")
            }
        }
        #expect(accepted < Self.iterations / 2)
        // And through a real store, a sample of them: refused ones write nothing.
        var sample = SeededGenerator(seed: 22)
        try await withStore(nil) { store in
            for _ in 0..<20 {
                var bytes = original
                bytes.removeSubrange(Int.random(in: 0..<bytes.count - 10, using: &sample)...)
                await #expect(throws: ImportError.self) { try await SnapshotImporter().import(Data(bytes), into: store) }
                let teams = try await store.teams()
                #expect(teams.isEmpty)
            }
        }
    }
}
