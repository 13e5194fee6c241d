import Foundation
import PostgresNIO
import SmallWins

extension PostgresStore {
    /// Lets the database role `role` (created by an administrator, e.g. for a BI tool) read this
    /// installation directly, limited by row-level security to `teams` and everything inside them (plus
    /// the records above them that those rows use). The role gets read access and nothing else; granting
    /// again adds teams. Needs an unscoped store, on an installation not distributed with Citus (``distribute()``).
    public func grantReadOnlyAccess(to role: String, teams: [Team.ID]) async throws {
        try Self.validate(role: role)
        if let scope { throw SmallWinsError.outOfScope(field: "teams", id: scope.uuid) }
        let policies = "SELECT count(*) AS n FROM pg_policies WHERE schemaname = \(schema) AND policyname = 'smallwins_reader'" as PGQuery
        guard try await read({ try await $0.row(policies)?.int64("n") ?? 0 }) > 0 else {
            throw SmallWinsError.invalid(field: "role", reason: "read-only roles are not available on an installation distributed with Citus "
                                         + "(it refuses the row-level security policies they rely on)")
        }
        let known = Set(try await self.teams().map(\.id))
        if let missing = teams.first(where: { !known.contains($0) }) { throw SmallWinsError.unknownReference(field: "teams", .team, id: missing.uuid) }
        try await write { context in
            for team in teams {
                try await context.execute("INSERT INTO \(raw: s)smallwins_reader (role_name, team_id) VALUES (\(role), \(team.uuid)) ON CONFLICT DO NOTHING")
            }
            let quotedRole = "\"\(role)\""
            try await context.execute("GRANT USAGE ON SCHEMA \(raw: PostgresSchema.quoted(schema)) TO \(raw: quotedRole)")
            try await context.execute("GRANT SELECT ON ALL TABLES IN SCHEMA \(raw: PostgresSchema.quoted(schema)) TO \(raw: quotedRole)")
            try await context.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA \(raw: PostgresSchema.quoted(schema)) TO \(raw: quotedRole)")
        }
    }

    /// Takes back everything ``grantReadOnlyAccess(to:teams:)`` gave `role`.
    public func revokeReadOnlyAccess(from role: String) async throws {
        try Self.validate(role: role)
        try await write { context in
            try await context.execute("DELETE FROM \(raw: s)smallwins_reader WHERE role_name = \(role)")
            let quotedRole = "\"\(role)\""
            try await context.execute("REVOKE SELECT ON ALL TABLES IN SCHEMA \(raw: PostgresSchema.quoted(schema)) FROM \(raw: quotedRole)")
            try await context.execute("REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA \(raw: PostgresSchema.quoted(schema)) FROM \(raw: quotedRole)")
            try await context.execute("REVOKE USAGE ON SCHEMA \(raw: PostgresSchema.quoted(schema)) FROM \(raw: quotedRole)")
        }
    }

    /// Throws unless `role` is a plain identifier, safe to quote.
    static func validate(role: String) throws {
        let allowed = role.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard !role.isEmpty, role.count <= 63, allowed else {
            throw SmallWinsError.invalid(field: "role", reason: "\"\(role.prefix(70))\" is not a plain lowercase role name (a-z, 0-9, _)")
        }
    }
}
