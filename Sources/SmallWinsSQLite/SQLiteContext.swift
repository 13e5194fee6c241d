import Foundation
import GRDB
import SmallWins

/// One transaction's view of the database, with the store's scope: the visibility rules of
/// `WinStore` live here, once, for every entity.
struct SQLiteContext {
    let db: Database
    /// The scope's root team id, or `nil` for the whole installation.
    let scope: String?
    /// The instant every write in this transaction is stamped with.
    let now = Instant.truncated(Date())

    /// `team` and its ancestors, nearest first; empty when the team does not exist.
    func ancestry(of team: String) throws -> [String] {
        try String.fetchAll(db, sql: """
            WITH RECURSIVE up(id, parent, depth) AS (
                SELECT id, parent_id, 0 FROM team WHERE id = ?
                UNION ALL SELECT team.id, team.parent_id, up.depth + 1 FROM team JOIN up ON team.id = up.parent
            ) SELECT id FROM up ORDER BY depth
            """, arguments: [team])
    }

    /// Whether `team` exists and lies in the scope's subtree.
    func isInSubtree(_ team: String) throws -> Bool {
        let chain = try ancestry(of: team)
        guard let scope else { return !chain.isEmpty }
        return chain.contains(scope)
    }

    /// Whether a record kept by `owner` is visible: `owner` is in the subtree or above the scope.
    func isInLineage(_ owner: String) throws -> Bool {
        guard let scope else { return try isInSubtree(owner) }
        if try ancestry(of: owner).contains(scope) { return true }
        return try ancestry(of: scope).contains(owner)
    }

    /// Throws unless `team` exists (``SmallWinsError/unknownReference(field:_:id:)``) and lies in the
    /// scope (``SmallWinsError/outOfScope(field:id:)``); returns its ancestry, nearest first.
    @discardableResult
    func requireWritable(team: Team.ID, field: String) throws -> [String] {
        let chain = try ancestry(of: team.description)
        if chain.isEmpty { throw SmallWinsError.unknownReference(field: field, .team, id: team.uuid) }
        if let scope, !chain.contains(scope) { throw SmallWinsError.outOfScope(field: field, id: team.uuid) }
        return chain
    }

    /// The id a stored text column holds; a value that does not parse is reported as corrupt, never guessed.
    func storedUUID(_ text: String, column: String) throws -> UUID {
        guard let id = UUID(canonicalText: text) else {
            throw SmallWinsError.storage(.corrupt("column \(column) holds \"\(text.prefix(60))\", which is not an id"))
        }
        return id
    }

    /// The tenant (root team id) of an ancestry. An ancestry read for a stored row is never empty (its team
    /// exists by foreign key), so an empty one is reported as corrupt storage.
    func tenant(of ancestry: [String]) throws -> String {
        guard let root = ancestry.last else { throw SmallWinsError.storage(.corrupt("a stored row's team has no ancestry")) }
        return root
    }

    /// Throws ``SmallWinsError/unknownReference(field:_:id:)`` for the first id in `ids` that is not
    /// a row of `table` kept by a team in `lineage`.
    func requireKept(
        _ ids: [UUID], in table: String, by lineage: [String], field: String, kind: EntityKind
    ) throws {
        guard !ids.isEmpty else { return }
        let texts = ids.map { $0.lowercaseText }
        let owners = try Dictionary(
            Row.fetchAll(db, sql: "SELECT id, team_id FROM \(table) WHERE id IN \(placeholders(texts.count))",
                         arguments: StatementArguments(texts)).map { ($0["id"] as String, $0["team_id"] as String) },
            uniquingKeysWith: { first, _ in first })
        let allowed = Set(lineage)
        for (id, text) in zip(ids, texts) where !(owners[text].map(allowed.contains) ?? false) {
            throw SmallWinsError.unknownReference(field: field, kind, id: id)
        }
    }

    /// Throws ``SmallWinsError/unknownReference(field:_:id:)`` for the first member in `ids` that
    /// does not exist in `tenant`.
    func requireMembers(_ ids: [Member.ID], tenant: String, field: String) throws {
        guard !ids.isEmpty else { return }
        let texts = ids.map(\.description)
        let found = try Set(String.fetchAll(
            db, sql: "SELECT id FROM member WHERE tenant_id = ? AND id IN \(placeholders(texts.count))",
            arguments: StatementArguments([tenant] + texts)))
        for id in ids where !found.contains(id.description) {
            throw SmallWinsError.unknownReference(field: field, .member, id: id.uuid)
        }
    }

    /// Throws ``SmallWinsError/conflict(field:reason:)`` when `table` already holds `id`.
    func requireNew(_ id: UUID, in table: String) throws {
        if try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM \(table) WHERE id = ?"), arguments: [id.lowercaseText]) == true {
            throw SmallWinsError.conflict(field: "id", reason: "\(id.lowercaseText) already exists")
        }
    }

    /// Throws ``SmallWinsError/inUse(_:id:referencedBy:)`` for the first of `kind`'s references that finds a row.
    func refuseIfReferenced(_ kind: EntityKind, id: UUID) throws {
        let text = id.lowercaseText
        for reference in kind.references where try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM \(reference.table) WHERE \(reference.column) = ?)", arguments: [text]) == true {
            throw SmallWinsError.inUse(kind, id: id, referencedBy: reference.label)
        }
    }

    /// Appends a change notice in this transaction, so it is committed (or not) with the change.
    func log(_ entity: EntityKind, _ action: StoreChange.Action, id: UUID, team: String, tenant: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO change_log (tenant_id, team_id, entity, action, entity_id, at) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [tenant, team, entity.rawValue, action.rawValue, id.lowercaseText, Instant.iso(now)])
    }

    /// The recursive CTE defining `subtree(id)` (teams in scope) and `lineage(id)` (those plus the
    /// scope's ancestors), to start a query with.
    func scopeCTE() -> (sql: String, arguments: StatementArguments) {
        guard let scope else {
            return ("WITH RECURSIVE subtree(id) AS (SELECT id FROM team), lineage(id) AS (SELECT id FROM team) ", [])
        }
        return ("""
            WITH RECURSIVE subtree(id) AS (
                SELECT id FROM team WHERE id = ?
                UNION ALL SELECT team.id FROM team JOIN subtree ON team.parent_id = subtree.id
            ), above(id, parent) AS (
                SELECT id, parent_id FROM team WHERE id = ?
                UNION ALL SELECT team.id, team.parent_id FROM team JOIN above ON team.id = above.parent
            ), lineage(id) AS (SELECT id FROM subtree UNION SELECT id FROM above)
            """, [scope, scope])
    }

    /// Fetches rows of a query that follows ``scopeCTE()``.
    func scopedRows(_ sql: String, arguments: StatementArguments = []) throws -> [Row] {
        let cte = scopeCTE()
        return try Row.fetchAll(db, sql: cte.sql + sql, arguments: cte.arguments + arguments)
    }
}

/// `(?, ?, ?)` for `count` values.
func placeholders(_ count: Int) -> String {
    "(" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
}
