import Foundation
import PostgresNIO
import SmallWins

extension PostgresStore {
    /// A win's columns, its days and instants as text, and its links in the order given.
    var winColumns: String { PostgresStoreColumns.win(s) }

    public func record(_ wins: [Win]) async throws -> [Win] {
        try await insert(wins, restoring: false)
    }

    public func restore(_ wins: [Win]) async throws {
        _ = try await insert(wins, restoring: true)
    }

    /// Checks every win against data fetched in a few set-based queries, then loads them with one statement per table:
    /// one transaction, at database speed, all or nothing. A restore keeps `recordedAt` and defers the aggregates.
    private func insert(_ wins: [Win], restoring: Bool) async throws -> [Win] {
        try Win.validate(batch: wins, field: "wins")
        guard !wins.isEmpty else { return [] }
        return try await write(deferredRows: restoring ? wins.count : nil) { context in
            var checker = try await PostgresWinChecker(context: context, wins: wins)
            var stored: [Win] = []
            var tenants: [UUID] = []
            stored.reserveCapacity(wins.count)
            for win in wins {
                if checker.existing.contains(win.id.uuid) {
                    throw SmallWinsError.conflict(field: "id", reason: "\(win.id) already exists")
                }
                tenants.append(try await checker.check(win))
                var copy = win
                copy.recordedAt = restoring ? Instant.truncated(win.recordedAt) : context.now
                stored.append(copy)
            }
            try await context.insertWins(stored, tenants: tenants)
            try await context.execute("""
                INSERT INTO \(raw: s)change_log (tenant_id, team_id, entity, action, entity_id, at)
                SELECT c.tenant, c.team, 'win', 'created', c.id, \(Instant.iso(context.now))::timestamptz
                FROM unnest(\(tenants)::uuid[], \(stored.map(\.team.uuid))::uuid[], \(stored.map(\.id.uuid))::uuid[]) AS c(tenant, team, id)
                """)
            try await context.execute("SELECT pg_notify(\(context.channel), '')")
            return stored
        }
    }

    public func win(_ id: Win.ID) async throws -> Win {
        try await read { context in try await context.visibleWin(id) }
    }

    public func wins(_ query: WinQuery, after cursor: WinCursor?, limit: Int) async throws -> WinPage {
        try WinPage.validate(limit: limit)
        let terms = try query.searchTerms()
        let columns = winColumns
        return try await read { context in
            let filter = PostgresWinFilter(query: query, terms: terms, cursor: cursor, s: s)
            // A store scoped below the top team reads a few teams' wins: their newest, team by team through the
            // index on (team, day, id), then merged. Walking every team's newest wins instead read about 50 rows per
            // row kept in a school of a 50-school district. With a text search the word index leads instead.
            let selection: PGQuery
            if let scope = context.scope, terms.isEmpty,
               try await context.exists("SELECT 1 FROM \(raw: s)team WHERE id = \(scope) AND parent_id IS NOT NULL") {
                selection = """
                    , page AS (SELECT p.id, p.day FROM subtree CROSS JOIN LATERAL (
                        SELECT w.id, w.day FROM \(raw: s)win w WHERE w.team_id = subtree.id AND \(filter.conditions)
                        ORDER BY w.day DESC, w.id DESC LIMIT \(limit + 1)) p ORDER BY p.day DESC, p.id DESC LIMIT \(limit + 1))
                    SELECT \(raw: columns) FROM page JOIN \(raw: s)win w ON w.id = page.id ORDER BY w.day DESC, w.id DESC
                    """
            } else {
                selection = """

                    SELECT \(raw: columns) FROM \(raw: s)win w WHERE \(filter.conditions) ORDER BY w.day DESC, w.id DESC LIMIT \(limit + 1)
                    """
            }
            let rows = try await context.rows(context.scopeCTE() + filter.prelude + selection)
            let wins = try rows.prefix(limit).map(Win.init(row:))
            return WinPage(wins: wins, next: rows.count > limit ? wins.last.map(WinCursor.init(after:)) : nil)
        }
    }

