import Foundation
import GRDB

/// Keeps the query planner's statistics (`sqlite_stat1`) in step with the file as it grows.
///
/// SQLite plans a query from these statistics and never gathers them itself: without them it guesses every index
/// equally selective (at 1,000,000 wins a school's dashboard took 14.7 ms without them, 10.7 to 14.0 with). They are gathered
/// once when the file is migrated (migration 7); then the store runs `ANALYZE`, sampling ``rowsSampled`` rows of
/// each index, in the write transaction that brings the rows this process changed since the last analysis to as
/// many as that analysis counted (and at least ``fewestChanges``). So a growing file has them gathered again each
/// time it doubles, and they are never more than about twice off.
final class SQLiteStatistics: @unchecked Sendable {
    /// How many rows of each index an analysis reads (`PRAGMA analysis_limit`): enough to tell a selective index
    /// from a poor one, and under a second at 1,000,000 wins.
    static let rowsSampled = 1_000
    /// The fewest changed rows worth new statistics.
    static let fewestChanges = 10_000

    private let lock = NSLock()
    /// Rows of every analysed table when the statistics were gathered.
    private var rowsAtAnalysis: Int
    /// Rows changed by this process since then.
    private var changesSince = 0

    /// A keeper for a file whose statistics counted `rowsAtAnalysis` rows (``rowsCounted(_:)``).
    init(rowsAtAnalysis: Int) {
        self.rowsAtAnalysis = rowsAtAnalysis
    }

    /// Notes that the transaction open on `db` changed `changes` rows, and gathers the statistics again in it when
    /// they are due.
    func note(_ changes: Int, in db: Database) throws {
        let due = lock.withLock {
            changesSince += changes
            return changesSince >= max(Self.fewestChanges, rowsAtAnalysis)
        }
        guard due else { return }
        let rows = try Self.analyze(db)
        lock.withLock { (rowsAtAnalysis, changesSince) = (rows, 0) }
    }

    /// Gathers the statistics of every table and index of `db`; returns the rows they count.
    static func analyze(_ db: Database) throws -> Int {
        try db.execute(sql: "PRAGMA analysis_limit = \(rowsSampled)")
        try db.execute(sql: "ANALYZE")
        return try rowsCounted(db)
    }

    /// The rows of every table the statistics of `db` describe, as counted when they were gathered (the first number
    /// of each row of `sqlite_stat1` is its table's row count); 0 before the first analysis.
    static func rowsCounted(_ db: Database) throws -> Int {
        guard try db.tableExists("sqlite_stat1") else { return 0 }
        return try Int.fetchOne(db, sql: """
            SELECT coalesce(sum(n), 0) FROM (SELECT max(CAST(stat AS INTEGER)) AS n FROM sqlite_stat1 GROUP BY tbl)
            """) ?? 0
    }
}
