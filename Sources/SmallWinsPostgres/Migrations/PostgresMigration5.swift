// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 5, as shipped: a bulk restore defers the dashboard aggregates to one pass.
    ///
    /// Inside one transaction, every page of restored wins upserted the same `dash_*` rows again, and PostgreSQL
    /// keeps each version of a row updated inside a transaction, so a page took longer than the one before: the
    /// import grew with the square of its size. With `smallwins.defer_aggregates` set to `on` (for one
    /// transaction, by `PostgresTransaction`), the insert triggers of migration 3 stand aside and `dash_defer`
    /// notes the ids of the new wins and celebrations in temporary tables instead; before the next other write
    /// and before the commit, `PostgresDeferredAggregates` passes those rows through the same trigger
    /// functions once.
    static func version5(_ s: String) -> [String] {
        let guarded = [
            (trigger: "dash_win_insert", table: "win"), ("win_theme_dash_insert", "win_theme"), ("win_group_dash_insert", "win_group"),
            ("win_shout_out_dash_insert", "win_shout_out"), ("celebration_dash_insert", "celebration"),
        ]
        return [
            #"""
            CREATE FUNCTION \#(s)dash_defer() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            IF TG_TABLE_NAME = 'win' THEN
            INSERT INTO pg_temp.smallwins_deferred_win (id) SELECT id FROM inserted;
            ELSE
            INSERT INTO pg_temp.smallwins_deferred_celebration (id) SELECT id FROM inserted;
            END IF;
            RETURN NULL;
            END
            $$
            """#,
        ] + ["win", "celebration"].map { table in
            """
            CREATE TRIGGER dash_defer AFTER INSERT ON \(s)\(table) REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT \
            WHEN (current_setting('smallwins.defer_aggregates', true) = 'on') EXECUTE FUNCTION \(s)dash_defer()
            """
        } + guarded.flatMap { trigger, table in
            [
                "DROP TRIGGER \(trigger) ON \(s)\(table)",
                """
                CREATE TRIGGER \(trigger) AFTER INSERT ON \(s)\(table) REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT \
                WHEN (current_setting('smallwins.defer_aggregates', true) IS DISTINCT FROM 'on') EXECUTE FUNCTION \(s)\(trigger)()
                """,
            ]
        }
    }
}
