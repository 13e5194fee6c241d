import Foundation
import GRDB
import SmallWins

/// Members visible in scope: kept by a team of the subtree, or holding a membership in one.
private let visibleMember = """
    (m.organization_id IN (SELECT id FROM subtree)
     OR EXISTS (SELECT 1 FROM membership ms WHERE ms.member_id = m.id AND ms.team_id IN (SELECT id FROM subtree)))
    """

extension SQLiteStore {
    public func create(_ member: Member) async throws -> Member {
        try member.validate()
        return try await write { context in
            try context.requireNew(member.id.uuid, in: "member")
            let chain = try context.requireWritable(team: member.organization, field: "organization")
            let tenant = try context.tenant(of: chain)
            try context.db.execute(
                sql: "INSERT INTO member (id, tenant_id, organization_id, name, email) VALUES (?, ?, ?, ?, ?)",
                arguments: [member.id.description, tenant, member.organization.description, member.name, member.email])
            try context.log(.member, .created, id: member.id.uuid, team: member.organization.description, tenant: tenant)
            return member
        }
    }

    public func member(_ id: Member.ID) async throws -> Member {
        try await read { context in
            guard let row = try context.scopedRows(
                "SELECT m.* FROM member m WHERE m.id = ? AND \(visibleMember)", arguments: [id.description]).first
            else { throw SmallWinsError.notFound(.member, id: id.uuid) }
            return try Member(row: row)
        }
    }

    public func members() async throws -> [Member] {
        try await read { context in
            try context.scopedRows("SELECT m.* FROM member m WHERE \(visibleMember) ORDER BY m.name, m.id")
                .map(Member.init(row:))
        }
    }

    public func update(_ member: Member) async throws -> Member {
        try member.validate()
        return try await write { context in
            let tenant = try context.requireWritableMember(member.id)
            let chain = try context.requireWritable(team: member.organization, field: "organization")
            if try context.tenant(of: chain) != tenant {
                throw SmallWinsError.invalid(field: "organization", reason: "a member cannot move to another district")
            }
            try context.db.execute(
                sql: "UPDATE member SET organization_id = ?, name = ?, email = ? WHERE id = ?",
                arguments: [member.organization.description, member.name, member.email, member.id.description])
            try context.log(.member, .updated, id: member.id.uuid, team: member.organization.description, tenant: tenant)
            return member
        }
    }

    public func delete(_ id: Member.ID) async throws {
        try await write { context in
            let tenant = try context.requireWritableMember(id)
            let organization = try String.fetchOne(
                context.db, sql: "SELECT organization_id FROM member WHERE id = ?", arguments: [id.description])!
            try context.refuseIfReferenced(.member, id: id.uuid)
            try context.db.execute(sql: "DELETE FROM member WHERE id = ?", arguments: [id.description])
            try context.log(.member, .deleted, id: id.uuid, team: organization, tenant: tenant)
        }
    }

    // MARK: Memberships

    public func create(_ membership: Membership) async throws -> Membership {
        try await write { context in
            let chain = try context.requireWritable(team: membership.team, field: "team")
            let tenant = try context.tenant(of: chain)
            try context.requireMembers([membership.member], tenant: tenant, field: "member")
            if try context.membershipRow(membership.member, membership.team) != nil {
                throw SmallWinsError.conflict(field: "member", reason: "already belongs to this team")
            }
            try context.db.execute(
                sql: "INSERT INTO membership (member_id, team_id, tenant_id, role) VALUES (?, ?, ?, ?)",
                arguments: [membership.member.description, membership.team.description, tenant, membership.role.rawValue])
            try context.log(.membership, .created, id: membership.member.uuid, team: membership.team.description, tenant: tenant)
            return membership
        }
    }

    public func memberships(member: Member.ID?, team: Team.ID?) async throws -> [Membership] {
        try await read { context in
            var sql = "SELECT * FROM membership WHERE team_id IN (SELECT id FROM subtree)"
            var arguments: StatementArguments = []
            if let member {
                sql += " AND member_id = ?"
                arguments += [member.description]
            }
            if let team {
                sql += " AND team_id = ?"
                arguments += [team.description]
            }
            return try context.scopedRows(sql + " ORDER BY team_id, member_id", arguments: arguments)
                .map(Membership.init(row:))
        }
    }

    public func update(_ membership: Membership) async throws -> Membership {
        try await write { context in
            let tenant = try context.requireWritableMembership(membership.member, membership.team)
            try context.db.execute(
                sql: "UPDATE membership SET role = ? WHERE member_id = ? AND team_id = ?",
                arguments: [membership.role.rawValue, membership.member.description, membership.team.description])
            try context.log(.membership, .updated, id: membership.member.uuid, team: membership.team.description, tenant: tenant)
            return membership
        }
    }

    public func deleteMembership(member: Member.ID, team: Team.ID) async throws {
        try await write { context in
            let tenant = try context.requireWritableMembership(member, team)
            try context.db.execute(
                sql: "DELETE FROM membership WHERE member_id = ? AND team_id = ?",
                arguments: [member.description, team.description])
            try context.log(.membership, .deleted, id: member.uuid, team: team.description, tenant: tenant)
        }
    }
}

extension SQLiteContext {
    /// The member's tenant, after checking the member exists and is kept by a team in scope.
    func requireWritableMember(_ id: Member.ID) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT tenant_id, organization_id FROM member WHERE id = ?",
                                         arguments: [id.description]),
              try isInSubtree(row["organization_id"])
        else { throw SmallWinsError.notFound(.member, id: id.uuid) }
        return row["tenant_id"]
    }

    func membershipRow(_ member: Member.ID, _ team: Team.ID) throws -> Row? {
        try Row.fetchOne(db, sql: "SELECT * FROM membership WHERE member_id = ? AND team_id = ?",
                         arguments: [member.description, team.description])
    }

    /// The membership's tenant, after checking it exists in a team in scope.
    func requireWritableMembership(_ member: Member.ID, _ team: Team.ID) throws -> String {
        guard let row = try membershipRow(member, team), try isInSubtree(team.description) else {
            throw SmallWinsError.notFound(.membership, id: member.uuid)
        }
        return row["tenant_id"]
    }
}

extension Member {
    init(row: Row) throws {
        self.init(id: try row.id("id"), name: row["name"], email: row["email"], in: try row.id("organization_id"))
    }
}

extension Membership {
    init(row: Row) throws {
        self.init(member: try row.id("member_id"), team: try row.id("team_id"), role: try row.value("role"))
    }
}
