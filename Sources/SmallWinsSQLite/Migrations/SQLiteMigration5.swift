// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 5, as shipped: the tables that lacked `tenant_id` (the closure table, the link tables and the
    /// aggregates) get it from the row they hang on, as on PostgreSQL, where every key of a district's data holds
    /// it (PostgreSQL migration 8) and the engine's statements write it. The aggregates' keys end with it, as the
    /// engine's upserts name them; the other keys of this file stay on ids (a file is never distributed). Each table
    /// is rebuilt (SQLite cannot change a key in place), inside the migration's transaction, foreign keys checked
    /// at its end.
    static let version5: [String] = {
        // Key columns are declared first: SQLite 3.40's integrity check reports NOT NULL columns of a WITHOUT ROWID
        // table as null when one is declared before a key column.
        let byKind = ["successes", "lessons"], count = ["n"]
        let dash = [
            ("dash_day", ["day"], byKind), ("dash_author", ["month", "author_id"], byKind), ("dash_goal", ["month", "goal_id"], byKind),
            ("dash_attempt", ["month", "attempt_id"], byKind), ("dash_theme", ["month", "theme_id"], byKind),
            ("dash_group", ["month", "group_id"], byKind), ("dash_equity", ["month", "goal_id", "group_id"], count),
            ("dash_shout_out", ["month", "from_id", "to_id"], count), ("dash_celebration", ["month", "kind"], count),
            ("dash_celebration_pair", ["month", "from_id", "to_id"], count), ("dash_bright", ["win_id"], ["day"] + count),
        ].map { table, keys, values in
            let key = ["scope_id", "own"] + keys
            let definition = (key.map { "\($0) \($0 == "own" ? "INTEGER" : "TEXT") NOT NULL" } + ["tenant_id TEXT NOT NULL"]
                + values.map { "\($0) \($0 == "day" ? "TEXT" : "INTEGER") NOT NULL" }).joined(separator: ", ")
            return (table, definition + ", PRIMARY KEY (\((key + ["tenant_id"]).joined(separator: ", ")))",
                    key + ["tenant_id"] + values, "team", "scope_id")
        }
        let tables = [
            ("team_ancestor", "team_id TEXT NOT NULL, own INTEGER NOT NULL, ancestor_id TEXT NOT NULL, tenant_id TEXT NOT NULL, "
                + "PRIMARY KEY (team_id, own, ancestor_id, tenant_id)", ["team_id", "own", "ancestor_id", "tenant_id"], "team", "team_id"),
            ("goal_focus_group", "goal_id TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE, group_id TEXT NOT NULL REFERENCES student_group(id), "
                + "position INTEGER NOT NULL, tenant_id TEXT NOT NULL, PRIMARY KEY (goal_id, group_id)", ["goal_id", "group_id", "position", "tenant_id"], "goal", "goal_id"),
            ("win_theme", "win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE, theme_id TEXT NOT NULL REFERENCES theme(id), "
                + "position INTEGER NOT NULL, tenant_id TEXT NOT NULL, PRIMARY KEY (win_id, theme_id)", ["win_id", "theme_id", "position", "tenant_id"], "win", "win_id"),
            ("win_group", "win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE, group_id TEXT NOT NULL REFERENCES student_group(id), "
                + "position INTEGER NOT NULL, tenant_id TEXT NOT NULL, PRIMARY KEY (win_id, group_id)", ["win_id", "group_id", "position", "tenant_id"], "win", "win_id"),
            ("win_shout_out", "win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE, member_id TEXT NOT NULL REFERENCES member(id), "
                + "position INTEGER NOT NULL, tenant_id TEXT NOT NULL, PRIMARY KEY (win_id, member_id)", ["win_id", "member_id", "position", "tenant_id"], "win", "win_id"),
        ] + dash
        let rebuilt = tables.flatMap { table, definition, columns, parent, column in
            [
                "CREATE TABLE new_\(table) (\(definition)) WITHOUT ROWID",
                "INSERT INTO new_\(table) (\(columns.joined(separator: ", "))) SELECT "
                    + columns.map { $0 == "tenant_id" ? "p.tenant_id" : "d.\($0)" }.joined(separator: ", ")
                    + " FROM \(table) d JOIN \(parent) p ON p.id = d.\(column)",
                "DROP TABLE \(table)",
                "ALTER TABLE new_\(table) RENAME TO \(table)",
            ]
        }
        return rebuilt + [
            "CREATE INDEX team_ancestor_below ON team_ancestor (ancestor_id, own, team_id)",
            "CREATE INDEX goal_focus_group_by_group ON goal_focus_group(group_id)",
            "CREATE INDEX win_theme_by_theme ON win_theme(theme_id, win_id)",
            "CREATE INDEX win_group_by_group ON win_group(group_id, win_id)",
            "CREATE INDEX win_shout_out_by_member ON win_shout_out(member_id, win_id)",
            "CREATE INDEX dash_bright_order ON dash_bright (scope_id, own, n, day, win_id)",
        ]
    }()
}
