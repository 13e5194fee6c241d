import Foundation
import SmallWins

extension SQLStore {
    public func create(_ token: AccessToken, secretHash: String) async throws -> AccessToken {
        try token.validate()
        return try await run(engine.create(token, secretHash: secretHash))
    }

    public func accessTokens(member: Member.ID?) async throws -> [AccessToken] {
        try await run(engine.accessTokens(member: member, id: nil)).map(\.token)
    }

    public func accessToken(_ id: AccessToken.ID) async throws -> (token: AccessToken, secretHash: String) {
        guard let found = try await run(engine.accessTokens(member: nil, id: id)).first else {
            throw SmallWinsError.notFound(.accessToken, id: id.uuid)
        }
        return found
    }

    public func delete(_ id: AccessToken.ID) async throws { try await run(engine.delete(id)) }
}

/// Access tokens: a member's, visible where the member is; never logged as changes (they are not a district's data).
extension SQLEngine {
    func create(_ token: AccessToken, secretHash: String) -> SQLPlan<AccessToken> {
        let reads = [existing(token.id.uuid, in: "access_token"),
                     scoped("SELECT m.tenant_id FROM \(table: "member") m WHERE m.id = \(token.member) AND \(visibleMember)")]
        return SQLPlan(writes: true, reads: reads) { rows in
            try requireNew(token.id.uuid, found: rows[0])
            guard let member = rows[1].first else { throw SmallWinsError.unknownReference(field: "member", .member, id: token.member.uuid) }
            let insert = statement("""
                INSERT INTO \(table: "access_token") (id, tenant_id, member_id, name, secret_hash, created_at, expires_at)
                VALUES (\(token.id), \(try member.uuid("tenant_id")), \(token.member), \(token.name), \(secretHash),
                \(.instant(token.createdAt)), \(.instant(token.expiresAt)))
                """)
            return .write([.statement(insert)], then: token)
        }
    }

    /// Tokens of members visible in scope, optionally one member's or the one with `id`, oldest first.
    func accessTokens(member: Member.ID?, id: AccessToken.ID?) -> SQLPlan<[(token: AccessToken, secretHash: String)]> {
        let memberFilter: SQLText = member.map { "AND t.member_id = \($0)" } ?? ""
        let idFilter: SQLText = id.map { "AND t.id = \($0)" } ?? ""
        return SQLPlan(writes: false, reads: [scoped("""
            SELECT t.id, t.member_id, t.name, t.secret_hash, t.created_at, t.expires_at
            FROM \(table: "access_token") t JOIN \(table: "member") m ON m.id = t.member_id AND m.tenant_id = t.tenant_id
            WHERE \(visibleMember) \(memberFilter) \(idFilter) ORDER BY t.created_at, t.id
            """)]) { rows in
            .done(try rows[0].map { row in
                (AccessToken(id: try row.id("id"), member: try row.id("member_id"), name: try row.text("name"),
                             createdAt: try row.instant("created_at"), expiresAt: try row.optionalInstant("expires_at")),
                 try row.text("secret_hash"))
            })
        }
    }

    func delete(_ id: AccessToken.ID) -> SQLPlan<Void> {
        .init(writes: true, reads: accessTokens(member: nil, id: id).reads) { rows in
            guard !rows[0].isEmpty else { throw SmallWinsError.notFound(.accessToken, id: id.uuid) }
            return .write([.statement(statement("DELETE FROM \(table: "access_token") WHERE id = \(id)"))], then: ())
        }
    }
}
