import Foundation
import SmallWins

extension SQLStore {
    public func celebrate(_ celebration: Celebration) async throws -> Celebration {
        try Celebration.validate(batch: [celebration], field: "celebrations")
        return try await run(engine.insert([celebration], restoring: false))[0]
    }

    public func restore(_ celebrations: [Celebration]) async throws {
        try Celebration.validate(batch: celebrations, field: "celebrations")
        guard !celebrations.isEmpty else { return }
        _ = try await run(engine.insert(celebrations, restoring: true))
    }

    public func celebration(_ id: Celebration.ID) async throws -> Celebration { try await run(engine.celebration(id)) }

    public func celebrations(of win: Win.ID) async throws -> [Celebration] { try await run(engine.celebrations(of: win)) }

    public func celebrations(ofWins wins: [Win.ID]) async throws -> [Celebration] {
        guard !wins.isEmpty else { return [] }
        return try await run(engine.celebrations(ofWins: wins))
    }

    public func update(_ celebration: Celebration) async throws -> Celebration {
        try celebration.validate()
        return try await run(engine.update(celebration))
    }

    public func delete(_ id: Celebration.ID) async throws { try await run(engine.delete(id)) }
}

extension SQLEngine {
    /// Checks every celebration against facts read in five set-based queries, then inserts them all: one
    /// transaction, all or nothing. A restore keeps `at`; a new celebration is stamped now, and must not be its
    /// author's own win or repeat a kind its member already gave that win: the win's row is locked first
    /// (``lockingWins(_:then:)``), so two concurrent celebrations of one win are checked one after the other.
    func insert(_ celebrations: [Celebration], restoring: Bool) -> SQLPlan<[Celebration]> {
        let wins = Array(Set(celebrations.map(\.win.uuid))).map(SQLValue.id)
        let members = Array(Set(celebrations.map(\.by.uuid))).map(SQLValue.id)
        let winRead = statement("SELECT w.id, w.team_id, w.tenant_id, w.author_id FROM \(table: "win") w WHERE w.id IN \(list: wins)")
        let reads = [
            statement("SELECT id FROM \(table: "celebration") WHERE id IN \(list: celebrations.map { .id($0.id.uuid) })"),
            scoped("""
                SELECT id FROM \(table: "team") WHERE id IN (SELECT team_id FROM \(table: "win") WHERE id IN \(list: wins))
                AND id IN (SELECT id FROM subtree)
                """),
            statement("SELECT id, tenant_id FROM \(table: "member") WHERE id IN \(list: members)"),
            restoring ? statement("SELECT 1 AS id WHERE 1 = 0")
                : statement("SELECT win_id, member_id, kind FROM \(table: "celebration") WHERE win_id IN \(list: wins) AND member_id IN \(list: members)"),
        ]
        let now = Instant.truncated(Date())
        let decide: @Sendable ([[SQLRow]]) throws -> SQLPlan<[Celebration]>.Next = { rows in
            var winFacts: [UUID: (team: UUID, tenant: UUID, author: UUID)] = [:]
            for row in rows[0] { winFacts[try row.uuid("id")] = (try row.uuid("team_id"), try row.uuid("tenant_id"), try row.uuid("author_id")) }
            let existing = Set(try rows[1].ids())
            let visible = Set(try rows[2].ids())
            var memberTenants: [UUID: UUID] = [:]
            for row in rows[3] { memberTenants[try row.uuid("id")] = try row.uuid("tenant_id") }
            var given = Set(try rows[4].map { [try $0.uuid("win_id").lowercaseText, try $0.uuid("member_id").lowercaseText, try $0.text("kind")] })
            var stored: [Celebration] = [], changes: [(id: UUID, team: UUID, tenant: UUID)] = []
            for celebration in celebrations {
                if existing.contains(celebration.id.uuid) {
                    throw SmallWinsError.conflict(field: "id", reason: "\(celebration.id) already exists")
                }
                guard let win = winFacts[celebration.win.uuid], visible.contains(win.team) else {
                    throw SmallWinsError.unknownReference(field: "win", .win, id: celebration.win.uuid)
                }
                guard memberTenants[celebration.by.uuid] == win.tenant else {
                    throw SmallWinsError.unknownReference(field: "by", .member, id: celebration.by.uuid)
                }
                if !restoring {
                    if celebration.by.uuid == win.author { throw SmallWinsError.forbidden("no one celebrates their own win") }
                    guard given.insert([celebration.win.description, celebration.by.description, celebration.kind.rawValue]).inserted else {
                        throw SmallWinsError.conflict(field: "kind", reason: "this member already celebrated this win with \(celebration.kind.rawValue)")
                    }
                }
                var copy = celebration
                copy.at = restoring ? Instant.truncated(celebration.at) : now
                stored.append(copy)
                changes.append((celebration.id.uuid, win.team, win.tenant))
            }
            let columns = [
                SQLColumn("id", .id), SQLColumn("tenant_id", .id), SQLColumn("win_id", .id), SQLColumn("member_id", .id),
                SQLColumn("kind", .text), SQLColumn("message", .text, nullable: true), SQLColumn("at", .instant),
            ]
            let values = zip(stored, changes).map { celebration, change in
                [SQLValue.id(celebration.id.uuid), .id(change.tenant), .id(celebration.win.uuid), .id(celebration.by.uuid),
                 .text(celebration.kind.rawValue), .text(celebration.message), .instant(celebration.at)]
            }
            let counted = counting(newCelebrations: stored.map(\.id.uuid))
            return .write([.rows(SQLRowsInsert(table: "celebration", columns: columns, rows: values)), counted] + log(.celebration, .created, changes),
                          then: stored)
        }
        if restoring { return SQLPlan(writes: true, bulkRows: celebrations.count, reads: [winRead] + reads, decide: decide) }
        return lockingWins(wins, then: SQLPlan(writes: true, reads: [winRead] + reads, decide: decide))
    }

