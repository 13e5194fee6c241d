import Foundation
import SmallWins

extension PostgresSchema {
    /// Migration 2: row-level security for read-only database roles, such as an analyst's BI tool connecting
    /// directly. A role listed in `smallwins_reader` with some teams sees, in every table, only the rows of
    /// those teams' subtrees (and the teams, codebooks, goals and agenda above them that those rows use);
    /// a role not listed sees nothing. The installation's own role owns the tables and is not affected
    /// (PostgreSQL applies policies to other roles only), so SmallWins itself works as before.
    static func version2(_ s: String) -> [String] {
        var statements = [
            """
            CREATE TABLE \(s)smallwins_reader (
                role_name text NOT NULL,
                team_id uuid NOT NULL REFERENCES \(s)team(id) ON DELETE CASCADE,
                PRIMARY KEY (role_name, team_id)
            )
            """,
            // The teams a role may read, and those plus their ancestors (whose codebooks and goals they use).
            // SECURITY DEFINER so the walk over `team` is not itself filtered; the role is passed in, because
            // inside the function current_user is the owner.
            """
            CREATE FUNCTION \(s)smallwins_readable_teams(reader text) RETURNS SETOF uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                WITH RECURSIVE below(id) AS (
                    SELECT team_id FROM \(s)smallwins_reader WHERE role_name = reader
                    UNION SELECT t.id FROM \(s)team t JOIN below ON t.parent_id = below.id
                ) SELECT id FROM below
            $$
            """,
            """
            CREATE FUNCTION \(s)smallwins_readable_lineage(reader text) RETURNS SETOF uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                WITH RECURSIVE above(id, parent_id) AS (
                    SELECT t.id, t.parent_id FROM \(s)team t JOIN \(s)smallwins_reader r ON r.team_id = t.id WHERE r.role_name = reader
                    UNION SELECT t.id, t.parent_id FROM \(s)team t JOIN above ON t.id = above.parent_id
                ) SELECT id FROM above UNION SELECT \(s)smallwins_readable_teams(reader)
            $$
            """,
        ]
        let subtree = "team_id IN (SELECT \(s)smallwins_readable_teams(current_user))"
        let lineage = "team_id IN (SELECT \(s)smallwins_readable_lineage(current_user))"
        let policies: [(table: String, rule: String)] = [
            ("team", "id IN (SELECT \(s)smallwins_readable_lineage(current_user))"),
            ("member", "organization_id IN (SELECT \(s)smallwins_readable_lineage(current_user)) OR id IN (SELECT member_id FROM \(s)membership)"),
            ("membership", subtree),
            ("student_group", lineage), ("theme", lineage), ("goal", lineage),
            ("goal_focus_group", "goal_id IN (SELECT id FROM \(s)goal)"),
            ("learning_question", lineage), ("attempt", lineage),
            ("win", subtree),
            ("win_theme", "win_id IN (SELECT id FROM \(s)win)"), ("win_group", "win_id IN (SELECT id FROM \(s)win)"),
            ("win_shout_out", "win_id IN (SELECT id FROM \(s)win)"), ("celebration", "win_id IN (SELECT id FROM \(s)win)"),
            ("change_log", subtree),
            ("smallwins_reader", "role_name = current_user"),
        ]
        for (table, rule) in policies {
            statements.append("ALTER TABLE \(s)\(table) ENABLE ROW LEVEL SECURITY")
            statements.append("CREATE POLICY smallwins_reader ON \(s)\(table) FOR SELECT USING (\(rule))")
        }
        return statements
    }

    /// Migration 3: the dashboard's maintained aggregates (``DashboardAggregates``), under the same
    /// row-level security as every other table, and readable by the roles already granted access.
    static func version3(_ s: String) -> [String] {
        var statements = DashboardAggregates(dialect: PostgresDialect(s: s)).migration
        let readable = "IN (SELECT \(s)smallwins_readable_teams(current_user))"
        let policies = [("team_ancestor", "ancestor_id \(readable)")]
            + DashboardAggregates.tableNames.map { ($0, "scope_id \(readable)") }
        for (table, rule) in policies {
            statements.append("ALTER TABLE \(s)\(table) ENABLE ROW LEVEL SECURITY")
            statements.append("CREATE POLICY smallwins_reader ON \(s)\(table) FOR SELECT USING (\(rule))")
        }
        let tables = policies.map { "\(s)\($0.0)" }.joined(separator: ", ")
        statements.append("""
            DO $$ DECLARE reader text; BEGIN
            FOR reader IN SELECT DISTINCT role_name FROM \(s)smallwins_reader WHERE role_name IN (SELECT rolname FROM pg_roles) LOOP
                EXECUTE format('GRANT SELECT ON \(tables) TO %I', reader);
            END LOOP;
            END $$
            """)
        return statements
    }
}
