// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 8, as shipped: every table of a district's data is keyed with its tenant, as Citus needs to
    /// distribute the tables by `tenant_id` and co-locate them. The tables that lacked `tenant_id` (the closure
    /// table, the link tables and the aggregates) get it from the row they hang on; every primary key and unique
    /// constraint ends with it, and every foreign key between these tables includes it. Keys put `tenant_id` last,
    /// so a lookup by id alone still uses the key's index. The read-only roles' grants lose their foreign key to
    /// `team` (Citus refuses one from a table of the coordinator to a distributed table): a grant on a team
    /// deleted later opens nothing, and `smallwins access revoke` removes it.
    static func version8(_ s: String) -> [String] {
        let hanging = [("team_ancestor", "team", "team_id"), ("goal_focus_group", "goal", "goal_id"), ("win_theme", "win", "win_id"),
                       ("win_group", "win", "win_id"), ("win_shout_out", "win", "win_id")]
            + ["day", "author", "goal", "attempt", "theme", "group", "equity", "shout_out", "celebration", "celebration_pair", "bright"]
            .map { ("dash_\($0)", "team", "scope_id") }
        let keys = [
            ("team", "id"), ("member", "id"), ("membership", "member_id, team_id"), ("student_group", "id"), ("theme", "id"),
            ("goal", "id"), ("goal_focus_group", "goal_id, group_id"), ("learning_question", "id"), ("attempt", "id"), ("win", "id"),
            ("win_theme", "win_id, theme_id"), ("win_group", "win_id, group_id"), ("win_shout_out", "win_id, member_id"),
            ("celebration", "id"), ("access_token", "id"), ("change_log", "seq"), ("team_ancestor", "team_id, own, ancestor_id"),
            ("dash_day", "scope_id, own, day"), ("dash_author", "scope_id, own, month, author_id"),
            ("dash_goal", "scope_id, own, month, goal_id"), ("dash_attempt", "scope_id, own, month, attempt_id"),
            ("dash_theme", "scope_id, own, month, theme_id"), ("dash_group", "scope_id, own, month, group_id"),
            ("dash_equity", "scope_id, own, month, goal_id, group_id"), ("dash_shout_out", "scope_id, own, month, from_id, to_id"),
            ("dash_celebration", "scope_id, own, month, kind"), ("dash_celebration_pair", "scope_id, own, month, from_id, to_id"),
            ("dash_bright", "scope_id, own, win_id"),
        ]
        let uniques = [("team", "parent_id, name", "team_parent_id_name_key"), ("theme", "team_id, name", "theme_team_id_name_key"),
                       ("student_group", "team_id, name", "student_group_team_id_name_key")]
        let references = [
            ("team", "parent_id", "team", ""), ("member", "organization_id", "team", ""),
            ("membership", "member_id", "member", ""), ("membership", "team_id", "team", ""),
            ("student_group", "team_id", "team", ""), ("theme", "team_id", "team", ""), ("goal", "team_id", "team", ""),
            ("goal_focus_group", "goal_id", "goal", " ON DELETE CASCADE"), ("goal_focus_group", "group_id", "student_group", ""),
            ("learning_question", "team_id", "team", ""), ("learning_question", "goal_id", "goal", ""),
            ("attempt", "team_id", "team", ""), ("attempt", "question_id", "learning_question", ""),
            ("win", "team_id", "team", ""), ("win", "author_id", "member", ""), ("win", "goal_id", "goal", ""),
            ("win", "attempt_id", "attempt", ""),
            ("win_theme", "win_id", "win", " ON DELETE CASCADE"), ("win_theme", "theme_id", "theme", ""),
            ("win_group", "win_id", "win", " ON DELETE CASCADE"), ("win_group", "group_id", "student_group", ""),
            ("win_shout_out", "win_id", "win", " ON DELETE CASCADE"), ("win_shout_out", "member_id", "member", ""),
            ("celebration", "win_id", "win", " ON DELETE CASCADE"), ("celebration", "member_id", "member", ""),
            ("access_token", "member_id", "member", " ON DELETE CASCADE"),
        ]
        let dropForeignKeys = #"""
            DO $$ DECLARE r record; BEGIN
                FOR r IN SELECT conrelid::regclass AS t, conname FROM pg_constraint WHERE contype = 'f'
                    AND connamespace = (SELECT relnamespace FROM pg_class WHERE oid = '\#(s)team'::regclass)
                LOOP EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.t, r.conname); END LOOP;
            END $$
            """#
        return [dropForeignKeys]
            + hanging.flatMap { table, parent, column in
                [
                    "DELETE FROM \(s)\(table) d WHERE NOT EXISTS (SELECT 1 FROM \(s)\(parent) p WHERE p.id = d.\(column))",
                    "ALTER TABLE \(s)\(table) ADD COLUMN tenant_id uuid",
                    "UPDATE \(s)\(table) d SET tenant_id = p.tenant_id FROM \(s)\(parent) p WHERE p.id = d.\(column)",
                    "ALTER TABLE \(s)\(table) ALTER COLUMN tenant_id SET NOT NULL",
                ]
            }
            + keys.map { "ALTER TABLE \(s)\($0) DROP CONSTRAINT \($0)_pkey, ADD PRIMARY KEY (\($1), tenant_id)" }
            + uniques.map { "ALTER TABLE \(s)\($0) DROP CONSTRAINT \($2), ADD UNIQUE (\($1), tenant_id)" }
            + references.map { table, column, parent, action in
                "ALTER TABLE \(s)\(table) ADD FOREIGN KEY (\(column), tenant_id) REFERENCES \(s)\(parent) (id, tenant_id)\(action)"
            }
    }
}
