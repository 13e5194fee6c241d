/// The SQL that fills the dashboard aggregates in one pass for the wins and celebrations a transaction restored
/// in bulk (migration 5), instead of once per page.
///
/// While `smallwins.defer_aggregates` is `on`, the insert triggers of the `dash_*` tables stand aside and
/// `dash_defer` notes the new rows' ids in `smallwins_deferred_win` and `smallwins_deferred_celebration`. A
/// flush copies those rows (the columns the triggers read) into temporary twins of `win`, its link tables and
/// `celebration` that carry the same trigger functions, one statement per table, so each aggregate row is
/// updated once per flush however many pages came in. The twins live until the transaction ends.
enum PostgresDeferredAggregates {
    /// A table whose insert trigger fills aggregates, and the rows of it that a bulk restore deferred.
    private struct Source {
        let table: String
        /// The columns the trigger function reads.
        let columns: String
        let function: String
        /// The condition picking the deferred rows.
        let deferred: String
    }

    private static let deferredWins = "id IN (SELECT id FROM pg_temp.smallwins_deferred_win)"

    private static let sources = [
        Source(table: "win", columns: "id, team_id, day, kind, author_id, goal_id, attempt_id", function: "dash_win_insert",
               deferred: deferredWins),
        Source(table: "win_theme", columns: "win_id, theme_id", function: "win_theme_dash_insert", deferred: "win_" + deferredWins),
        Source(table: "win_group", columns: "win_id, group_id", function: "win_group_dash_insert", deferred: "win_" + deferredWins),
        Source(table: "win_shout_out", columns: "win_id, member_id", function: "win_shout_out_dash_insert", deferred: "win_" + deferredWins),
        Source(table: "celebration", columns: "id, win_id, member_id, kind", function: "celebration_dash_insert",
               deferred: "id IN (SELECT id FROM pg_temp.smallwins_deferred_celebration)"),
    ]

    /// The temporary tables of one transaction's deferral, in the schema whose prefix is `s`.
    static func setup(_ s: String) -> [String] {
        [
            "CREATE TEMP TABLE smallwins_deferred_win (id uuid NOT NULL) ON COMMIT DROP",
            "CREATE TEMP TABLE smallwins_deferred_celebration (id uuid NOT NULL) ON COMMIT DROP",
        ] + sources.flatMap { source in
            [
                "CREATE TEMP TABLE smallwins_flush_\(source.table) ON COMMIT DROP AS SELECT \(source.columns) FROM \(s)\(source.table) WITH NO DATA",
                """
                CREATE TRIGGER \(source.function) AFTER INSERT ON pg_temp.smallwins_flush_\(source.table) REFERENCING NEW TABLE AS inserted \
                FOR EACH STATEMENT EXECUTE FUNCTION \(s)\(source.function)()
                """,
            ]
        }
    }

    /// Fills the aggregates for every deferred row, then forgets them.
    static func flush(_ s: String) -> [String] {
        ["ANALYZE pg_temp.smallwins_deferred_win", "ANALYZE pg_temp.smallwins_deferred_celebration"]
            + sources.map { source in
                "INSERT INTO pg_temp.smallwins_flush_\(source.table) SELECT \(source.columns) FROM \(s)\(source.table) WHERE \(source.deferred)"
            }
            + ["TRUNCATE pg_temp.smallwins_deferred_win, pg_temp.smallwins_deferred_celebration, "
                + sources.map { "pg_temp.smallwins_flush_\($0.table)" }.joined(separator: ", ")]
    }
}
