import Foundation
import SmallWins

/// The lines of the roll-up: the scope and its child teams, or the top teams of the installation.
enum ChildTeamsPart: DashboardPart {
    typealias Row = Named<Team>

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.directory()
        s.append("SELECT t.id AS id, t.name AS name FROM \(sql.table("team")) t WHERE ")
        if let scope = sql.scope {
            s.append("(t.parent_id = ")
            s.bind(.id(scope.uuid))
            s.append(" OR t.id = ")
            s.bind(.id(scope.uuid))
            s.append(")")
        } else {
            s.append(sql.aggregated ? "t.id IN (\(sql.topScopes))" : "t.parent_id IS NULL")
        }
        sql.inTenant(&s, "t")
        return s
    }
}

/// Successes, lessons and contributors by line of the roll-up.
enum TeamCountsPart: CountingPart {
    struct Row: DashboardRow {
        let id: Team.ID
        let successes: Int
        let lessons: Int
        let contributors: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        sql.rollUp(&s)
        s.append("""
            SELECT COALESCE(roll.top, w.team_id) AS id, \(DashboardSQL.successes) AS successes, \(DashboardSQL.lessons) AS lessons,
            COUNT(DISTINCT w.author_id) AS contributors
            FROM selected w LEFT JOIN roll ON roll.id = w.team_id GROUP BY 1
            """)
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT d.id AS id, d.successes AS successes, d.lessons AS lessons, COALESCE(c.n, 0) AS contributors FROM ")
        s.append("(SELECT x.scope_id AS id, \(AggregateSQL.byKind) FROM ")
        sql.rolledUp(&s, "dash_day", .days)
        s.append(" GROUP BY x.scope_id HAVING \(AggregateSQL.wins) > 0) d LEFT JOIN (SELECT p.id AS id, COUNT(*) AS n FROM ")
        s.append("(SELECT x.scope_id AS id, x.author_id AS author FROM ")
        sql.rolledUp(&s, "dash_author", .months)
        s.append(" GROUP BY x.scope_id, x.author_id HAVING \(AggregateSQL.wins) > 0) p GROUP BY p.id) c ON c.id = d.id")
        return s
    }
}

/// Celebrations by line of the roll-up.
enum TeamCelebrationsPart: CountingPart {
    struct Row: DashboardRow {
        let id: Team.ID
        let n: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        sql.rollUp(&s)
        s.append("SELECT COALESCE(roll.top, w.team_id) AS id, COUNT(*) AS n FROM ")
        s.append(sql.countedWins(joining: "celebration", as: "c"))
        s.append(" LEFT JOIN roll ON roll.id = w.team_id GROUP BY 1")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT x.scope_id AS id, SUM(x.n) AS n FROM ")
        sql.rolledUp(&s, "dash_celebration", .months)
        s.append(" GROUP BY x.scope_id")
        return s
    }
}

extension DashboardRows {
    /// The roll-up: the scope's own line first, then each child team by name, with or without wins.
    func byTeam() throws -> [Dashboard.TeamCount] {
        let teamNames = try names(ChildTeamsPart.self)
        var celebrations: [Team.ID: Int] = [:]
        for row in try rows(TeamCelebrationsPart.self) { celebrations[row.id] = row.n }
        var byTeam: [Dashboard.TeamCount] = []
        var counted = Set<Team.ID>()
        for row in try rows(TeamCountsPart.self) {
            counted.insert(row.id)
            byTeam.append(Dashboard.TeamCount(
                team: row.id, name: teamNames[row.id] ?? row.id.description, successes: row.successes,
                lessons: row.lessons, celebrations: celebrations[row.id] ?? 0, contributors: row.contributors))
        }
        for (team, name) in teamNames where !counted.contains(team) && team != scope {
            byTeam.append(Dashboard.TeamCount(team: team, name: name, successes: 0, lessons: 0, celebrations: 0, contributors: 0))
        }
        return byTeam.sorted { (lhs, rhs) in
            if (lhs.team == scope) != (rhs.team == scope) { return lhs.team == scope }
            return byText(lhs.name, lhs.team, rhs.name, rhs.team)
        }
    }
}
