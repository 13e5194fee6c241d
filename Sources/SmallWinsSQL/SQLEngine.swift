import Foundation
import SmallWins

/// Writes the SQL of a store's operations for one dialect and scope, and holds the visibility rules of
/// `WinStore` that every operation shares: which teams a scoped store sees and may write, who owns a row,
/// which notice a change leaves. Each kind of record adds its operations in an extension.
public struct SQLEngine: Sendable {
    /// The engine's SQL syntax.
    public let dialect: any SQLDialect
    /// The scope's root team, or `nil` for the whole installation.
    public let scope: UUID?
    /// The scope's tenant, when the engine knows it: its statements then name it on every table they read
    /// (``inTenant(_:)``), so a distributed PostgreSQL (Citus) routes each to the one node holding the tenant.
    public let scopeTenant: UUID?

    /// An engine writing `dialect` for a store scoped to `scope`, of `tenant` when known.
    public init(dialect: any SQLDialect, scope: UUID?, tenant: UUID? = nil) {
        self.dialect = dialect
        self.scope = scope
        self.scopeTenant = tenant
    }

    /// `" AND alias.tenant_id = tenant"` when the engine knows its ``scopeTenant``, else nothing.
    func inTenant(_ alias: String) -> SQLText {
        guard let tenant = scopeTenant else { return "" }
        return " AND \(raw: alias).tenant_id = \(tenant)"
    }

    /// `owner.column` (a table or its alias) among the ids of `set` (`subtree` or `lineage` of ``scopeCTE``), with
    /// ``inTenant(_:)`` on `owner`: a scoped store's list reads one tenant, on one node of a distributed PostgreSQL.
    func kept(in set: String, by owner: String, _ column: String = "team_id") -> SQLText {
        "\(raw: owner).\(raw: column) IN (SELECT id FROM \(raw: set))" + inTenant(owner)
    }

    /// `text` as a statement of this engine's dialect.
    public func statement(_ text: SQLText) -> SQLStatement { SQLStatement(text, dialect: dialect) }

    /// `text` after ``scopeCTE``.
    func scoped(_ text: SQLText) -> SQLStatement { statement(scopeCTE + text) }

    /// The CTE defining `subtree(id)` (teams in scope) and `lineage(id)` (those and the scope's ancestors), to
    /// start a query with, read from the closure table `team_ancestor`: no recursion, which a distributed
    /// PostgreSQL refuses in a query that does not name one tenant. Both are `MATERIALIZED`, so Citus reads them
    /// first and the query proper compares its rows' teams with their ids, not with a join on a team column it
    /// cannot send to each node.
    var scopeCTE: SQLText {
        guard let scope else {
            return "WITH subtree(id) AS MATERIALIZED (SELECT id FROM \(table: "team")), lineage(id) AS MATERIALIZED (SELECT id FROM \(table: "team")) "
        }
        return """
            WITH subtree(id) AS MATERIALIZED (
                SELECT d.team_id FROM \(table: "team_ancestor") d WHERE d.ancestor_id = \(scope) AND d.own = 0\(inTenant("d"))
            ), lineage(id) AS MATERIALIZED (
                SELECT id FROM subtree UNION SELECT a.ancestor_id FROM \(table: "team_ancestor") a WHERE a.team_id = \(scope) AND a.own = 0\(inTenant("a"))
            )

            """
    }

    /// `team` and its ancestors, nearest first, as rows of `id` and `kind`; none when the team does not exist.
    func ancestry(of team: UUID) -> SQLStatement { ancestry(ofTeam: "\(team)") }

    /// The ancestry (as ``ancestry(of:)``) of the team an SQL expression names, for example a stored row's team:
    /// `"(SELECT team_id FROM goal WHERE id = \(id))"`.
    func ancestry(ofTeam expression: SQLText) -> SQLStatement {
        statement("""
            SELECT a.ancestor_id AS id, t.kind FROM \(table: "team_ancestor") a
            JOIN \(table: "team") t ON t.id = a.ancestor_id AND t.tenant_id = a.tenant_id
            WHERE a.team_id = \(expression) AND a.own = 0 ORDER BY \(depth(of: "a")) DESC
            """)
    }

