import Foundation
import SmallWins

/// The dashboard's maintained aggregates (the `dash_*` tables and the closure table `team_ancestor`, read
/// through ``AggregateSQL``), kept exact by the engine itself: every write that changes what they count adds its
/// deltas in its own transaction, with one set-based upsert per aggregate table for the whole batch. No trigger
/// writes another table (a distributed PostgreSQL refuses tables with triggers), and a bulk load sums a page's
/// deltas once.
///
/// A delta adds (or, with a sign of -1, takes away) what a set of wins contributes: by default to every scope
/// of each win's team (`team_ancestor` rows, `own` 0 and 1); for a moved team, to the ancestors it leaves or
/// joins. Upserts read their rows in key order, so two writers lock shared rows in the same order.
extension SQLEngine {
    /// Which rows feed one aggregate table.
    private enum Source {
        /// The wins (`w`) themselves.
        case wins
        /// One link table (`l`) of the wins: themes, groups or shout-outs.
        case link(String)
        /// The wins' celebrations (`l`).
        case celebrations
    }

    /// One `dash_*` table: its key columns beyond `scope_id` and `own`, and what it counts.
    private struct Aggregate {
        let table: String
        let source: Source
        /// Key columns and the expressions filling them (`month` is a placeholder for the dialect's).
        let keys: [(column: String, expression: String)]
        /// Whether the table counts by kind (`successes`, `lessons`) rather than a count `n`.
        let byKind: Bool
        /// Whether only whole subtrees (`own = 0`) are kept.
        let subtreesOnly: Bool
        /// A further condition on the counted rows.
        let condition: String?

        init(_ table: String, _ source: Source, _ keys: [(String, String)], byKind: Bool = true, subtreesOnly: Bool = true,
             condition: String? = nil) {
            self.table = table
            self.source = source
            self.keys = keys.map { (column: $0.0, expression: $0.1) }
            self.byKind = byKind
            self.subtreesOnly = subtreesOnly
            self.condition = condition
        }
    }

    private static let month = "MONTH"

    private static let aggregates = [
        Aggregate("dash_day", .wins, [("day", "w.day")], subtreesOnly: false),
        Aggregate("dash_author", .wins, [("month", month), ("author_id", "w.author_id")], subtreesOnly: false),
        Aggregate("dash_goal", .wins, [("month", month), ("goal_id", "w.goal_id")], condition: "w.goal_id IS NOT NULL"),
        Aggregate("dash_attempt", .wins, [("month", month), ("attempt_id", "w.attempt_id")], condition: "w.attempt_id IS NOT NULL"),
        Aggregate("dash_theme", .link("win_theme"), [("month", month), ("theme_id", "l.theme_id")]),
        Aggregate("dash_group", .link("win_group"), [("month", month), ("group_id", "l.group_id")]),
        Aggregate("dash_equity", .link("win_group"), [("month", month), ("goal_id", "w.goal_id"), ("group_id", "l.group_id")], byKind: false,
                  condition: "w.goal_id IS NOT NULL"),
        Aggregate("dash_shout_out", .link("win_shout_out"), [("month", month), ("from_id", "w.author_id"), ("to_id", "l.member_id")], byKind: false),
        Aggregate("dash_celebration", .celebrations, [("month", month), ("kind", "l.kind")], byKind: false, subtreesOnly: false),
        Aggregate("dash_celebration_pair", .celebrations, [("month", month), ("from_id", "l.member_id"), ("to_id", "w.author_id")], byKind: false),
        Aggregate("dash_bright", .celebrations, [("win_id", "w.id")], byKind: false),
    ]

    /// Where a delta lands: the scopes of each win's own team, or a fixed chain of ancestors.
    enum AggregateScopes {
        /// Every scope of each win's team (`own` 0 and 1).
        case ofEachWin
        /// The whole-subtree scopes of `team` and its ancestors: where a moved team's wins leave or arrive.
        case above(UUID)
    }

