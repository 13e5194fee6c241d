import Foundation
import PostgresNIO
import SmallWins

private let celebrationColumns = "c.id, c.win_id, c.member_id, c.kind, c.message, \(PGText.instant("c.at")) AS at"

extension PostgresStore {
    public func celebrate(_ celebration: Celebration) async throws -> Celebration {
        try await insert([celebration], restoring: false)[0]
    }

    public func restore(_ celebrations: [Celebration]) async throws {
        _ = try await insert(celebrations, restoring: true)
    }

    /// Checks every celebration against data fetched in a few set-based queries, then inserts them in one
    /// statement: one transaction, all or nothing. A restore keeps `at` and defers the aggregates.
    private func insert(_ celebrations: [Celebration], restoring: Bool) async throws -> [Celebration] {
        try Celebration.validate(batch: celebrations, field: "celebrations")
        guard !celebrations.isEmpty else { return [] }
        return try await write(deferredRows: restoring ? celebrations.count : nil) { context in
            let existing = Set(try await context.rows(
                "SELECT id FROM \(raw: s)celebration WHERE id = ANY(\(celebrations.map(\.id.uuid))::uuid[])").map { try $0.uuid("id") })
            var wins: [UUID: (team: UUID, tenant: UUID)] = [:]
            for row in try await context.rows(
                "SELECT id, team_id, tenant_id FROM \(raw: s)win WHERE id = ANY(\(Array(Set(celebrations.map(\.win.uuid))))::uuid[])") {
                wins[try row.uuid("id")] = (try row.uuid("team_id"), try row.uuid("tenant_id"))
            }
            var memberTenants: [UUID: UUID] = [:]
            for row in try await context.rows(
                "SELECT id, tenant_id FROM \(raw: s)member WHERE id = ANY(\(Array(Set(celebrations.map(\.by.uuid))))::uuid[])") {
                memberTenants[try row.uuid("id")] = try row.uuid("tenant_id")
            }
            var visible: [UUID: Bool] = [:]
            var stored: [Celebration] = [], teams: [UUID] = [], tenants: [UUID] = []
            for celebration in celebrations {
                if existing.contains(celebration.id.uuid) {
                    throw SmallWinsError.conflict(field: "id", reason: "\(celebration.id) already exists")
                }
                guard let win = wins[celebration.win.uuid] else {
                    throw SmallWinsError.unknownReference(field: "win", .win, id: celebration.win.uuid)
                }
                if visible[win.team] == nil { visible[win.team] = try await context.isInSubtree(win.team) }
                guard visible[win.team] == true else { throw SmallWinsError.unknownReference(field: "win", .win, id: celebration.win.uuid) }
                guard memberTenants[celebration.by.uuid] == win.tenant else {
                    throw SmallWinsError.unknownReference(field: "by", .member, id: celebration.by.uuid)
                }
                var copy = celebration
                copy.at = restoring ? Instant.truncated(celebration.at) : context.now
                stored.append(copy)
                teams.append(win.team)
                tenants.append(win.tenant)
            }
            try await context.insertRows("celebration", columns: [
                "id uuid", "tenant_id uuid", "win_id uuid", "member_id uuid", "kind text", "message text?", "at timestamptz",
            ],
                                   rows: zip(stored, tenants).map { celebration, tenant in
                [celebration.id.description, tenant.lowercaseText, celebration.win.description, celebration.by.description,
                 celebration.kind.rawValue, celebration.message, Instant.iso(celebration.at)]
            })
            try await context.execute("""
                INSERT INTO \(raw: s)change_log (tenant_id, team_id, entity, action, entity_id, at)
                SELECT c.tenant, c.team, 'celebration', 'created', c.id, \(Instant.iso(context.now))::timestamptz
                FROM unnest(\(tenants)::uuid[], \(teams)::uuid[], \(stored.map(\.id.uuid))::uuid[]) AS c(tenant, team, id)
                """)
            try await context.execute("SELECT pg_notify(\(context.channel), '')")
            return stored
        }
    }

    public func celebration(_ id: Celebration.ID) async throws -> Celebration {
        try await read { context in try await context.visibleCelebration(id).celebration }
    }

    public func celebrations(of win: Win.ID) async throws -> [Celebration] {
        try await read { context in
            _ = try await context.visibleWin(win)
            return try await context.rows(
                "SELECT \(raw: celebrationColumns) FROM \(raw: s)celebration c WHERE c.win_id = \(win.uuid) ORDER BY c.at, c.id"
            ).map(Celebration.init(row:))
        }
    }

    public func celebrations(ofWins wins: [Win.ID]) async throws -> [Celebration] {
        guard !wins.isEmpty else { return [] }
        let rows = try await read { context in
            try await context.scopedRows("""
                SELECT \(raw: celebrationColumns) FROM \(raw: s)celebration c JOIN \(raw: s)win w ON w.id = c.win_id
                WHERE c.win_id = ANY(\(wins.map(\.uuid))) AND w.team_id IN (SELECT id FROM subtree)
                """)
        }
        return Celebration.grouped(try rows.map(Celebration.init(row:)), by: wins)
    }

    public func update(_ celebration: Celebration) async throws -> Celebration {
        try celebration.validate()
        return try await write { context in
            let (stored, team) = try await context.visibleCelebration(celebration.id)
            if stored.win != celebration.win || stored.by != celebration.by {
                throw SmallWinsError.invalid(field: stored.win != celebration.win ? "win" : "by",
                                             reason: "a celebration stays with its win and the member who gave it")
            }
            try await context.execute("""
                UPDATE \(raw: s)celebration SET kind = \(celebration.kind.rawValue), message = \(celebration.message)
                WHERE id = \(celebration.id.uuid)
                """)
            let tenant = try context.tenant(of: try await context.ancestry(of: team))
            try await context.log(.celebration, .updated, id: celebration.id.uuid, team: team, tenant: tenant)
            var updated = celebration
            updated.at = stored.at
            return updated
        }
    }

    public func delete(_ id: Celebration.ID) async throws {
        try await write { context in
            let (_, team) = try await context.visibleCelebration(id)
            try await context.execute("DELETE FROM \(raw: s)celebration WHERE id = \(id.uuid)")
            let tenant = try context.tenant(of: try await context.ancestry(of: team))
            try await context.log(.celebration, .deleted, id: id.uuid, team: team, tenant: tenant)
        }
    }
}

extension PostgresContext {
    /// The celebration and its win's team, if that team is in scope.
    func visibleCelebration(_ id: Celebration.ID) async throws -> (celebration: Celebration, team: UUID) {
        guard let row = try await row("""
            SELECT \(raw: celebrationColumns), w.team_id FROM \(raw: s)celebration c JOIN \(raw: s)win w ON w.id = c.win_id
            WHERE c.id = \(id.uuid)
            """),
              try await isInSubtree(try row.uuid("team_id"))
        else { throw SmallWinsError.notFound(.celebration, id: id.uuid) }
        return (try Celebration(row: row), try row.uuid("team_id"))
    }
}

extension Celebration {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), win: try row.id("win_id"), by: try row.id("member_id"), kind: try row.value("kind"),
                  message: try row.optionalString("message"), at: try row.instant("at"))
    }
}
