import Foundation
import SmallWins

extension SQLStore {
    public func record(_ wins: [Win]) async throws -> [Win] {
        try Win.validate(batch: wins, field: "wins")
        guard !wins.isEmpty else { return [] }
        return try await run(engine.insert(wins, restoring: false))
    }

    public func restore(_ wins: [Win]) async throws {
        try Win.validate(batch: wins, field: "wins")
        guard !wins.isEmpty else { return }
        _ = try await run(engine.insert(wins, restoring: true))
    }

    public func win(_ id: Win.ID) async throws -> Win { try await run(engine.win(id)) }

    public func wins(_ query: WinQuery, after cursor: WinCursor?, limit: Int) async throws -> WinPage {
        try WinPage.validate(limit: limit)
        try cursor?.check(for: query)
        return try await run(engine.wins(query, terms: try query.searchTerms(), after: cursor, limit: limit))
    }

    public func update(_ win: Win) async throws -> Win {
        try win.validate()
        return try await run(engine.update(win))
    }

    public func delete(_ id: Win.ID) async throws { try await run(engine.delete(id)) }
}

extension SQLEngine {
    /// Checks every win against facts read in a few set-based queries, then inserts them and their links: one
    /// transaction, all or nothing. A restore keeps `recordedAt`; a new win is recorded now.
    func insert(_ wins: [Win], restoring: Bool) -> SQLPlan<[Win]> {
        let computed = countsInSwift(wins, restoring: restoring)
        let plan = insert(wins, restoring: restoring, computed: computed)
        guard computed else { return plan }
        // Deltas computed here come from the teams' ancestries: lock the teams against a move first (a move locks
        // its whole subtree for update), so the ancestries read next are those the commit sees.
        let teams = Array(Set(wins.map(\.team.uuid))).map(SQLValue.id)
        return locking(tenantsOf: "SELECT tenant_id FROM \(table: "team") WHERE id IN \(list: teams)", with: { tenants in
            statement("SELECT t.id FROM \(table: "team") t WHERE t.id IN \(list: teams) AND \(tenantIs("t", tenants)) \(raw: dialect.lockingRead(updating: [], keeping: ["t"]))")
        }, then: plan)
    }

    /// ``insert(_:restoring:)`` after any lock, the aggregate deltas `computed` here or not.
    private func insert(_ wins: [Win], restoring: Bool, computed: Bool) -> SQLPlan<[Win]> {
        let now = Instant.truncated(Date())
        let existing = statement("SELECT id FROM \(table: "win") WHERE id IN \(list: wins.map { .id($0.id.uuid) })")
        return SQLPlan(writes: true, bulkRows: restoring ? wins.count : nil, reads: [existing] + referenceFacts(of: wins)) { rows in
            let existing = Set(try rows[0].ids())
            var checker = try WinReferences(facts: rows[1...], engine: self)
            var stored: [Win] = [], tenants: [UUID] = []
            for win in wins {
                if existing.contains(win.id.uuid) { throw SmallWinsError.conflict(field: "id", reason: "\(win.id) already exists") }
                tenants.append(try checker.check(win))
                var copy = win
                copy.recordedAt = restoring ? Instant.truncated(win.recordedAt) : now
                stored.append(copy)
            }
            let changes = zip(stored, tenants).map { (id: $0.id.uuid, team: $0.team.uuid, tenant: $1) }
            let counted = computed ? counting(newWins: stored, ancestries: checker.ancestries) : [counting(newWins: stored.map(\.id.uuid))]
            // The aggregate upserts come last: their district rows are the ones concurrent writers queue on, and
            // each is held from its upsert to the commit.
            return .write([winRows(stored, tenants: tenants)] + linkRows(of: stored, tenants: tenants) + log(.win, .created, changes) + counted, then: stored)
        }
    }

    func win(_ id: Win.ID) -> SQLPlan<Win> {
        SQLPlan(writes: false, reads: storedWin(id)) { rows in .done(try visibleWin(id, facts: rows).win) }
    }

