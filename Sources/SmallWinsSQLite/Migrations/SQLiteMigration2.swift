// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 2, as shipped: the dashboard's maintained aggregates (read by the dashboard parts through `AggregateSQL`): the
    /// closure table `team_ancestor`, the `dash_*` tables filled from the data already stored, and the triggers
    /// that keep them exact in every write's transaction.
    static let version2 = [
        #"""
        CREATE TABLE team_ancestor (
            team_id TEXT NOT NULL, own INTEGER NOT NULL, ancestor_id TEXT NOT NULL,
            PRIMARY KEY (team_id, own, ancestor_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE INDEX team_ancestor_below ON team_ancestor (ancestor_id, own, team_id)
        """#,
        #"""
        CREATE TABLE dash_day (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, day TEXT NOT NULL, successes INTEGER NOT NULL, lessons INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, day)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_author (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, author_id TEXT NOT NULL, successes INTEGER NOT NULL, lessons INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, author_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_goal (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, goal_id TEXT NOT NULL, successes INTEGER NOT NULL, lessons INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, goal_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_attempt (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, attempt_id TEXT NOT NULL, successes INTEGER NOT NULL, lessons INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, attempt_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_theme (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, theme_id TEXT NOT NULL, successes INTEGER NOT NULL, lessons INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, theme_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_group (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, group_id TEXT NOT NULL, successes INTEGER NOT NULL, lessons INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, group_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_equity (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, goal_id TEXT NOT NULL, group_id TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, goal_id, group_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_shout_out (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, from_id, to_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_celebration (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, kind TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, kind)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_celebration_pair (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, month TEXT NOT NULL, from_id TEXT NOT NULL, to_id TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, month, from_id, to_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE TABLE dash_bright (
            scope_id TEXT NOT NULL, own INTEGER NOT NULL, win_id TEXT NOT NULL, day TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (scope_id, own, win_id)
        ) WITHOUT ROWID
        """#,
        #"""
        CREATE INDEX dash_bright_order ON dash_bright (scope_id, own, n, day, win_id)
        """#,
        #"""
        INSERT INTO team_ancestor (team_id, own, ancestor_id)
        WITH RECURSIVE up(team_id, ancestor_id) AS (
            SELECT id, id FROM team
            UNION ALL SELECT up.team_id, t.parent_id FROM up JOIN team t ON t.id = up.ancestor_id WHERE t.parent_id IS NOT NULL
        ) SELECT team_id, 0, ancestor_id FROM up
        """#,
        #"""
        INSERT INTO team_ancestor (team_id, own, ancestor_id) SELECT id, 1, id FROM team
        """#,
        #"""
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons
        """#,
        #"""
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons
        """#,
        #"""
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons
        """#,
        #"""
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons
        """#,
        #"""
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, win_theme l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons
        """#,
        #"""
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, win_group l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons
        """#,
        #"""
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, 1
        FROM win w, win_group l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n
        """#,
        #"""
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, 1
        FROM win w, win_shout_out l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n
        """#,
        #"""
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, 1
        FROM win w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n
        """#,
        #"""
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, 1
        FROM win w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n
        """#,
        #"""
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, 1
        FROM win w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day
        """#,
        #"""
        CREATE TRIGGER dash_win_insert AFTER INSERT ON win FOR EACH ROW BEGIN
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
        END
        """#,
        #"""
        CREATE TRIGGER dash_win_delete BEFORE DELETE ON win FOR EACH ROW BEGIN
        DELETE FROM win_theme WHERE win_id = OLD.id;
        DELETE FROM win_group WHERE win_id = OLD.id;
        DELETE FROM win_shout_out WHERE win_id = OLD.id;
        DELETE FROM celebration WHERE win_id = OLD.id;
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
        END
        """#,
        #"""
        CREATE TRIGGER dash_win_update AFTER UPDATE OF team_id, day, kind, author_id, goal_id, attempt_id ON win FOR EACH ROW WHEN OLD.team_id IS NOT NEW.team_id OR OLD.day IS NOT NEW.day OR OLD.kind IS NOT NEW.kind OR OLD.author_id IS NOT NEW.author_id OR OLD.goal_id IS NOT NEW.goal_id OR OLD.attempt_id IS NOT NEW.attempt_id BEGIN
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, win_theme l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, win_group l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, -1
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, win_group l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, -1
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, win_shout_out l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, -1
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, -1
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, -1
        FROM (SELECT OLD.id AS id, OLD.team_id AS team_id, OLD.author_id AS author_id, OLD.kind AS kind, OLD.day AS day, OLD.goal_id AS goal_id, OLD.attempt_id AS attempt_id) w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, team_ancestor a
        WHERE a.team_id = w.team_id AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, win_theme l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, win_group l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, 1
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, win_group l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, 1
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, win_shout_out l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, 1
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, 1
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, 1
        FROM (SELECT NEW.id AS id, NEW.team_id AS team_id, NEW.author_id AS author_id, NEW.kind AS kind, NEW.day AS day, NEW.goal_id AS goal_id, NEW.attempt_id AS attempt_id) w, celebration l, team_ancestor a
        WHERE a.team_id = w.team_id AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        END
        """#,
        #"""
        CREATE TRIGGER win_theme_dash_insert AFTER INSERT ON win_theme FOR EACH ROW BEGIN
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.win_id AS win_id, NEW.theme_id AS theme_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        END
        """#,
        #"""
        CREATE TRIGGER win_theme_dash_delete AFTER DELETE ON win_theme FOR EACH ROW BEGIN
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.win_id AS win_id, OLD.theme_id AS theme_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        END
        """#,
        #"""
        CREATE TRIGGER win_theme_dash_update AFTER UPDATE OF win_id, theme_id ON win_theme FOR EACH ROW WHEN OLD.win_id IS NOT NEW.win_id OR OLD.theme_id IS NOT NEW.theme_id BEGIN
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.win_id AS win_id, OLD.theme_id AS theme_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.win_id AS win_id, NEW.theme_id AS theme_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        END
        """#,
        #"""
        CREATE TRIGGER win_group_dash_insert AFTER INSERT ON win_group FOR EACH ROW BEGIN
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.win_id AS win_id, NEW.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        END
        """#,
        #"""
        CREATE TRIGGER win_group_dash_delete AFTER DELETE ON win_group FOR EACH ROW BEGIN
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        END
        """#,
        #"""
        CREATE TRIGGER win_group_dash_update AFTER UPDATE OF win_id, group_id ON win_group FOR EACH ROW WHEN OLD.win_id IS NOT NEW.win_id OR OLD.group_id IS NOT NEW.group_id BEGIN
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM (SELECT NEW.win_id AS win_id, NEW.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.group_id AS group_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        END
        """#,
        #"""
        CREATE TRIGGER win_shout_out_dash_insert AFTER INSERT ON win_shout_out FOR EACH ROW BEGIN
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        END
        """#,
        #"""
        CREATE TRIGGER win_shout_out_dash_delete AFTER DELETE ON win_shout_out FOR EACH ROW BEGIN
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        END
        """#,
        #"""
        CREATE TRIGGER win_shout_out_dash_update AFTER UPDATE OF win_id, member_id ON win_shout_out FOR EACH ROW WHEN OLD.win_id IS NOT NEW.win_id OR OLD.member_id IS NOT NEW.member_id BEGIN
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        END
        """#,
        #"""
        CREATE TRIGGER celebration_dash_insert AFTER INSERT ON celebration FOR EACH ROW BEGIN
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        END
        """#,
        #"""
        CREATE TRIGGER celebration_dash_delete AFTER DELETE ON celebration FOR EACH ROW BEGIN
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        END
        """#,
        #"""
        CREATE TRIGGER celebration_dash_update AFTER UPDATE OF win_id, member_id, kind ON celebration FOR EACH ROW WHEN OLD.win_id IS NOT NEW.win_id OR OLD.member_id IS NOT NEW.member_id OR OLD.kind IS NOT NEW.kind BEGIN
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, -1
        FROM (SELECT OLD.win_id AS win_id, OLD.member_id AS member_id, OLD.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, 1
        FROM (SELECT NEW.win_id AS win_id, NEW.member_id AS member_id, NEW.kind AS kind) l, win w, team_ancestor a
        WHERE a.team_id = w.team_id AND w.id = l.win_id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        END
        """#,
        #"""
        CREATE TRIGGER team_dash_insert AFTER INSERT ON team FOR EACH ROW BEGIN
        INSERT INTO team_ancestor (team_id, own, ancestor_id) VALUES (NEW.id, 0, NEW.id);
        INSERT INTO team_ancestor (team_id, own, ancestor_id) VALUES (NEW.id, 1, NEW.id);
        INSERT INTO team_ancestor (team_id, own, ancestor_id) SELECT NEW.id, 0, ancestor_id FROM team_ancestor WHERE team_id = NEW.parent_id AND own = 0;
        END
        """#,
        #"""
        CREATE TRIGGER team_dash_move AFTER UPDATE OF parent_id ON team FOR EACH ROW WHEN OLD.parent_id IS NOT NEW.parent_id AND OLD.parent_id IS NOT NULL AND NEW.parent_id IS NOT NULL BEGIN
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, win_theme l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, -CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, -CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, win_group l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, -1
        FROM win w, team_ancestor d, win_group l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, -1
        FROM win w, team_ancestor d, win_shout_out l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, -1
        FROM win w, team_ancestor d, celebration l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, -1
        FROM win w, team_ancestor d, celebration l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, -1
        FROM win w, team_ancestor d, celebration l, team_ancestor a
        WHERE a.team_id = OLD.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        INSERT INTO dash_day (scope_id, own, day, successes, lessons)
        SELECT a.ancestor_id, a.own, w.day, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
        ON CONFLICT (scope_id, own, day) DO UPDATE SET successes = dash_day.successes + excluded.successes, lessons = dash_day.lessons + excluded.lessons;
        INSERT INTO dash_author (scope_id, own, month, author_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0
        ON CONFLICT (scope_id, own, month, author_id) DO UPDATE SET successes = dash_author.successes + excluded.successes, lessons = dash_author.lessons + excluded.lessons;
        INSERT INTO dash_goal (scope_id, own, month, goal_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id) DO UPDATE SET successes = dash_goal.successes + excluded.successes, lessons = dash_goal.lessons + excluded.lessons;
        INSERT INTO dash_attempt (scope_id, own, month, attempt_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.attempt_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND a.own = 0 AND w.attempt_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, attempt_id) DO UPDATE SET successes = dash_attempt.successes + excluded.successes, lessons = dash_attempt.lessons + excluded.lessons;
        INSERT INTO dash_theme (scope_id, own, month, theme_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.theme_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, win_theme l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, theme_id) DO UPDATE SET successes = dash_theme.successes + excluded.successes, lessons = dash_theme.lessons + excluded.lessons;
        INSERT INTO dash_group (scope_id, own, month, group_id, successes, lessons)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.group_id, CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END, CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END
        FROM win w, team_ancestor d, win_group l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, group_id) DO UPDATE SET successes = dash_group.successes + excluded.successes, lessons = dash_group.lessons + excluded.lessons;
        INSERT INTO dash_equity (scope_id, own, month, goal_id, group_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.goal_id, l.group_id, 1
        FROM win w, team_ancestor d, win_group l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0 AND w.goal_id IS NOT NULL
        ON CONFLICT (scope_id, own, month, goal_id, group_id) DO UPDATE SET n = dash_equity.n + excluded.n;
        INSERT INTO dash_shout_out (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', w.author_id, l.member_id, 1
        FROM win w, team_ancestor d, win_shout_out l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_shout_out.n + excluded.n;
        INSERT INTO dash_celebration (scope_id, own, month, kind, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.kind, 1
        FROM win w, team_ancestor d, celebration l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, kind) DO UPDATE SET n = dash_celebration.n + excluded.n;
        INSERT INTO dash_celebration_pair (scope_id, own, month, from_id, to_id, n)
        SELECT a.ancestor_id, a.own, substr(w.day, 1, 7) || '-01', l.member_id, w.author_id, 1
        FROM win w, team_ancestor d, celebration l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, month, from_id, to_id) DO UPDATE SET n = dash_celebration_pair.n + excluded.n;
        INSERT INTO dash_bright (scope_id, own, win_id, day, n)
        SELECT a.ancestor_id, a.own, w.id, w.day, 1
        FROM win w, team_ancestor d, celebration l, team_ancestor a
        WHERE a.team_id = NEW.parent_id AND d.team_id = w.team_id AND d.ancestor_id = NEW.id AND d.own = 0 AND l.win_id = w.id AND a.own = 0
        ON CONFLICT (scope_id, own, win_id) DO UPDATE SET n = dash_bright.n + excluded.n, day = excluded.day;
        DELETE FROM team_ancestor WHERE own = 0
        AND team_id IN (SELECT team_id FROM team_ancestor WHERE ancestor_id = NEW.id AND own = 0)
        AND ancestor_id IN (SELECT ancestor_id FROM team_ancestor WHERE team_id = OLD.parent_id AND own = 0);
        INSERT INTO team_ancestor (team_id, own, ancestor_id)
        SELECT d.team_id, 0, a.ancestor_id FROM team_ancestor d, team_ancestor a
        WHERE d.ancestor_id = NEW.id AND d.own = 0 AND a.team_id = NEW.parent_id AND a.own = 0;
        END
        """#,
        #"""
        CREATE TRIGGER team_dash_delete AFTER DELETE ON team FOR EACH ROW BEGIN
        DELETE FROM team_ancestor WHERE team_id = OLD.id;
        DELETE FROM dash_day WHERE scope_id = OLD.id;
        DELETE FROM dash_author WHERE scope_id = OLD.id;
        DELETE FROM dash_goal WHERE scope_id = OLD.id;
        DELETE FROM dash_attempt WHERE scope_id = OLD.id;
        DELETE FROM dash_theme WHERE scope_id = OLD.id;
        DELETE FROM dash_group WHERE scope_id = OLD.id;
        DELETE FROM dash_equity WHERE scope_id = OLD.id;
        DELETE FROM dash_shout_out WHERE scope_id = OLD.id;
        DELETE FROM dash_celebration WHERE scope_id = OLD.id;
        DELETE FROM dash_celebration_pair WHERE scope_id = OLD.id;
        DELETE FROM dash_bright WHERE scope_id = OLD.id;
        END
        """#,
    ]
}
