import Foundation
import SmallWins

/// Successes and lessons by bucket (week or month).
enum TimelinePart: CountingPart {
    struct Row: DashboardRow {
        let bucket: Day
        let successes: Int
        let lessons: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        s.append("SELECT \(sql.dialect.bucketStart(sql.query.bucket, "w.day")) AS bucket, \(DashboardSQL.successes) AS successes, \(DashboardSQL.lessons) AS lessons FROM selected w GROUP BY 1")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT \(sql.dialect.bucketStart(sql.query.bucket, "x.day")) AS bucket, \(AggregateSQL.byKind) FROM \(sql.table("dash_day")) x WHERE ")
        sql.scoped(&s, "x", .days)
        s.append(" GROUP BY 1")
        return s
    }
}

extension DashboardRows {
    /// Every bucket from the one holding the period's first day to the one holding its last, filled.
    func timeline() throws -> [Dashboard.TimelinePoint] {
        var counts: [Day: TimelinePart.Row] = [:]
        for row in try rows(TimelinePart.self) { counts[row.bucket] = row }
        var points: [Dashboard.TimelinePoint] = []
        var start = query.bucket.start(containing: query.period.first)
        while start <= query.period.last {
            points.append(.init(start: start, successes: counts[start]?.successes ?? 0, lessons: counts[start]?.lessons ?? 0))
            start = query.bucket.start(after: start)
        }
        return points
    }
}
