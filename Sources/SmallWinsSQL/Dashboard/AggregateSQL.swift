import Foundation
import SmallWins

/// What a part writes its statement over the maintained aggregates with. The migrations (SQLite's 2,
/// PostgreSQL's 3) create those tables; the engine keeps them exact in the same transaction as every write
/// (`SQLEngine+Aggregates`).
///
/// Every count is kept for each *scope*: each team and each of its ancestors, through the closure table
/// `team_ancestor(team_id, ancestor_id, own)`. A row with `own = 0` counts the scope's whole subtree; a
/// row with `own = 1` counts only wins recorded on that team itself (the roll-up's "this team" line).
/// So a district dashboard reads a handful of district rows instead of every win. The timeline is kept per
/// day (`dash_day`); counts by author, goal, attempt, theme, group, goal and group, shout-out pair,
/// celebration kind and celebration pair per month (`dash_author`, …, `dash_celebration_pair`); celebrations
/// per win for the bright spots (`dash_bright`). A subtraction can leave a row at zero; readers skip those. Where
/// many teams share a row, it is kept in slices (column `slice`, `SQLEngine+Aggregates`): readers sum over them, a
/// condition on a count applies to the sum (`HAVING`), never to one row.
package struct AggregateSQL {
    /// The dashboard's query, scope and dialect.
    let sql: DashboardSQL
    /// The counted days: whole months.
    let counted: Period

    /// Whether a part's aggregate is kept by day or by month.
    enum Time { case days, months }

    /// The wins of the rows aliased `x`: successes and lessons summed.
    static let wins = "SUM(x.successes + x.lessons)"
    /// Successes and lessons summed over `x`, named as ``KindCounts`` reads them.
    static let byKind = "SUM(x.successes) AS successes, SUM(x.lessons) AS lessons"

    var query: DashboardQuery { sql.query }
    var scope: Team.ID? { sql.scope }
    var dialect: any SQLDialect { sql.dialect }
    func table(_ name: String) -> String { sql.table(name) }
    /// See ``DashboardSQL/inTenant(_:_:)``.
    func inTenant(_ s: inout SQLStatement, _ alias: String) { sql.inTenant(&s, alias) }

    /// `alias` counts the scope's subtree.
    func inScope(_ s: inout SQLStatement, _ alias: String) {
        s.append("\(alias).own = 0 AND ")
        if let scope {
            s.append("\(alias).scope_id = ")
            s.bind(.id(scope.uuid))
        } else {
            s.append("\(alias).scope_id IN (\(sql.topScopes))")
        }
        sql.inTenant(&s, alias)
    }

    /// `alias` counts the scope's subtree on the counted days (or months).
    func scoped(_ s: inout SQLStatement, _ alias: String, _ time: Time) {
        inScope(&s, alias)
        during(&s, alias, time)
    }

    /// The rows of `table` for the lines of the roll-up (each child team's subtree, and the scope's own wins), as
    /// `x`, on the counted days (or months). Two index ranges joined with UNION ALL: an OR of the two
    /// conditions made PostgreSQL read the whole table, and a row-value list made SQLite do so.
    func rolledUp(_ s: inout SQLStatement, _ name: String, _ time: Time) {
        if let scope {
            s.append("(SELECT * FROM \(table(name)) r WHERE r.own = 0 AND r.scope_id IN (SELECT c.id FROM \(table("team")) c WHERE c.parent_id = ")
            s.bind(.id(scope.uuid))
            sql.inTenant(&s, "c")
            s.append(")")
            sql.inTenant(&s, "r")
            s.append(" UNION ALL SELECT * FROM \(table(name)) r WHERE r.own = 1 AND r.scope_id = ")
            s.bind(.id(scope.uuid))
            sql.inTenant(&s, "r")
            s.append(") x WHERE 1 = 1")
        } else {
            s.append("\(table(name)) x WHERE x.own = 0 AND x.scope_id IN (\(sql.topScopes))")
        }
        during(&s, "x", time)
    }

    /// `alias` on the counted days, or on the months holding them.
    func during(_ s: inout SQLStatement, _ alias: String, _ time: Time) {
        let months = (first: counted.first, last: Period.month(containing: counted.last).first)
        let (column, first, last) = time == .days ? ("day", counted.first, counted.last) : ("month", months.first, months.last)
        s.append(" AND \(alias).\(column) >= ")
        s.bind(.day(first))
        s.append(" AND \(alias).\(column) <= ")
        s.bind(.day(last))
    }

    /// Successes and lessons by `key` of `name`, a monthly aggregate: rows of ``KindCounts``.
    func counts(_ name: String, key: String) -> SQLStatement {
        var s = SQLStatement(dialect: dialect)
        s.append("SELECT x.\(key) AS id, \(Self.byKind) FROM \(table(name)) x WHERE ")
        scoped(&s, "x", .months)
        s.append(" GROUP BY x.\(key)")
        return s
    }

    /// Members' wins in the scope: `per(id, n)`.
    func perMember(_ s: inout SQLStatement) {
        s.append("(SELECT x.author_id AS id, \(Self.wins) AS n FROM \(table("dash_author")) x WHERE ")
        scoped(&s, "x", .months)
        s.append(" GROUP BY x.author_id HAVING \(Self.wins) > 0) per")
    }
}
