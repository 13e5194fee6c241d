import Foundation
import GRDB
import SmallWins

extension SQLiteStore {
    public func create(_ team: Team) async throws -> Team {
        try team.validate()
        return try await write { context in
            try context.requireNew(team.id.uuid, in: "team")
            let tenant = try context.checkPlacement(of: team)
            try context.db.execute(
                sql: "INSERT INTO team (id, tenant_id, parent_id, name, kind) VALUES (?, ?, ?, ?, ?)",
                arguments: [team.id.description, tenant, team.parent?.description, team.name, team.kind.rawValue])
            try context.log(.team, .created, id: team.id.uuid, team: team.id.description, tenant: tenant)
            return team
        }
    }

    public func team(_ id: Team.ID) async throws -> Team {
        try await read { context in
            guard try context.isInSubtree(id.description),
                  let row = try Row.fetchOne(context.db, sql: "SELECT * FROM team WHERE id = ?", arguments: [id.description])
            else { throw SmallWinsError.notFound(.team, id: id.uuid) }
            return try Team(row: row)
        }
    }

    public func teams() async throws -> [Team] {
        try await read { context in
            try context.scopedRows("SELECT * FROM team WHERE id IN (SELECT id FROM subtree) ORDER BY name, id")
                .map(Team.init(row:))
        }
    }

    public func update(_ team: Team) async throws -> Team {
        try team.validate()
        return try await write { context in
            guard let row = try Row.fetchOne(context.db, sql: "SELECT * FROM team WHERE id = ?", arguments: [team.id.description]),
                  try context.isInSubtree(team.id.description)
            else { throw SmallWinsError.notFound(.team, id: team.id.uuid) }
            let stored = try Team(row: row)
            let tenant: String = row["tenant_id"]
            if stored.parent != team.parent || stored.kind != team.kind {
                if stored.parent == nil, team.parent != nil {
                    throw SmallWinsError.invalid(field: "parent", reason: "a root team cannot be moved inside another team")
                }
                if let parent = team.parent {
                    let chain = try context.ancestry(of: parent.description)
                    if chain.contains(team.id.description) {
                        throw SmallWinsError.invalid(field: "parent", reason: "would put the team inside itself")
                    }
                    if !chain.isEmpty, try context.tenant(of: chain) != tenant {
                        throw SmallWinsError.invalid(field: "parent", reason: "a team cannot move to another district")
                    }
                }
                _ = try context.checkPlacement(of: team)
                let childKinds = try String.fetchAll(
                    context.db, sql: "SELECT DISTINCT kind FROM team WHERE parent_id = ?", arguments: [team.id.description])
                for kindText in childKinds {
                    if let kind = Team.Kind(rawValue: kindText), !kind.allowedParents.contains(team.kind) {
                        throw SmallWinsError.invalid(field: "kind", reason: "a \(kind.rawValue) inside it cannot sit inside a \(team.kind.rawValue)")
                    }
                }
            }
            if stored.name != team.name || stored.parent != team.parent {
                try context.requireUniqueName(of: team)
            }
            try context.db.execute(
                sql: "UPDATE team SET name = ?, kind = ?, parent_id = ? WHERE id = ?",
                arguments: [team.name, team.kind.rawValue, team.parent?.description, team.id.description])
            try context.log(.team, .updated, id: team.id.uuid, team: team.id.description, tenant: tenant)
            return team
        }
    }

    public func delete(_ id: Team.ID) async throws {
        try await write { context in
            guard let tenant = try String.fetchOne(context.db, sql: "SELECT tenant_id FROM team WHERE id = ?", arguments: [id.description]),
                  try context.isInSubtree(id.description)
            else { throw SmallWinsError.notFound(.team, id: id.uuid) }
            if let scope = context.scope, scope == id.description {
                throw SmallWinsError.outOfScope(field: "id", id: id.uuid)
            }
            try context.refuseIfReferenced(.team, id: id.uuid)
            try context.db.execute(sql: "DELETE FROM team WHERE id = ?", arguments: [id.description])
            try context.log(.team, .deleted, id: id.uuid, team: id.description, tenant: tenant)
        }
    }
}

extension SQLiteContext {
    /// Checks where a new or moved team sits (parent visible and writable, kinds nest, name free)
    /// and returns the tenant it belongs to.
    func checkPlacement(of team: Team) throws -> String {
        guard let parent = team.parent else {
            if let scope { throw SmallWinsError.outOfScope(field: "parent", id: try storedUUID(scope, column: "scope")) }
            try requireUniqueName(of: team)
            return team.id.description
        }
        let chain = try requireWritable(team: parent, field: "parent")
        let parentKind: Team.Kind = try Row.fetchOne(db, sql: "SELECT kind FROM team WHERE id = ?", arguments: [parent.description])!
            .value("kind")
        if !team.kind.allowedParents.contains(parentKind) {
            let allowed = team.kind.allowedParents.map(\.rawValue).sorted().joined(separator: " or ")
            throw SmallWinsError.invalid(
                field: "parent", reason: "a \(team.kind.rawValue) must sit inside a \(allowed), not a \(parentKind.rawValue)")
        }
        try requireUniqueName(of: team)
        return try tenant(of: chain)
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` when a sibling already has the team's name.
    func requireUniqueName(of team: Team) throws {
        let taken = try Bool.fetchOne(db, sql: """
            SELECT 1 FROM team WHERE parent_id IS ? AND name = ? AND id <> ?
            """, arguments: [team.parent?.description, team.name, team.id.description]) ?? false
        if taken {
            throw SmallWinsError.conflict(field: "name", reason: "a team named \"\(team.name)\" already sits there")
        }
    }
}

extension Team {
    init(row: Row) throws {
        self.init(id: try row.id("id"), name: row["name"], kind: try row.value("kind"), parent: try row.optionalID("parent_id"))
    }
}
