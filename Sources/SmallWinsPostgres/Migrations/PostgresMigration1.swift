// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 1, as shipped: teams, members, codebooks, goals, the learning agenda, wins, celebrations and
    /// the change log, with native types (`uuid`, `date`, `timestamptz`) and a generated search column.
    static func version1(_ s: String) -> [String] {
        [
            #"""
            CREATE TABLE \#(s)team (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                parent_id uuid REFERENCES \#(s)team(id),
                name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 1000),
                kind text NOT NULL CHECK (kind IN ('district', 'school', 'team')),
                UNIQUE (parent_id, name)
            )
            """#,
            #"""
            CREATE INDEX team_by_tenant ON \#(s)team (tenant_id)
            """#,
            #"""
            CREATE TABLE \#(s)member (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                organization_id uuid NOT NULL REFERENCES \#(s)team(id),
                name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 1000),
                email text
            )
            """#,
            #"""
            CREATE INDEX member_by_organization ON \#(s)member (organization_id)
            """#,
            #"""
            CREATE TABLE \#(s)membership (
                member_id uuid NOT NULL REFERENCES \#(s)member(id),
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                tenant_id uuid NOT NULL,
                role text NOT NULL CHECK (role IN ('lead', 'member', 'coach', 'observer')),
                PRIMARY KEY (member_id, team_id)
            )
            """#,
            #"""
            CREATE INDEX membership_by_team ON \#(s)membership (team_id, member_id)
            """#,
            #"""
            CREATE TABLE \#(s)student_group (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 1000),
                description text,
                UNIQUE (team_id, name)
            )
            """#,
            #"""
            CREATE TABLE \#(s)theme (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 1000),
                description text,
                UNIQUE (team_id, name)
            )
            """#,
            #"""
            CREATE TABLE \#(s)goal (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 2000),
                summary text,
                looks_like text[] NOT NULL DEFAULT '{}',
                sounds_like text[] NOT NULL DEFAULT '{}',
                feels_like text[] NOT NULL DEFAULT '{}',
                start_day date,
                end_day date,
                status text NOT NULL CHECK (status IN ('draft', 'active', 'achieved', 'retired')),
                CHECK (start_day IS NULL OR end_day IS NULL OR start_day <= end_day)
            )
            """#,
            #"""
            CREATE INDEX goal_by_team ON \#(s)goal (team_id)
            """#,
            #"""
            CREATE TABLE \#(s)goal_focus_group (
                goal_id uuid NOT NULL REFERENCES \#(s)goal(id) ON DELETE CASCADE,
                group_id uuid NOT NULL REFERENCES \#(s)student_group(id),
                position integer NOT NULL,
                PRIMARY KEY (goal_id, group_id)
            )
            """#,
            #"""
            CREATE INDEX goal_focus_group_by_group ON \#(s)goal_focus_group (group_id)
            """#,
            #"""
            CREATE TABLE \#(s)learning_question (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                goal_id uuid REFERENCES \#(s)goal(id),
                text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
                status text NOT NULL CHECK (status IN ('open', 'answered')),
                answer text
            )
            """#,
            #"""
            CREATE INDEX learning_question_by_team ON \#(s)learning_question (team_id)
            """#,
            #"""
            CREATE INDEX learning_question_by_goal ON \#(s)learning_question (goal_id)
            """#,
            #"""
            CREATE TABLE \#(s)attempt (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                question_id uuid NOT NULL REFERENCES \#(s)learning_question(id),
                title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 2000),
                description text,
                start_day date,
                status text NOT NULL CHECK (status IN ('planned', 'underway', 'adopted', 'dropped'))
            )
            """#,
            #"""
            CREATE INDEX attempt_by_question ON \#(s)attempt (question_id)
            """#,
            #"""
            CREATE INDEX attempt_by_team ON \#(s)attempt (team_id)
            """#,
            #"""
            CREATE TABLE \#(s)win (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL REFERENCES \#(s)team(id),
                author_id uuid NOT NULL REFERENCES \#(s)member(id),
                kind text NOT NULL CHECK (kind IN ('success', 'lesson')),
                title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 2000),
                story text NOT NULL CHECK (char_length(story) >= 1),
                learned text,
                next text,
                day date NOT NULL,
                goal_id uuid REFERENCES \#(s)goal(id),
                attempt_id uuid REFERENCES \#(s)attempt(id),
                recorded_at timestamptz NOT NULL,
                search_text text NOT NULL,
                search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED,
                CHECK (kind <> 'lesson' OR learned IS NOT NULL)
            )
            """#,
            #"""
            CREATE INDEX win_newest ON \#(s)win (day DESC, id DESC)
            """#,
            #"""
            CREATE INDEX win_facts ON \#(s)win (day) INCLUDE (team_id, kind, author_id, goal_id, attempt_id, id)
            """#,
            #"""
            CREATE INDEX win_by_team ON \#(s)win (team_id, day DESC, id DESC)
            """#,
            #"""
            CREATE INDEX win_by_author ON \#(s)win (author_id, day DESC, id DESC)
            """#,
            #"""
            CREATE INDEX win_by_goal ON \#(s)win (goal_id, day DESC, id DESC)
            """#,
            #"""
            CREATE INDEX win_by_attempt ON \#(s)win (attempt_id, day DESC, id DESC)
            """#,
            #"""
            CREATE INDEX win_search ON \#(s)win USING gin (search)
            """#,
            #"""
            CREATE TABLE \#(s)win_theme (
                win_id uuid NOT NULL REFERENCES \#(s)win(id) ON DELETE CASCADE,
                theme_id uuid NOT NULL REFERENCES \#(s)theme(id),
                position integer NOT NULL,
                PRIMARY KEY (win_id, theme_id)
            )
            """#,
            #"""
            CREATE INDEX win_theme_by_theme ON \#(s)win_theme (theme_id, win_id)
            """#,
            #"""
            CREATE TABLE \#(s)win_group (
                win_id uuid NOT NULL REFERENCES \#(s)win(id) ON DELETE CASCADE,
                group_id uuid NOT NULL REFERENCES \#(s)student_group(id),
                position integer NOT NULL,
                PRIMARY KEY (win_id, group_id)
            )
            """#,
            #"""
            CREATE INDEX win_group_by_group ON \#(s)win_group (group_id, win_id)
            """#,
            #"""
            CREATE TABLE \#(s)win_shout_out (
                win_id uuid NOT NULL REFERENCES \#(s)win(id) ON DELETE CASCADE,
                member_id uuid NOT NULL REFERENCES \#(s)member(id),
                position integer NOT NULL,
                PRIMARY KEY (win_id, member_id)
            )
            """#,
            #"""
            CREATE INDEX win_shout_out_by_member ON \#(s)win_shout_out (member_id, win_id)
            """#,
            #"""
            CREATE TABLE \#(s)celebration (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                win_id uuid NOT NULL REFERENCES \#(s)win(id) ON DELETE CASCADE,
                member_id uuid NOT NULL REFERENCES \#(s)member(id),
                kind text NOT NULL CHECK (kind IN ('confetti', 'applause', 'thanks', 'shoutOut')),
                message text,
                at timestamptz NOT NULL
            )
            """#,
            #"""
            CREATE INDEX celebration_by_win ON \#(s)celebration (win_id, at, id)
            """#,
            #"""
            CREATE INDEX celebration_by_member ON \#(s)celebration (member_id)
            """#,
            #"""
            CREATE TABLE \#(s)change_log (
                seq bigserial PRIMARY KEY,
                tenant_id uuid NOT NULL,
                team_id uuid NOT NULL,
                entity text NOT NULL,
                action text NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
                entity_id uuid NOT NULL,
                at timestamptz NOT NULL
            )
            """#,
        ]
    }
}