    func celebration(_ id: Celebration.ID) -> SQLPlan<Celebration> {
        SQLPlan(writes: false, reads: storedCelebration(id)) { rows in .done(try visibleCelebration(id, facts: rows).celebration) }
    }

    func celebrations(of win: Win.ID) -> SQLPlan<[Celebration]> {
        let reads = [
            statement("SELECT id FROM \(table: "win") WHERE id = \(win)"), ancestry(ofTeam: "(SELECT team_id FROM \(table: "win") WHERE id = \(win))"),
            statement("SELECT \(celebrationColumns) FROM \(table: "celebration") c WHERE c.win_id = \(win) ORDER BY c.at, c.id"),
        ]
        return SQLPlan(writes: false, reads: reads) { rows in
            guard !rows[0].isEmpty, isInSubtree(try rows[1].ids()) else { throw SmallWinsError.notFound(.win, id: win.uuid) }
            return .done(try rows[2].map(Celebration.init(row:)))
        }
    }

    func celebrations(ofWins wins: [Win.ID]) -> SQLPlan<[Celebration]> {
        // The listed wins' celebrations lead the join: given the choice, SQLite walked every win in scope by team
        // and then looked for its celebrations.
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(celebrationColumns) FROM \(table: "celebration") c \(raw: dialect.joinInOrder) \(table: "win") w ON w.id = c.win_id AND w.tenant_id = c.tenant_id
            WHERE c.win_id IN \(list: wins.map { .id($0.uuid) }) AND w.team_id IN (SELECT id FROM subtree)
            """)]) { rows in .done(Celebration.grouped(try rows[0].map(Celebration.init(row:)), by: wins)) }
    }

    func update(_ celebration: Celebration) -> SQLPlan<Celebration> {
        lockingCelebration(celebration.id) { rows in
            let (stored, team, tenant) = try visibleCelebration(celebration.id, facts: rows)
            if stored.win != celebration.win || stored.by != celebration.by {
                throw SmallWinsError.invalid(field: stored.win != celebration.win ? "win" : "by",
                                             reason: "a celebration stays with its win and the member who gave it")
            }
            let change = statement("""
                UPDATE \(table: "celebration") SET kind = \(celebration.kind.rawValue), message = \(celebration.message) WHERE id = \(celebration.id)
                """)
            var updated = celebration
            updated.at = stored.at
            let counted: SQLText = "l.id = \(celebration.id)"
            let recount = stored.kind == celebration.kind ? [] : celebrationAggregates(-1, celebrations: counted)
            let writes = recount + [.statement(change)] + (recount.isEmpty ? [] : celebrationAggregates(1, celebrations: counted))
            return .write(writes + log(.celebration, .updated, id: celebration.id.uuid, team: team, tenant: tenant), then: updated)
        }
    }

    func delete(_ id: Celebration.ID) -> SQLPlan<Void> {
        lockingCelebration(id) { rows in
            let (_, team, tenant) = try visibleCelebration(id, facts: rows)
            let remove = statement("DELETE FROM \(table: "celebration") WHERE id = \(id)")
            return .write(celebrationAggregates(-1, celebrations: "l.id = \(id)") + [.statement(remove)]
                          + log(.celebration, .deleted, id: id.uuid, team: team, tenant: tenant), then: ())
        }
    }

    /// A write plan deciding with `decide` over the rows of ``storedCelebration(_:)``, read after locking the
    /// celebration's row until the commit, and its win's and team's against an edit or a move, for a write that takes
    /// away what the celebration counts in the aggregates.
    private func lockingCelebration<Output>(
        _ id: Celebration.ID, _ decide: @escaping @Sendable ([[SQLRow]]) throws -> SQLPlan<Output>.Next
    ) -> SQLPlan<Output> {
        locking(tenantsOf: "SELECT tenant_id FROM \(table: "celebration") WHERE id = \(id)", with: { tenants in
            statement("""
                SELECT c.id FROM \(table: "celebration") c JOIN \(table: "win") w ON w.id = c.win_id AND w.tenant_id = c.tenant_id
                JOIN \(table: "team") t ON t.id = w.team_id AND t.tenant_id = w.tenant_id
                WHERE c.id = \(id) AND \(tenantIs("c", tenants)) AND \(tenantIs("w", tenants)) AND \(tenantIs("t", tenants))
                \(raw: dialect.lockingRead(updating: ["c"], keeping: ["w", "t"]))
                """)
        }, then: SQLPlan(writes: true, reads: storedCelebration(id), decide: decide))
    }

    /// The celebration with its win's team, and that team's ancestry.
    private func storedCelebration(_ id: Celebration.ID) -> [SQLStatement] {
        [statement("""
            SELECT \(celebrationColumns), w.team_id, w.tenant_id FROM \(table: "celebration") c JOIN \(table: "win") w ON w.id = c.win_id AND w.tenant_id = c.tenant_id
            WHERE c.id = \(id)
            """),
         ancestry(ofTeam: "(SELECT w.team_id FROM \(table: "celebration") c JOIN \(table: "win") w ON w.id = c.win_id AND w.tenant_id = c.tenant_id WHERE c.id = \(id))")]
    }

    /// The celebration, its win's team and tenant from ``storedCelebration(_:)``, if that team is in scope.
    private func visibleCelebration(_ id: Celebration.ID, facts rows: [[SQLRow]]) throws -> (celebration: Celebration, team: UUID, tenant: UUID) {
        guard let row = rows[0].first, isInSubtree(try rows[1].ids()) else { throw SmallWinsError.notFound(.celebration, id: id.uuid) }
        return (try Celebration(row: row), try row.uuid("team_id"), try row.uuid("tenant_id"))
    }

    private var celebrationColumns: SQLText {
        "c.id, c.win_id, c.member_id, c.kind, c.message, c.at"
    }
}

extension Celebration {
    /// A celebration from a row of the engine's celebration columns.
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), win: try row.id("win_id"), by: try row.id("member_id"), kind: try row.value("kind"),
                  message: try row.optionalText("message"), at: try row.instant("at"))
    }
}