    /// A page of wins, newest first. A store scoped below the top team, on an engine with lateral joins, reads its
    /// few teams' newest wins team by team through the index on (team, day, id) and merges them: walking every
    /// team's newest wins instead read about 50 rows per row kept in a school of a 50-school district. With a text
    /// search the word index leads instead. Team by team, the page names the scope's tenant on every table it reads,
    /// which Citus needs to run a lateral join.
    func wins(_ query: WinQuery, terms: [String], after cursor: WinCursor?, limit: Int) -> SQLPlan<WinPage> {
        let page = { @Sendable (engine: SQLEngine, teamByTeam: Bool) in
            SQLPlan<WinPage>(writes: false, reads: [engine.pageStatement(query, terms: terms, after: cursor, limit: limit, teamByTeam: teamByTeam)]) { rows in
                let wins = try rows[0].prefix(limit).map(Win.init(row:))
                return .done(WinPage(wins: wins, next: rows[0].count > limit ? wins.last.map { WinCursor(after: $0, of: query) } : nil))
            }
        }
        guard let scope, terms.isEmpty, dialect.supportsLateralJoins else { return page(self, false) }
        return SQLPlan(writes: false, reads: [statement("SELECT tenant_id FROM \(table: "team") WHERE id = \(scope) AND parent_id IS NOT NULL")]) { rows in
            guard let tenant = try rows[0].first?.uuid("tenant_id") else { return .more(page(self, false)) }
            return .more(page(SQLEngine(dialect: dialect, scope: scope, tenant: tenant), true))
        }
    }

    /// The rows of a page and one more (to tell whether another page follows). Where the engine computes a select
    /// list before it sorts (SQLite), reads team by team, or searches text, the page's wins are picked first (from
    /// an index alone, or the word index), then read with their links: the links would otherwise be read for every
    /// candidate row (on PostgreSQL a search of a 100,000-win district took 65 ms so, 42 ms picking first).
    /// Otherwise one ordered, limited read does both (picking first made a PostgreSQL page 0.3 ms slower).
    package func pageStatement(_ query: WinQuery, terms: [String], after cursor: WinCursor?, limit: Int, teamByTeam: Bool) -> SQLStatement {
        let selection = WinSelection(filters: query, terms: terms, days: query.period.map { ($0.first, $0.last) }, cursor: cursor, dialect: dialect,
                                     tenant: scopeTenant, everyTeam: scope == nil)
        let newest: SQLText = "ORDER BY w.day DESC, w.id DESC LIMIT \(limit + 1)"
        guard teamByTeam || !terms.isEmpty || dialect.computesSelectListBeforeSorting else {
            return scoped(selection.prelude + "\nSELECT \(winColumns) FROM \(table: "win") w WHERE \(selection.conditions) \(newest)")
        }
        let picked: SQLText = teamByTeam
            ? """
              SELECT p.id, p.day FROM subtree CROSS JOIN LATERAL (
                  SELECT w.id, w.day FROM \(table: "win") w WHERE w.team_id = subtree.id AND \(selection.conditions) \(newest)
              ) p ORDER BY p.day DESC, p.id DESC LIMIT \(limit + 1)
              """
            : "SELECT w.id, w.day FROM \(table: "win") w WHERE \(selection.conditions) \(newest)"
        return scoped(selection.prelude + """
            , page(id, day) AS (\(picked))
            SELECT \(winColumns) FROM page JOIN \(table: "win") w ON w.id = page.id\(inTenant("w")) ORDER BY w.day DESC, w.id DESC
            """)
    }

