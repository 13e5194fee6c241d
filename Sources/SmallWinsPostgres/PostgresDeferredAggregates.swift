import SmallWinsSQL

/// How a transaction of many bulk restores counts their rows in the dashboard aggregates once per many pages
/// instead of once per page.
///
/// PostgreSQL keeps every version of a row updated inside one transaction until it ends, so upserting the same
/// district-wide aggregate rows for every page of an import made each page slower than the one before. While
/// deferring, a restore notes its new rows' ids in two temporary tables (``SQLWrite/newRowsCounted(_:)``); a
/// flush counts them all with ``SQLEngine/countDeferredRows(wins:celebrations:)`` and forgets them.
enum PostgresDeferredAggregates {
    /// The temporary table noting deferred rows of `rows`.
    static func table(_ rows: NewRowsCount.Rows) -> String {
        switch rows {
        case .wins: "pg_temp.smallwins_deferred_win"
        case .celebrations: "pg_temp.smallwins_deferred_celebration"
        }
    }

    /// The temporary tables of one transaction's deferral; they live until it ends.
    static let setup = [NewRowsCount.Rows.wins, .celebrations].map {
        "CREATE TEMP TABLE \(table($0).dropFirst("pg_temp.".count)) (id uuid NOT NULL) ON COMMIT DROP"
    }

    /// Counts every deferred row, then forgets them.
    static func flush(_ engine: SQLEngine) -> [SQLStatement] {
        let wins = "SELECT id FROM \(table(.wins))", celebrations = "SELECT id FROM \(table(.celebrations))"
        let analyze = [table(.wins), table(.celebrations)].map { engine.statement(SQLText(stringLiteral: "ANALYZE \($0)")) }
        return analyze + engine.countDeferredRows(wins: wins, celebrations: celebrations)
            + [engine.statement(SQLText(stringLiteral: "TRUNCATE \(table(.wins)), \(table(.celebrations))"))]
    }
}
