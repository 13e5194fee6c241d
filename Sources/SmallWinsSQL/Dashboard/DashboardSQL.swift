import Foundation
import SmallWins

/// What every part of a dashboard writes its statement with: the query, the scope and the dialect, and the
/// pieces parts share (the scope's CTE, the counted wins, the roll-up, suppression by people).
package struct DashboardSQL {
    /// The query planned.
    let query: DashboardQuery
    /// The store's scope.
    let scope: Team.ID?
    /// The scope's tenant, when known (``inTenant(_:_:)``).
    let tenant: UUID?
    let dialect: any SQLDialect
    /// The search words of the query's filters.
    let terms: [String]
    /// Whether the parts that count wins read the maintained aggregates.
    let aggregated: Bool

    /// The counted wins' successes and lessons, as SQL sums over `w`.
    static let successes = "COALESCE(SUM(CASE WHEN w.kind = 'success' THEN 1 ELSE 0 END), 0)"
    static let lessons = "COALESCE(SUM(CASE WHEN w.kind = 'lesson' THEN 1 ELSE 0 END), 0)"

    /// A table's name in the dialect.
    func table(_ name: String) -> String { dialect.table(name) }

    /// A statement that starts with the scope's CTE (`subtree`, `above`, `lineage`), for a part that reads the directory.
    func directory() -> SQLStatement {
        var s = SQLStatement(dialect: dialect)
        scopeCTE(&s)
        s.append("\n")
        return s
    }

    /// A statement that starts with the scope's CTE and `selected`, the counted wins gathered by ``setup()``.
    func countedWins() -> SQLStatement {
        var s = SQLStatement(dialect: dialect)
        scopeCTE(&s)
        s.append(", selected AS (SELECT * FROM dashboard_selected)\n")
        return s
    }

    /// `selected w` joined to `table` as `alias` on the win, naming the tenant on `alias` (``inTenant(_:_:)``):
    /// the counted wins are a table of the coordinator, and Citus sends the join to the one node of the tenant.
    func countedWins(joining table: String, as alias: String) -> SQLText {
        "selected w JOIN \(raw: self.table(table)) \(raw: alias) ON \(raw: alias).win_id = w.id" + engine.inTenant(alias)
    }

    /// Creates and fills `dashboard_selected` with the counted wins.
    func setup() -> [SQLStatement] {
        var statements = dialect.createSelectedTable().map { sql in
            var statement = SQLStatement(dialect: dialect)
            statement.append(sql)
            return statement
        }
        var fill = SQLStatement(dialect: dialect)
        let counted = query.effectivePeriod
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

    /// `WITH subtree, lineage`: the teams in scope, and those plus the ones above it.
    func scopeCTE(_ s: inout SQLStatement) { s.append(engine.scopeCTE) }

    /// Appends ``SQLEngine/inTenant(_:)`` for `alias`, so Citus can route the statement to one node.
    func inTenant(_ s: inout SQLStatement, _ alias: String) { s.append(engine.inTenant(alias)) }

    /// The engine of the dashboard's scope and tenant, for the pieces it shares with every other statement.
    private var engine: SQLEngine { SQLEngine(dialect: dialect, scope: scope?.uuid, tenant: tenant) }

    /// `WITH subtree, lineage[, picked], selected`: the scope, and the wins counted
    /// (filters applied, days from `first` (or any) through `last`; none when `last` is nil).
    func preamble(_ s: inout SQLStatement, from first: Day?, through last: Day?) {
        scopeCTE(&s)
        let selection = WinSelection(filters: query.filters, terms: terms, days: (first, last), dialect: dialect, tenant: tenant)
        s.append(selection.prelude)
        s.append(", selected AS (SELECT w.id, w.team_id, w.author_id, w.kind, w.day, w.goal_id, w.attempt_id FROM \(table("win")) w WHERE ")
        s.append(selection.conditions)
        s.append(")\n")
    }

    /// Successes and lessons by `key`, a linked codebook entry, over `links` (the counted wins joined to their
    /// links), in the cells of enough people: rows of ``KindCounts``.
    func countsByLink(_ key: String, in links: SQLText) -> SQLStatement {
        var s = countedWins()
        s.append("SELECT \(key) AS id, \(Self.successes) AS successes, \(Self.lessons) AS lessons FROM ")
        s.append(links)
        keepCells(&s, of: links, by: [key])
        s.append(" GROUP BY 1")
        return s
    }

    /// Successes and lessons of the counted wins by `column` of the win (a goal or an attempt): rows of ``KindCounts``.
    func countsByColumn(_ column: String) -> SQLStatement {
        var s = countedWins()
        s.append("SELECT \(column) AS id, \(Self.successes) AS successes, \(Self.lessons) AS lessons FROM selected w")
        keepCells(&s, of: "selected w", by: [column])
        s.append(" WHERE \(column) IS NOT NULL GROUP BY 1")
        return s
    }

    /// Maps every team in the scope to the child team of the scope (or root team) it sits in: `roll(id, top)`,
    /// from the closure table.
    func rollUp(_ s: inout SQLStatement) {
        s.append(", roll(id, top) AS (SELECT a.team_id, a.ancestor_id FROM \(table("team_ancestor")) a JOIN \(table("team")) c")
        s.append(" ON c.id = a.ancestor_id AND c.tenant_id = a.tenant_id WHERE a.own = 0 AND ")
        if let scope {
            s.append("c.parent_id = ")
            s.bind(.id(scope.uuid))
        } else {
            s.append("c.parent_id IS NULL")
        }
        inTenant(&s, "a")
        inTenant(&s, "c")
        s.append(")\n")
    }

    /// With suppression by people, joins `kept`: the cells (a team's own wins sharing the values of `keys`)
    /// that at least ``DashboardQuery/minimumGroupSize`` people wrote, so that a breakdown by `keys` counts
    /// only those. Every cell of every dashboard is then a sum of such cells, and subtracting one dashboard's
    /// cell from another's never isolates fewer people. `source` names the wins `w`, as the outer query does.
    func keepCells(_ s: inout SQLStatement, of source: SQLText, by keys: [String]) {
        guard query.minimumGroupSize >= 2 else { return }
        let columns = keys.enumerated().map { "\($1) AS k\($0)" }.joined(separator: ", ")
        let positions = (1...keys.count + 1).map(String.init).joined(separator: ", ")
        s.append(" JOIN (SELECT w.team_id AS team_id, \(columns) FROM ")
        s.append(source)
        s.append(" GROUP BY \(positions) HAVING COUNT(DISTINCT w.author_id) >= ")
        s.bind(.integer(Int64(query.minimumGroupSize)))
        s.append(") kept ON kept.team_id = w.team_id")
        for (index, key) in keys.enumerated() { s.append(" AND kept.k\(index) = \(key)") }
    }

    /// For the whole installation: the highest teams whose aggregates the connection can read, so their
    /// subtrees hold every win it can read once. These are the root teams, or, for a PostgreSQL role under
    /// row-level security, the teams it was granted.
    var topScopes: String {
        "SELECT c.team_id FROM \(table("team_ancestor")) c WHERE c.own = 0 GROUP BY c.team_id HAVING COUNT(*) = 1"
    }
}
