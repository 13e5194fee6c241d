import Foundation
import GRDB
import SmallWins

/// A win's columns plus its themes, groups and shout-outs, each in the order given.
private let winColumns = """
    w.*,
    (SELECT group_concat(theme_id, ',') FROM (SELECT theme_id FROM win_theme WHERE win_id = w.id ORDER BY position)) AS theme_ids,
    (SELECT group_concat(group_id, ',') FROM (SELECT group_id FROM win_group WHERE win_id = w.id ORDER BY position)) AS group_ids,
    (SELECT group_concat(member_id, ',') FROM (SELECT member_id FROM win_shout_out WHERE win_id = w.id ORDER BY position)) AS shout_out_ids
    """

extension SQLiteStore {
    public func record(_ wins: [Win]) async throws -> [Win] {
        try await insert(wins, keepingRecordedAt: false)
    }

    public func restore(_ wins: [Win]) async throws {
        _ = try await insert(wins, keepingRecordedAt: true)
    }

    private func insert(_ wins: [Win], keepingRecordedAt: Bool) async throws -> [Win] {
        try Win.validate(batch: wins, field: "wins")
        return try await write { context in
            var checker = WinReferenceChecker(context: context)
            return try wins.map { win in
                var stored = win
                stored.recordedAt = keepingRecordedAt ? Instant.truncated(win.recordedAt) : context.now
                try context.requireNew(win.id.uuid, in: "win")
                let tenant = try checker.check(win)
                try context.db.cachedStatement(sql: """
                    INSERT INTO win (id, tenant_id, team_id, author_id, kind, title, story, learned, next, day,
                                     goal_id, attempt_id, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                        win.id.description, tenant, win.team.description, win.author.description, win.kind.rawValue,
                        win.title, win.story, win.learned, win.next, win.day.iso, win.goal?.description,
                        win.attempt?.description, Instant.iso(stored.recordedAt),
                    ])
                try context.insertLinks(of: win)
                try context.log(.win, .created, id: win.id.uuid, team: win.team.description, tenant: tenant)
                return stored
            }
        }
    }

    public func win(_ id: Win.ID) async throws -> Win {
        try await read { context in try context.visibleWin(id) }
    }

    public func wins(_ query: WinQuery, after cursor: WinCursor?, limit: Int) async throws -> WinPage {
        try WinPage.validate(limit: limit)
        let terms = try query.searchTerms()
        return try await read { context in
            var filter = WinFilter(query: query, terms: terms)
            if let cursor {
                // A row value, so the index on (day, id) (or on team, day, id) serves the range: with an OR,
                // SQLite sorted every earlier win for each page.
                filter.add("(w.day, w.id) < (?, ?)", [cursor.day.iso, cursor.id.description])
            }
            let rows = try context.scopedRows(filter.pageStatement, arguments: filter.arguments + [limit + 1])
            let wins = try rows.prefix(limit).map(Win.init(row:))
            return WinPage(wins: wins, next: rows.count > limit ? wins.last.map(WinCursor.init(after:)) : nil)
        }
    }

    public func update(_ win: Win) async throws -> Win {
        try win.validate()
        return try await write { context in
            var stored = try context.visibleWin(win.id)
            var checker = WinReferenceChecker(context: context)
            let tenant = try checker.check(win)
            try context.db.execute(sql: """
                UPDATE win SET team_id = ?, author_id = ?, kind = ?, title = ?, story = ?, learned = ?, next = ?, day = ?,
                               goal_id = ?, attempt_id = ?
                WHERE id = ?
                """, arguments: [
                    win.team.description, win.author.description, win.kind.rawValue, win.title, win.story, win.learned,
                    win.next, win.day.iso, win.goal?.description, win.attempt?.description, win.id.description,
                ])
            for table in ["win_theme", "win_group", "win_shout_out"] {
                try context.db.execute(sql: "DELETE FROM \(table) WHERE win_id = ?", arguments: [win.id.description])
            }
            try context.insertLinks(of: win)
            try context.log(.win, .updated, id: win.id.uuid, team: win.team.description, tenant: tenant)
            let recordedAt = stored.recordedAt
            stored = win
            stored.recordedAt = recordedAt
            return stored
        }
    }

    public func delete(_ id: Win.ID) async throws {
        try await write { context in
            let stored = try context.visibleWin(id)
            let tenant = try context.tenant(of: try context.ancestry(of: stored.team.description))
            try context.db.execute(sql: "DELETE FROM win WHERE id = ?", arguments: [id.description])
            try context.log(.win, .deleted, id: id.uuid, team: stored.team.description, tenant: tenant)
        }
    }
}

/// The WHERE clause of a win query, built from bound parameters only.
struct WinFilter {
    var prelude = ""
    var clauses = ["1 = 1"]
    var arguments: StatementArguments = []

    init(query: WinQuery, terms: [String]) {
        add("w.team_id IN (SELECT id FROM subtree)", [])
        if !query.teams.isEmpty {
            let ids = query.teams.map(\.description).sorted()
            prelude = ", picked(id) AS (SELECT id FROM team WHERE id IN \(placeholders(ids.count)) "
                + "UNION SELECT team.id FROM team JOIN picked ON team.parent_id = picked.id) "
            arguments += StatementArguments(ids)
            clauses.append("w.team_id IN (SELECT id FROM picked)")
        }
        if let period = query.period { add("w.day BETWEEN ? AND ?", [period.first.iso, period.last.iso]) }
        addIn("w.kind", query.kinds.map(\.rawValue))
        addIn("w.goal_id", query.goals.map(\.description))
        addIn("w.attempt_id", query.attempts.map(\.description))
        addIn("w.author_id", query.authors.map(\.description))
        addLink("win_theme", "theme_id", query.themes.map(\.description))
        addLink("win_group", "group_id", query.groups.map(\.description))
        if !terms.isEmpty {
            let match = terms.map { "\"\($0)\"*" }.joined(separator: " ")
            add("w.seq IN (SELECT rowid FROM win_search WHERE win_search MATCH ?)", [match])
        }
    }

    var conditions: String { clauses.joined(separator: " AND ") }

    /// The statement reading a page of wins, newest first, to follow the scope's CTE; the page size is bound last.
    /// The page's rows are picked from an index alone, then read with their links: SQLite computes a select list
    /// before it sorts, so the links would otherwise be read for every candidate row of every team in scope.
    var pageStatement: String {
        prelude + """
            , page(seq) AS (SELECT w.seq FROM win w WHERE \(conditions) ORDER BY w.day DESC, w.id DESC LIMIT ?)
            SELECT \(winColumns) FROM page JOIN win w ON w.seq = page.seq ORDER BY w.day DESC, w.id DESC
            """
    }

    mutating func add(_ clause: String, _ values: [String]) {
        clauses.append(clause)
        arguments += StatementArguments(values)
    }

    private mutating func addIn(_ column: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        add("\(column) IN \(placeholders(values.count))", values.sorted())
    }

    private mutating func addLink(_ table: String, _ column: String, _ values: [String]) {
        guard !values.isEmpty else { return }
        add("EXISTS (SELECT 1 FROM \(table) link WHERE link.win_id = w.id AND link.\(column) IN \(placeholders(values.count)))",
            values.sorted())
    }
}

/// Checks a win's references, remembering each team's ancestry and every reference already found valid for a
/// team, so a bulk insert asks the database about each team, author, goal, theme and group once.
struct WinReferenceChecker {
    let context: SQLiteContext
    private var ancestries: [Team.ID: [String]] = [:]
    /// References already checked, as "team reference-kind id".
    private var valid: Set<String> = []

    init(context: SQLiteContext) { self.context = context }

    /// Checks every reference of `win`; returns its tenant.
    mutating func check(_ win: Win) throws -> String {
        let context = self.context
        let chain: [String]
        if let known = ancestries[win.team] {
            chain = known
        } else {
            chain = try context.requireWritable(team: win.team, field: "team")
            ancestries[win.team] = chain
        }
        let tenant = try context.tenant(of: chain)
        try once(win, "author", [win.author.uuid]) { _ in
            try context.requireMembers([win.author], tenant: tenant, field: "author")
            let belongs = try Bool.fetchOne(context.db, sql: """
                SELECT 1 FROM membership WHERE member_id = ? AND team_id IN \(placeholders(chain.count))
                """, arguments: StatementArguments([win.author.description] + chain)) ?? false
            if !belongs {
                throw SmallWinsError.invalid(field: "author", reason: "is not a member of the win's team or a team above it")
            }
        }
        try once(win, "goal", win.goal.map { [$0.uuid] } ?? []) { try context.requireKept($0, in: "goal", by: chain, field: "goal", kind: .goal) }
        try once(win, "attempt", win.attempt.map { [$0.uuid] } ?? []) {
            try context.requireKept($0, in: "attempt", by: chain, field: "attempt", kind: .attempt)
        }
        try once(win, "theme", win.themes.map(\.uuid)) { try context.requireKept($0, in: "theme", by: chain, field: "themes", kind: .theme) }
        try once(win, "group", win.groups.map(\.uuid)) {
            try context.requireKept($0, in: "student_group", by: chain, field: "groups", kind: .studentGroup)
        }
        try once(win, "shout-out", win.shoutOuts.map(\.uuid)) {
            try context.requireMembers($0.map(Member.ID.init), tenant: tenant, field: "shoutOuts")
        }
        return tenant
    }

    /// Runs `check` on those of `ids` not yet found valid for the win's team, then remembers them.
    private mutating func once(_ win: Win, _ kind: String, _ ids: [UUID], _ check: ([UUID]) throws -> Void) throws {
        let keys = ids.map { "\(win.team) \(kind) \($0)" }
        let unknown = zip(ids, keys).filter { !valid.contains($0.1) }
        guard !unknown.isEmpty else { return }
        try check(unknown.map(\.0))
        valid.formUnion(unknown.map(\.1))
    }
}

extension SQLiteContext {
    /// The win, if it exists and its team is in scope.
    func visibleWin(_ id: Win.ID) throws -> Win {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(winColumns) FROM win w WHERE w.id = ?", arguments: [id.description]),
              try isInSubtree(row["team_id"])
        else { throw SmallWinsError.notFound(.win, id: id.uuid) }
        return try Win(row: row)
    }

    func insertLinks(of win: Win) throws {
        let links: [(table: String, column: String, ids: [String])] = [
            ("win_theme", "theme_id", win.themes.map(\.description)),
            ("win_group", "group_id", win.groups.map(\.description)),
            ("win_shout_out", "member_id", win.shoutOuts.map(\.description)),
        ]
        for link in links {
            for (position, id) in link.ids.enumerated() {
                try db.cachedStatement(sql: "INSERT INTO \(link.table) (win_id, \(link.column), position) VALUES (?, ?, ?)")
                    .execute(arguments: [win.id.description, id, position])
            }
        }
    }
}

extension Win {
    init(row: Row) throws {
        self.init(
            id: try row.id("id"), team: try row.id("team_id"), author: try row.id("author_id"), kind: try row.value("kind"),
            title: row["title"], story: row["story"], learned: row["learned"], next: row["next"], day: try row.day("day"),
            goal: try row.optionalID("goal_id"), attempt: try row.optionalID("attempt_id"), themes: try row.ids("theme_ids"),
            groups: try row.ids("group_ids"), shoutOuts: try row.ids("shout_out_ids"), recordedAt: try row.instant("recorded_at"))
    }
}