    public func update(_ win: Win) async throws -> Win {
        try win.validate()
        return try await write { context in
            var stored = try await context.visibleWin(win.id)
            var checker = try await PostgresWinChecker(context: context, wins: [win])
            let tenant = try await checker.check(win)
            try await context.execute("""
                UPDATE \(raw: s)win SET team_id = \(win.team.uuid), author_id = \(win.author.uuid), kind = \(win.kind.rawValue),
                title = \(win.title), story = \(win.story), learned = \(win.learned), next = \(win.next), day = \(win.day.iso)::date,
                goal_id = \(win.goal?.uuid), attempt_id = \(win.attempt?.uuid), search_text = \(win.searchText)
                WHERE id = \(win.id.uuid)
                """)
            for table in ["win_theme", "win_group", "win_shout_out"] {
                try await context.execute("DELETE FROM \(raw: s)\(raw: table) WHERE win_id = \(win.id.uuid)")
            }
            try await context.insertLinks(of: [win])
            try await context.log(.win, .updated, id: win.id.uuid, team: win.team.uuid, tenant: tenant)
            let recordedAt = stored.recordedAt
            stored = win
            stored.recordedAt = recordedAt
            return stored
        }
    }

    public func delete(_ id: Win.ID) async throws {
        try await write { context in
            let stored = try await context.visibleWin(id)
            let tenant = try context.tenant(of: try await context.ancestry(of: stored.team.uuid))
            try await context.execute("DELETE FROM \(raw: s)win WHERE id = \(id.uuid)")
            try await context.log(.win, .deleted, id: id.uuid, team: stored.team.uuid, tenant: tenant)
        }
    }
}

/// The WHERE clause of a win query, built from bound parameters only.
struct PostgresWinFilter {
    var prelude: PGQuery = ""
    var conditions: PGQuery = "w.team_id IN (SELECT id FROM subtree)"

    init(query: WinQuery, terms: [String], cursor: WinCursor?, s: String) {
        if !query.teams.isEmpty {
            prelude = """
                , picked(id) AS (SELECT id FROM \(raw: s)team WHERE id = ANY(\(query.teams.map(\.uuid))::uuid[])
                    UNION SELECT t.id FROM \(raw: s)team t JOIN picked ON t.parent_id = picked.id)

                """
            conditions += " AND w.team_id IN (SELECT id FROM picked)"
        }
        if let period = query.period { conditions += " AND w.day BETWEEN \(period.first.iso)::date AND \(period.last.iso)::date" }
        if !query.kinds.isEmpty { conditions += " AND w.kind = ANY(\(query.kinds.map(\.rawValue))::text[])" }
        if !query.goals.isEmpty { conditions += " AND w.goal_id = ANY(\(query.goals.map(\.uuid))::uuid[])" }
        if !query.attempts.isEmpty { conditions += " AND w.attempt_id = ANY(\(query.attempts.map(\.uuid))::uuid[])" }
        if !query.authors.isEmpty { conditions += " AND w.author_id = ANY(\(query.authors.map(\.uuid))::uuid[])" }
        if !query.themes.isEmpty {
            conditions += """
                 AND EXISTS (SELECT 1 FROM \(raw: s)win_theme link WHERE link.win_id = w.id AND link.theme_id = ANY(\(query.themes.map(\.uuid))::uuid[]))
                """
        }
        if !query.groups.isEmpty {
            conditions += """
                 AND EXISTS (SELECT 1 FROM \(raw: s)win_group link WHERE link.win_id = w.id AND link.group_id = ANY(\(query.groups.map(\.uuid))::uuid[]))
                """
        }
        if !terms.isEmpty {
            let search = terms.map { "\($0):*" }.joined(separator: " & ")
            conditions += " AND w.search @@ to_tsquery('simple', \(search))"
        }
        if let cursor {
            conditions += " AND (w.day, w.id) < (\(cursor.day.iso)::date, \(cursor.id.uuid))"
        }
    }
}

/// Checks wins' references against rows fetched once per batch, in the same order and with the same
/// errors as every backend: team, author, membership, goal, attempt, themes, groups, shout-outs.
struct PostgresWinChecker {
    let context: PostgresContext
    /// Win ids of the batch that already exist.
    let existing: Set<UUID>
    private let memberTenants: [UUID: UUID]
    private let memberships: Set<[UUID]>
    private let owners: [String: [UUID: UUID]]
    /// Ancestries looked up so far in this batch.
    private var ancestries: [Team.ID: [UUID]] = [:]