    func update(_ win: Win) -> SQLPlan<Win> {
        lockingWin(win.id, then:
            SQLPlan(writes: true, reads: storedWin(win.id) + referenceFacts(of: [win])) { rows in
                var stored = try visibleWin(win.id, facts: rows).win
                var checker = try WinReferences(facts: rows[2...], engine: self)
                let tenant = try checker.check(win)
                let search: SQLText = dialect.winSearchColumn.map { ", \(raw: $0) = \(win.searchText)" } ?? ""
                let change = statement("""
                    UPDATE \(table: "win") SET team_id = \(win.team), author_id = \(win.author), kind = \(win.kind.rawValue), title = \(win.title),
                    story = \(win.story), learned = \(win.learned), next = \(win.next), day = \(.day(win.day)), goal_id = \(win.goal),
                    attempt_id = \(win.attempt)\(search)
                    WHERE id = \(win.id)
                    """)
                let clear = Self.links.map { SQLWrite.statement(statement("DELETE FROM \(table: $0.table) WHERE win_id = \(win.id)")) }
                stored = Win(win, recordedAt: stored.recordedAt)
                let counted: SQLText = "w.id = \(win.id)"
                return .write(winAggregates(-1, wins: counted) + [.statement(change)] + clear + linkRows(of: [win], tenants: [tenant]) + winAggregates(1, wins: counted)
                              + log(.win, .updated, id: win.id.uuid, team: win.team.uuid, tenant: tenant), then: stored)
            })
    }

    func delete(_ id: Win.ID) -> SQLPlan<Void> {
        lockingWin(id, then:
            SQLPlan(writes: true, reads: storedWin(id)) { rows in
                let (stored, tenant) = try visibleWin(id, facts: rows)
                let remove = statement("DELETE FROM \(table: "win") WHERE id = \(id)")
                return .write(winAggregates(-1, wins: "w.id = \(id)") + [.statement(remove)] + log(.win, .deleted, id: id.uuid, team: stored.team.uuid, tenant: tenant),
                              then: ())
            })
    }

    /// The win and its team's ancestry.
    private func storedWin(_ id: Win.ID) -> [SQLStatement] {
        [statement("SELECT \(winColumns) FROM \(table: "win") w WHERE w.id = \(id)"), ancestry(ofTeam: "(SELECT team_id FROM \(table: "win") WHERE id = \(id))")]
    }

    /// `plan` after locking the win's row until the commit, and its team's against a move, for a write that takes
    /// away what the win counts in the aggregates and adds it again (a celebration given or a team moved meanwhile
    /// waits, so nothing is counted twice or under the wrong school).
    private func lockingWin<Output>(_ id: Win.ID, then plan: SQLPlan<Output>) -> SQLPlan<Output> {
        lockingWins([.id(id.uuid)], then: plan)
    }

    /// `plan` after locking the rows of `wins` until the commit, and their teams' against a move, their tenants read first.
    func lockingWins<Output>(_ wins: [SQLValue], then plan: SQLPlan<Output>) -> SQLPlan<Output> {
        locking(tenantsOf: "SELECT tenant_id FROM \(table: "win") WHERE id IN \(list: wins)", with: { tenants in
            statement("""
                SELECT w.id FROM \(table: "win") w JOIN \(table: "team") t ON t.id = w.team_id AND t.tenant_id = w.tenant_id
                WHERE w.id IN \(list: wins) AND \(tenantIs("w", tenants)) AND \(tenantIs("t", tenants)) \(raw: dialect.lockingRead(updating: ["w"], keeping: ["t"]))
                """)
        }, then: plan)
    }

    /// The win and its tenant from ``storedWin(_:)``, if it exists and its team is in scope.
    private func visibleWin(_ id: Win.ID, facts rows: [[SQLRow]]) throws -> (win: Win, tenant: UUID) {
        let chain = try rows[1].ids()
        guard let row = rows[0].first, isInSubtree(chain) else { throw SmallWinsError.notFound(.win, id: id.uuid) }
        return (try Win(row: row), try tenant(of: chain))
    }

