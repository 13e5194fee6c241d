import Foundation
import SmallWins

/// The most celebrated counted wins.
enum BrightSpotsPart: CountingPart {
    struct Row: DashboardRow {
        let id: Win.ID
        let title: String
        let kind: Win.Kind
        let day: Day
        let team: Team.ID
        let story: String
        let n: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        select(&s, sql, "SELECT w.id AS id, w.day AS day, COUNT(*) AS n FROM " + sql.countedWins(joining: "celebration", as: "c")
               + " GROUP BY w.id, w.day ORDER BY n DESC, w.day DESC, w.id DESC LIMIT") { s in
            s.append(" ")
            s.bind(.integer(Int64(sql.query.brightSpotCount)))
        }
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        select(&s, sql.sql, "SELECT x.win_id AS id, x.day AS day, x.n AS n FROM \(raw: sql.table("dash_bright")) x WHERE x.n > 0 AND ") { s in
            sql.scoped(&s, "x", .days)
            s.append(" ORDER BY x.n DESC, x.day DESC, x.win_id DESC LIMIT ")
            s.bind(.integer(Int64(sql.query.brightSpotCount)))
        }
        return s
    }

    /// The wins `top` picks (`id`, `day`, `n`; its end written by `finish`), with what a bright spot shows of each.
    private static func select(_ s: inout SQLStatement, _ sql: DashboardSQL, _ top: SQLText, finish: (inout SQLStatement) -> Void) {
        s.append("""
            SELECT top.id AS id, win.title AS title, win.kind AS kind, win.day AS day,
            win.team_id AS team, win.story AS story, top.n AS n
            FROM (
            """)
        s.append(top)
        finish(&s)
        s.append(") top JOIN \(sql.table("win")) win ON win.id = top.id")
        sql.inTenant(&s, "win")
        s.append(" ORDER BY top.n DESC, top.day DESC, top.id DESC")
    }
}

extension DashboardRows {
    /// The bright spots, most celebrated first, each with an excerpt of its story.
    func brightSpots() throws -> [Dashboard.BrightSpot] {
        try rows(BrightSpotsPart.self).map { row in
            Dashboard.BrightSpot(win: row.id, title: row.title, kind: row.kind, day: row.day, team: row.team, celebrations: row.n,
                                 excerpt: Dashboard.BrightSpot.excerpt(row.story))
        }
    }
}