    init(context: PostgresContext, wins: [Win]) async throws {
        self.context = context
        let s = context.s
        existing = Set(try await context.rows("SELECT id FROM \(raw: s)win WHERE id = ANY(\(wins.map(\.id.uuid))::uuid[])")
            .map { try $0.uuid("id") })
        let people = Array(Set(wins.flatMap { [$0.author.uuid] + $0.shoutOuts.map(\.uuid) }))
        var tenants: [UUID: UUID] = [:]
        for row in try await context.rows("SELECT id, tenant_id FROM \(raw: s)member WHERE id = ANY(\(people)::uuid[])") {
            tenants[try row.uuid("id")] = try row.uuid("tenant_id")
        }
        memberTenants = tenants
        let authors = Array(Set(wins.map(\.author.uuid)))
        memberships = Set(try await context.rows(
            "SELECT member_id, team_id FROM \(raw: s)membership WHERE member_id = ANY(\(authors)::uuid[])"
        ).map { [try $0.uuid("member_id"), try $0.uuid("team_id")] })
        var owners: [String: [UUID: UUID]] = [:]
        let lookups: [(String, [UUID])] = [
            ("goal", wins.compactMap(\.goal?.uuid)), ("attempt", wins.compactMap(\.attempt?.uuid)),
            ("theme", wins.flatMap(\.themes).map(\.uuid)), ("student_group", wins.flatMap(\.groups).map(\.uuid)),
        ]
        for (table, ids) in lookups where !ids.isEmpty {
            var found: [UUID: UUID] = [:]
            for row in try await context.rows("SELECT id, team_id FROM \(raw: s)\(raw: table) WHERE id = ANY(\(Array(Set(ids)))::uuid[])") {
                found[try row.uuid("id")] = try row.uuid("team_id")
            }
            owners[table] = found
        }
        self.owners = owners
    }

    /// Checks every reference of `win`; returns its tenant.
    mutating func check(_ win: Win) async throws -> UUID {
        let chain: [UUID]
        if let known = ancestries[win.team] {
            chain = known
        } else {
            chain = try await context.requireWritable(team: win.team, field: "team")
            ancestries[win.team] = chain
        }
        let tenant = try context.tenant(of: chain)
        if memberTenants[win.author.uuid] != tenant {
            throw SmallWinsError.unknownReference(field: "author", .member, id: win.author.uuid)
        }
        if !chain.contains(where: { memberships.contains([win.author.uuid, $0]) }) {
            throw SmallWinsError.invalid(field: "author", reason: "is not a member of the win's team or a team above it")
        }
        try requireKept(win.goal.map { [$0.uuid] } ?? [], "goal", chain, field: "goal", kind: .goal)
        try requireKept(win.attempt.map { [$0.uuid] } ?? [], "attempt", chain, field: "attempt", kind: .attempt)
        try requireKept(win.themes.map(\.uuid), "theme", chain, field: "themes", kind: .theme)
        try requireKept(win.groups.map(\.uuid), "student_group", chain, field: "groups", kind: .studentGroup)
        for member in win.shoutOuts where memberTenants[member.uuid] != tenant {
            throw SmallWinsError.unknownReference(field: "shoutOuts", .member, id: member.uuid)
        }
        return tenant
    }

    private func requireKept(_ ids: [UUID], _ table: String, _ chain: [UUID], field: String, kind: EntityKind) throws {
        for id in ids where !(owners[table]?[id].map(chain.contains) ?? false) {
            throw SmallWinsError.unknownReference(field: field, kind, id: id)
        }
    }
}

extension PostgresContext {
    /// The win, if it exists and its team is in scope.
    func visibleWin(_ id: Win.ID) async throws -> Win {
        let columns = PostgresStoreColumns.win(s)
        guard let row = try await row("SELECT \(raw: columns) FROM \(raw: s)win w WHERE w.id = \(id.uuid)"),
              try await isInSubtree(try row.uuid("team_id"))
        else { throw SmallWinsError.notFound(.win, id: id.uuid) }
        return try Win(row: row)
    }

    /// Loads wins and their links, a statement per table.
    func insertWins(_ wins: [Win], tenants: [UUID]) async throws {
        let columns: [BulkColumn] = [
            "id uuid", "tenant_id uuid", "team_id uuid", "author_id uuid", "kind text", "title text", "story text",
            "learned text?", "next text?", "day date", "goal_id uuid?", "attempt_id uuid?", "recorded_at timestamptz", "search_text text",
        ]
        try await insertRows("win", columns: columns, rows: zip(wins, tenants).map { win, tenant in
            [win.id.description, tenant.lowercaseText, win.team.description, win.author.description, win.kind.rawValue,
             win.title, win.story, win.learned, win.next, win.day.iso, win.goal?.description, win.attempt?.description,
             Instant.iso(win.recordedAt), win.searchText]
        })
        try await insertLinks(of: wins)
    }

