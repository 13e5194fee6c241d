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
            try celebrations.map { celebration in
                try context.requireNew(celebration.id.uuid, in: "celebration")
                let (team, tenant) = try context.celebratedWin(celebration)
                var stored = celebration
                stored.at = keepingTimes ? Instant.truncated(celebration.at) : context.now
                try context.db.execute(sql: """
                    INSERT INTO celebration (id, tenant_id, win_id, member_id, kind, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [celebration.id.description, tenant, celebration.win.description, celebration.by.description,
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
            try context.scopedRows("""
                SELECT c.* FROM celebration c JOIN win w ON w.id = c.win_id
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
            let tenant = context.tenant(of: try context.ancestry(of: team))
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
            try context.log(.celebration, .deleted, id: id.uuid, team: team, tenant: context.tenant(of: try context.ancestry(of: team)))
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

    /// The celebrated win's team and tenant, after checking the win is in scope and the member in its district.
    func celebratedWin(_ celebration: Celebration) throws -> (team: String, tenant: String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT team_id, tenant_id FROM win WHERE id = ?",
                                         arguments: [celebration.win.description]),
              try isInSubtree(row["team_id"])
        else { throw SmallWinsError.unknownReference(field: "win", .win, id: celebration.win.uuid) }
        let tenant: String = row["tenant_id"]
        try requireMembers([celebration.by], tenant: tenant, field: "by")
        return (row["team_id"], tenant)
    }
}

extension Celebration {
    init(row: Row) throws {
        self.init(id: try row.id("id"), win: try row.id("win_id"), by: try row.id("member_id"), kind: try row.value("kind"),
                  message: row["message"], at: try row.instant("at"))
    }
}
