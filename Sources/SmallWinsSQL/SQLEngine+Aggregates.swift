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
///
/// The district's own rows of the tables that every school shares (days, themes, groups, celebration kinds) keep
/// each count in slices (``SQLDialect/aggregateSlices``): a win counts in its team's slice (``slice(scope:team:district:)``), so
/// two writers in one district queue on the district's row of the day only when their teams share a slice, and
/// every reader sums the slices. Other scopes' rows, and the tables keyed by something one school owns (a goal, an
/// author), keep slice 0: writers of different schools do not share them, and a school's dashboard reads no more
/// rows. A team's wins always count in one slice, so a subtraction finds the row its addition wrote.
extension SQLEngine {
    /// Which rows feed one aggregate table.
    private enum Source {
        /// The wins (`w`) themselves.
        case wins
        /// One link table (`l`) of the wins: themes, groups or shout-outs.
        case link(String)
        /// The wins' celebrations (`l`).
        case celebrations

        /// The link table's description (``SQLEngine/links``), for a ``link(_:)`` source.
        var link: (table: String, column: String, ids: @Sendable (Win) -> [UUID])? {
            guard case .link(let table) = self else { return nil }
            return SQLEngine.links.first { $0.table == table }
        }
    }

    /// Where a key column's value comes from: the win (`w`), or the linked row or celebration (`l`).
    private enum Field {
        case day, month, author, goal, attempt, win
        /// The linked row's id: the theme, group or member of the source's link table.
        case linked
        /// The celebrating member and the celebration's kind.
        case celebrant, celebrationKind

        /// Whether a win may have no value here; such a win is not counted in the table.
        var isOptional: Bool { self == .goal || self == .attempt }
    }

    /// One `dash_*` table: its key columns beyond `scope_id` and `own`, and what it counts.
    private struct Aggregate {
        let table: String
        let source: Source
        /// Key columns and where their values come from.
        let keys: [(column: String, field: Field)]
        /// Whether the table counts by kind (`successes`, `lessons`) rather than a count `n`.
        let byKind: Bool
        /// Whether only whole subtrees (`own = 0`) are kept.
        let subtreesOnly: Bool
        /// Whether the district's rows keep their counts by the slice of the win's team (column `slice`).
        let sliced: Bool

        init(_ table: String, _ source: Source, _ keys: [(String, Field)], byKind: Bool = true, subtreesOnly: Bool = true,
             sliced: Bool = false) {
            self.table = table
            self.source = source
            self.keys = keys.map { (column: $0.0, field: $0.1) }
            self.byKind = byKind
            self.subtreesOnly = subtreesOnly
            self.sliced = sliced
        }

        /// The key columns, `scope_id` and `own` first, then `slice` if kept, and the scope's `tenant_id` last: the
        /// table's primary key.
        var keyColumns: [String] { ["scope_id", "own"] + keys.map(\.column) + (sliced ? ["slice"] : []) + ["tenant_id"] }

        /// The count columns.
        var counts: [String] { byKind ? ["successes", "lessons"] : ["n"] }
    }