    /// Inserts the theme, group and shout-out rows of `wins`.
    func insertLinks(of wins: [Win]) async throws {
        let links: [(table: String, column: String, ids: (Win) -> [String])] = [
            ("win_theme", "theme_id", { $0.themes.map(\.description) }),
            ("win_group", "group_id", { $0.groups.map(\.description) }),
            ("win_shout_out", "member_id", { $0.shoutOuts.map(\.description) }),
        ]
        for link in links {
            let rows = wins.flatMap { win in link.ids(win).enumerated().map { [win.id.description, $1, String($0)] } }
            try await insertRows(link.table, columns: ["win_id uuid", BulkColumn(name: link.column, type: "uuid"), "position integer"], rows: rows)
        }
    }

    /// Inserts `rows` (text, `nil` for NULL) into `table` in one statement: each column is bound as one text array
    /// and cast to its type by `unnest`. (Not `COPY`: PostgresNIO stops the process when a server dies mid-`COPY`.)
    func insertRows(_ table: String, columns: [BulkColumn], rows: [[String?]]) async throws {
        guard !rows.isEmpty else { return }
        let names = columns.map(\.name).joined(separator: ", ")
        let values = columns.map { column in
            column.nullable ? "NULLIF(r.\(column.name), '')::\(column.type)" : "r.\(column.name)::\(column.type)"
        }.joined(separator: ", ")
        var query: PGQuery = "INSERT INTO \(raw: s)\(raw: table) (\(raw: names)) SELECT \(raw: values) FROM unnest("
        for index in columns.indices {
            // A nullable column holds no empty text (validation refuses blank text and ids are never empty), so
            // the empty string stands for NULL.
            let cells = rows.map { $0[index] ?? "" }
            if index > 0 { query += ", " }
            query += "\(cells)::text[]"
        }
        query += ") AS r(\(raw: names))"
        try await execute(query)
    }
}

/// Column lists shared by reads that run outside a store method.
enum PostgresStoreColumns {
    /// The win columns for the schema prefix `s`.
    static func win(_ s: String) -> String {
        """
        w.id, w.team_id, w.author_id, w.kind, w.title, w.story, w.learned, w.next, \(PGText.day("w.day")) AS day,
        w.goal_id, w.attempt_id, \(PGText.instant("w.recorded_at")) AS recorded_at,
        ARRAY(SELECT theme_id FROM \(s)win_theme WHERE win_id = w.id ORDER BY position) AS theme_ids,
        ARRAY(SELECT group_id FROM \(s)win_group WHERE win_id = w.id ORDER BY position) AS group_ids,
        ARRAY(SELECT member_id FROM \(s)win_shout_out WHERE win_id = w.id ORDER BY position) AS shout_out_ids
        """
    }
}

extension Win {
    /// The folded words of the title and story, which PostgreSQL indexes for full-text search.
    var searchText: String { SearchText.words(title + " " + story).joined(separator: " ") }

    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.id("id"), team: try row.id("team_id"), author: try row.id("author_id"), kind: try row.value("kind"),
            title: try row.string("title"), story: try row.string("story"), learned: try row.optionalString("learned"),
            next: try row.optionalString("next"), day: try row.day("day"), goal: try row.optionalID("goal_id"),
            attempt: try row.optionalID("attempt_id"), themes: try row.ids("theme_ids"), groups: try row.ids("group_ids"),
            shoutOuts: try row.ids("shout_out_ids"), recordedAt: try row.instant("recorded_at"))
    }
}

/// A column of ``PostgresContext/insertRows(_:columns:rows:)``: its name, its type, and whether it may be NULL,
/// written `"name type"` or `"name type?"`.
struct BulkColumn: ExpressibleByStringLiteral {
    let name: String
    let type: String
    var nullable = false

    init(name: String, type: String, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }

    init(stringLiteral text: String) {
        let parts = text.split(separator: " ")
        name = String(parts[0])
        nullable = parts[1].hasSuffix("?")
        type = String(parts[1].filter { $0 != "?" })
    }
}