    /// What the wins of `wins` (a condition on `w`) and everything counted with them (links, celebrations)
    /// contribute, times `sign`, written into every aggregate table.
    func winAggregates(_ sign: Int, wins: SQLText, scopes: AggregateScopes = .ofEachWin) -> [SQLWrite] {
        winDeltas(sign, wins: wins, scopes: scopes).map(SQLWrite.statement)
    }

    /// What the celebrations of `celebrations` (a condition on `l`) contribute, times `sign`.
    func celebrationAggregates(_ sign: Int, celebrations: SQLText) -> [SQLWrite] {
        celebrationDeltas(sign, celebrations: celebrations).map(SQLWrite.statement)
    }

    /// Counts new wins, just written with their links.
    func counting(newWins ids: [UUID]) -> SQLWrite {
        .newRowsCounted(NewRowsCount(rows: .wins, ids: ids, statements: winDeltas(1, wins: "w.id IN \(list: ids.map(SQLValue.id))")))
    }

    /// Counts new celebrations, just written.
    func counting(newCelebrations ids: [UUID]) -> SQLWrite {
        .newRowsCounted(NewRowsCount(rows: .celebrations, ids: ids,
                                     statements: celebrationDeltas(1, celebrations: "l.id IN \(list: ids.map(SQLValue.id))")))
    }

    /// Counts the wins and celebrations whose counting a backend put off (``SQLWrite/newRowsCounted(_:)``): `wins`
    /// and `celebrations` are queries returning their ids. A deferred win's celebrations count with it.
    public func countDeferredRows(wins: String, celebrations: String) -> [SQLStatement] {
        winDeltas(1, wins: "w.id IN (\(raw: wins))")
            + celebrationDeltas(1, celebrations: "l.id IN (\(raw: celebrations)) AND l.win_id NOT IN (\(raw: wins))")
    }

    private func winDeltas(_ sign: Int, wins: SQLText, scopes: AggregateScopes = .ofEachWin) -> [SQLStatement] {
        Self.aggregates.map { delta($0, sign: sign, wins: wins, celebrations: nil, scopes: scopes) }
    }

    private func celebrationDeltas(_ sign: Int, celebrations: SQLText) -> [SQLStatement] {
        Self.aggregates.filter { if case .celebrations = $0.source { true } else { false } }
            .map { delta($0, sign: sign, wins: "1 = 1", celebrations: celebrations, scopes: .ofEachWin) }
    }

    /// The closure rows of a new team: itself (`own` 0 and 1) and its parent's ancestors.
    func ancestorRows(ofNew team: Team) -> [SQLWrite] {
        let own = statement("""
            INSERT INTO \(table: "team_ancestor") (team_id, own, ancestor_id) VALUES (\(team.id), 0, \(team.id)), (\(team.id), 1, \(team.id))
            """)
        guard let parent = team.parent else { return [.statement(own)] }
        return [.statement(own), .statement(statement("""
            INSERT INTO \(table: "team_ancestor") (team_id, own, ancestor_id)
            SELECT \(team.id), 0, ancestor_id FROM \(table: "team_ancestor") WHERE team_id = \(parent) AND own = 0
            """))]
    }

    /// Moves `team`'s subtree from below `old` to below `new` in the aggregates: its wins leave the old ancestors'
    /// counts and join the new ones', and the closure rows follow. Runs before the team's row changes. It first
    /// locks the subtree's team rows, which a concurrent win written there holds a key lock on until it commits
    /// (its foreign key), so no win is counted under both the old and the new ancestors.
    func moveAggregates(of team: UUID, from old: UUID, to new: UUID) -> [SQLWrite] {
        let subtree: SQLText = "SELECT team_id FROM \(table: "team_ancestor") WHERE ancestor_id = \(team) AND own = 0"
        let wins: SQLText = "w.team_id IN (\(subtree))"
        let lock = statement("SELECT t.id FROM \(table: "team") t WHERE t.id IN (\(subtree)) \(raw: dialect.lockingRead(updating: ["t"], keeping: []))")
        let unlink = statement("""
            DELETE FROM \(table: "team_ancestor") WHERE own = 0 AND team_id IN (\(subtree))
            AND ancestor_id IN (SELECT ancestor_id FROM \(table: "team_ancestor") WHERE team_id = \(old) AND own = 0)
            """)
        let link = statement("""
            INSERT INTO \(table: "team_ancestor") (team_id, own, ancestor_id)
            SELECT d.team_id, 0, a.ancestor_id FROM \(table: "team_ancestor") d, \(table: "team_ancestor") a
            WHERE d.ancestor_id = \(team) AND d.own = 0 AND a.team_id = \(new) AND a.own = 0
            """)
        return [.statement(lock)] + winAggregates(-1, wins: wins, scopes: .above(old)) + [.statement(unlink), .statement(link)]
            + winAggregates(1, wins: wins, scopes: .above(new))
    }

