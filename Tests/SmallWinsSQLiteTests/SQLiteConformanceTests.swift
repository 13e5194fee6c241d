import Foundation
import SmallWins
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Runs the whole store conformance suite against SQLite, a new database file per test.
@Suite("SQLite conformance")
struct SQLiteConformanceTests {
    // StoreTesting example begin
    @Test(arguments: StoreConformance.cases)
    func conformance(_ test: ConformanceCase) async throws {
        try await withTemporaryStore { store in
            do {
                try await test.run(on: store)
            } catch let failure as ConformanceFailure {
                Issue.record(Comment(rawValue: failure.message),
                             sourceLocation: SourceLocation(fileID: "SmallWinsStoreTesting/\((failure.filePath as NSString).lastPathComponent)",
                                                            filePath: failure.filePath, line: failure.line, column: 1))
            }
        }
    }
    // StoreTesting example end

    @Test func theStoreTestingCatalogShowsThisRunner() throws {
        for document in ["Sources/SmallWinsStoreTesting/SmallWinsStoreTesting.docc/SmallWinsStoreTesting.md",
                         "Sources/SmallWinsStoreTesting/StoreConformance.swift"] {
            try DocumentedExample.check("StoreTesting example", in: #filePath, shownIn: document)
        }
    }
}

/// Runs `body` with a fresh temporary folder, then removes the folder.
func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// Opens a new SQLite store in a fresh temporary folder, runs `body`, then removes the folder.
func withTemporaryStore<T>(_ body: (SQLiteStore) async throws -> T) async throws -> T {
    try await withTemporaryFolder { folder in try await body(try await SQLiteStore(path: folder.appendingPathComponent("test.sqlite").path)) }
}
