import Foundation
import SmallWins

extension SQLStore {
    public func create(_ team: Team) async throws -> Team {
        try team.validate()
        return try await run(engine.create(team))
    }

    public func team(_ id: Team.ID) async throws -> Team { try await run(engine.team(id)) }

    public func teams() async throws -> [Team] { try await run(engine.teams()) }

    public func update(_ team: Team) async throws -> Team {
        try team.validate()
        return try await run(engine.update(team))
    }

    public func delete(_ id: Team.ID) async throws { try await run(engine.delete(id)) }
}

private let teamColumns: SQLText = "id, name, kind, parent_id, tenant_id"

extension SQLEngine {
    func create(_ team: Team) -> SQLPlan<Team> {
        SQLPlan(writes: true, reads: [existing(team.id.uuid, in: "team")] + placementFacts(of: team)) { rows in
            try requireNew(team.id.uuid, found: rows[0])
            let tenant = try checkPlacement(of: team, facts: rows[1...])
            let insert = statement("""
                INSERT INTO \(table: "team") (id, tenant_id, parent_id, name, kind)
                VALUES (\(team.id), \(tenant), \(team.parent), \(team.name), \(team.kind.rawValue))
                """)
            return .write([.statement(insert)] + ancestorRows(ofNew: team, tenant: tenant) + log(.team, .created, id: team.id.uuid, team: team.id.uuid, tenant: tenant),
                          then: team)
        }
    }

    func team(_ id: Team.ID) -> SQLPlan<Team> {
        SQLPlan(writes: false, reads: [ancestry(of: id.uuid), statement("SELECT \(teamColumns) FROM \(table: "team") WHERE id = \(id)")]) { rows in
            guard isInSubtree(try rows[0].ids()), let row = rows[1].first else { throw SmallWinsError.notFound(.team, id: id.uuid) }
            return .done(try Team(row: row))
        }
    }

    /// The tenant of `team`, for a store scoped to it; throws ``SmallWinsError/notFound(_:id:)`` as ``team(_:)``
    /// does when the team does not exist or lies outside the scope.
    package func tenant(ofScope team: Team.ID) -> SQLPlan<UUID> {
        SQLPlan(writes: false, reads: [ancestry(of: team.uuid)]) { rows in
            let chain = try rows[0].ids()
            guard isInSubtree(chain) else { throw SmallWinsError.notFound(.team, id: team.uuid) }
            return .done(try tenant(of: chain))
        }
    }

