// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 9, as shipped: the district's rows of the aggregates every school shares (by day, theme, group,
    /// celebration kind) keep each count in 8 slices, by the last byte of the win's team id, so concurrent writers
    /// in one district queue on the district's row of the day only when their teams share a slice (other scopes'
    /// rows keep slice 0). The column `slice` joins each key before `tenant_id`, and the four tables are counted
    /// again from the wins (`w`). The district's id is the tenant id.
    static func version9(_ s: String) -> [String] {
        let byKind = "SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)"
        let month = "date_trunc('month', w.day)::date"
        let subtrees = " AND a.own = 0"
        // Each table: its keys between `own` and `slice` and their values, the table joined to each win as `l` (if
        // any), which scopes and wins count, its count columns and their values.
        let tables: [(String, String, String, String?, String, String, String)] = [
            ("dash_day", "day", "w.day", nil, "", "successes, lessons", byKind),
            ("dash_theme", "month, theme_id", "\(month), l.theme_id", "win_theme", subtrees, "successes, lessons", byKind),
            ("dash_group", "month, group_id", "\(month), l.group_id", "win_group", subtrees, "successes, lessons", byKind),
            ("dash_celebration", "month, kind", "\(month), l.kind", "celebration", "", "n", "COUNT(*)"),
        ]
        return tables.flatMap { table, keys, values, link, conditions, counts, sums in
            let grouped = "a.ancestor_id, a.own, \(values), CASE WHEN a.ancestor_id = a.tenant_id THEN get_byte(uuid_send(w.team_id), 15) % 8 ELSE 0 END, a.tenant_id"
            let joined = link.map { " JOIN \(s)\($0) l ON l.win_id = w.id AND l.tenant_id = w.tenant_id" } ?? ""
            return [
                "DELETE FROM \(s)\(table)",
                "ALTER TABLE \(s)\(table) ADD COLUMN slice integer NOT NULL, DROP CONSTRAINT \(table)_pkey, "
                    + "ADD PRIMARY KEY (scope_id, own, \(keys), slice, tenant_id)",
                """
                INSERT INTO \(s)\(table) (scope_id, own, \(keys), slice, tenant_id, \(counts))
                SELECT \(grouped), \(sums) FROM \(s)win w\(joined), \(s)team_ancestor a
                WHERE a.team_id = w.team_id AND a.tenant_id = w.tenant_id\(conditions) GROUP BY \(grouped)
                """,
            ]
        }
    }
}