    /// In the order each write upserts them. `dash_day` comes last: its row of the district and today is the one
    /// every writer of a district shares, and each writer holds it from its upsert to its commit.
    private static let aggregates = [
        Aggregate("dash_author", .wins, [("month", .month), ("author_id", .author)], subtreesOnly: false),
        Aggregate("dash_goal", .wins, [("month", .month), ("goal_id", .goal)]),
        Aggregate("dash_attempt", .wins, [("month", .month), ("attempt_id", .attempt)]),
        Aggregate("dash_theme", .link("win_theme"), [("month", .month), ("theme_id", .linked)], sliced: true),
        Aggregate("dash_group", .link("win_group"), [("month", .month), ("group_id", .linked)], sliced: true),
        Aggregate("dash_equity", .link("win_group"), [("month", .month), ("goal_id", .goal), ("group_id", .linked)], byKind: false),
        Aggregate("dash_shout_out", .link("win_shout_out"), [("month", .month), ("from_id", .author), ("to_id", .linked)], byKind: false),
        Aggregate("dash_celebration", .celebrations, [("month", .month), ("kind", .celebrationKind)], byKind: false, subtreesOnly: false,
                  sliced: true),
        Aggregate("dash_celebration_pair", .celebrations, [("month", .month), ("from_id", .celebrant), ("to_id", .author)], byKind: false),
        Aggregate("dash_bright", .celebrations, [("win_id", .win)], byKind: false),
        Aggregate("dash_day", .wins, [("day", .day)], subtreesOnly: false, sliced: true),
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

    /// The closure rows of a new team of `tenant`: itself (`own` 0 and 1) and its parent's ancestors.
    func ancestorRows(ofNew team: Team, tenant: UUID) -> [SQLWrite] {
        let own = statement("""
            INSERT INTO \(table: "team_ancestor") (team_id, own, ancestor_id, tenant_id)
            VALUES (\(team.id), 0, \(team.id), \(tenant)), (\(team.id), 1, \(team.id), \(tenant))
            """)
        guard let parent = team.parent else { return [.statement(own)] }
        return [.statement(own), .statement(statement("""
            INSERT INTO \(table: "team_ancestor") (team_id, own, ancestor_id, tenant_id)
            SELECT \(team.id), 0, ancestor_id, tenant_id FROM \(table: "team_ancestor") WHERE team_id = \(parent) AND own = 0
            """))]
    }

    /// Moves `team`'s subtree from below `old` to below `new` in the aggregates: its wins leave the old ancestors'
    /// counts and join the new ones', and the closure rows follow. Runs before the team's row changes. It first
    /// locks the subtree's team rows, which a concurrent win written there holds a key lock on until it commits
    /// (its foreign key), so no win is counted under both the old and the new ancestors.
    func moveAggregates(of team: UUID, tenant: UUID, from old: UUID, to new: UUID) -> [SQLWrite] {
        let subtree: SQLText = "SELECT team_id FROM \(table: "team_ancestor") s WHERE s.ancestor_id = \(team) AND s.own = 0 AND \(tenantIs("s", [tenant]))"
        let wins: SQLText = "w.team_id IN (\(subtree))"
        let lock = statement("""
            SELECT t.id FROM \(table: "team") t WHERE t.id IN (\(subtree)) AND \(tenantIs("t", [tenant])) \(raw: dialect.lockingRead(updating: ["t"], keeping: []))
            """)
        let unlink = statement("""
            DELETE FROM \(table: "team_ancestor") WHERE own = 0 AND tenant_id = \(tenant) AND team_id IN (\(subtree))
            AND ancestor_id IN (SELECT o.ancestor_id FROM \(table: "team_ancestor") o WHERE o.team_id = \(old) AND o.own = 0 AND \(tenantIs("o", [tenant])))
            """)
        let link = statement("""
            INSERT INTO \(table: "team_ancestor") (team_id, own, ancestor_id, tenant_id)
            SELECT d.team_id, 0, a.ancestor_id, d.tenant_id FROM \(table: "team_ancestor") d, \(table: "team_ancestor") a
            WHERE d.ancestor_id = \(team) AND d.own = 0 AND a.team_id = \(new) AND a.own = 0 AND a.tenant_id = d.tenant_id
            AND \(tenantIs("d", [tenant])) AND \(tenantIs("a", [tenant]))
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

    /// What the wins of `wins` (and, for a celebrations table, the celebrations of `celebrations`) add to
    /// `aggregate`'s table, times `sign`, in `scopes`. For new wins in their own scopes, the commonest delta by far,
    /// only `wins` differs between two calls, so the text around it comes from ``DeltaTexts`` (building it again
    /// took a sixth of a SQLite writer's time).
    private func delta(_ aggregate: Aggregate, sign: Int, wins: SQLText, celebrations: SQLText?, scopes: AggregateScopes) -> SQLStatement {
        guard celebrations == nil, case .ofEachWin = scopes else {
            let (head, tail) = deltaText(aggregate, sign: sign, celebrations: celebrations, scopes: scopes)
            return statement(head + wins + tail)
        }
        let (head, tail) = DeltaTexts.shared.texts(key: "\(type(of: dialect)) \(dialect.table(aggregate.table)) \(sign)") {
            let (head, tail) = deltaText(aggregate, sign: sign, celebrations: nil, scopes: scopes)
            return (statement(head).sql, statement(tail).sql)
        }
        var delta = SQLStatement(dialect: dialect)
        delta.append(head)
        delta.append(wins)
        delta.append(tail)
        return delta
    }

    /// ``delta(_:sign:wins:celebrations:scopes:)``'s text before and after its wins condition.
    private func deltaText(_ aggregate: Aggregate, sign: Int, celebrations: SQLText?, scopes: AggregateScopes) -> (head: SQLText, tail: SQLText) {
        let keys = aggregate.keys.map { expression($0.field, of: aggregate.source) }
        let counts = aggregate.byKind
            ? ["success", "lesson"].map { "\(sign) * SUM(CASE WHEN w.kind = '\($0)' THEN 1 ELSE 0 END)" }
            : ["\(sign) * COUNT(*)"]
        let extra = aggregate.table == "dash_bright" ? [("day", "MAX(w.day)")] : []
        let values = zip(aggregate.counts, counts).map { ($0, $1) } + extra
        var from: SQLText = "\(table: "win") w"
        var conditions: [SQLText] = []
        switch aggregate.source {
        case .wins: break
        case .link(let link):
            from = from + ", \(table: link) l"
            conditions.append("l.win_id = w.id AND l.tenant_id = w.tenant_id")
        case .celebrations:
            from = from + ", \(table: "celebration") l"
            conditions.append("l.win_id = w.id AND l.tenant_id = w.tenant_id")
            if let celebrations { conditions.append(celebrations) }
        }
        // Every join also matches the tenant, so a distributed PostgreSQL joins within each node.
        from = from + ", \(table: "team_ancestor") a"
        conditions.append("a.tenant_id = w.tenant_id")
        switch scopes {
        case .ofEachWin: conditions.append("a.team_id = w.team_id")
        case .above(let team): conditions.append("a.team_id = \(team) AND a.own = 0")
        }
        if aggregate.subtreesOnly { conditions.append("a.own = 0") }
        for (key, expression) in zip(aggregate.keys, keys) where key.field.isOptional {
            conditions.append(SQLText(stringLiteral: "\(expression) IS NOT NULL"))
        }
        // The district's id is the tenant id.
        let sliced = aggregate.sliced ? sliceExpression(scope: "a.ancestor_id", team: "w.team_id", district: "a.tenant_id") : nil
        let slice = !aggregate.sliced ? [] : [sliced ?? "0"]
        let grouped = (["a.ancestor_id", "a.own"] + keys + (sliced.map { [$0] } ?? []) + ["a.tenant_id"]).joined(separator: ", ")
        let selected = (["a.ancestor_id", "a.own"] + keys + slice + ["a.tenant_id"]).joined(separator: ", ")
        let head: SQLText = """
            INSERT INTO \(table: aggregate.table) (\(raw: (aggregate.keyColumns + values.map(\.0)).joined(separator: ", ")))
            SELECT \(raw: selected), \(raw: values.map(\.1).joined(separator: ", "))
            FROM \(from) WHERE 
            """
        let tail: SQLText = """
             AND \(conditions.joined(separator: " AND "))
            GROUP BY \(raw: grouped) ORDER BY \(raw: grouped)
            ON CONFLICT \(upsert(aggregate, replacing: extra.map(\.0)))
            """
        return (head, tail)
    }

    /// The end of an upsert into `aggregate`'s table: on its key, add the counts; set the `replacing` columns.
    private func upsert(_ aggregate: Aggregate, replacing: [String] = []) -> SQLText {
        let updates = aggregate.counts.map { "\($0) = \(aggregate.table).\($0) + excluded.\($0)" } + replacing.map { "\($0) = excluded.\($0)" }
        return "(\(raw: aggregate.keyColumns.joined(separator: ", "))) DO UPDATE SET \(raw: updates.joined(separator: ", "))"
    }

    /// The SQL expression of a key field, over the win `w` and the source's row `l`.
    private func expression(_ field: Field, of source: Source) -> String {
        switch field {
        case .day: "w.day"
        case .month: dialect.bucketStart(.month, "w.day")
        case .author: "w.author_id"
        case .goal: "w.goal_id"
        case .attempt: "w.attempt_id"
        case .win: "w.id"
        case .linked:
            if let link = source.link { "l.\(link.column)" } else { preconditionFailure("a linked key needs a link table") }
        case .celebrant: "l.member_id"
        case .celebrationKind: "l.kind"
        }
    }
}

extension SQLEngine {
    /// Whether new wins' deltas are computed here rather than by joins in the database: where the engine plans every
    /// statement anew, small join-free upserts cost far less than eight joined ones (Performance.md, "Aggregate
    /// deltas computed by the engine"). SQLite keeps its prepared fixed statements (computed ones, whose text varies,
    /// made it slower); a large batch keeps one set-based statement per table.
    func countsInSwift(_ wins: [Win], restoring: Bool) -> Bool {
        dialect.plansEveryStatement && !restoring && wins.count <= Self.computedBatchLimit
    }

    /// The most wins whose deltas ``counting(newWins:ancestries:)`` computes in one batch.
    private static let computedBatchLimit = 64

    /// What new wins add to the aggregates, computed from the wins and their teams' ancestries (each team's,
    /// itself first, as read to check them): one multi-row upsert per table without joins, rows in key order so
    /// two writers lock shared rows in the same order. The teams must be locked against a move until the commit.
    func counting(newWins wins: [Win], ancestries: [UUID: [UUID]]) -> [SQLWrite] {
        Self.aggregates.compactMap { aggregate -> SQLWrite? in
            if case .celebrations = aggregate.source { return nil }
            var rows: [[SQLValue]: [Int64]] = [:]
            for win in wins {
                let counts: [Int64] = aggregate.byKind ? (win.kind == .success ? [1, 0] : [0, 1]) : [1]
                let linked: [UUID?] = aggregate.source.link.map { $0.ids(win) } ?? [nil]
                for item in linked {
                    var key: [SQLValue] = []
                    for (_, field) in aggregate.keys {
                        guard let value = Self.value(field, of: win, linked: item) else { break }
                        key.append(value)
                    }
                    guard key.count == aggregate.keys.count else { continue }
                    let chain = ancestries[win.team.uuid] ?? []
                    let scopes = chain.map { [SQLValue.id($0), .integer(0)] } + (aggregate.subtreesOnly ? [] : [[.id(win.team.uuid), .integer(1)]])
                    let district = chain.last  // the tenant: the district at the top of the chain
                    for scope in scopes {
                        let slice: [SQLValue] = !aggregate.sliced ? [] : [.integer(self.slice(scope: scope[0], team: win.team.uuid, district: district))]
                        let row = scope + key + slice + [.id(district)]
                        rows[row] = zip(rows[row] ?? counts.map { _ in 0 }, counts).map(+)
                    }
                }
            }
            guard !rows.isEmpty else { return nil }
            let ordered = rows.sorted { Self.orderKey($0.key) < Self.orderKey($1.key) }
            var text: SQLText = "INSERT INTO \(table: aggregate.table) (\(raw: (aggregate.keyColumns + aggregate.counts).joined(separator: ", "))) VALUES "
            for (index, (key, counts)) in ordered.enumerated() {
                let values = key + counts.map(SQLValue.integer)
                text = text + (index == 0 ? "(" : ", (") + values.map { "\($0)" as SQLText }.joined(separator: ", ") + ")"
            }
            return .statement(statement(text + " ON CONFLICT " + upsert(aggregate)))
        }
    }

    /// The slice a win of `team` counts in, in the row of `scope` of a table that keeps slices: in the district's own
    /// rows, the team id's last byte modulo ``SQLDialect/aggregateSlices``; elsewhere 0. ``sliceExpression(scope:team:district:)``
    /// is the same rule in SQL.
    func slice(scope: SQLValue, team: UUID, district: UUID?) -> Int64 {
        guard let district, scope == .id(district) else { return 0 }
        return Int64(team.uuid.15) % Int64(dialect.aggregateSlices)
    }

    /// ``slice(scope:team:district:)`` as an SQL expression over three columns, or `nil` where the dialect keeps one
    /// slice (the slice is then the constant 0, which is selected but not grouped by: SQLite reads `GROUP BY 0` as a
    /// column number).
    func sliceExpression(scope: String, team: String, district: String) -> String? {
        guard dialect.aggregateSlices > 1 else { return nil }
        return "CASE WHEN \(scope) = \(district) THEN \(dialect.teamSlice(team)) ELSE 0 END"
    }

    /// A key field's value for `win` and one of its linked ids; `nil` when the win has none (it is then not counted).
    private static func value(_ field: Field, of win: Win, linked: UUID?) -> SQLValue? {
        switch field {
        case .day: .day(win.day)
        case .month: .day(Period.month(containing: win.day).first)
        case .author: .id(win.author.uuid)
        case .goal: win.goal.map { .id($0.uuid) }
        case .attempt: win.attempt.map { .id($0.uuid) }
        case .win: .id(win.id.uuid)
        case .linked: linked.map(SQLValue.id)
        case .celebrant, .celebrationKind: preconditionFailure("celebrations are counted by the database")
        }
    }

    /// Text that sorts keys as the database sorts them: ids, days and 0/1 flags each have one width.
    private static func orderKey(_ key: [SQLValue]) -> String {
        key.map { value in
            switch value {
            case .id(let id): id.uuidString
            case .day(let day): day.iso
            case .integer(let number): String(number)
            default: preconditionFailure("aggregate keys are ids, days and flags")
            }
        }.joined(separator: "|")
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