    /// How many teams lie above the ancestor of `alias`, a `team_ancestor` row, and it: ordering by it puts the
    /// nearest ancestor first (descending) or the root first.
    func depth(of alias: String) -> SQLText {
        """
        (SELECT count(*) FROM \(table: "team_ancestor") d
         WHERE d.team_id = \(raw: alias).ancestor_id AND d.own = 0 AND d.tenant_id = \(raw: alias).tenant_id)
        """
    }

    /// Whether an ancestry (read with ``ancestry(of:)``) reaches into the scope: the team exists and lies in the
    /// scope's subtree.
    func isInSubtree(_ ancestry: [UUID]) -> Bool {
        guard let scope else { return !ancestry.isEmpty }
        return ancestry.contains(scope)
    }

    /// Throws unless the team of `ancestry` exists (``SmallWinsError/unknownReference(field:_:id:)``) and lies in
    /// the scope (``SmallWinsError/outOfScope(field:id:)``).
    func requireWritable(_ team: UUID, ancestry: [UUID], field: String) throws {
        if ancestry.isEmpty { throw SmallWinsError.unknownReference(field: field, .team, id: team) }
        if !isInSubtree(ancestry) { throw SmallWinsError.outOfScope(field: field, id: team) }
    }

    /// The tenant (root team id) of an ancestry. An ancestry read for a stored row is never empty (its team
    /// exists by foreign key), so an empty one is reported as corrupt storage.
    func tenant(of ancestry: [UUID]) throws -> UUID {
        guard let root = ancestry.last else { throw SmallWinsError.storage(.corrupt("a stored row's team has no ancestry")) }
        return root
    }

    /// A row when `table` holds `id`, for ``requireNew(_:found:)``.
    func existing(_ id: UUID, in table: String) -> SQLStatement {
        statement("SELECT 1 AS found FROM \(table: table) WHERE id = \(id)")
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` when ``existing(_:in:)`` found `id`.
    func requireNew(_ id: UUID, found: [SQLRow]) throws {
        if !found.isEmpty { throw SmallWinsError.conflict(field: "id", reason: "\(id.lowercaseText) already exists") }
    }

    /// One statement per reference to a record of `kind`, each returning a row when one refers to `id`.
    func references(to kind: EntityKind, id: UUID) -> [SQLStatement] {
        kind.references.map { statement("SELECT 1 AS found FROM \(table: $0.table) WHERE \(raw: $0.column) = \(id) LIMIT 1") }
    }

    /// Throws ``SmallWinsError/inUse(_:id:referencedBy:)`` for the first reference of ``references(to:id:)`` that
    /// found a row.
    func refuseIfReferenced(_ kind: EntityKind, id: UUID, found: ArraySlice<[SQLRow]>) throws {
        for (reference, rows) in zip(kind.references, found) where !rows.isEmpty {
            throw SmallWinsError.inUse(kind, id: id, referencedBy: reference.label)
        }
    }

    /// The statements that log a change notice (and announce it), committed or not with the change.
    func log(_ entity: EntityKind, _ action: StoreChange.Action, id: UUID, team: UUID, tenant: UUID) -> [SQLWrite] {
        log(entity, action, [(id, team, tenant)])
    }

    /// The statements that log one notice per `(id, team, tenant)` of `changes` (and announce them).
    func log(_ entity: EntityKind, _ action: StoreChange.Action, _ changes: [(id: UUID, team: UUID, tenant: UUID)]) -> [SQLWrite] {
        let at = SQLValue.instant(Instant.truncated(Date()))
        let rows = changes.map { [SQLValue.id($0.tenant), .id($0.team), .text(entity.rawValue), .text(action.rawValue), .id($0.id), at] }
        let columns = [SQLColumn("tenant_id", .id), SQLColumn("team_id", .id), SQLColumn("entity", .text), SQLColumn("action", .text),
                       SQLColumn("entity_id", .id), SQLColumn("at", .instant)]
        let announcement = dialect.changeAnnouncement.map { [SQLWrite.statement(statement(SQLText(stringLiteral: $0)))] } ?? []
        return [.rows(SQLRowsInsert(table: "change_log", columns: columns, rows: rows))] + announcement
    }
}

extension Array where Element == SQLRow {
    /// The `id` column of every row.
    func ids(_ column: String = "id") throws -> [UUID] { try map { try $0.uuid(column) } }
}