    /// What ``WinReferences`` reads for `wins`: the teams' ancestries, the people's tenants, the authors'
    /// memberships, and the keepers of goals, attempts, themes and groups.
    private func referenceFacts(of wins: [Win]) -> [SQLStatement] {
        let teams = Array(Set(wins.map(\.team.uuid))).map(SQLValue.id)
        let people = Array(Set(wins.flatMap { [$0.author.uuid] + $0.shoutOuts.map(\.uuid) })).map(SQLValue.id)
        return [
            statement("""
                SELECT a.team_id AS start, a.ancestor_id AS id FROM \(table: "team_ancestor") a
                WHERE a.team_id IN \(list: teams) AND a.own = 0 ORDER BY a.team_id, \(depth(of: "a")) DESC
                """),
            statement("SELECT id, tenant_id FROM \(table: "member") WHERE id IN \(list: people)"),
            statement("SELECT member_id, team_id FROM \(table: "membership") WHERE member_id IN \(list: Array(Set(wins.map(\.author.uuid))).map(SQLValue.id))"),
            keepers(of: Array(Set(wins.compactMap(\.goal?.uuid))), in: "goal"),
            keepers(of: Array(Set(wins.compactMap(\.attempt?.uuid))), in: "attempt"),
            keepers(of: Array(Set(wins.flatMap(\.themes).map(\.uuid))), in: "theme"),
            keepers(of: Array(Set(wins.flatMap(\.groups).map(\.uuid))), in: "student_group"),
        ]
    }

    private func winRows(_ wins: [Win], tenants: [UUID]) -> SQLWrite {
        var columns = [
            SQLColumn("id", .id), SQLColumn("tenant_id", .id), SQLColumn("team_id", .id), SQLColumn("author_id", .id), SQLColumn("kind", .text),
            SQLColumn("title", .text), SQLColumn("story", .text), SQLColumn("learned", .text, nullable: true),
            SQLColumn("next", .text, nullable: true), SQLColumn("day", .day), SQLColumn("goal_id", .id, nullable: true),
            SQLColumn("attempt_id", .id, nullable: true), SQLColumn("recorded_at", .instant),
        ]
        if let search = dialect.winSearchColumn { columns.append(SQLColumn(search, .text)) }
        let rows = zip(wins, tenants).map { win, tenant in
            [SQLValue.id(win.id.uuid), .id(tenant), .id(win.team.uuid), .id(win.author.uuid), .text(win.kind.rawValue), .text(win.title),
             .text(win.story), .text(win.learned), .text(win.next), .day(win.day), .id(win.goal?.uuid), .id(win.attempt?.uuid),
             .instant(win.recordedAt)] + (dialect.winSearchColumn == nil ? [] : [.text(win.searchText)])
        }
        return .rows(SQLRowsInsert(table: "win", columns: columns, rows: rows))
    }

    /// The tables linking a win to its themes, groups and shout-outs, each in the order given.
    static let links: [(table: String, column: String, ids: @Sendable (Win) -> [UUID])] = [
        ("win_theme", "theme_id", { $0.themes.map(\.uuid) }),
        ("win_group", "group_id", { $0.groups.map(\.uuid) }),
        ("win_shout_out", "member_id", { $0.shoutOuts.map(\.uuid) }),
    ]

    /// The link rows of `wins`, each of the tenant at the same place in `tenants`.
    private func linkRows(of wins: [Win], tenants: [UUID]) -> [SQLWrite] {
        Self.links.compactMap { link in
            let rows = zip(wins, tenants).flatMap { win, tenant in
                link.ids(win).enumerated().map { [SQLValue.id(win.id.uuid), .id($1), .integer(Int64($0)), .id(tenant)] }
            }
            let columns = [SQLColumn("win_id", .id), SQLColumn(link.column, .id), SQLColumn("position", .integer), SQLColumn("tenant_id", .id)]
            return rows.isEmpty ? nil : .rows(SQLRowsInsert(table: link.table, columns: columns, rows: rows))
        }
    }

    /// A win's columns, its day and instant as text, and its links in the order given.
    private var winColumns: SQLText {
        func ids(_ column: String, _ table: String) -> SQLText {
            dialect.joinedIDs("SELECT \(raw: column) AS item FROM \(table: table) l WHERE l.win_id = w.id AND l.tenant_id = w.tenant_id\(inTenant("l")) ORDER BY l.position")
        }
        return """
            w.id, w.team_id, w.author_id, w.kind, w.title, w.story, w.learned, w.next, w.day, w.goal_id,
            w.attempt_id, w.recorded_at, \(ids("theme_id", "win_theme")) AS theme_ids,
            \(ids("group_id", "win_group")) AS group_ids, \(ids("member_id", "win_shout_out")) AS shout_out_ids
            """
    }
}

