// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 7, as shipped: the store counts the dashboard aggregates itself, in each write's transaction
    /// (`SQLEngine+Aggregates`), so the triggers of migrations 3 and 5 go, with their functions. A distributed
    /// PostgreSQL (Citus) refuses to distribute a table with triggers.
    static func version7(_ s: String) -> [String] {
        [
            "dash_defer", "dash_win_insert", "dash_win_delete", "dash_win_update",
            "win_theme_dash_insert", "win_theme_dash_delete", "win_theme_dash_update",
            "win_group_dash_insert", "win_group_dash_delete", "win_group_dash_update",
            "win_shout_out_dash_insert", "win_shout_out_dash_delete", "win_shout_out_dash_update",
            "celebration_dash_insert", "celebration_dash_delete", "celebration_dash_update",
            "team_dash_insert", "team_dash_move", "team_dash_delete",
        ].map { "DROP FUNCTION \(s)\($0)() CASCADE" }
    }
}
