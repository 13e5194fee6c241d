import Foundation
import SmallWins

/// The goals of the scope's lineage, with their focus groups in order.
enum GoalsPart: DashboardPart {
    struct Row: DashboardRow {
        let id: Goal.ID
        let title: String
        /// A focus group of the goal (one row each), or `nil` for a goal without any.
        let group: StudentGroup.ID?
        let position: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.directory()
        s.append("""
            SELECT g.id AS id, g.title AS title, fg.group_id AS "group", fg.position AS position
            FROM \(sql.table("goal")) g LEFT JOIN \(sql.table("goal_focus_group")) fg ON fg.goal_id = g.id AND fg.tenant_id = g.tenant_id
            """)
        sql.inTenant(&s, "fg")
        s.append(" WHERE g.team_id IN (SELECT id FROM lineage)")
        sql.inTenant(&s, "g")
        return s
    }
}

/// Successes and lessons by goal.
enum GoalCountsPart: CountingPart {
    typealias Row = KindCounts<Goal>
    static func direct(_ sql: DashboardSQL) -> SQLStatement { sql.countsByColumn("w.goal_id") }
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement { sql.counts("dash_goal", key: "goal_id") }
}

/// The themes of the scope's lineage.
enum ThemesPart: DashboardPart {
    typealias Row = Named<Theme>
    static func direct(_ sql: DashboardSQL) -> SQLStatement { codebook(sql, "theme") }
}

/// Successes and lessons by theme.
enum ThemeCountsPart: CountingPart {
    typealias Row = KindCounts<Theme>
    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        sql.countsByLink("link.theme_id", in: sql.countedWins(joining: "win_theme", as: "link"))
    }
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement { sql.counts("dash_theme", key: "theme_id") }
}

/// The student groups of the scope's lineage.
enum GroupsPart: DashboardPart {
    typealias Row = Named<StudentGroup>
    static func direct(_ sql: DashboardSQL) -> SQLStatement { codebook(sql, "student_group") }
}

/// Successes and lessons by student group.
enum GroupCountsPart: CountingPart {
    typealias Row = KindCounts<StudentGroup>
    static func direct(_ sql: DashboardSQL) -> SQLStatement { sql.countsByLink("link.group_id", in: GroupCountsPart.groupedWins(sql)) }
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement { sql.counts("dash_group", key: "group_id") }

    /// The counted wins joined to their student groups, as `w` and `link`.
    static func groupedWins(_ sql: DashboardSQL) -> SQLText { sql.countedWins(joining: "win_group", as: "link") }
}

/// The entries of a codebook table in the scope's lineage: rows of ``Named``.
private func codebook(_ sql: DashboardSQL, _ table: String) -> SQLStatement {
    var s = sql.directory()
    s.append("SELECT c.id AS id, c.name AS name FROM \(sql.table(table)) c WHERE c.team_id IN (SELECT id FROM lineage)")
    sql.inTenant(&s, "c")
    return s
}

extension DashboardRows {
    /// Every goal of the lineage with its counts, by title.
    func byGoal() throws -> [Dashboard.GoalCount] {
        let counts = try kindCounts(GoalCountsPart.self)
        var titles: [Goal.ID: String] = [:]
        for row in try rows(GoalsPart.self) { titles[row.id] = row.title }
        return titles.map { goal, title in
            Dashboard.GoalCount(goal, label: title, successes: counts[goal]?.successes ?? 0, lessons: counts[goal]?.lessons ?? 0)
        }.sorted { byText($0.label, $0.id, $1.label, $1.id) }
    }

    /// Every theme of the lineage with its counts, most counted first.
    func byTheme() throws -> [Dashboard.ThemeCount] { try tallies(ThemesPart.self, ThemeCountsPart.self) }

    /// Every student group of the lineage with its counts, most counted first.
    func byGroup() throws -> [Dashboard.GroupCount] { try tallies(GroupsPart.self, GroupCountsPart.self) }

    private func tallies<Names: DashboardPart, Counts: DashboardPart, Subject>(_ names: Names.Type, _ counted: Counts.Type) throws -> [Tally<Subject>]
    where Names.Row == Named<Subject>, Counts.Row == KindCounts<Subject> {
        let counts = try kindCounts(counted)
        return try self.names(names).map { id, name in
            Tally(id, label: name, successes: counts[id]?.successes ?? 0, lessons: counts[id]?.lessons ?? 0)
        }.sorted { mostFirst($0.successes + $0.lessons, $0.label, $0.id, $1.successes + $1.lessons, $1.label, $1.id) }
    }
}
