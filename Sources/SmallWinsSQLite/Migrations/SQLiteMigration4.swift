// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 4, as shipped: the store counts the dashboard aggregates itself, in each write's transaction
    /// (`SQLEngine+Aggregates`, shared with PostgreSQL), so the triggers of migration 2 go. The full-text index's
    /// triggers stay: they write SQLite's own index of the same rows.
    static let version4 = [
        "dash_win_insert", "dash_win_delete", "dash_win_update",
        "win_theme_dash_insert", "win_theme_dash_delete", "win_theme_dash_update",
        "win_group_dash_insert", "win_group_dash_delete", "win_group_dash_update",
        "win_shout_out_dash_insert", "win_shout_out_dash_delete", "win_shout_out_dash_update",
        "celebration_dash_insert", "celebration_dash_delete", "celebration_dash_update",
        "team_dash_insert", "team_dash_move", "team_dash_delete",
    ].map { "DROP TRIGGER \($0)" }
}
