import Foundation
import GRDB
import SmallWins

/// The shape shared by the two codebooks (student groups and themes), so one implementation
/// stores both.
protocol CodebookEntry: Sendable, Validatable {
    static var entity: EntityKind { get }
    var uuid: UUID { get }
    var name: String { get }
    var description: String? { get }
    var team: Team.ID { get }
    init(row: Row) throws
}

extension StudentGroup: CodebookEntry {
    static let entity = EntityKind.studentGroup
    var uuid: UUID { id.uuid }
    init(row: Row) throws {
        self.init(id: try row.id("id"), name: row["name"], description: row["description"], in: try row.id("team_id"))
    }
}

extension Theme: CodebookEntry {
    static let entity = EntityKind.theme
    var uuid: UUID { id.uuid }
    init(row: Row) throws {
        self.init(id: try row.id("id"), name: row["name"], description: row["description"], in: try row.id("team_id"))
    }
}

extension SQLiteStore {
    public func create(_ group: StudentGroup) async throws -> StudentGroup { try await createEntry(group) }
    public func studentGroup(_ id: StudentGroup.ID) async throws -> StudentGroup { try await entry(id.uuid) }
    public func studentGroups() async throws -> [StudentGroup] { try await entries() }
    public func update(_ group: StudentGroup) async throws -> StudentGroup { try await updateEntry(group) }
    public func delete(_ id: StudentGroup.ID) async throws { try await deleteOwned(.studentGroup, id: id.uuid) }

    public func create(_ theme: Theme) async throws -> Theme { try await createEntry(theme) }
    public func theme(_ id: Theme.ID) async throws -> Theme { try await entry(id.uuid) }
    public func themes() async throws -> [Theme] { try await entries() }
    public func update(_ theme: Theme) async throws -> Theme { try await updateEntry(theme) }
    public func delete(_ id: Theme.ID) async throws { try await deleteOwned(.theme, id: id.uuid) }

    private func createEntry<Entry: CodebookEntry>(_ entry: Entry) async throws -> Entry {
        try entry.validate()
        return try await write { context in
            try context.requireNew(entry.uuid, in: Entry.entity.table)
            let tenant = try context.tenant(of: try context.requireWritable(team: entry.team, field: "team"))
            try context.requireUniqueEntryName(entry)
            try context.db.execute(
                sql: "INSERT INTO \(Entry.entity.table) (id, tenant_id, team_id, name, description) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.uuid.lowercaseText, tenant, entry.team.description, entry.name, entry.description])
            try context.log(Entry.entity, .created, id: entry.uuid, team: entry.team.description, tenant: tenant)
            return entry
        }
    }

    private func entry<Entry: CodebookEntry>(_ id: UUID) async throws -> Entry {
        try await read { context in
            guard let row = try Row.fetchOne(context.db, sql: "SELECT * FROM \(Entry.entity.table) WHERE id = ?",
                                             arguments: [id.lowercaseText]),
                  try context.isInLineage(row["team_id"])
            else { throw SmallWinsError.notFound(Entry.entity, id: id) }
            return try Entry(row: row)
        }
    }

    private func entries<Entry: CodebookEntry>() async throws -> [Entry] {
        try await read { context in
            try context.scopedRows(
                "SELECT * FROM \(Entry.entity.table) WHERE team_id IN (SELECT id FROM lineage) ORDER BY name, id"
            ).map(Entry.init(row:))
        }
    }

    private func updateEntry<Entry: CodebookEntry>(_ entry: Entry) async throws -> Entry {
        try entry.validate()
        return try await write { context in
            let tenant = try context.requireWritableOwned(Entry.entity.table, entry.uuid, kind: Entry.entity)
            let chain = try context.requireWritable(team: entry.team, field: "team")
            if try context.tenant(of: chain) != tenant {
                throw SmallWinsError.invalid(field: "team", reason: "cannot move to another district")
            }
            try context.requireUniqueEntryName(entry)
            try context.db.execute(
                sql: "UPDATE \(Entry.entity.table) SET team_id = ?, name = ?, description = ? WHERE id = ?",
                arguments: [entry.team.description, entry.name, entry.description, entry.uuid.lowercaseText])
            try context.log(Entry.entity, .updated, id: entry.uuid, team: entry.team.description, tenant: tenant)
            return entry
        }
    }
}

extension SQLiteContext {
    /// The tenant of a row of `table` with a `team_id`, after checking it exists and its team is in scope.
    func requireWritableOwned(_ table: String, _ id: UUID, kind: EntityKind) throws -> String {
        guard let row = try Row.fetchOne(db, sql: "SELECT tenant_id, team_id FROM \(table) WHERE id = ?",
                                         arguments: [id.lowercaseText])
        else { throw SmallWinsError.notFound(kind, id: id) }
        let team: String = row["team_id"]
        if !(try isInSubtree(team)) {
            if try isInLineage(team) { throw SmallWinsError.outOfScope(field: "team", id: try storedUUID(team, column: "team_id")) }
            throw SmallWinsError.notFound(kind, id: id)
        }
        return row["tenant_id"]
    }

    func requireUniqueEntryName<Entry: CodebookEntry>(_ entry: Entry) throws {
        let taken = try Bool.fetchOne(db, sql: "SELECT 1 FROM \(Entry.entity.table) WHERE team_id = ? AND name = ? AND id <> ?",
                                      arguments: [entry.team.description, entry.name, entry.uuid.lowercaseText]) ?? false
        if taken {
            throw SmallWinsError.conflict(field: "name", reason: "this team already has a \(Entry.entity.label) named \"\(entry.name)\"")
        }
    }
}
