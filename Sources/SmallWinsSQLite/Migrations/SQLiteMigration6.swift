// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 6, as shipped: the aggregates every school shares (by day, theme, group, celebration kind) get the
    /// column `slice` in their keys, before `tenant_id`, as on PostgreSQL (migration 9), where concurrent writers'
    /// counts in the district's rows go into slices by team. A SQLite file has one writer at a time and keeps
    /// every count in slice 0, so its rows move over as they are. Each table is rebuilt (SQLite cannot change a key
    /// in place) inside the migration's transaction.
    static let version6: [String] = {
        let byKind = ["successes", "lessons"], count = ["n"]
        let tables = [
            ("dash_day", ["day"], byKind), ("dash_theme", ["month", "theme_id"], byKind), ("dash_group", ["month", "group_id"], byKind),
            ("dash_celebration", ["month", "kind"], count),
        ]
        return tables.flatMap { table, keys, values in
            // Key columns first (see migration 5).
            let key = ["scope_id", "own"] + keys + ["slice", "tenant_id"]
            let definition = key.map { "\($0) \($0 == "own" || $0 == "slice" ? "INTEGER" : "TEXT") NOT NULL" }
                + values.map { "\($0) INTEGER NOT NULL" } + ["PRIMARY KEY (\(key.joined(separator: ", ")))"]
            let copied = key.filter { $0 != "slice" } + values
            return [
                "CREATE TABLE new_\(table) (\(definition.joined(separator: ", "))) WITHOUT ROWID",
                "INSERT INTO new_\(table) (\((copied + ["slice"]).joined(separator: ", "))) SELECT \(copied.joined(separator: ", ")), 0 FROM \(table)",
                "DROP TABLE \(table)",
                "ALTER TABLE new_\(table) RENAME TO \(table)",
            ]
        }
    }()
}
