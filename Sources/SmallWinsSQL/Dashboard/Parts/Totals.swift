import Foundation
import SmallWins

/// The counted wins, successes and contributors.
enum TotalsPart: CountingPart {
    struct Row: DashboardRow {
        let wins: Int
        let successes: Int
        let contributors: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        s.append("SELECT COUNT(*) AS wins, \(DashboardSQL.successes) AS successes, COUNT(DISTINCT w.author_id) AS contributors FROM selected w")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        // Two subqueries joined, not one in the select list, which Citus cannot send to the nodes.
        s.append("SELECT d.wins AS wins, d.successes AS successes, c.n AS contributors FROM (SELECT \(AggregateSQL.wins) AS wins, ")
        s.append("SUM(x.successes) AS successes FROM \(sql.table("dash_day")) x WHERE ")
        sql.scoped(&s, "x", .days)
        s.append(") d CROSS JOIN (SELECT COUNT(*) AS n FROM ")
        sql.perMember(&s)
        s.append(") c")
        return s
    }
}

/// The counted wins' celebrations, by kind.
enum CelebrationKindsPart: CountingPart {
    struct Row: DashboardRow {
        let kind: Celebration.Kind
        let n: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.countedWins()
        s.append("SELECT c.kind AS kind, COUNT(*) AS n FROM ")
        s.append(sql.countedWins(joining: "celebration", as: "c"))
        s.append(" GROUP BY c.kind")
        return s
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        s.append("SELECT x.kind AS kind, SUM(x.n) AS n FROM \(sql.table("dash_celebration")) x WHERE ")
        sql.scoped(&s, "x", .months)
        s.append(" GROUP BY x.kind")
        return s
    }
}

/// The members of the scope's teams and organizations.
enum MembersPart: DashboardPart {
    struct Row: DashboardRow {
        let n: Int
    }

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        var s = sql.directory()
        s.append("""
            SELECT COUNT(*) AS n FROM \(sql.table("member")) m WHERE (m.organization_id IN (SELECT id FROM subtree)
            OR EXISTS (SELECT 1 FROM \(sql.table("membership")) ms WHERE ms.member_id = m.id AND ms.tenant_id = m.tenant_id AND ms.team_id IN (SELECT id FROM subtree)
            """)
        sql.inTenant(&s, "ms")
        s.append("))")
        sql.inTenant(&s, "m")
        return s
    }
}

extension DashboardRows {
    /// Celebrations of the counted wins, by kind.
    func celebrationKinds() throws -> [Celebration.Kind: Int] {
        var counts: [Celebration.Kind: Int] = [:]
        for row in try rows(CelebrationKindsPart.self) { counts[row.kind, default: 0] += row.n }
        return counts
    }

    /// The totals, with the celebrations counted by ``celebrationKinds()``.
    func totals(celebrations: [Celebration.Kind: Int]) throws -> Dashboard.Totals {
        let totals = try rows(TotalsPart.self).first
        let wins = totals?.wins ?? 0, successes = totals?.successes ?? 0
        return Dashboard.Totals(
            wins: wins, successes: successes, lessons: wins - successes, celebrations: celebrations.values.reduce(0, +),
            contributors: totals?.contributors ?? 0, members: try rows(MembersPart.self).first?.n ?? 0)
    }
}
