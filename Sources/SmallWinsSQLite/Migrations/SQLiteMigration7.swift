// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 7, as shipped: the query planner's statistics (`sqlite_stat1`), sampling 1,000 rows of each index,
    /// gathered once for a file that has none; from then on the store gathers them again as the file grows
    /// (``SQLiteStatistics``).
    static let version7 = ["PRAGMA analysis_limit = 1000", "ANALYZE"]
}
