import Foundation
import Logging
import PostgresNIO
import SmallWins

/// One connection's (or transaction's) view of the database, with the store's scope: the visibility
/// rules of `WinStore` for PostgreSQL, once, for every entity.
struct PostgresContext: Sendable {
    let connection: PostgresConnection
    /// `"schema".`, the prefix of every table name.
    let s: String
    /// The schema's plain name.
    let schema: String
    /// The scope's root team, or `nil` for the whole installation.
    let scope: UUID?
    let logger: Logger
    /// The channel `NOTIFY` announces changes on.
    let channel: String
    /// The instant every write in this transaction is stamped with.
    let now = Instant.truncated(Date())

    init(connection: PostgresConnection, store: PostgresStore) {
        self.connection = connection
        self.s = store.s
        self.schema = store.schema
        self.scope = store.scope?.uuid
        self.logger = store.logger
        self.channel = PostgresStore.channel(schema: store.schema)
    }

    /// Runs `query` and collects its rows.
    func rows(_ query: PGQuery) async throws -> [PostgresRandomAccessRow] {
        try await connection.rows(query, logger: logger)
    }

    /// Runs `query` and returns its first row, if any.
    func row(_ query: PGQuery) async throws -> PostgresRandomAccessRow? { try await rows(query).first }

    /// Runs a statement.
    func execute(_ query: PGQuery) async throws {
        try await connection.query(query.postgres, logger: logger)
    }

    /// Whether `query` returns any row.
    func exists(_ query: PGQuery) async throws -> Bool { try await row(query) != nil }

    /// `team` and its ancestors, nearest first; empty when the team does not exist.
    func ancestry(of team: UUID) async throws -> [UUID] {
        try await rows("""
            WITH RECURSIVE up(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM \(raw: s)team WHERE id = \(team)
                UNION ALL SELECT t.id, t.parent_id, up.depth + 1 FROM \(raw: s)team t JOIN up ON t.id = up.parent_id
            ) SELECT id FROM up ORDER BY depth
            """).map { try $0.uuid("id") }
    }

    /// Whether `team` exists and lies in the scope's subtree.
    func isInSubtree(_ team: UUID) async throws -> Bool {
        let chain = try await ancestry(of: team)
        guard let scope else { return !chain.isEmpty }
        return chain.contains(scope)
    }

    /// Whether a record kept by `owner` is visible: `owner` is in the subtree or above the scope.
    func isInLineage(_ owner: UUID) async throws -> Bool {
        guard let scope else { return try await isInSubtree(owner) }
        if try await ancestry(of: owner).contains(scope) { return true }
        return try await ancestry(of: scope).contains(owner)
    }

    /// Throws unless `team` exists and lies in the scope; returns its ancestry, nearest first.
    @discardableResult
    func requireWritable(team: Team.ID, field: String) async throws -> [UUID] {
        let chain = try await ancestry(of: team.uuid)
        if chain.isEmpty { throw SmallWinsError.unknownReference(field: field, .team, id: team.uuid) }
        if let scope, !chain.contains(scope) { throw SmallWinsError.outOfScope(field: field, id: team.uuid) }
        return chain
    }

    /// The tenant (root team id) of an ancestry. An ancestry read for a stored row is never empty (its team
    /// exists by foreign key), so an empty one is reported as corrupt storage.
    func tenant(of ancestry: [UUID]) throws -> UUID {
        guard let root = ancestry.last else { throw SmallWinsError.storage(.corrupt("a stored row's team has no ancestry")) }
        return root
    }

    /// Throws for the first id in `ids` that is not a row of `table` kept by a team in `lineage`.
    func requireKept(_ ids: [UUID], in table: String, by lineage: [UUID], field: String, kind: EntityKind) async throws {
        guard !ids.isEmpty else { return }
        var owners: [UUID: UUID] = [:]
        for row in try await rows("SELECT id, team_id FROM \(raw: s)\(raw: table) WHERE id = ANY(\(ids))") {
            owners[try row.uuid("id")] = try row.uuid("team_id")
        }
        for id in ids where !(owners[id].map(lineage.contains) ?? false) {
            throw SmallWinsError.unknownReference(field: field, kind, id: id)
        }
    }

