import Foundation
import SmallWins

/// The maintained aggregates, which the migrations create (SQLite's 2, PostgreSQL's 3) with triggers that keep
/// them exact in the same transaction as every write.
///
/// Every count is kept for each *scope*: each team and each of its ancestors, through the closure table
/// `team_ancestor(team_id, ancestor_id, own)`. A row with `own = 0` counts the scope's whole subtree; a
/// row with `own = 1` counts only wins recorded on that team itself (the roll-up's "this team" line).
/// So a district dashboard reads a handful of district rows instead of every win. The timeline is kept per
/// day (`dash_day`); counts by author, goal, attempt, theme, group, goal and group, shout-out pair,
/// celebration kind and celebration pair per month (`dash_author`, …, `dash_celebration_pair`); celebrations
/// per win for the bright spots (`dash_bright`). A subtraction can leave a row at zero; readers skip those.
extension DashboardPlan.Builder {
    /// The part read from the maintained aggregates, with the same columns as the statement that counts the
    /// wins directly, so one assembly serves both.
    func aggregateStatement(for part: DashboardPlan.Part, counted: Period) -> SQLStatement {
        var s = SQLStatement(dialect: dialect)
        let t = dialect.table
        let month = (first: counted.first, last: Period.month(containing: counted.last).first)
        /// `alias` counts the scope's subtree.
        func inScope(_ alias: String) {
            s.append("\(alias).own = 0 AND ")
            if let scope {
                s.append("\(alias).scope_id = ")
                s.bind(.id(scope.uuid))
            } else {
                s.append("\(alias).scope_id IN (\(topScopes))")
            }
        }
        /// `alias` counts the scope's subtree on the counted days (or months).
        func scoped(_ alias: String, _ time: Time) {
            inScope(alias)
            during(alias, time)
        }
        /// The rows of `table` for the lines of the roll-up (each child team's subtree, and the scope's own wins), as
        /// `x`, on the counted days (or months). Two index ranges joined with UNION ALL: an OR of the two
        /// conditions made PostgreSQL read the whole table, and a row-value list made SQLite do so.
        func rolledUp(_ table: String, _ time: Time) {
            if let scope {
                s.append("(SELECT * FROM \(t(table)) WHERE own = 0 AND scope_id IN (SELECT id FROM \(t("team")) WHERE parent_id = ")
                s.bind(.id(scope.uuid))
                s.append(") UNION ALL SELECT * FROM \(t(table)) WHERE own = 1 AND scope_id = ")
                s.bind(.id(scope.uuid))
                s.append(") x WHERE 1 = 1")
            } else {
                s.append("\(t(table)) x WHERE x.own = 0 AND x.scope_id IN (\(topScopes))")
            }
            during("x", time)
        }
        func during(_ alias: String, _ time: Time) {
            let (column, first, last) = time == .days ? ("day", counted.first, counted.last) : ("month", month.first, month.last)
            s.append(" AND \(alias).\(column) >= ")
            s.bind(.day(first))
            s.append(" AND \(alias).\(column) <= ")
            s.bind(.day(last))
        }
        let wins = "SUM(x.successes + x.lessons)"
        let byKind = "SUM(x.successes) AS successes, SUM(x.lessons) AS lessons"
        func counts(_ table: String, key: String) {
            s.append("SELECT x.\(key) AS id, \(byKind) FROM \(t(table)) x WHERE ")
            scoped("x", .months)
            s.append(" GROUP BY x.\(key)")
        }
        /// Members' wins in the scope: `per(id, n)`.
        func perMember() {
            s.append("(SELECT x.author_id AS id, \(wins) AS n FROM \(t("dash_author")) x WHERE ")
            scoped("x", .months)
            s.append(" GROUP BY x.author_id HAVING \(wins) > 0) per")
        }
        func pairs(_ table: String) {
            let names = query.includeNames
            s.append("SELECT p.from_id AS from_id, p.to_id AS to_id, p.n AS n\(names ? ", mf.name AS from_name, mt.name AS to_name" : "") FROM ")
            s.append("(SELECT x.from_id AS from_id, x.to_id AS to_id, SUM(x.n) AS n FROM \(t(table)) x WHERE ")
            scoped("x", .months)
            s.append(" GROUP BY x.from_id, x.to_id HAVING SUM(x.n) > 0) p")
            if names { s.append(" JOIN \(t("member")) mf ON mf.id = p.from_id JOIN \(t("member")) mt ON mt.id = p.to_id") }
        }

        switch part {
        case .totals:
            s.append("SELECT \(wins) AS wins, SUM(x.successes) AS successes, (SELECT COUNT(*) FROM ")
            perMember()
            s.append(") AS contributors FROM \(t("dash_day")) x WHERE ")
            scoped("x", .days)
        case .celebrationKinds:
            s.append("SELECT x.kind AS kind, SUM(x.n) AS n FROM \(t("dash_celebration")) x WHERE ")
            scoped("x", .months)
            s.append(" GROUP BY x.kind")
        case .timeline:
            s.append("SELECT \(dialect.bucketStart(query.bucket, "x.day")) AS bucket, \(byKind) FROM \(t("dash_day")) x WHERE ")
            scoped("x", .days)
            s.append(" GROUP BY 1")
        case .goalCounts: counts("dash_goal", key: "goal_id")
        case .themeCounts: counts("dash_theme", key: "theme_id")
        case .groupCounts: counts("dash_group", key: "group_id")
        case .attemptCounts: counts("dash_attempt", key: "attempt_id")
        case .equityCounts:
            s.append("SELECT x.goal_id AS goal, x.group_id AS grp, SUM(x.n) AS n FROM \(t("dash_equity")) x WHERE ")
            scoped("x", .months)
            s.append(" GROUP BY x.goal_id, x.group_id")
        case .teamCounts:
            s.append("SELECT d.id AS id, d.successes AS successes, d.lessons AS lessons, COALESCE(c.n, 0) AS contributors FROM ")
            s.append("(SELECT x.scope_id AS id, \(byKind) FROM ")
            rolledUp("dash_day", .days)
            s.append(" GROUP BY x.scope_id HAVING \(wins) > 0) d LEFT JOIN (SELECT p.id AS id, COUNT(*) AS n FROM ")
            s.append("(SELECT x.scope_id AS id, x.author_id AS author FROM ")
            rolledUp("dash_author", .months)
            s.append(" GROUP BY x.scope_id, x.author_id HAVING \(wins) > 0) p GROUP BY p.id) c ON c.id = d.id")
        case .teamCelebrations:
            s.append("SELECT x.scope_id AS id, SUM(x.n) AS n FROM ")
            rolledUp("dash_celebration", .months)
            s.append(" GROUP BY x.scope_id")
        case .participation:
            s.append("SELECT per.n AS wins, COUNT(*) AS members FROM ")
            perMember()
            s.append(" GROUP BY per.n")
        case .memberWins:
            guard query.includeNames else {
                s.append("SELECT 1 AS n WHERE 1 = 0")
                break
            }
            s.append("SELECT per.id AS id, m.name AS name, per.n AS n FROM ")
            perMember()
            s.append(" JOIN \(t("member")) m ON m.id = per.id")
        case .celebrationPairs: pairs("dash_celebration_pair")
        case .shoutOutPairs: pairs("dash_shout_out")
        case .streakWeeks:
            s.append("SELECT DISTINCT \(dialect.bucketStart(.week, "x.day")) AS week FROM \(t("dash_day")) x WHERE ")
            inScope("x")
            s.append(" AND x.successes + x.lessons > 0 AND x.day <= ")
            s.bind(.day(query.streakEnd ?? counted.last))
        case .brightSpots:
            s.append("""
                SELECT top.id AS id, win.title AS title, win.kind AS kind, \(dialect.dayText("win.day")) AS day,
                win.team_id AS team, win.story AS story, top.n AS n
                FROM (SELECT x.win_id AS id, x.day AS day, x.n AS n FROM \(t("dash_bright")) x WHERE x.n > 0 AND 
                """)
            scoped("x", .days)
            s.append(" ORDER BY x.n DESC, x.day DESC, x.win_id DESC LIMIT ")
            s.bind(.integer(Int64(query.brightSpotCount)))
            s.append(") top JOIN \(t("win")) win ON win.id = top.id ORDER BY top.n DESC, top.day DESC, top.id DESC")
        case .attemptWins:
            // The five newest wins of each attempt, attempt by attempt through the index on (attempt, day, id):
            // a LATERAL join where the engine has one, else an IN list per attempt.
            let lateral = dialect.supportsLateralJoins
            s.append("""
                SELECT latest.attempt_id AS id, latest.win_id AS win,
                ROW_NUMBER() OVER (PARTITION BY latest.attempt_id ORDER BY latest.day DESC, latest.win_id DESC) AS r FROM (
                    SELECT a.id AS attempt_id, w.id AS win_id, w.day AS day FROM \(t("attempt")) a
                """)
            s.append(lateral ? " CROSS JOIN LATERAL (SELECT x.id, x.day" : ", \(t("win")) w WHERE w.id IN (SELECT x.id")
            s.append(" FROM \(t("win")) x WHERE x.attempt_id = a.id AND x.day >= ")
            s.bind(.day(counted.first))
            s.append(" AND x.day <= ")
            s.bind(.day(counted.last))
            if let scope {
                s.append(" AND x.team_id IN (SELECT team_id FROM \(t("team_ancestor")) WHERE own = 0 AND ancestor_id = ")
                s.bind(.id(scope.uuid))
                s.append(")")
            }
            s.append(" ORDER BY x.day DESC, x.id DESC LIMIT 5)\(lateral ? " w" : "")) latest")
        case .members, .goals, .themes, .groups, .childTeams, .questions, .attempts:
            preconditionFailure("\(part) does not count wins")
        }
        return s
    }

    /// For the whole installation: the highest teams whose aggregates the connection can read, so their
    /// subtrees hold every win it can read once. These are the root teams, or, for a PostgreSQL role under
    /// row-level security, the teams it was granted.
    var topScopes: String {
        "SELECT c.team_id FROM \(dialect.table("team_ancestor")) c WHERE c.own = 0 GROUP BY c.team_id HAVING COUNT(*) = 1"
    }

    /// Whether a part's aggregate is kept by day or by month.
    enum Time { case days, months }
}