    /// Removes a deleted team's closure rows and the (zero) counts kept for its scope.
    func forgetScope(_ team: UUID) -> [SQLWrite] {
        (["team_ancestor"] + Self.aggregates.map(\.table)).map { table in
            .statement(statement("DELETE FROM \(table: table) WHERE \(raw: table == "team_ancestor" ? "team_id" : "scope_id") = \(team)"))
        }
    }

    private func delta(_ aggregate: Aggregate, sign: Int, wins: SQLText, celebrations: SQLText?, scopes: AggregateScopes) -> SQLStatement {
        let month = dialect.bucketStart(.month, "w.day")
        let keys = aggregate.keys.map { $0.expression == Self.month ? month : $0.expression }
        let counts = aggregate.byKind
            ? ["successes", "lessons"].map { ($0, "\(sign) * SUM(CASE WHEN w.kind = '\($0 == "successes" ? "success" : "lesson")' THEN 1 ELSE 0 END)") }
            : [("n", "\(sign) * COUNT(*)")]
        let extra = aggregate.table == "dash_bright" ? [("day", "MAX(w.day)")] : []
        let values = counts + extra
        var from: SQLText = "\(table: "win") w"
        var conditions: [SQLText] = [wins]
        switch aggregate.source {
        case .wins: break
        case .link(let link):
            from = from + ", \(table: link) l"
            conditions.append("l.win_id = w.id")
        case .celebrations:
            from = from + ", \(table: "celebration") l"
            conditions.append("l.win_id = w.id")
            if let celebrations { conditions.append(celebrations) }
        }
        from = from + ", \(table: "team_ancestor") a"
        switch scopes {
        case .ofEachWin: conditions.append("a.team_id = w.team_id")
        case .above(let team): conditions.append("a.team_id = \(team) AND a.own = 0")
        }
        if aggregate.subtreesOnly { conditions.append("a.own = 0") }
        if let condition = aggregate.condition { conditions.append(SQLText(stringLiteral: condition)) }
        let keyColumns = ["scope_id", "own"] + aggregate.keys.map(\.column)
        let grouped = (["a.ancestor_id", "a.own"] + keys).joined(separator: ", ")
        let updates = counts.map { "\($0.0) = \(aggregate.table).\($0.0) + excluded.\($0.0)" } + extra.map { "\($0.0) = excluded.\($0.0)" }
        let text: SQLText = """
            INSERT INTO \(table: aggregate.table) (\(raw: (keyColumns + values.map(\.0)).joined(separator: ", ")))
            SELECT \(raw: grouped), \(raw: values.map(\.1).joined(separator: ", "))
            FROM \(from) WHERE \(conditions.joined(separator: " AND "))
            GROUP BY \(raw: grouped) ORDER BY \(raw: grouped)
            ON CONFLICT (\(raw: keyColumns.joined(separator: ", "))) DO UPDATE SET \(raw: updates.joined(separator: ", "))
            """
        return statement(text)
    }
}

extension [SQLText] {
    /// The texts with `separator` between them.
    func joined(separator: String) -> SQLText {
        guard var text = first else { return "" }
        for next in dropFirst() { text = text + SQLText(stringLiteral: separator) + next }
        return text
    }
}
