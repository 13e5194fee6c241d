import Foundation
import SmallWins

extension SQLStore {
    public func create(_ member: Member) async throws -> Member {
        try member.validate()
        return try await run(engine.create(member))
    }

    public func member(_ id: Member.ID) async throws -> Member { try await run(engine.member(id)) }

    public func members() async throws -> [Member] { try await run(engine.members()) }

    public func members(withEmail email: String) async throws -> [Member] {
        // SQL's lower() folds more than ASCII on PostgreSQL only, so it narrows and Swift decides, alike on both.
        guard !email.isEmpty, !email.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return [] }
        let folded = TextRules.asciiLowercased(email)
        return try await run(engine.members(withEmail: email)).filter { $0.email.map(TextRules.asciiLowercased) == folded }
    }

    public func update(_ member: Member) async throws -> Member {
        try member.validate()
        return try await run(engine.update(member))
    }

    public func delete(_ id: Member.ID) async throws { try await run(engine.delete(id)) }

    public func create(_ membership: Membership) async throws -> Membership { try await run(engine.create(membership)) }

    public func memberships(member: Member.ID?, team: Team.ID?) async throws -> [Membership] {
        try await run(engine.memberships(member: member, team: team))
    }

    public func update(_ membership: Membership) async throws -> Membership { try await run(engine.update(membership)) }

    public func deleteMembership(member: Member.ID, team: Team.ID) async throws {
        try await run(engine.deleteMembership(member: member, team: team))
    }
}

extension SQLEngine {
    func create(_ member: Member) -> SQLPlan<Member> {
        SQLPlan(writes: true, reads: [existing(member.id.uuid, in: "member"), ancestry(of: member.organization.uuid)]) { rows in
            try requireNew(member.id.uuid, found: rows[0])
            let chain = try rows[1].ids()
            try requireWritable(member.organization.uuid, ancestry: chain, field: "organization")
            let tenant = try self.tenant(of: chain)
            let insert = statement("""
                INSERT INTO \(table: "member") (id, tenant_id, organization_id, name, email)
                VALUES (\(member.id), \(tenant), \(member.organization), \(member.name), \(member.email))
                """)
            return .write([.statement(insert)] + log(.member, .created, id: member.id.uuid, team: member.organization.uuid, tenant: tenant), then: member)
        }
    }

    func member(_ id: Member.ID) -> SQLPlan<Member> {
        SQLPlan(writes: false, reads: [scoped("SELECT \(memberColumns) FROM \(table: "member") m WHERE m.id = \(id) AND " + visibleMember)]) { rows in
            guard let row = rows[0].first else { throw SmallWinsError.notFound(.member, id: id.uuid) }
            return .done(try Member(row: row))
        }
    }

