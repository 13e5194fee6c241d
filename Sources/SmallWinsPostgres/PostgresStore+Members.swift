import Foundation
import PostgresNIO
import SmallWins

private let memberColumns = "m.id, m.name, m.email, m.organization_id"

/// Members visible in scope: kept by a team of the subtree, or holding a membership in one.
private let visibleMember = """
    (m.organization_id IN (SELECT id FROM subtree)
     OR EXISTS (SELECT 1 FROM %smembership ms WHERE ms.member_id = m.id AND ms.team_id IN (SELECT id FROM subtree)))
    """

extension PostgresStore {
    private var memberVisibility: String { visibleMember.replacingOccurrences(of: "%s", with: s) }

    public func create(_ member: Member) async throws -> Member {
        try member.validate()
        return try await write { context in
            try await context.requireNew(member.id.uuid, in: "member")
            let tenant = try context.tenant(of: try await context.requireWritable(team: member.organization, field: "organization"))
            try await context.execute("""
                INSERT INTO \(raw: s)member (id, tenant_id, organization_id, name, email)
                VALUES (\(member.id.uuid), \(tenant), \(member.organization.uuid), \(member.name), \(member.email))
                """)
            try await context.log(.member, .created, id: member.id.uuid, team: member.organization.uuid, tenant: tenant)
            return member
        }
    }

    public func member(_ id: Member.ID) async throws -> Member {
        let visibility = memberVisibility
        return try await read { context in
            guard let row = try await context.scopedRows(
                "SELECT \(raw: memberColumns) FROM \(raw: s)member m WHERE m.id = \(id.uuid) AND \(raw: visibility)").first
            else { throw SmallWinsError.notFound(.member, id: id.uuid) }
            return try Member(row: row)
        }
    }

    public func members() async throws -> [Member] {
        let visibility = memberVisibility
        return try await read { context in
            try await context.scopedRows(
                "SELECT \(raw: memberColumns) FROM \(raw: s)member m WHERE \(raw: visibility) ORDER BY m.name COLLATE \"C\", m.id"
            ).map(Member.init(row:))
        }
    }

    public func update(_ member: Member) async throws -> Member {
        try member.validate()
        return try await write { context in
            let tenant = try await context.requireWritableMember(member.id)
            let chain = try await context.requireWritable(team: member.organization, field: "organization")
            if try context.tenant(of: chain) != tenant {
                throw SmallWinsError.invalid(field: "organization", reason: "a member cannot move to another district")
            }
            try await context.execute("""
                UPDATE \(raw: s)member SET organization_id = \(member.organization.uuid), name = \(member.name), email = \(member.email)
                WHERE id = \(member.id.uuid)
                """)
            try await context.log(.member, .updated, id: member.id.uuid, team: member.organization.uuid, tenant: tenant)
            return member
        }
    }

    public func delete(_ id: Member.ID) async throws {
        try await write { context in
            let tenant = try await context.requireWritableMember(id)
            let organization = try await context.row("SELECT organization_id FROM \(raw: s)member WHERE id = \(id.uuid)")!
                .uuid("organization_id")
            try await context.refuseIfReferenced(.member, id: id.uuid)
            try await context.execute("DELETE FROM \(raw: s)member WHERE id = \(id.uuid)")
            try await context.log(.member, .deleted, id: id.uuid, team: organization, tenant: tenant)
        }
    }

    // MARK: Memberships

    public func create(_ membership: Membership) async throws -> Membership {
        try await write { context in
            let tenant = try context.tenant(of: try await context.requireWritable(team: membership.team, field: "team"))
            try await context.requireMembers([membership.member], tenant: tenant, field: "member")
            if try await context.membershipTenant(membership.member, membership.team) != nil {
                throw SmallWinsError.conflict(field: "member", reason: "already belongs to this team")
            }
            try await context.execute("""
                INSERT INTO \(raw: s)membership (member_id, team_id, tenant_id, role)
                VALUES (\(membership.member.uuid), \(membership.team.uuid), \(tenant), \(membership.role.rawValue))
                """)
            try await context.log(.membership, .created, id: membership.member.uuid, team: membership.team.uuid, tenant: tenant)
            return membership
        }
    }

    public func memberships(member: Member.ID?, team: Team.ID?) async throws -> [Membership] {
        try await read { context in
            var query: PGQuery = "SELECT member_id, team_id, role FROM \(raw: s)membership WHERE team_id IN (SELECT id FROM subtree)"
            if let member { query += " AND member_id = \(member.uuid)" }
            if let team { query += " AND team_id = \(team.uuid)" }
            return try await context.scopedRows(query + " ORDER BY team_id, member_id").map(Membership.init(row:))
        }
    }

    public func update(_ membership: Membership) async throws -> Membership {
        try await write { context in
            let tenant = try await context.requireWritableMembership(membership.member, membership.team)
            try await context.execute("""
                UPDATE \(raw: s)membership SET role = \(membership.role.rawValue)
                WHERE member_id = \(membership.member.uuid) AND team_id = \(membership.team.uuid)
                """)
            try await context.log(.membership, .updated, id: membership.member.uuid, team: membership.team.uuid, tenant: tenant)
            return membership
        }
    }

    public func deleteMembership(member: Member.ID, team: Team.ID) async throws {
        try await write { context in
            let tenant = try await context.requireWritableMembership(member, team)
            try await context.execute("DELETE FROM \(raw: s)membership WHERE member_id = \(member.uuid) AND team_id = \(team.uuid)")
            try await context.log(.membership, .deleted, id: member.uuid, team: team.uuid, tenant: tenant)
        }
    }
}

extension PostgresContext {
    /// The member's tenant, after checking the member exists and is kept by a team in scope.
    func requireWritableMember(_ id: Member.ID) async throws -> UUID {
        guard let row = try await row("SELECT tenant_id, organization_id FROM \(raw: s)member WHERE id = \(id.uuid)"),
              try await isInSubtree(try row.uuid("organization_id"))
        else { throw SmallWinsError.notFound(.member, id: id.uuid) }
        return try row.uuid("tenant_id")
    }

    /// The membership's tenant, or `nil` when there is no such membership.
    func membershipTenant(_ member: Member.ID, _ team: Team.ID) async throws -> UUID? {
        try await row("SELECT tenant_id FROM \(raw: s)membership WHERE member_id = \(member.uuid) AND team_id = \(team.uuid)")?
            .uuid("tenant_id")
    }

    /// The membership's tenant, after checking it exists in a team in scope.
    func requireWritableMembership(_ member: Member.ID, _ team: Team.ID) async throws -> UUID {
        guard let tenant = try await membershipTenant(member, team), try await isInSubtree(team.uuid) else {
            throw SmallWinsError.notFound(.membership, id: member.uuid)
        }
        return tenant
    }
}

extension Member {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), name: try row.string("name"), email: try row.optionalString("email"),
                  in: try row.id("organization_id"))
    }
}

extension Membership {
    init(row: PostgresRandomAccessRow) throws {
        self.init(member: try row.id("member_id"), team: try row.id("team_id"), role: try row.value("role"))
    }
}
