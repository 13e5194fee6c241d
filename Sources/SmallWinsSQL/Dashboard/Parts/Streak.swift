import Foundation
import SmallWins

/// The weeks with at least one win, up to the streak's end. The streak looks back past the period's start,
/// so it selects the wins itself rather than reading the counted ones.
enum StreakWeeksPart: CountingPart {
    struct Row: DashboardRow {
        let week: Day
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        sql.preamble(&s, from: nil, through: sql.query.streakEnd)
        s.append("SELECT DISTINCT \(sql.dialect.bucketStart(.week, "w.day")) AS week FROM selected w")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT DISTINCT \(sql.dialect.bucketStart(.week, "x.day")) AS week FROM \(sql.table("dash_day")) x WHERE ")
        sql.inScope(&s, "x")
        s.append(" AND x.day <= ")
        s.bind(.day(sql.query.streakEnd ?? sql.counted.last))
        s.append(" GROUP BY x.day HAVING \(AggregateSQL.wins) > 0")  // a day's slices summed
        return s
    }
}

extension DashboardRows {
    /// The streak of weeks with a win, counted back from the period's last week (or the query's asOf).
    func streak() throws -> Dashboard.Streak {
        let weeks = Set(try rows(StreakWeeksPart.self).map(\.week))
        var streak = Dashboard.Streak(weeks: 0, latestWeek: nil)
        guard let last = query.streakEnd else { return streak }
        var monday = Period.week(containing: last).first
        if !weeks.contains(monday) { monday = monday.adding(days: -7) }
        if weeks.contains(monday) { streak.latestWeek = monday }
        while weeks.contains(monday) {
            streak.weeks += 1
            monday = monday.adding(days: -7)
        }
        return streak
    }
}