    func teams() -> SQLPlan<[Team]> {
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(teamColumns) FROM \(table: "team") WHERE \(kept(in: "subtree", by: "team", "id")) ORDER BY \(raw: dialect.binaryOrder("name")), id
            """)]) { rows in .done(try rows[0].map(Team.init(row:))) }
    }

    func update(_ team: Team) -> SQLPlan<Team> {
        let reads = [
            statement("SELECT \(teamColumns) FROM \(table: "team") WHERE id = \(team.id)"), ancestry(of: team.id.uuid),
            statement("SELECT DISTINCT kind FROM \(table: "team") WHERE parent_id = \(team.id)"),
        ] + placementFacts(of: team)
        return SQLPlan(writes: true, reads: reads) { rows in
            guard let row = rows[0].first, isInSubtree(try rows[1].ids()) else { throw SmallWinsError.notFound(.team, id: team.id.uuid) }
            let stored = try Team(row: row)
            let tenant = try row.uuid("tenant_id")
            if stored.parent != team.parent || stored.kind != team.kind {
                if stored.parent == nil, team.parent != nil {
                    throw SmallWinsError.invalid(field: "parent", reason: "a root team cannot be moved inside another team")
                }
                if team.parent != nil {
                    let chain = try rows[3].ids()
                    if chain.contains(team.id.uuid) {
                        throw SmallWinsError.invalid(field: "parent", reason: "would put the team inside itself")
                    }
                    if !chain.isEmpty, try self.tenant(of: chain) != tenant {
                        throw SmallWinsError.invalid(field: "parent", reason: "a team cannot move to another district")
                    }
                }
                _ = try checkPlacement(of: team, facts: rows[3...])
                for child in rows[2] {
                    let kind: Team.Kind = try child.value("kind")
                    if !kind.allowedParents.contains(team.kind) {
                        throw SmallWinsError.invalid(field: "kind", reason: "a \(kind.rawValue) inside it cannot sit inside a \(team.kind.rawValue)")
                    }
                }
            }
            if stored.name != team.name || stored.parent != team.parent { try requireUniqueName(of: team, found: rows[4]) }
            let change = statement("""
                UPDATE \(table: "team") SET name = \(team.name), kind = \(team.kind.rawValue), parent_id = \(team.parent) WHERE id = \(team.id)
                """)
            var moved: [SQLWrite] = []
            if let old = stored.parent, let new = team.parent, old != new { moved = moveAggregates(of: team.id.uuid, tenant: tenant, from: old.uuid, to: new.uuid) }
            return .write(moved + [.statement(change)] + log(.team, .updated, id: team.id.uuid, team: team.id.uuid, tenant: tenant), then: team)
        }
    }

    func delete(_ id: Team.ID) -> SQLPlan<Void> {
        let reads = [statement("SELECT tenant_id FROM \(table: "team") WHERE id = \(id)"), ancestry(of: id.uuid)]
            + references(to: .team, id: id.uuid)
        return SQLPlan(writes: true, reads: reads) { rows in
            guard let row = rows[0].first, isInSubtree(try rows[1].ids()) else { throw SmallWinsError.notFound(.team, id: id.uuid) }
            if scope == id.uuid { throw SmallWinsError.outOfScope(field: "id", id: id.uuid) }
            try refuseIfReferenced(.team, id: id.uuid, found: rows[2...])
            let remove = statement("DELETE FROM \(table: "team") WHERE id = \(id)")
            return .write(forgetScope(id.uuid) + [.statement(remove)] + log(.team, .deleted, id: id.uuid, team: id.uuid, tenant: try row.uuid("tenant_id")),
                          then: ())
        }
    }

    /// What ``checkPlacement(of:facts:)`` reads: the parent's ancestry with kinds, then any sibling of that name.
    private func placementFacts(of team: Team) -> [SQLStatement] {
        [team.parent.map { ancestry(of: $0.uuid) } ?? statement("SELECT 1 WHERE 1 = 0"),
         statement("""
            SELECT 1 AS found FROM \(table: "team")
            WHERE parent_id \(raw: dialect.isSame) \(team.parent) AND name = \(team.name) AND id <> \(team.id)
            """)]
    }

    /// Checks where a new or moved team sits (parent visible and writable, kinds nest, name free) and returns the
    /// tenant it belongs to, from ``placementFacts(of:)``.
    private func checkPlacement(of team: Team, facts: ArraySlice<[SQLRow]>) throws -> UUID {
        let parentChain = facts[facts.startIndex], sameName = facts[facts.startIndex + 1]
        guard let parent = team.parent else {
            if let scope { throw SmallWinsError.outOfScope(field: "parent", id: scope) }
            try requireUniqueName(of: team, found: sameName)
            return team.id.uuid
        }
        let chain = try parentChain.ids()
        try requireWritable(parent.uuid, ancestry: chain, field: "parent")
        let parentKind: Team.Kind = try parentChain[0].value("kind")
        if !team.kind.allowedParents.contains(parentKind) {
            let allowed = team.kind.allowedParents.map(\.rawValue).sorted().joined(separator: " or ")
            throw SmallWinsError.invalid(
                field: "parent", reason: "a \(team.kind.rawValue) must sit inside a \(allowed), not a \(parentKind.rawValue)")
        }
        try requireUniqueName(of: team, found: sameName)
        return try tenant(of: chain)
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` when a sibling already has the team's name.
    private func requireUniqueName(of team: Team, found: [SQLRow]) throws {
        if !found.isEmpty { throw SmallWinsError.conflict(field: "name", reason: "a team named \"\(team.name)\" already sits there") }
    }
}

extension Team {
    /// A team from a row with `id`, `name`, `kind` and `parent_id`.
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), name: try row.text("name"), kind: try row.value("kind"), parent: try row.optionalID("parent_id"))
    }
}
