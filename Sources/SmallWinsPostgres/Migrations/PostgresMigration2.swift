// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 2, as shipped: row-level security for read-only database roles, such as an analyst's BI tool
    /// connecting directly. A role listed in `smallwins_reader` with some teams sees, in every table, only the
    /// rows of those teams' subtrees (and the teams, codebooks, goals and agenda above them that those rows use);
    /// a role not listed sees nothing. The installation's own role owns the tables and is not affected
    /// (PostgreSQL applies policies to other roles only), so SmallWins itself works as before.
    /// `smallwins_readable_teams` and `smallwins_readable_lineage` are SECURITY DEFINER so the walk over `team`
    /// is not itself filtered; the role is passed in, because inside them current_user is the owner.
    static func version2(_ s: String) -> [String] {
        [
            #"""
            CREATE TABLE \#(s)smallwins_reader (
                role_name text NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id) ON DELETE CASCADE,
                PRIMARY KEY (role_name, team_id)
            )
            """#,
            #"""
            CREATE FUNCTION \#(s)smallwins_readable_teams(reader text) RETURNS SETOF uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                WITH RECURSIVE below(id) AS (
                    SELECT team_id FROM \#(s)smallwins_reader WHERE role_name = reader
                    UNION SELECT t.id FROM \#(s)team t JOIN below ON t.parent_id = below.id
                ) SELECT id FROM below
            $$
            """#,
            #"""
            CREATE FUNCTION \#(s)smallwins_readable_lineage(reader text) RETURNS SETOF uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
                WITH RECURSIVE above(id, parent_id) AS (
                    SELECT t.id, t.parent_id FROM \#(s)team t JOIN \#(s)smallwins_reader r ON r.team_id = t.id WHERE r.role_name = reader
                    UNION SELECT t.id, t.parent_id FROM \#(s)team t JOIN above ON t.id = above.parent_id
                ) SELECT id FROM above UNION SELECT \#(s)smallwins_readable_teams(reader)
            $$
            """#,
            #"""
            ALTER TABLE \#(s)team ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)team FOR SELECT USING (id IN (SELECT \#(s)smallwins_readable_lineage(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)member ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)member FOR SELECT USING (organization_id IN (SELECT \#(s)smallwins_readable_lineage(current_user)) OR id IN (SELECT member_id FROM \#(s)membership))
            """#,
            #"""
            ALTER TABLE \#(s)membership ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)membership FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)student_group ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)student_group FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_lineage(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)theme ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)theme FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_lineage(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)goal ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)goal FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_lineage(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)goal_focus_group ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)goal_focus_group FOR SELECT USING (goal_id IN (SELECT id FROM \#(s)goal))
            """#,
            #"""
            ALTER TABLE \#(s)learning_question ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)learning_question FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_lineage(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)attempt ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)attempt FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_lineage(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)win ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)win FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)win_theme ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)win_theme FOR SELECT USING (win_id IN (SELECT id FROM \#(s)win))
            """#,
            #"""
            ALTER TABLE \#(s)win_group ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)win_group FOR SELECT USING (win_id IN (SELECT id FROM \#(s)win))
            """#,
            #"""
            ALTER TABLE \#(s)win_shout_out ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)win_shout_out FOR SELECT USING (win_id IN (SELECT id FROM \#(s)win))
            """#,
            #"""
            ALTER TABLE \#(s)celebration ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)celebration FOR SELECT USING (win_id IN (SELECT id FROM \#(s)win))
            """#,
            #"""
            ALTER TABLE \#(s)change_log ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)change_log FOR SELECT USING (team_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)smallwins_reader ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)smallwins_reader FOR SELECT USING (role_name = current_user)
            """#,
        ]
    }
}
