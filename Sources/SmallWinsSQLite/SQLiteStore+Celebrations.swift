import Foundation
import GRDB
import SmallWins

extension SQLiteStore {
    public func celebrate(_ celebration: Celebration) async throws -> Celebration {
        try await insert([celebration], keepingTimes: false)[0]
    }

    public func restore(_ celebrations: [Celebration]) async throws {
        _ = try await insert(celebrations, keepingTimes: true)
    }

    private func insert(_ celebrations: [Celebration], keepingTimes: Bool) async throws -> [Celebration] {
        try Celebration.validate(batch: celebrations, field: "celebrations")
        return try await write { context in
            var checker = CelebrationChecker(context: context)
            return try celebrations.map { celebration in
                try context.requireNew(celebration.id.uuid, in: "celebration")
                let (team, tenant) = try checker.check(celebration)
                var stored = celebration
                stored.at = keepingTimes ? Instant.truncated(celebration.at) : context.now
                try context.db.cachedStatement(sql: """
                    INSERT INTO celebration (id, tenant_id, win_id, member_id, kind, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [celebration.id.description, tenant, celebration.win.description, celebration.by.description,
                                     celebration.kind.rawValue, celebration.message, Instant.iso(stored.at)])
                try context.log(.celebration, .created, id: celebration.id.uuid, team: team, tenant: tenant)
                return stored
            }
        }
    }

    public func celebration(_ id: Celebration.ID) async throws -> Celebration {
        try await read { context in try context.visibleCelebration(id).celebration }
    }

    public func celebrations(of win: Win.ID) async throws -> [Celebration] {
        try await read { context in
            _ = try context.visibleWin(win)
            return try Row.fetchAll(context.db, sql: "SELECT * FROM celebration WHERE win_id = ? ORDER BY at, id",
                                    arguments: [win.description]).map(Celebration.init(row:))
        }
    }

    public func celebrations(ofWins wins: [Win.ID]) async throws -> [Celebration] {
        guard !wins.isEmpty else { return [] }
        let celebrations = try await read { context in
            // CROSS JOIN keeps the listed wins' celebrations as the outer loop: given the choice, SQLite walked
            // every win in scope by team and then looked for its celebrations.
            try context.scopedRows("""
                SELECT c.* FROM celebration c CROSS JOIN win w ON w.id = c.win_id
                WHERE c.win_id IN \(placeholders(wins.count)) AND w.team_id IN (SELECT id FROM subtree)
                """, arguments: StatementArguments(wins.map(\.description))).map(Celebration.init(row:))
        }
        return Celebration.grouped(celebrations, by: wins)
    }

    public func update(_ celebration: Celebration) async throws -> Celebration {
        try celebration.validate()
        return try await write { context in
            let (stored, team) = try context.visibleCelebration(celebration.id)
            if stored.win != celebration.win || stored.by != celebration.by {
                throw SmallWinsError.invalid(field: stored.win != celebration.win ? "win" : "by",
                                             reason: "a celebration stays with its win and the member who gave it")
            }
            try context.db.execute(sql: "UPDATE celebration SET kind = ?, message = ? WHERE id = ?",
                                   arguments: [celebration.kind.rawValue, celebration.message, celebration.id.description])
            let tenant = try context.tenant(of: try context.ancestry(of: team))
            try context.log(.celebration, .updated, id: celebration.id.uuid, team: team, tenant: tenant)
            var updated = celebration
            updated.at = stored.at
            return updated
        }
    }

    public func delete(_ id: Celebration.ID) async throws {
        try await write { context in
            let (_, team) = try context.visibleCelebration(id)
            try context.db.execute(sql: "DELETE FROM celebration WHERE id = ?", arguments: [id.description])
            try context.log(.celebration, .deleted, id: id.uuid, team: team, tenant: try context.tenant(of: try context.ancestry(of: team)))
        }
    }
}

extension SQLiteContext {
    /// The celebration and its win's team, if that team is in scope.
    func visibleCelebration(_ id: Celebration.ID) throws -> (celebration: Celebration, team: String) {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT celebration.*, win.team_id FROM celebration JOIN win ON win.id = celebration.win_id WHERE celebration.id = ?
            """, arguments: [id.description]),
              try isInSubtree(row["team_id"])
        else { throw SmallWinsError.notFound(.celebration, id: id.uuid) }
        return (try Celebration(row: row), row["team_id"])
    }
}

/// Checks celebrations' wins and members, remembering which teams are in scope and which members belong to
/// which district, so a bulk insert asks about each once.
struct CelebrationChecker {
    let context: SQLiteContext
    private var visibleTeams: [String: Bool] = [:]
    private var members: Set<String> = []

    init(context: SQLiteContext) { self.context = context }

    /// The celebrated win's team and tenant, after checking the win is in scope and the member in its district.
    mutating func check(_ celebration: Celebration) throws -> (team: String, tenant: String) {
        let missing = SmallWinsError.unknownReference(field: "win", .win, id: celebration.win.uuid)
        guard let row = try Row.fetchOne(context.db.cachedStatement(sql: "SELECT team_id, tenant_id FROM win WHERE id = ?"),
                                         arguments: [celebration.win.description]) else { throw missing }
        let team: String = row["team_id"], tenant: String = row["tenant_id"]
        if visibleTeams[team] == nil { visibleTeams[team] = try context.isInSubtree(team) }
        guard visibleTeams[team] == true else { throw missing }
        if !members.contains("\(tenant) \(celebration.by)") {
            try context.requireMembers([celebration.by], tenant: tenant, field: "by")
            members.insert("\(tenant) \(celebration.by)")
        }
        return (team, tenant)
    }
}

extension Celebration {
    init(row: Row) throws {
        self.init(id: try row.id("id"), win: try row.id("win_id"), by: try row.id("member_id"), kind: try row.value("kind"),
                  message: row["message"], at: try row.instant("at"))
    }
}
