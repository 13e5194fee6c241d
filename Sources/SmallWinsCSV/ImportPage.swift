import Foundation
import SmallWins

/// The wins of up to 1,000 rows, waiting to be written.
struct ImportPage {
    static let size = 1000
    private var wins: [Win] = []
    private var ids: Set<Win.ID> = []
    private var lines: ClosedRange<Int>?

    var isFull: Bool { wins.count >= Self.size }

    /// Adds a row's win; throws when its id repeats one on this page (the store refuses a repeat of one
    /// written before).
    mutating func add(_ win: Win, line: Int) throws {
        guard ids.insert(win.id).inserted else { throw SmallWinsError.conflict(field: "id", reason: "repeats a win id listed before") }
        wins.append(win)
        lines = (lines?.lowerBound ?? line)...line
    }

    /// Writes `created` and then the page into `store`, counting them in `summary`, and empties the page.
    /// A record the store refuses (other than for a storage failure) becomes a problem of the page's lines.
    mutating func write(_ created: CreatedRecords, into store: any WinStore, summary: inout CSVWinImporter.Summary) async throws {
        do {
            try await created.write(into: store)
            try await store.restore(wins)
        } catch let error as SmallWinsError {
            if case .storage = error { throw error }
            let location = lines.map { $0.count == 1 ? "line \($0.lowerBound)" : "lines \($0.lowerBound)–\($0.upperBound)" } ?? "the file"
            throw ImportError(location: location, reason: "the store refused the wins: \(error)")
        }
        summary.wins += wins.count
        summary.created.merge(created.counts, uniquingKeysWith: +)
        (wins, lines) = ([], nil)
        ids.removeAll(keepingCapacity: true)
    }
}