    func members() -> SQLPlan<[Member]> {
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(memberColumns) FROM \(table: "member") m WHERE \(visibleMember) ORDER BY \(raw: dialect.binaryOrder("m.name")), m.id
            """)]) { rows in .done(try rows[0].map(Member.init(row:))) }
    }

    func members(withEmail email: String) -> SQLPlan<[Member]> {
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(memberColumns) FROM \(table: "member") m WHERE lower(m.email) = lower(\(email)) AND \(visibleMember) ORDER BY m.id
            """)]) { rows in .done(try rows[0].map(Member.init(row:))) }
    }

    func update(_ member: Member) -> SQLPlan<Member> {
        SQLPlan(writes: true, reads: storedMember(member.id) + [ancestry(of: member.organization.uuid)]) { rows in
            let (tenant, _) = try requireWritable(member.id, stored: rows)
            let chain = try rows[2].ids()
            try requireWritable(member.organization.uuid, ancestry: chain, field: "organization")
            if try self.tenant(of: chain) != tenant {
                throw SmallWinsError.invalid(field: "organization", reason: "a member cannot move to another district")
            }
            let change = statement("""
                UPDATE \(table: "member") SET organization_id = \(member.organization), name = \(member.name), email = \(member.email)
                WHERE id = \(member.id)
                """)
            return .write([.statement(change)] + log(.member, .updated, id: member.id.uuid, team: member.organization.uuid, tenant: tenant), then: member)
        }
    }

    func delete(_ id: Member.ID) -> SQLPlan<Void> {
        SQLPlan(writes: true, reads: storedMember(id) + references(to: .member, id: id.uuid)) { rows in
            let (tenant, organization) = try requireWritable(id, stored: rows)
            try refuseIfReferenced(.member, id: id.uuid, found: rows[2...])
            let remove = statement("DELETE FROM \(table: "member") WHERE id = \(id)")
            return .write([.statement(remove)] + log(.member, .deleted, id: id.uuid, team: organization, tenant: tenant), then: ())
        }
    }

    func create(_ membership: Membership) -> SQLPlan<Membership> {
        let reads = [
            ancestry(of: membership.team.uuid), statement("SELECT tenant_id FROM \(table: "member") WHERE id = \(membership.member)"),
            storedMembership(membership.member, membership.team),
        ]
        return SQLPlan(writes: true, reads: reads) { rows in
            let chain = try rows[0].ids()
            try requireWritable(membership.team.uuid, ancestry: chain, field: "team")
            let tenant = try self.tenant(of: chain)
            guard try rows[1].first?.uuid("tenant_id") == tenant else {
                throw SmallWinsError.unknownReference(field: "member", .member, id: membership.member.uuid)
            }
            if !rows[2].isEmpty { throw SmallWinsError.conflict(field: "member", reason: "already belongs to this team") }
            let insert = statement("""
                INSERT INTO \(table: "membership") (member_id, team_id, tenant_id, role)
                VALUES (\(membership.member), \(membership.team), \(tenant), \(membership.role.rawValue))
                """)
            let notice = log(.membership, .created, id: membership.member.uuid, team: membership.team.uuid, tenant: tenant)
            return .write([.statement(insert)] + notice, then: membership)
        }
    }

    func memberships(member: Member.ID?, team: Team.ID?) -> SQLPlan<[Membership]> {
        var text: SQLText = "SELECT member_id, team_id, role FROM \(table: "membership") WHERE \(kept(in: "subtree", by: "membership"))"
        if let member { text = text + " AND member_id = \(member)" }
        if let team { text = text + " AND team_id = \(team)" }
        return SQLPlan(writes: false, reads: [scoped(text + " ORDER BY team_id, member_id")]) { rows in
            .done(try rows[0].map(Membership.init(row:)))
        }
    }

    func update(_ membership: Membership) -> SQLPlan<Membership> {
        SQLPlan(writes: true, reads: [storedMembership(membership.member, membership.team), ancestry(of: membership.team.uuid)]) { rows in
            let tenant = try requireWritableMembership(membership.member, found: rows)
            let change = statement("""
                UPDATE \(table: "membership") SET role = \(membership.role.rawValue)
                WHERE member_id = \(membership.member) AND team_id = \(membership.team)
                """)
            let notice = log(.membership, .updated, id: membership.member.uuid, team: membership.team.uuid, tenant: tenant)
            return .write([.statement(change)] + notice, then: membership)
        }
    }

    func deleteMembership(member: Member.ID, team: Team.ID) -> SQLPlan<Void> {
        SQLPlan(writes: true, reads: [storedMembership(member, team), ancestry(of: team.uuid)]) { rows in
            let tenant = try requireWritableMembership(member, found: rows)
            let remove = statement("DELETE FROM \(table: "membership") WHERE member_id = \(member) AND team_id = \(team)")
            return .write([.statement(remove)] + log(.membership, .deleted, id: member.uuid, team: team.uuid, tenant: tenant), then: ())
        }
    }

    /// The member's row (`tenant_id`, `organization_id`) and its organization's ancestry.
    private func storedMember(_ id: Member.ID) -> [SQLStatement] {
        [statement("SELECT tenant_id, organization_id FROM \(table: "member") WHERE id = \(id)"),
         ancestry(ofTeam: "(SELECT organization_id FROM \(table: "member") WHERE id = \(id))")]
    }

    /// The member's tenant and organization from ``storedMember(_:)``, after checking the member exists and is kept
    /// by a team in scope.
    private func requireWritable(_ id: Member.ID, stored rows: [[SQLRow]]) throws -> (tenant: UUID, organization: UUID) {
        guard let row = rows[0].first, isInSubtree(try rows[1].ids()) else { throw SmallWinsError.notFound(.member, id: id.uuid) }
        return (try row.uuid("tenant_id"), try row.uuid("organization_id"))
    }

    private func storedMembership(_ member: Member.ID, _ team: Team.ID) -> SQLStatement {
        statement("SELECT tenant_id FROM \(table: "membership") WHERE member_id = \(member) AND team_id = \(team)")
    }

    /// The membership's tenant, from ``storedMembership(_:_:)`` and its team's ancestry, after checking it exists in
    /// a team in scope.
    private func requireWritableMembership(_ member: Member.ID, found rows: [[SQLRow]]) throws -> UUID {
        guard let row = rows[0].first, isInSubtree(try rows[1].ids()) else { throw SmallWinsError.notFound(.membership, id: member.uuid) }
        return try row.uuid("tenant_id")
    }

    private var memberColumns: SQLText { "m.id, m.name, m.email, m.organization_id" }

    /// Members visible in scope: kept by a team of the subtree, or holding a membership in one.
    var visibleMember: SQLText {
        """
        (m.organization_id IN (SELECT id FROM subtree)
         OR EXISTS (SELECT 1 FROM \(table: "membership") ms WHERE ms.member_id = m.id AND ms.tenant_id = m.tenant_id AND \(kept(in: "subtree", by: "ms"))))
        """ + inTenant("m")
    }
}

extension Member {
    /// A member from a row with `id`, `name`, `email` and `organization_id`.
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), name: try row.text("name"), email: try row.optionalText("email"), in: try row.id("organization_id"))
    }
}

extension Membership {
    /// A membership from a row with `member_id`, `team_id` and `role`.
    init(row: SQLRow) throws {
        self.init(member: try row.id("member_id"), team: try row.id("team_id"), role: try row.value("role"))
    }
}
