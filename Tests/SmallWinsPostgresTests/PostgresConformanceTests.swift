import Foundation
import SmallWins
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// Runs the whole store conformance suite, unchanged, against PostgreSQL: a fresh schema per test.
@Suite("PostgreSQL conformance")
struct PostgresConformanceTests {
    @Test(arguments: StoreConformance.cases)
    func conformance(_ test: ConformanceCase) async throws {
        try await PostgresTestServer.withFreshStore { store in
            var store = store
            store.aggregateFlushRows = 60   // so the bulk-restore case fills the aggregates mid-way too, as at 20,000
            do {
                try await test.run(on: store)
            } catch let failure as ConformanceFailure {
                Issue.record(Comment(rawValue: failure.message),
                             sourceLocation: SourceLocation(fileID: "SmallWinsStoreTesting/\((failure.filePath as NSString).lastPathComponent)",
                                                            filePath: failure.filePath, line: failure.line, column: 1))
            }
        }
    }
}
