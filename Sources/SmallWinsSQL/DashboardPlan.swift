import Foundation
import SmallWins

/// A dashboard as SQL: the statements a backend runs (all in one read transaction, in order), and the
/// assembly of their rows into a ``Dashboard``. Written once for every SQL backend; each supplies an
/// ``SQLDialect``. Every statement aggregates in the database; only counts and the names of the codebook,
/// goals and the learning agenda come back.
package struct DashboardPlan: Sendable {
    /// The query planned.
    package let query: DashboardQuery
    /// The store's scope.
    package let scope: Team.ID?
    /// Statements to run first, in the same transaction: they gather the counted wins once into the
    /// temporary table `dashboard_selected` (see ``SQLDialect/createSelectedTable()``), which every statement reads.
    package let setup: [SQLStatement]
    /// The statements to run, in order; pass their rows to ``assemble(_:)`` in the same order.
    package let statements: [SQLStatement]
    /// The days counted (`nil` when the filters' period misses the dashboard's).
    let counted: Period?
    /// Whether the statements read the maintained aggregates (the `dash_*` tables) rather than the wins:
    /// so they do for every dashboard without filters whose days are whole months.
    package let readsAggregates: Bool

    /// Plans `query` for a store scoped to `scope` (`nil`: the whole installation).
    package init(query: DashboardQuery, scope: Team.ID?, dialect: any SQLDialect) throws {
        try query.validate()
        self.query = query
        self.scope = scope
        self.counted = query.effectivePeriod
        let terms = try query.filters.searchTerms()
        // Suppression by people reads the counted wins: the aggregates do not know who wrote each team's wins.
        readsAggregates = Self.aggregatesAnswer(query) && query.minimumGroupSize < 2
        let builder = Builder(query: query, scope: scope, dialect: dialect, terms: terms, aggregated: readsAggregates)
        setup = readsAggregates ? [] : builder.setup(counted: query.effectivePeriod)
        statements = Part.allCases.map { builder.statement(for: $0, counted: query.effectivePeriod) }
    }

    /// The statements, one per part of the dashboard, in this order.
    enum Part: Int, CaseIterable {
        case totals, celebrationKinds, members, timeline, goals, goalCounts, themes, themeCounts, groups, groupCounts,
             equityCounts, childTeams, teamCounts, teamCelebrations, participation, memberWins, celebrationPairs,
             shoutOutPairs, streakWeeks, brightSpots, questions, attempts, attemptCounts, attemptWins

        /// Whether the part counts wins (the others read names and the directory).
        var countsWins: Bool {
            switch self {
            case .members, .goals, .themes, .groups, .childTeams, .questions, .attempts: return false
            default: return true
            }
        }
    }

    /// Whether the aggregates hold the answer: no filter but days, and the days whole months.
    static func aggregatesAnswer(_ query: DashboardQuery) -> Bool {
        var others = query.filters
        others.period = nil
        guard others == WinQuery(), let days = query.effectivePeriod else { return false }
        return days.first == Period.month(containing: days.first).first && days.last == Period.month(containing: days.last).last
    }

    /// Writes the statements.
    struct Builder {
        let query: DashboardQuery
        let scope: Team.ID?
        let dialect: any SQLDialect
        let terms: [String]
        /// Whether the parts that count wins read the aggregates.
        let aggregated: Bool

        /// The counted wins' successes and lessons, as SQL sums over `w`.
        static let successes = "COALESCE(SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), 0)"
        static let lessons = "COALESCE(SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END), 0)"

        /// Successes and lessons by `key`, a linked codebook entry, over `links` (the counted wins joined to their
        /// links), in the cells of enough people.
        func countsByLink(_ s: inout SQLStatement, _ key: String, in links: String) {
            s.append("SELECT \(key) AS id, \(Self.successes) AS successes, \(Self.lessons) AS lessons FROM \(links)")
            keepCells(&s, of: links, by: [key])
            s.append(" GROUP BY 1")
        }

        func statement(for part: Part, counted: Period?) -> SQLStatement {
            if aggregated, part.countsWins, let counted { return aggregateStatement(for: part, counted: counted) }
            var s = SQLStatement(dialect: dialect)
            let t = dialect.table
            if part == .streakWeeks {
                // The streak looks back past the period's start, so it filters the wins itself.
                preamble(&s, from: nil, through: query.streakEnd)
            } else {
                scopeCTE(&s)
                if part.countsWins { s.append(", selected AS (SELECT * FROM dashboard_selected)") }
                s.append("\n")
            }
            // The counted wins with their themes, and with their groups, as breakdowns read them.
            let themed = "selected w JOIN \(t("win_theme")) link ON link.win_id = w.id"
            let grouped = "selected w JOIN \(t("win_group")) link ON link.win_id = w.id"
            let success = Self.successes, lesson = Self.lessons
            switch part {
            case .totals:
                s.append("SELECT COUNT(*) AS wins, \(success) AS successes, COUNT(DISTINCT w.author_id) AS contributors FROM selected w")
            case .celebrationKinds:
                s.append("SELECT c.kind AS kind, COUNT(*) AS n FROM \(t("celebration")) c JOIN selected w ON w.id = c.win_id GROUP BY c.kind")
            case .members:
                s.append("""
                    SELECT COUNT(*) AS n FROM \(t("member")) m WHERE m.organization_id IN (SELECT id FROM subtree)
                    OR EXISTS (SELECT 1 FROM \(t("membership")) ms WHERE ms.member_id = m.id AND ms.team_id IN (SELECT id FROM subtree))
                    """)
            case .timeline:
                s.append("SELECT \(dialect.bucketStart(query.bucket, "w.day")) AS bucket, \(success) AS successes, \(lesson) AS lessons FROM selected w GROUP BY 1")
            case .goals:
                s.append("""
                    SELECT g.id AS id, g.title AS title, fg.group_id AS group_id, fg.position AS position
                    FROM \(t("goal")) g LEFT JOIN \(t("goal_focus_group")) fg ON fg.goal_id = g.id
                    WHERE g.team_id IN (SELECT id FROM lineage)
                    """)
            case .goalCounts:
                s.append("SELECT w.goal_id AS id, \(success) AS successes, \(lesson) AS lessons FROM selected w")
                keepCells(&s, of: "selected w", by: ["w.goal_id"])
                s.append(" WHERE w.goal_id IS NOT NULL GROUP BY 1")
            case .themes:
                s.append("SELECT id, name FROM \(t("theme")) WHERE team_id IN (SELECT id FROM lineage)")
            case .themeCounts:
                countsByLink(&s, "link.theme_id", in: themed)
            case .groups:
                s.append("SELECT id, name FROM \(t("student_group")) WHERE team_id IN (SELECT id FROM lineage)")
            case .groupCounts:
                countsByLink(&s, "link.group_id", in: grouped)
            case .equityCounts:
                s.append("SELECT w.goal_id AS goal, link.group_id AS grp, COUNT(*) AS n FROM \(grouped)")
                keepCells(&s, of: grouped, by: ["w.goal_id", "link.group_id"])
                s.append(" WHERE w.goal_id IS NOT NULL GROUP BY 1, 2")
            case .childTeams:
                s.append("SELECT id, name FROM \(t("team")) WHERE ")
                if let scope {
                    s.append("parent_id = ")
                    s.bind(.id(scope.uuid))
                    s.append(" OR id = ")
                    s.bind(.id(scope.uuid))
                } else {
                    s.append(aggregated ? "id IN (\(topScopes))" : "parent_id IS NULL")
                }
            case .teamCounts:
                rollUp(&s)
                s.append("""
                    SELECT COALESCE(roll.top, w.team_id) AS id, \(success) AS successes, \(lesson) AS lessons,
                    COUNT(DISTINCT w.author_id) AS contributors
                    FROM selected w LEFT JOIN roll ON roll.id = w.team_id GROUP BY 1
                    """)
            case .teamCelebrations:
                rollUp(&s)
                s.append("""
                    SELECT COALESCE(roll.top, w.team_id) AS id, COUNT(*) AS n
                    FROM \(t("celebration")) c JOIN selected w ON w.id = c.win_id LEFT JOIN roll ON roll.id = w.team_id GROUP BY 1
                    """)
            case .participation:
                s.append("""
                    SELECT per.n AS wins, COUNT(*) AS members
                    FROM (SELECT w.author_id, COUNT(*) AS n FROM selected w GROUP BY w.author_id) per GROUP BY per.n
                    """)
            case .memberWins:
                s.append("""
                    SELECT per.id AS id, m.name AS name, per.n AS n
                    FROM (SELECT w.author_id AS id, COUNT(*) AS n FROM selected w GROUP BY w.author_id) per
                    JOIN \(t("member")) m ON m.id = per.id
                    """)
            case .celebrationPairs:
                s.append("""
                    SELECT p.from_id AS from_id, mf.name AS from_name, p.to_id AS to_id, mt.name AS to_name, p.n AS n
                    FROM (SELECT c.member_id AS from_id, w.author_id AS to_id, COUNT(*) AS n
                          FROM \(t("celebration")) c JOIN selected w ON w.id = c.win_id GROUP BY 1, 2) p
                    JOIN \(t("member")) mf ON mf.id = p.from_id JOIN \(t("member")) mt ON mt.id = p.to_id
                    """)
            case .shoutOutPairs:
                s.append("""
                    SELECT p.from_id AS from_id, mf.name AS from_name, p.to_id AS to_id, mt.name AS to_name, p.n AS n
                    FROM (SELECT w.author_id AS from_id, so.member_id AS to_id, COUNT(*) AS n
                          FROM selected w JOIN \(t("win_shout_out")) so ON so.win_id = w.id GROUP BY 1, 2) p
                    JOIN \(t("member")) mf ON mf.id = p.from_id JOIN \(t("member")) mt ON mt.id = p.to_id
                    """)
            case .streakWeeks:
                s.append("SELECT DISTINCT \(dialect.bucketStart(.week, "w.day")) AS week FROM selected w")
            case .brightSpots:
                s.append("""
                    SELECT top.id AS id, win.title AS title, win.kind AS kind, \(dialect.dayText("win.day")) AS day,
                    win.team_id AS team, win.story AS story, top.n AS n
                    FROM (SELECT w.id AS id, w.day AS day, COUNT(*) AS n FROM \(t("celebration")) c JOIN selected w ON w.id = c.win_id
                          GROUP BY w.id, w.day ORDER BY n DESC, w.day DESC, w.id DESC LIMIT
                    """)
                s.append(" ")
                s.bind(.integer(Int64(query.brightSpotCount)))
                s.append(") top JOIN \(t("win")) win ON win.id = top.id ORDER BY top.n DESC, top.day DESC, top.id DESC")
            case .questions:
                s.append("SELECT id, text, status, goal_id FROM \(t("learning_question")) WHERE team_id IN (SELECT id FROM lineage)")
            case .attempts:
                s.append("SELECT id, question_id, title, status FROM \(t("attempt")) WHERE team_id IN (SELECT id FROM lineage)")
            case .attemptCounts:
                s.append("SELECT w.attempt_id AS id, \(success) AS successes, \(lesson) AS lessons FROM selected w")
                keepCells(&s, of: "selected w", by: ["w.attempt_id"])
                s.append(" WHERE w.attempt_id IS NOT NULL GROUP BY 1")
            case .attemptWins:
                s.append("""
                    SELECT ranked.attempt_id AS id, ranked.win_id AS win, ranked.r AS r FROM (
                        SELECT w.attempt_id, w.id AS win_id,
                        ROW_NUMBER() OVER (PARTITION BY w.attempt_id ORDER BY w.day DESC, w.id DESC) AS r
                        FROM selected w
                    """)
                keepCells(&s, of: "selected w", by: ["w.attempt_id"])
                s.append(" WHERE w.attempt_id IS NOT NULL) ranked WHERE ranked.r <= 5")
            }
            return s
        }

        /// Creates and fills `dashboard_selected` with the counted wins.
        func setup(counted: Period?) -> [SQLStatement] {
            var statements = dialect.createSelectedTable().map { sql in
                var statement = SQLStatement(dialect: dialect)
                statement.append(sql)
                return statement
            }
            var fill = SQLStatement(dialect: dialect)
            preamble(&fill, from: counted?.first, through: counted?.last)
            fill.append("INSERT INTO dashboard_selected (id, team_id, author_id, kind, day, goal_id, attempt_id) SELECT * FROM selected ORDER BY id")
            statements.append(fill)
            if query.minimumGroupSize >= 2 {
                // A team's own wins count only when at least minimumGroupSize people wrote them, in every
                // dashboard alike, so subtracting one dashboard from another never isolates fewer people.
                var fewPeople = SQLStatement(dialect: dialect)
                fewPeople.append("DELETE FROM dashboard_selected WHERE team_id IN (SELECT team_id FROM dashboard_selected GROUP BY team_id HAVING COUNT(DISTINCT author_id) < ")
                fewPeople.bind(.integer(Int64(query.minimumGroupSize)))
                fewPeople.append(")")
                statements.append(fewPeople)
            }
            for sql in dialect.finishSelectedTable() {
                var statement = SQLStatement(dialect: dialect)
                statement.append(sql)
                statements.append(statement)
            }
            return statements
        }

        /// `WITH RECURSIVE subtree, above, lineage`: the teams in scope, and those plus the ones above it.
        func scopeCTE(_ s: inout SQLStatement) { s.append(SQLEngine(dialect: dialect, scope: scope?.uuid).scopeCTE) }

        /// `WITH RECURSIVE subtree, above, lineage[, picked], selected`: the scope, and the wins counted
        /// (filters applied, days from `first` (or any) through `last`; none when `last` is nil).
        func preamble(_ s: inout SQLStatement, from first: Day?, through last: Day?) {
            scopeCTE(&s)
            let selection = WinSelection(filters: query.filters, terms: terms, days: (first, last), dialect: dialect)
            s.append(selection.prelude)
            s.append(", selected AS (SELECT w.id, w.team_id, w.author_id, w.kind, w.day, w.goal_id, w.attempt_id FROM \(dialect.table("win")) w WHERE ")
            s.append(selection.conditions)
            s.append(")\n")
        }

        /// Maps every team in the scope to the child team of the scope (or root team) it sits in: `roll(id, top)`.
        func rollUp(_ s: inout SQLStatement) {
            let t = dialect.table
            s.append(", roll(id, top) AS (SELECT id, id FROM \(t("team")) WHERE ")
            if let scope {
                s.append("parent_id = ")
                s.bind(.id(scope.uuid))
            } else {
                s.append("parent_id IS NULL")
            }
            s.append(" UNION ALL SELECT team.id, roll.top FROM \(t("team")) team JOIN roll ON team.parent_id = roll.id)\n")
        }

        /// With suppression by people, joins `kept`: the cells (a team's own wins sharing the values of `keys`)
        /// that at least ``DashboardQuery/minimumGroupSize`` people wrote, so that a breakdown by `keys` counts
        /// only those. Every cell of every dashboard is then a sum of such cells, and subtracting one dashboard's
        /// cell from another's never isolates fewer people. `source` names the wins `w`, as the outer query does.
        func keepCells(_ s: inout SQLStatement, of source: String, by keys: [String]) {
            guard query.minimumGroupSize >= 2 else { return }
            let columns = keys.enumerated().map { "\($1) AS k\($0)" }.joined(separator: ", ")
            let positions = (1...keys.count + 1).map(String.init).joined(separator: ", ")
            s.append(" JOIN (SELECT w.team_id AS team_id, \(columns) FROM \(source) GROUP BY \(positions) HAVING COUNT(DISTINCT w.author_id) >= ")
            s.bind(.integer(Int64(query.minimumGroupSize)))
            s.append(") kept ON kept.team_id = w.team_id")
            for (index, key) in keys.enumerated() { s.append(" AND kept.k\(index) = \(key)") }
        }
    }
}
