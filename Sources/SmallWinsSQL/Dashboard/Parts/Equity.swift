import Foundation
import SmallWins

/// Wins by goal and the student groups they touch.
enum EquityCountsPart: CountingPart {
    struct Row: DashboardRow {
        let goal: Goal.ID
        let group: StudentGroup.ID
        let n: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        let grouped = GroupCountsPart.groupedWins(sql)
        s.append("SELECT w.goal_id AS goal, link.group_id AS \"group\", COUNT(*) AS n FROM ")
        s.append(grouped)
        sql.keepCells(&s, of: grouped, by: ["w.goal_id", "link.group_id"])
        s.append(" WHERE w.goal_id IS NOT NULL GROUP BY 1, 2")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT x.goal_id AS goal, x.group_id AS \"group\", SUM(x.n) AS n FROM \(sql.table("dash_equity")) x WHERE ")
        sql.scoped(&s, "x", .months)
        s.append(" GROUP BY x.goal_id, x.group_id")
        return s
    }
}

extension DashboardRows {
    /// Each goal's coverage of its intended focus groups, in the order of `byGoal`, naming them as `byGroup` does.
    func equity(byGoal: [Dashboard.GoalCount], byGroup: [Dashboard.GroupCount]) throws -> [Dashboard.GoalEquity] {
        var focus: [Goal.ID: [(position: Int, group: StudentGroup.ID)]] = [:]
        for row in try rows(GoalsPart.self) {
            if let group = row.group { focus[row.id, default: []].append((row.position, group)) }
        }
        let groupNames = Dictionary(uniqueKeysWithValues: byGroup.map { ($0.id, $0.label) })
        var touching: [Goal.ID: [StudentGroup.ID: Int]] = [:]
        for row in try rows(EquityCountsPart.self) { touching[row.goal, default: [:]][row.group] = row.n }
        return byGoal.map { goal in
            let total = goal.successes + goal.lessons
            let groups = (focus[goal.id] ?? []).sorted { $0.position < $1.position }.map { entry in
                let count = touching[goal.id]?[entry.group] ?? 0
                let share = total == 0 ? 0 : Double(count) / Double(total)
                return Dashboard.GroupCoverage(group: entry.group, name: groupNames[entry.group] ?? entry.group.description,
                                               wins: count, share: share, belowThreshold: share < query.equityThreshold)
            }
            return Dashboard.GoalEquity(goal: goal.id, title: goal.label, wins: total, groups: groups)
        }
    }
}