/// Checks wins' references against facts read once per batch, in the same order and with the same errors on
/// every backend: team, author, membership, goal, attempt, themes, groups, shout-outs.
private struct WinReferences {
    private let engine: SQLEngine
    /// Each team's ancestry, itself first.
    let ancestries: [UUID: [UUID]]
    private let memberTenants: [UUID: UUID]
    private let memberships: Set<[UUID]>
    /// The keeping team of each goal, attempt, theme and student group the batch names, by id.
    private let goals: [UUID: UUID], attempts: [UUID: UUID], themes: [UUID: UUID], groups: [UUID: UUID]

    /// The facts of ``SQLEngine/referenceFacts(of:)``.
    init(facts rows: ArraySlice<[SQLRow]>, engine: SQLEngine) throws {
        self.engine = engine
        let first = rows.startIndex
        var ancestries: [UUID: [UUID]] = [:]
        for row in rows[first] { ancestries[try row.uuid("start"), default: []].append(try row.uuid("id")) }
        self.ancestries = ancestries
        var tenants: [UUID: UUID] = [:]
        for row in rows[first + 1] { tenants[try row.uuid("id")] = try row.uuid("tenant_id") }
        memberTenants = tenants
        memberships = Set(try rows[first + 2].map { [try $0.uuid("member_id"), try $0.uuid("team_id")] })
        (goals, attempts) = (try engine.owners(rows[first + 3]), try engine.owners(rows[first + 4]))
        (themes, groups) = (try engine.owners(rows[first + 5]), try engine.owners(rows[first + 6]))
    }

    /// Checks every reference of `win`; returns its tenant.
    mutating func check(_ win: Win) throws -> UUID {
        let chain = ancestries[win.team.uuid] ?? []
        try engine.requireWritable(win.team.uuid, ancestry: chain, field: "team")
        let tenant = try engine.tenant(of: chain)
        if memberTenants[win.author.uuid] != tenant {
            throw SmallWinsError.unknownReference(field: "author", .member, id: win.author.uuid)
        }
        if !chain.contains(where: { memberships.contains([win.author.uuid, $0]) }) {
            throw SmallWinsError.invalid(field: "author", reason: "is not a member of the win's team or a team above it")
        }
        try engine.requireKept(win.goal.map { [$0.uuid] } ?? [], owners: goals, by: chain, field: "goal", kind: .goal)
        try engine.requireKept(win.attempt.map { [$0.uuid] } ?? [], owners: attempts, by: chain, field: "attempt", kind: .attempt)
        try engine.requireKept(win.themes.map(\.uuid), owners: themes, by: chain, field: "themes", kind: .theme)
        try engine.requireKept(win.groups.map(\.uuid), owners: groups, by: chain, field: "groups", kind: .studentGroup)
        for member in win.shoutOuts where memberTenants[member.uuid] != tenant {
            throw SmallWinsError.unknownReference(field: "shoutOuts", .member, id: member.uuid)
        }
        return tenant
    }
}

extension Win {
    /// The folded words of the title and story, for engines that index them in a column (``SQLDialect/winSearchColumn``).
    var searchText: String { SearchText.words(title + " " + story).joined(separator: " ") }

    /// `win` with the time it was first recorded.
    fileprivate init(_ win: Win, recordedAt: Date) {
        self = win
        self.recordedAt = recordedAt
    }

    /// A win from a row of the engine's win columns.
    init(row: SQLRow) throws {
        self.init(
            id: try row.id("id"), team: try row.id("team_id"), author: try row.id("author_id"), kind: try row.value("kind"),
            title: try row.text("title"), story: try row.text("story"), learned: try row.optionalText("learned"),
            next: try row.optionalText("next"), day: try row.day("day"), goal: try row.optionalID("goal_id"),
            attempt: try row.optionalID("attempt_id"), themes: try row.ids("theme_ids"), groups: try row.ids("group_ids"),
            shoutOuts: try row.ids("shout_out_ids"), recordedAt: try row.instant("recorded_at"))
    }
}
