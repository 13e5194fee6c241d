import Foundation
import PostgresNIO
import SmallWins

private let teamColumns = "id, name, kind, parent_id, tenant_id"

extension PostgresStore {
    public func create(_ team: Team) async throws -> Team {
        try team.validate()
        return try await write { context in
            try await context.requireNew(team.id.uuid, in: "team")
            let tenant = try await context.checkPlacement(of: team)
            try await context.execute("""
                INSERT INTO \(raw: s)team (id, tenant_id, parent_id, name, kind)
                VALUES (\(team.id.uuid), \(tenant), \(team.parent?.uuid), \(team.name), \(team.kind.rawValue))
                """)
            try await context.log(.team, .created, id: team.id.uuid, team: team.id.uuid, tenant: tenant)
            return team
        }
    }

    public func team(_ id: Team.ID) async throws -> Team {
        try await read { context in
            guard try await context.isInSubtree(id.uuid),
                  let row = try await context.row("SELECT \(raw: teamColumns) FROM \(raw: s)team WHERE id = \(id.uuid)")
            else { throw SmallWinsError.notFound(.team, id: id.uuid) }
            return try Team(row: row)
        }
    }

    public func teams() async throws -> [Team] {
        try await read { context in
            try await context.scopedRows("""
                SELECT \(raw: teamColumns) FROM \(raw: s)team WHERE id IN (SELECT id FROM subtree) ORDER BY name COLLATE "C", id
                """).map(Team.init(row:))
        }
    }

    public func update(_ team: Team) async throws -> Team {
        try team.validate()
        return try await write { context in
            guard let row = try await context.row("SELECT \(raw: teamColumns) FROM \(raw: s)team WHERE id = \(team.id.uuid)"),
                  try await context.isInSubtree(team.id.uuid)
            else { throw SmallWinsError.notFound(.team, id: team.id.uuid) }
            let stored = try Team(row: row)
            let tenant = try row.uuid("tenant_id")
            if stored.parent != team.parent || stored.kind != team.kind {
                if stored.parent == nil, team.parent != nil {
                    throw SmallWinsError.invalid(field: "parent", reason: "a root team cannot be moved inside another team")
                }
                if let parent = team.parent {
                    let chain = try await context.ancestry(of: parent.uuid)
                    if chain.contains(team.id.uuid) {
                        throw SmallWinsError.invalid(field: "parent", reason: "would put the team inside itself")
                    }
                    if !chain.isEmpty, try context.tenant(of: chain) != tenant {
                        throw SmallWinsError.invalid(field: "parent", reason: "a team cannot move to another district")
                    }
                }
                _ = try await context.checkPlacement(of: team)
                for childRow in try await context.rows("SELECT DISTINCT kind FROM \(raw: s)team WHERE parent_id = \(team.id.uuid)") {
                    let kind: Team.Kind = try childRow.value("kind")
                    if !kind.allowedParents.contains(team.kind) {
                        throw SmallWinsError.invalid(field: "kind", reason: "a \(kind.rawValue) inside it cannot sit inside a \(team.kind.rawValue)")
                    }
                }
            }
            if stored.name != team.name || stored.parent != team.parent {
                try await context.requireUniqueName(of: team)
            }
            try await context.execute("""
                UPDATE \(raw: s)team SET name = \(team.name), kind = \(team.kind.rawValue), parent_id = \(team.parent?.uuid)
                WHERE id = \(team.id.uuid)
                """)
            try await context.log(.team, .updated, id: team.id.uuid, team: team.id.uuid, tenant: tenant)
            return team
        }
    }

    public func delete(_ id: Team.ID) async throws {
        try await write { context in
            guard let row = try await context.row("SELECT tenant_id FROM \(raw: s)team WHERE id = \(id.uuid)"),
                  try await context.isInSubtree(id.uuid)
            else { throw SmallWinsError.notFound(.team, id: id.uuid) }
            if context.scope == id.uuid { throw SmallWinsError.outOfScope(field: "id", id: id.uuid) }
            try await context.refuseIfReferenced(.team, id: id.uuid)
            try await context.execute("DELETE FROM \(raw: s)team WHERE id = \(id.uuid)")
            try await context.log(.team, .deleted, id: id.uuid, team: id.uuid, tenant: try row.uuid("tenant_id"))
        }
    }
}

extension PostgresContext {
    /// Checks where a new or moved team sits (parent visible and writable, kinds nest, name free)
    /// and returns the tenant it belongs to.
    func checkPlacement(of team: Team) async throws -> UUID {
        guard let parent = team.parent else {
            if let scope { throw SmallWinsError.outOfScope(field: "parent", id: scope) }
            try await requireUniqueName(of: team)
            return team.id.uuid
        }
        let chain = try await requireWritable(team: parent, field: "parent")
        let parentKind: Team.Kind = try await row("SELECT kind FROM \(raw: s)team WHERE id = \(parent.uuid)")!.value("kind")
        if !team.kind.allowedParents.contains(parentKind) {
            let allowed = team.kind.allowedParents.map(\.rawValue).sorted().joined(separator: " or ")
            throw SmallWinsError.invalid(
                field: "parent", reason: "a \(team.kind.rawValue) must sit inside a \(allowed), not a \(parentKind.rawValue)")
        }
        try await requireUniqueName(of: team)
        return try tenant(of: chain)
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` when a sibling already has the team's name.
    func requireUniqueName(of team: Team) async throws {
        if try await exists("""
            SELECT 1 FROM \(raw: s)team WHERE parent_id IS NOT DISTINCT FROM \(team.parent?.uuid) AND name = \(team.name) AND id <> \(team.id.uuid)
            """) {
            throw SmallWinsError.conflict(field: "name", reason: "a team named \"\(team.name)\" already sits there")
        }
    }
}

extension Team {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), name: try row.string("name"), kind: try row.value("kind"), parent: try row.optionalID("parent_id"))
    }
}
