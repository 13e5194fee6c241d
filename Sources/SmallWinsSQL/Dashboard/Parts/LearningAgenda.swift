import Foundation
import SmallWins

/// The learning questions of the scope's lineage.
enum QuestionsPart: DashboardPart {
    struct Row: DashboardRow {
        let id: LearningQuestion.ID
        let text: String
        let status: LearningQuestion.Status
        let goal: Goal.ID?
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.directory()
        s.append("SELECT q.id AS id, q.text AS text, q.status AS status, q.goal_id AS goal FROM \(sql.table("learning_question")) q")
        s.append(" WHERE q.team_id IN (SELECT id FROM lineage)")
        sql.inTenant(&s, "q")
        return s
    }
}

/// The attempts of the scope's lineage.
enum AttemptsPart: DashboardPart {
    struct Row: DashboardRow {
        let id: Attempt.ID
        let question: LearningQuestion.ID
        let title: String
        let status: Attempt.Status
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.directory()
        s.append("SELECT a.id AS id, a.question_id AS question, a.title AS title, a.status AS status FROM \(sql.table("attempt")) a")
        s.append(" WHERE a.team_id IN (SELECT id FROM lineage)")
        sql.inTenant(&s, "a")
        return s
    }
}

/// Successes and lessons by attempt.
enum AttemptCountsPart: CountingPart {
    typealias Row = KindCounts<Attempt>
    static func direct(_ sql: DashboardSQL) -> SQLStatement { sql.countsByColumn("w.attempt_id") }
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement { sql.counts("dash_attempt", key: "attempt_id") }
}

/// The five newest counted wins of each attempt, numbered newest first.
enum AttemptWinsPart: CountingPart {
    struct Row: DashboardRow {
        let id: Attempt.ID
        let win: Win.ID
        /// 1 for the attempt's newest win.
        let place: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        s.append("""
            SELECT ranked.attempt_id AS id, ranked.win_id AS win, ranked.place AS place FROM (
                SELECT w.attempt_id, w.id AS win_id,
                ROW_NUMBER() OVER (PARTITION BY w.attempt_id ORDER BY w.day DESC, w.id DESC) AS place
                FROM selected w
            """)
        sql.keepCells(&s, of: "selected w", by: ["w.attempt_id"])
        s.append(" WHERE w.attempt_id IS NOT NULL) ranked WHERE ranked.place <= 5")
        return s
    }

    /// Attempt by attempt through the index on (attempt, day, id): a LATERAL join where the engine has one,
    /// else an IN list per attempt.
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        let lateral = sql.dialect.supportsLateralJoins
        s.append("""
            SELECT latest.attempt_id AS id, latest.win_id AS win,
            ROW_NUMBER() OVER (PARTITION BY latest.attempt_id ORDER BY latest.day DESC, latest.win_id DESC) AS place FROM (
                SELECT a.id AS attempt_id, w.id AS win_id, w.day AS day FROM \(sql.table("attempt")) a
            """)
        s.append(lateral ? " CROSS JOIN LATERAL (SELECT x.id, x.day" : ", \(sql.table("win")) w WHERE w.id IN (SELECT x.id")
        s.append(" FROM \(sql.table("win")) x WHERE x.attempt_id = a.id AND x.tenant_id = a.tenant_id AND x.day >= ")
        s.bind(.day(sql.counted.first))
        s.append(" AND x.day <= ")
        s.bind(.day(sql.counted.last))
        sql.inTenant(&s, "x")
        if let scope = sql.scope {
            s.append(" AND x.team_id IN (SELECT d.team_id FROM \(sql.table("team_ancestor")) d WHERE d.own = 0 AND d.ancestor_id = ")
            s.bind(.id(scope.uuid))
            sql.inTenant(&s, "d")
            s.append(")")
        }
        s.append(" ORDER BY x.day DESC, x.id DESC LIMIT 5)\(lateral ? " w WHERE 1 = 1" : "")")
        sql.inTenant(&s, "a")
        if !lateral { sql.inTenant(&s, "w") }
        s.append(") latest")
        return s
    }
}

extension DashboardRows {
    /// The learning agenda: each question of the lineage with its attempts, their counts and newest wins.
    func learningAgenda() throws -> [Dashboard.AgendaQuestion] {
        let counts = try kindCounts(AttemptCountsPart.self)
        var latest: [Attempt.ID: [AttemptWinsPart.Row]] = [:]
        for row in try rows(AttemptWinsPart.self) { latest[row.id, default: []].append(row) }
        var byQuestion: [LearningQuestion.ID: [Dashboard.AgendaAttempt]] = [:]
        for row in try rows(AttemptsPart.self) {
            byQuestion[row.question, default: []].append(Dashboard.AgendaAttempt(
                attempt: row.id, title: row.title, status: row.status,
                successes: counts[row.id]?.successes ?? 0, lessons: counts[row.id]?.lessons ?? 0,
                latestWins: (latest[row.id] ?? []).sorted { $0.place < $1.place }.map(\.win)))
        }
        return try rows(QuestionsPart.self).map { row in
            Dashboard.AgendaQuestion(
                question: row.id, text: row.text, status: row.status, goal: row.goal,
                attempts: (byQuestion[row.id] ?? []).sorted { byText($0.title, $0.attempt, $1.title, $1.attempt) })
        }.sorted { byText($0.text, $0.question, $1.text, $1.question) }
    }
}
