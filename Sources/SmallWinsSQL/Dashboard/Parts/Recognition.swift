import Foundation
import SmallWins

/// Who celebrated whose counted wins, by pair.
enum CelebrationPairsPart: CountingPart {
    typealias Row = RecognitionPair

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        RecognitionPair.named(sql, "SELECT c.member_id AS from_id, w.author_id AS to_id, c.tenant_id AS tenant_id, COUNT(*) AS n FROM "
                              + sql.countedWins(joining: "celebration", as: "c") + " GROUP BY 1, 2, 3")
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement { RecognitionPair.summed(sql, "dash_celebration_pair") }
}

/// Whom the counted wins' authors gave a shout-out, by pair.
enum ShoutOutPairsPart: CountingPart {
    typealias Row = RecognitionPair

    static func direct(_ sql: DashboardSQL) -> SQLStatement {
        RecognitionPair.named(sql, "SELECT w.author_id AS from_id, so.member_id AS to_id, so.tenant_id AS tenant_id, COUNT(*) AS n FROM "
                              + sql.countedWins(joining: "win_shout_out", as: "so") + " GROUP BY 1, 2, 3")
    }

    static func aggregated(_ sql: AggregateSQL) -> SQLStatement { RecognitionPair.summed(sql, "dash_shout_out") }
}

/// A row of recognition from one member to another: celebrations or shout-outs, with the names when read.
struct RecognitionPair: DashboardRow {
    let from: Member.ID
    let to: Member.ID
    let fromName: String?
    let toName: String?
    let n: Int

    /// Read directly: a district's dashboard has thousands of pairs (see ``DashboardRow``).
    init(row: SQLRow) throws {
        from = try row.id(CodingKeys.from.stringValue)
        to = try row.id(CodingKeys.to.stringValue)
        fromName = try row.optionalText(CodingKeys.fromName.stringValue)
        toName = try row.optionalText(CodingKeys.toName.stringValue)
        n = try row.int(CodingKeys.n.stringValue)
    }

    /// The pairs `counts` (rows of `from_id`, `to_id`, `tenant_id`, `n` over the counted wins) finds, with both names.
    static func named(_ sql: DashboardSQL, _ counts: SQLText) -> SQLStatement {
        var s = sql.countedWins()
        s.append("SELECT p.from_id AS \"from\", mf.name AS \"fromName\", p.to_id AS \"to\", mt.name AS \"toName\", p.n AS n FROM (")
        s.append(counts)
        s.append("""
            ) p
            JOIN \(sql.table("member")) mf ON mf.id = p.from_id AND mf.tenant_id = p.tenant_id
            JOIN \(sql.table("member")) mt ON mt.id = p.to_id AND mt.tenant_id = p.tenant_id
            """)
        sql.inTenant(&s, "mt")
        s.append(" WHERE 1 = 1")
        sql.inTenant(&s, "mf")
        return s
    }

    /// The pairs of `table`, a monthly aggregate, summed, with names only when the query asks for them.
    static func summed(_ sql: AggregateSQL, _ table: String) -> SQLStatement {
        var s = SQLStatement(dialect: sql.dialect)
        let names = sql.query.includeNames
        s.append("SELECT p.from_id AS \"from\", p.to_id AS \"to\", p.n AS n\(names ? ", mf.name AS \"fromName\", mt.name AS \"toName\"" : "") FROM ")
        s.append("(SELECT x.from_id AS from_id, x.to_id AS to_id, x.tenant_id AS tenant_id, SUM(x.n) AS n FROM \(sql.table(table)) x WHERE ")
        sql.scoped(&s, "x", .months)
        s.append(" GROUP BY x.from_id, x.to_id, x.tenant_id HAVING SUM(x.n) > 0) p")
        if names {
            s.append(" JOIN \(sql.table("member")) mf ON mf.id = p.from_id AND mf.tenant_id = p.tenant_id")
            s.append(" JOIN \(sql.table("member")) mt ON mt.id = p.to_id AND mt.tenant_id = p.tenant_id")
            sql.inTenant(&s, "mt")
            s.append(" WHERE 1 = 1")
            sql.inTenant(&s, "mf")
        }
        return s
    }
}

extension DashboardRows {
    /// Recognition: celebrations by kind, and each pair's celebrations and shout-outs, most first. Each
    /// celebrating pair arrives once; shout-outs add to those pairs or make new ones. Only shout-outs need a
    /// lookup by pair, so a district's tens of thousands of pairs are not hashed.
    func recognition(celebrations kinds: [Celebration.Kind: Int]) throws -> Dashboard.Recognition {
        let names = query.includeNames
        func pair(_ row: RecognitionPair, celebrations: Int, shoutOuts: Int) -> Dashboard.Recognition.Pair {
            Dashboard.Recognition.Pair(from: row.from, to: row.to, fromName: names ? row.fromName : nil, toName: names ? row.toName : nil,
                                       celebrations: celebrations, shoutOuts: shoutOuts)
        }
        var pairs = try rows(CelebrationPairsPart.self).map { pair($0, celebrations: $0.n, shoutOuts: 0) }
        var shoutOuts = 0
        let shoutOutRows = try rows(ShoutOutPairsPart.self)
        if !shoutOutRows.isEmpty {
            struct PairKey: Hashable { let from: Member.ID, to: Member.ID }
            var positions = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { (PairKey(from: $1.from, to: $1.to), $0) })
            for row in shoutOutRows {
                shoutOuts += row.n
                let key = PairKey(from: row.from, to: row.to)
                if let position = positions[key] {
                    pairs[position].shoutOuts += row.n
                } else {
                    positions[key] = pairs.count
                    pairs.append(pair(row, celebrations: 0, shoutOuts: row.n))
                }
            }
        }
        return Dashboard.Recognition(
            celebrations: Celebration.Kind.allCases.map { .init(kind: $0, count: kinds[$0] ?? 0) },
            shoutOuts: shoutOuts,
            pairs: pairs.sorted {
                let left = $0.celebrations + $0.shoutOuts, right = $1.celebrations + $1.shoutOuts
                if left != right { return left > right }
                return ($0.from, $0.to) < ($1.from, $1.to)
            })
    }
}
