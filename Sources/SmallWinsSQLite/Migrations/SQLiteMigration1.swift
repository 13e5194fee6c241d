// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 1, as shipped: teams, members, codebooks, goals, the learning agenda, wins, celebrations, the
    /// change log and the full-text index, run as one script.
    static let version1 = """
    CREATE TABLE team (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        parent_id TEXT REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
        kind TEXT NOT NULL CHECK (kind IN ('district', 'school', 'team')),
        UNIQUE (parent_id, name)
    );
    CREATE INDEX team_by_tenant ON team(tenant_id);

    CREATE TABLE member (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        organization_id TEXT NOT NULL REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
        email TEXT
    );
    CREATE INDEX member_by_organization ON member(organization_id);

    CREATE TABLE membership (
        member_id TEXT NOT NULL REFERENCES member(id),
        team_id TEXT NOT NULL REFERENCES team(id),
        tenant_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('lead', 'member', 'coach', 'observer')),
        PRIMARY KEY (member_id, team_id)
    ) WITHOUT ROWID;
    CREATE INDEX membership_by_team ON membership(team_id, member_id);

    CREATE TABLE student_group (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
        description TEXT,
        UNIQUE (team_id, name)
    );

    CREATE TABLE theme (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES team(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
        description TEXT,
        UNIQUE (team_id, name)
    );

    CREATE TABLE goal (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES team(id),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
        summary TEXT,
        looks_like TEXT NOT NULL DEFAULT '[]',
        sounds_like TEXT NOT NULL DEFAULT '[]',
        feels_like TEXT NOT NULL DEFAULT '[]',
        start_day TEXT,
        end_day TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'active', 'achieved', 'retired')),
        CHECK (start_day IS NULL OR end_day IS NULL OR start_day <= end_day)
    );
    CREATE INDEX goal_by_team ON goal(team_id);

    CREATE TABLE goal_focus_group (
        goal_id TEXT NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES student_group(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (goal_id, group_id)
    ) WITHOUT ROWID;
    CREATE INDEX goal_focus_group_by_group ON goal_focus_group(group_id);

    CREATE TABLE learning_question (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES team(id),
        goal_id TEXT REFERENCES goal(id),
        text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
        status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
        answer TEXT
    );
    CREATE INDEX learning_question_by_team ON learning_question(team_id);
    CREATE INDEX learning_question_by_goal ON learning_question(goal_id);

    CREATE TABLE attempt (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES team(id),
        question_id TEXT NOT NULL REFERENCES learning_question(id),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
        description TEXT,
        start_day TEXT,
        status TEXT NOT NULL CHECK (status IN ('planned', 'underway', 'adopted', 'dropped'))
    );
    CREATE INDEX attempt_by_question ON attempt(question_id);
    CREATE INDEX attempt_by_team ON attempt(team_id);

    CREATE TABLE win (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL REFERENCES team(id),
        author_id TEXT NOT NULL REFERENCES member(id),
        kind TEXT NOT NULL CHECK (kind IN ('success', 'lesson')),
        title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
        story TEXT NOT NULL CHECK (length(story) >= 1),
        learned TEXT,
        next TEXT,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        goal_id TEXT REFERENCES goal(id),
        attempt_id TEXT REFERENCES attempt(id),
        recorded_at TEXT NOT NULL,
        CHECK (kind <> 'lesson' OR learned IS NOT NULL)
    );
    CREATE INDEX win_newest ON win(day DESC, id DESC);
    CREATE INDEX win_facts ON win(day, team_id, kind, author_id, goal_id, attempt_id, id);
    CREATE INDEX win_by_team ON win(team_id, day DESC, id DESC);
    CREATE INDEX win_by_author ON win(author_id, day DESC, id DESC);
    CREATE INDEX win_by_goal ON win(goal_id, day DESC, id DESC);
    CREATE INDEX win_by_attempt ON win(attempt_id, day DESC, id DESC);

    CREATE TABLE win_theme (
        win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE,
        theme_id TEXT NOT NULL REFERENCES theme(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (win_id, theme_id)
    ) WITHOUT ROWID;
    CREATE INDEX win_theme_by_theme ON win_theme(theme_id, win_id);

    CREATE TABLE win_group (
        win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL REFERENCES student_group(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (win_id, group_id)
    ) WITHOUT ROWID;
    CREATE INDEX win_group_by_group ON win_group(group_id, win_id);

    CREATE TABLE win_shout_out (
        win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES member(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (win_id, member_id)
    ) WITHOUT ROWID;
    CREATE INDEX win_shout_out_by_member ON win_shout_out(member_id, win_id);

    CREATE TABLE celebration (
        id TEXT PRIMARY KEY NOT NULL,
        tenant_id TEXT NOT NULL,
        win_id TEXT NOT NULL REFERENCES win(id) ON DELETE CASCADE,
        member_id TEXT NOT NULL REFERENCES member(id),
        kind TEXT NOT NULL CHECK (kind IN ('confetti', 'applause', 'thanks', 'shoutOut')),
        message TEXT,
        at TEXT NOT NULL
    );
    CREATE INDEX celebration_by_win ON celebration(win_id, at, id);
    CREATE INDEX celebration_by_member ON celebration(member_id);

    CREATE VIRTUAL TABLE win_search USING fts5(
        title, story, content='win', content_rowid='seq', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER win_search_insert AFTER INSERT ON win BEGIN
        INSERT INTO win_search(rowid, title, story) VALUES (new.seq, new.title, new.story);
    END;
    CREATE TRIGGER win_search_delete AFTER DELETE ON win BEGIN
        INSERT INTO win_search(win_search, rowid, title, story) VALUES ('delete', old.seq, old.title, old.story);
    END;
    CREATE TRIGGER win_search_update AFTER UPDATE OF title, story ON win BEGIN
        INSERT INTO win_search(win_search, rowid, title, story) VALUES ('delete', old.seq, old.title, old.story);
        INSERT INTO win_search(rowid, title, story) VALUES (new.seq, new.title, new.story);
    END;

    CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        team_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
        entity_id TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """
}
