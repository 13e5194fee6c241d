// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 3, as shipped: the dashboard's maintained aggregates (read by the dashboard parts through `AggregateSQL`): the
    /// closure table `team_ancestor`, the `dash_*` tables filled from the data already stored, the triggers that
    /// keep them exact in every write's transaction, row-level security on them like every other table, and
    /// SELECT for the roles already granted access.
    static func version3(_ s: String) -> [String] {
        [
            #"""
            CREATE TABLE \#(s)team_ancestor (
                team_id uuid NOT NULL, own integer NOT NULL, ancestor_id uuid NOT NULL,
                PRIMARY KEY (team_id, own, ancestor_id)
            )
            """#,
            #"""
            CREATE INDEX team_ancestor_below ON \#(s)team_ancestor (ancestor_id, own, team_id)
            """#,
            #"""
            CREATE TABLE \#(s)dash_day (
                scope_id uuid NOT NULL, own integer NOT NULL, day date NOT NULL, successes integer NOT NULL, lessons integer NOT NULL,
                PRIMARY KEY (scope_id, own, day)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_author (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, author_id uuid NOT NULL, successes integer NOT NULL, lessons integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, author_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_goal (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, goal_id uuid NOT NULL, successes integer NOT NULL, lessons integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, goal_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_attempt (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, attempt_id uuid NOT NULL, successes integer NOT NULL, lessons integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, attempt_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_theme (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, theme_id uuid NOT NULL, successes integer NOT NULL, lessons integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, theme_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_group (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, group_id uuid NOT NULL, successes integer NOT NULL, lessons integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, group_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_equity (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, goal_id uuid NOT NULL, group_id uuid NOT NULL, n integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, goal_id, group_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_shout_out (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, from_id uuid NOT NULL, to_id uuid NOT NULL, n integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, from_id, to_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_celebration (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, kind text NOT NULL, n integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, kind)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_celebration_pair (
                scope_id uuid NOT NULL, own integer NOT NULL, month date NOT NULL, from_id uuid NOT NULL, to_id uuid NOT NULL, n integer NOT NULL,
                PRIMARY KEY (scope_id, own, month, from_id, to_id)
            )
            """#,
            #"""
            CREATE TABLE \#(s)dash_bright (
                scope_id uuid NOT NULL, own integer NOT NULL, win_id uuid NOT NULL, day date NOT NULL, n integer NOT NULL,
                PRIMARY KEY (scope_id, own, win_id)
            )
            """#,
            #"""
            CREATE INDEX dash_bright_order ON \#(s)dash_bright (scope_id, own, n, day, win_id)
            """#,
            #"""
            INSERT INTO \#(s)team_ancestor (team_id, own, ancestor_id)
            WITH RECURSIVE up(team_id, ancestor_id) AS (
                SELECT id, id FROM \#(s)team
                UNION ALL SELECT up.team_id, t.parent_id FROM up JOIN \#(s)team t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL
            ) SELECT team_id, 0, ancestor_id FROM up
            """#,
            #"""
            INSERT INTO \#(s)team_ancestor (team_id, own, ancestor_id) SELECT id, 1, id FROM \#(s)team
            """#,
            #"""
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons
            """#,
            #"""
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons
            """#,
            #"""
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons
            """#,
            #"""
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons
            """#,
            #"""
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)win_theme l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons
            """#,
            #"""
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons
            """#,
            #"""
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, SUM(1)
            FROM \#(s)win w, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n
            """#,
            #"""
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, SUM(1)
            FROM \#(s)win w, \#(s)win_shout_out l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n
            """#,
            #"""
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, SUM(1)
            FROM \#(s)win w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n
            """#,
            #"""
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, SUM(1)
            FROM \#(s)win w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n
            """#,
            #"""
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), SUM(1)
            FROM \#(s)win w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day
            """#,
            #"""
            CREATE FUNCTION \#(s)dash_win_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM inserted w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM inserted w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM inserted w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM inserted w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER dash_win_insert AFTER INSERT ON \#(s)win REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION \#(s)dash_win_insert()
            """#,
            #"""
            CREATE FUNCTION \#(s)dash_win_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            DELETE FROM \#(s)win_theme WHERE win_id = OLD.id;
            DELETE FROM \#(s)win_group WHERE win_id = OLD.id;
            DELETE FROM \#(s)win_shout_out WHERE win_id = OLD.id;
            DELETE FROM \#(s)celebration WHERE win_id = OLD.id;
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
            RETURN OLD;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER dash_win_delete BEFORE DELETE ON \#(s)win FOR EACH ROW EXECUTE FUNCTION \#(s)dash_win_delete()
            """#,
            #"""
            CREATE FUNCTION \#(s)dash_win_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)win_theme l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, -SUM(1)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, -SUM(1)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)win_shout_out l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, -SUM(1)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, -SUM(1)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), -SUM(1)
            FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)win_theme l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, SUM(1)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, SUM(1)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)win_shout_out l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, SUM(1)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, SUM(1)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), SUM(1)
            FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER dash_win_update AFTER UPDATE OF team_id, day, kind, author_id, goal_id, attempt_id ON \#(s)win FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.day IS DISTINCT FROM NEW.day OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.author_id IS DISTINCT FROM NEW.author_id OR OLD.goal_id IS DISTINCT FROM NEW.goal_id OR OLD.attempt_id IS DISTINCT FROM NEW.attempt_id) EXECUTE FUNCTION \#(s)dash_win_update()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_theme_dash_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_theme_dash_insert AFTER INSERT ON \#(s)win_theme REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION \#(s)win_theme_dash_insert()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_theme_dash_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.win_id AS win_id, OLD.theme_id AS theme_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_theme_dash_delete AFTER DELETE ON \#(s)win_theme FOR EACH ROW EXECUTE FUNCTION \#(s)win_theme_dash_delete()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_theme_dash_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.win_id AS win_id, OLD.theme_id AS theme_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.win_id AS win_id, NEW.theme_id AS theme_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_theme_dash_update AFTER UPDATE OF win_id, theme_id ON \#(s)win_theme FOR EACH ROW WHEN (OLD.win_id IS DISTINCT FROM NEW.win_id OR OLD.theme_id IS DISTINCT FROM NEW.theme_id) EXECUTE FUNCTION \#(s)win_theme_dash_update()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_group_dash_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, SUM(1)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_group_dash_insert AFTER INSERT ON \#(s)win_group REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION \#(s)win_group_dash_insert()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_group_dash_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_group_dash_delete AFTER DELETE ON \#(s)win_group FOR EACH ROW EXECUTE FUNCTION \#(s)win_group_dash_delete()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_group_dash_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM (SELECT NEW.win_id AS win_id, NEW.group_id AS group_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, SUM(1)
            FROM (SELECT NEW.win_id AS win_id, NEW.group_id AS group_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_group_dash_update AFTER UPDATE OF win_id, group_id ON \#(s)win_group FOR EACH ROW WHEN (OLD.win_id IS DISTINCT FROM NEW.win_id OR OLD.group_id IS DISTINCT FROM NEW.group_id) EXECUTE FUNCTION \#(s)win_group_dash_update()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_shout_out_dash_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, SUM(1)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_shout_out_dash_insert AFTER INSERT ON \#(s)win_shout_out REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION \#(s)win_shout_out_dash_insert()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_shout_out_dash_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_shout_out_dash_delete AFTER DELETE ON \#(s)win_shout_out FOR EACH ROW EXECUTE FUNCTION \#(s)win_shout_out_dash_delete()
            """#,
            #"""
            CREATE FUNCTION \#(s)win_shout_out_dash_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, SUM(1)
            FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER win_shout_out_dash_update AFTER UPDATE OF win_id, member_id ON \#(s)win_shout_out FOR EACH ROW WHEN (OLD.win_id IS DISTINCT FROM NEW.win_id OR OLD.member_id IS DISTINCT FROM NEW.member_id) EXECUTE FUNCTION \#(s)win_shout_out_dash_update()
            """#,
            #"""
            CREATE FUNCTION \#(s)celebration_dash_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, SUM(1)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, SUM(1)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), SUM(1)
            FROM inserted l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER celebration_dash_insert AFTER INSERT ON \#(s)celebration REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION \#(s)celebration_dash_insert()
            """#,
            #"""
            CREATE FUNCTION \#(s)celebration_dash_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER celebration_dash_delete AFTER DELETE ON \#(s)celebration FOR EACH ROW EXECUTE FUNCTION \#(s)celebration_dash_delete()
            """#,
            #"""
            CREATE FUNCTION \#(s)celebration_dash_update() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), -SUM(1)
            FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, SUM(1)
            FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, SUM(1)
            FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), SUM(1)
            FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, \#(s)win w, \#(s)team_ancestor a
            WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER celebration_dash_update AFTER UPDATE OF win_id, member_id, kind ON \#(s)celebration FOR EACH ROW WHEN (OLD.win_id IS DISTINCT FROM NEW.win_id OR OLD.member_id IS DISTINCT FROM NEW.member_id OR OLD.kind IS DISTINCT FROM NEW.kind) EXECUTE FUNCTION \#(s)celebration_dash_update()
            """#,
            #"""
            CREATE FUNCTION \#(s)team_dash_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)team_ancestor (team_id, own, ancestor_id) VALUES (NEW.id, 0, NEW.id);
            INSERT INTO \#(s)team_ancestor (team_id, own, ancestor_id) VALUES (NEW.id, 1, NEW.id);
            INSERT INTO \#(s)team_ancestor (team_id, own, ancestor_id) SELECT NEW.id, 0, ancestor_id FROM \#(s)team_ancestor WHERE team_id = NEW.parent_id AND own = 0;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER team_dash_insert AFTER INSERT ON \#(s)team FOR EACH ROW EXECUTE FUNCTION \#(s)team_dash_insert()
            """#,
            #"""
            CREATE FUNCTION \#(s)team_dash_move() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_theme l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, -SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), -SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, -SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, -SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_shout_out l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, -SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, -SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), -SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            INSERT INTO \#(s)dash_day (scope_id, own, day, successes, lessons)
            SELECT a.ancestor_id, a.own, w.day, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.day
            ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_author (scope_id, own, month, author_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id
            ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_goal (scope_id, own, month, goal_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id
            ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.attempt_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.attempt_id
            ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_theme (scope_id, own, month, theme_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_theme l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.theme_id
            ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_group (scope_id, own, month, group_id, successes, lessons)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id, SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.group_id
            ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
            INSERT INTO \#(s)dash_equity (scope_id, own, month, goal_id, group_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id, SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_group l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.goal_id, l.group_id
            ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
            INSERT INTO \#(s)dash_shout_out (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id, SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)win_shout_out l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, w.author_id, l.member_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
            INSERT INTO \#(s)dash_celebration (scope_id, own, month, kind, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind, SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.kind
            ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
            INSERT INTO \#(s)dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
            SELECT a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id, SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, date_trunc('month', w.day)::date, l.member_id, w.author_id
            ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
            INSERT INTO \#(s)dash_bright (scope_id, own, win_id, day, n)
            SELECT a.ancestor_id, a.own, w.id, MAX(w.day), SUM(1)
            FROM \#(s)win w, \#(s)team_ancestor d, \#(s)celebration l, \#(s)team_ancestor a
            WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
            GROUP BY a.ancestor_id, a.own, w.id
            ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
            DELETE FROM \#(s)team_ancestor WHERE own = 0
            AND team_id IN (SELECT team_id FROM \#(s)team_ancestor WHERE ancestor_id = NEW.id AND own = 0)
            AND ancestor_id IN (SELECT ancestor_id FROM \#(s)team_ancestor WHERE team_id = OLD.parent_id AND own = 0);
            INSERT INTO \#(s)team_ancestor (team_id, own, ancestor_id)
            SELECT d.team_id, 0, a.ancestor_id FROM \#(s)team_ancestor d, \#(s)team_ancestor a
            WHERE d.ancestor_id = NEW.id AND d.own = 0 AND a.team_id = NEW.parent_id AND a.own = 0;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER team_dash_move AFTER UPDATE OF parent_id ON \#(s)team FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id AND OLD.parent_id IS NOT NULL AND NEW.parent_id IS NOT NULL) EXECUTE FUNCTION \#(s)team_dash_move()
            """#,
            #"""
            CREATE FUNCTION \#(s)team_dash_delete() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
            DELETE FROM \#(s)team_ancestor WHERE team_id = OLD.id;
            DELETE FROM \#(s)dash_day WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_author WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_goal WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_attempt WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_theme WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_group WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_equity WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_shout_out WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_celebration WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_celebration_pair WHERE scope_id = OLD.id;
            DELETE FROM \#(s)dash_bright WHERE scope_id = OLD.id;
            RETURN NULL;
            END
            $$
            """#,
            #"""
            CREATE TRIGGER team_dash_delete AFTER DELETE ON \#(s)team FOR EACH ROW EXECUTE FUNCTION \#(s)team_dash_delete()
            """#,
            #"""
            ALTER TABLE \#(s)team_ancestor ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)team_ancestor FOR SELECT USING (ancestor_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_day ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_day FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_author ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_author FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_goal ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_goal FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_attempt ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_attempt FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_theme ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_theme FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_group ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_group FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_equity ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_equity FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_shout_out ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_shout_out FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_celebration ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_celebration FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_celebration_pair ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_celebration_pair FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            ALTER TABLE \#(s)dash_bright ENABLE ROW LEVEL SECURITY
            """#,
            #"""
            CREATE POLICY smallwins_reader ON \#(s)dash_bright FOR SELECT USING (scope_id IN (SELECT \#(s)smallwins_readable_teams(current_user)))
            """#,
            #"""
            DO $$ DECLARE reader text; BEGIN
            FOR reader IN SELECT DISTINCT role_name FROM \#(s)smallwins_reader WHERE role_name IN (SELECT rolname FROM pg_roles) LOOP
                EXECUTE format('GRANT SELECT ON \#(s)team_ancestor, \#(s)dash_day, \#(s)dash_author, \#(s)dash_goal, \#(s)dash_attempt, \#(s)dash_theme, \#(s)dash_group, \#(s)dash_equity, \#(s)dash_shout_out, \#(s)dash_celebration, \#(s)dash_celebration_pair, \#(s)dash_bright TO %I', reader);
            END LOOP;
            END $$
            """#,
        ]
    }
}