    /// Throws for the first member in `ids` that does not exist in `tenant`.
    func requireMembers(_ ids: [Member.ID], tenant: UUID, field: String) async throws {
        guard !ids.isEmpty else { return }
        let found = Set(try await rows(
            "SELECT id FROM \(raw: s)member WHERE tenant_id = \(tenant) AND id = ANY(\(ids.map(\.uuid)))").map { try $0.uuid("id") })
        for id in ids where !found.contains(id.uuid) {
            throw SmallWinsError.unknownReference(field: field, .member, id: id.uuid)
        }
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` when `table` already holds `id`.
    func requireNew(_ id: UUID, in table: String) async throws {
        if try await exists("SELECT 1 FROM \(raw: s)\(raw: table) WHERE id = \(id)") {
            throw SmallWinsError.conflict(field: "id", reason: "\(id.lowercaseText) already exists")
        }
    }

    /// Throws ``SmallWinsError/inUse(_:id:referencedBy:)`` for the first of `kind`'s references that finds a row.
    func refuseIfReferenced(_ kind: EntityKind, id: UUID) async throws {
        for reference in kind.references
        where try await exists("SELECT 1 FROM \(raw: s)\(raw: reference.table) WHERE \(raw: reference.column) = \(id) LIMIT 1") {
            throw SmallWinsError.inUse(kind, id: id, referencedBy: reference.label)
        }
    }

    /// Appends a change notice and announces it; both take effect only if the transaction commits.
    func log(_ entity: EntityKind, _ action: StoreChange.Action, id: UUID, team: UUID, tenant: UUID) async throws {
        try await execute("""
            INSERT INTO \(raw: s)change_log (tenant_id, team_id, entity, action, entity_id, at)
            VALUES (\(tenant), \(team), \(entity.rawValue), \(action.rawValue), \(id), \(Instant.iso(now))::timestamptz)
            """)
        try await execute("SELECT pg_notify(\(channel), '')")
    }

    /// The recursive CTE defining `subtree(id)` (teams in scope) and `lineage(id)` (those plus the
    /// scope's ancestors), to start a query with.
    func scopeCTE() -> PGQuery {
        guard let scope else {
            return "WITH RECURSIVE subtree(id) AS (SELECT id FROM \(raw: s)team), lineage(id) AS (SELECT id FROM \(raw: s)team) "
        }
        return """
            WITH RECURSIVE subtree(id) AS (
                SELECT id FROM \(raw: s)team WHERE id = \(scope)
                UNION ALL SELECT t.id FROM \(raw: s)team t JOIN subtree ON t.parent_id = subtree.id
            ), above(id, parent_id) AS (
                SELECT id, parent_id FROM \(raw: s)team WHERE id = \(scope)
                UNION ALL SELECT t.id, t.parent_id FROM \(raw: s)team t JOIN above ON t.id = above.parent_id
            ), lineage(id) AS (SELECT id FROM subtree UNION SELECT id FROM above)

            """
    }

    /// Rows of a query that follows ``scopeCTE()``.
    func scopedRows(_ query: PGQuery) async throws -> [PostgresRandomAccessRow] {
        try await rows(scopeCTE() + query)
    }
}

/// SQL expressions that read dates and instants back in SmallWins' text forms.
enum PGText {
    /// `column` as `YYYY-MM-DD`.
    static func day(_ column: String) -> String { "to_char(\(column), 'YYYY-MM-DD')" }
    /// `column` as `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC.
    static func instant(_ column: String) -> String {
        "to_char(\(column) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
    }
}

extension PostgresStore {
    /// The `LISTEN`/`NOTIFY` channel of an installation.
    static func channel(schema: String) -> String { "smallwins_\(schema)" }
}

extension PostgresConnection {
    /// Runs `query` and collects its rows.
    func rows(_ query: PGQuery, logger: Logger) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await self.query(query.postgres, logger: logger) { rows.append(row.makeRandomAccess()) }
        return rows
    }
}
