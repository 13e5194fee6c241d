import Foundation
import SmallWins

/// Which wins a query selects, as SQL on the win aliased `w`: written once for pages of wins and for the
/// dashboard. It follows the scope's CTE (``SQLEngine/scoped(_:)``), which defines `subtree`.
struct WinSelection {
    /// CTEs to append after the scope's (`, picked(id) AS (...)`, the named teams' subtrees, when the query names
    /// teams), or nothing.
    let prelude: SQLText
    /// The conditions, joined with `AND`.
    let conditions: SQLText

    /// The wins in scope matching `filters` (its period aside), `terms` (search words), with a day from `first`
    /// (or any) through `last` (none when `last` is `nil`, or any when `days` is `nil`), and before `cursor`; of
    /// `tenant` when known, which each table read then names. `everyTeam` (an unscoped store) leaves out the
    /// condition on `subtree` when no team is named: every win is in a team, and on PostgreSQL the join with a
    /// subtree of every team made each page of an export read and sort the whole win table instead of walking the
    /// index on (day, id) (a 100,000-win export: 100 such scans).
    init(
        filters: WinQuery, terms: [String], days: (first: Day?, last: Day?)?, cursor: WinCursor? = nil, dialect: any SQLDialect,
        tenant: UUID? = nil, everyTeam: Bool = false
    ) {
        let engine = SQLEngine(dialect: dialect, scope: nil, tenant: tenant)
        let teams = filters.teams.sorted().map { SQLValue.id($0.uuid) }
        // With teams named, one condition on their subtrees within the scope's: as two conditions, SQLite read every
        // win of the scope through the team index (100,000 at district scope) to keep the named team's few hundred.
        var conditions: SQLText = !teams.isEmpty ? "w.team_id IN (SELECT id FROM picked WHERE id IN (SELECT id FROM subtree))" + engine.inTenant("w")
            : everyTeam ? "w.team_id IS NOT NULL" + engine.inTenant("w") : engine.kept(in: "subtree", by: "w")
        func add(_ condition: SQLText) { conditions = conditions + " AND " + condition }
        func inList(_ column: String, _ values: [SQLValue]) {
            if !values.isEmpty { add("\(raw: column) IN \(list: values)") }
        }
        func link(_ table: String, _ column: String, _ values: [SQLValue]) {
            if !values.isEmpty {
                add("EXISTS (SELECT 1 FROM \(table: table) link WHERE link.win_id = w.id AND link.tenant_id = w.tenant_id\(engine.inTenant("link")) AND link.\(raw: column) IN \(list: values))")
            }
        }
        if teams.isEmpty {
            prelude = ""
        } else {
            prelude = """
                , picked(id) AS (SELECT p.team_id FROM \(table: "team_ancestor") p WHERE p.ancestor_id IN \(list: teams) AND p.own = 0\(engine.inTenant("p")))
                """
        }
        if let days {
            guard let last = days.last else {
                self.conditions = conditions + " AND 1 = 0"
                return
            }
            if let first = days.first { add("w.day >= \(.day(first))") }
            add("w.day <= \(.day(last))")
        }
        inList("w.kind", filters.kinds.map(\.rawValue).sorted().map { .text($0) })
        inList("w.goal_id", filters.goals.sorted().map { .id($0.uuid) })
        inList("w.attempt_id", filters.attempts.sorted().map { .id($0.uuid) })
        inList("w.author_id", filters.authors.sorted().map { .id($0.uuid) })
        link("win_theme", "theme_id", filters.themes.sorted().map { .id($0.uuid) })
        link("win_group", "group_id", filters.groups.sorted().map { .id($0.uuid) })
        if !terms.isEmpty { add(dialect.textMatch(terms)) }
        // A row value, so the index on (day, id) (or on team, day, id) serves the range: with an OR, SQLite sorted
        // every earlier win for each page.
        if let cursor { add("(w.day, w.id) < (\(.day(cursor.day)), \(cursor.id))") }
        self.conditions = conditions
    }
}
