import Foundation
import PostgresNIO
import SmallWins

/// The shape shared by the two codebooks (student groups and themes), so one implementation stores both.
protocol PostgresCodebookEntry: Sendable, Validatable {
    static var entity: EntityKind { get }
    var uuid: UUID { get }
    var name: String { get }
    var description: String? { get }
    var team: Team.ID { get }
    init(row: PostgresRandomAccessRow) throws
}

extension StudentGroup: PostgresCodebookEntry {
    static let entity = EntityKind.studentGroup
    var uuid: UUID { id.uuid }
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), name: try row.string("name"), description: try row.optionalString("description"),
                  in: try row.id("team_id"))
    }
}

extension Theme: PostgresCodebookEntry {
    static let entity = EntityKind.theme
    var uuid: UUID { id.uuid }
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), name: try row.string("name"), description: try row.optionalString("description"),
                  in: try row.id("team_id"))
    }
}

private let entryColumns = "id, name, description, team_id"

extension PostgresStore {
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

    private func createEntry<Entry: PostgresCodebookEntry>(_ entry: Entry) async throws -> Entry {
        try entry.validate()
        return try await write { context in
            try await context.requireNew(entry.uuid, in: Entry.entity.table)
            let tenant = try context.tenant(of: try await context.requireWritable(team: entry.team, field: "team"))
            try await context.requireUniqueEntryName(entry)
            try await context.execute("""
                INSERT INTO \(raw: s)\(raw: Entry.entity.table) (id, tenant_id, team_id, name, description)
                VALUES (\(entry.uuid), \(tenant), \(entry.team.uuid), \(entry.name), \(entry.description))
                """)
            try await context.log(Entry.entity, .created, id: entry.uuid, team: entry.team.uuid, tenant: tenant)
            return entry
        }
    }

    private func entry<Entry: PostgresCodebookEntry>(_ id: UUID) async throws -> Entry {
        try await read { context in
            guard let row = try await context.row("SELECT \(raw: entryColumns) FROM \(raw: s)\(raw: Entry.entity.table) WHERE id = \(id)"),
                  try await context.isInLineage(try row.uuid("team_id"))
            else { throw SmallWinsError.notFound(Entry.entity, id: id) }
            return try Entry(row: row)
        }
    }

    private func entries<Entry: PostgresCodebookEntry>() async throws -> [Entry] {
        try await read { context in
            try await context.scopedRows("""
                SELECT \(raw: entryColumns) FROM \(raw: s)\(raw: Entry.entity.table) WHERE team_id IN (SELECT id FROM lineage)
                ORDER BY name COLLATE "C", id
                """).map(Entry.init(row:))
        }
    }

    private func updateEntry<Entry: PostgresCodebookEntry>(_ entry: Entry) async throws -> Entry {
        try entry.validate()
        return try await write { context in
            let tenant = try await context.requireWritableOwned(Entry.entity.table, entry.uuid, kind: Entry.entity)
            let chain = try await context.requireWritable(team: entry.team, field: "team")
            if try context.tenant(of: chain) != tenant {
                throw SmallWinsError.invalid(field: "team", reason: "cannot move to another district")
            }
            try await context.requireUniqueEntryName(entry)
            try await context.execute("""
                UPDATE \(raw: s)\(raw: Entry.entity.table) SET team_id = \(entry.team.uuid), name = \(entry.name),
                description = \(entry.description) WHERE id = \(entry.uuid)
                """)
            try await context.log(Entry.entity, .updated, id: entry.uuid, team: entry.team.uuid, tenant: tenant)
            return entry
        }
    }

    /// Deletes a record kept by a team (its table has a `team_id`) after the scope and reference checks.
    func deleteOwned(_ kind: EntityKind, id: UUID) async throws {
        let table = kind.table
        try await write { context in
            let tenant = try await context.requireWritableOwned(table, id, kind: kind)
            let team = try await context.row("SELECT team_id FROM \(raw: s)\(raw: table) WHERE id = \(id)")!.uuid("team_id")
            try await context.refuseIfReferenced(kind, id: id)
            try await context.execute("DELETE FROM \(raw: s)\(raw: table) WHERE id = \(id)")
            try await context.log(kind, .deleted, id: id, team: team, tenant: tenant)
        }
    }
}

extension PostgresContext {
    /// The tenant of a row of `table` with a `team_id`, after checking it exists and its team is in scope.
    func requireWritableOwned(_ table: String, _ id: UUID, kind: EntityKind) async throws -> UUID {
        guard let row = try await row("SELECT tenant_id, team_id FROM \(raw: s)\(raw: table) WHERE id = \(id)") else {
            throw SmallWinsError.notFound(kind, id: id)
        }
        let team = try row.uuid("team_id")
        if !(try await isInSubtree(team)) {
            if try await isInLineage(team) { throw SmallWinsError.outOfScope(field: "team", id: team) }
            throw SmallWinsError.notFound(kind, id: id)
        }
        return try row.uuid("tenant_id")
    }

    func requireUniqueEntryName<Entry: PostgresCodebookEntry>(_ entry: Entry) async throws {
        if try await exists("""
            SELECT 1 FROM \(raw: s)\(raw: Entry.entity.table) WHERE team_id = \(entry.team.uuid) AND name = \(entry.name) AND id <> \(entry.uuid)
            """) {
            throw SmallWinsError.conflict(field: "name", reason: "this team already has a \(Entry.entity.label) named \"\(entry.name)\"")
        }
    }
}
