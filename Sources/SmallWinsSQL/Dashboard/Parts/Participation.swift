import Foundation
import SmallWins

/// The spread of participation: how many members told how many counted wins.
enum ParticipationPart: CountingPart {
    struct Row: DashboardRow {
        let wins: Int
        let members: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        s.append("""
            SELECT per.n AS wins, COUNT(*) AS members
            FROM (SELECT w.author_id, COUNT(*) AS n FROM selected w GROUP BY w.author_id) per GROUP BY per.n
            """)
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT per.n AS wins, COUNT(*) AS members FROM ")
        sql.perMember(&s)
        s.append(" GROUP BY per.n")
        return s
    }
}

/// Each member's counted wins, with their names (read only when the query asks for names).
enum MemberWinsPart: CountingPart {
    struct Row: DashboardRow {
        let id: Member.ID
        let name: String
        let n: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        s.append("""
            SELECT per.id AS id, m.name AS name, per.n AS n
            FROM (SELECT w.author_id AS id, COUNT(*) AS n FROM selected w GROUP BY w.author_id) per
            JOIN \(sql.table("member")) m ON m.id = per.id
            """)
        sql.inTenant(&s, "m")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        guard sql.query.includeNames else {
            s.append("SELECT 1 AS n WHERE 1 = 0")
            return s
        }
        s.append("SELECT per.id AS id, m.name AS name, per.n AS n FROM ")
        sql.perMember(&s)
        s.append(" JOIN \(sql.table("member")) m ON m.id = per.id")
        sql.inTenant(&s, "m")
        return s
    }
}

extension DashboardRows {
    /// Participation: the spread, with names only when the query asks for them.
    func participation(_ totals: Dashboard.Totals) throws -> Dashboard.Participation {
        let distribution = try rows(ParticipationPart.self).map { Dashboard.Participation.Bin(wins: $0.wins, members: $0.members) }
            .sorted { $0.wins < $1.wins }
        let byMember = query.includeNames ? try rows(MemberWinsPart.self).map {
            Dashboard.Participation.MemberWins(member: $0.id, name: $0.name, wins: $0.n)
        }.sorted { byText($0.name, $0.member, $1.name, $1.member) } : nil
        return Dashboard.Participation(contributors: totals.contributors, members: totals.members, distribution: distribution, byMember: byMember)
    }
}
