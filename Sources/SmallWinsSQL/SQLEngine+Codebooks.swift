import Foundation
import SmallWins

extension SQLStore {
    public func create(_ group: StudentGroup) async throws -> StudentGroup { try await createEntry(group) }
    public func studentGroup(_ id: StudentGroup.ID) async throws -> StudentGroup { try await run(engine.entry(id.uuid)) }
    public func studentGroups() async throws -> [StudentGroup] { try await run(engine.entries()) }
    public func update(_ group: StudentGroup) async throws -> StudentGroup { try await updateEntry(group) }
    public func delete(_ id: StudentGroup.ID) async throws { try await run(engine.deleteOwned(.studentGroup, id: id.uuid)) }

    public func create(_ theme: Theme) async throws -> Theme { try await createEntry(theme) }
    public func theme(_ id: Theme.ID) async throws -> Theme { try await run(engine.entry(id.uuid)) }
    public func themes() async throws -> [Theme] { try await run(engine.entries()) }
    public func update(_ theme: Theme) async throws -> Theme { try await updateEntry(theme) }
    public func delete(_ id: Theme.ID) async throws { try await run(engine.deleteOwned(.theme, id: id.uuid)) }

    private func createEntry<Entry: CodebookEntry>(_ entry: Entry) async throws -> Entry {
        try entry.validate()
        return try await run(engine.create(entry))
    }

    private func updateEntry<Entry: CodebookEntry>(_ entry: Entry) async throws -> Entry {
        try entry.validate()
        return try await run(engine.update(entry))
    }
}

/// The shape shared by the two codebooks (student groups and themes), so one implementation stores both.
protocol CodebookEntry: Sendable, Validatable {
    static var entity: EntityKind { get }
    var uuid: UUID { get }
    var name: String { get }
    var description: String? { get }
    var team: Team.ID { get }
    /// An entry from a row with `id`, `name`, `description` and `team_id`.
    init(row: SQLRow) throws
}

extension StudentGroup: CodebookEntry {
    static let entity = EntityKind.studentGroup
    var uuid: UUID { id.uuid }
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), name: try row.text("name"), description: try row.optionalText("description"), in: try row.id("team_id"))
    }
}

extension Theme: CodebookEntry {
    static let entity = EntityKind.theme
    var uuid: UUID { id.uuid }
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), name: try row.text("name"), description: try row.optionalText("description"), in: try row.id("team_id"))
    }
}

private let entryColumns: SQLText = "id, name, description, team_id"

extension SQLEngine {
    func create<Entry: CodebookEntry>(_ entry: Entry) -> SQLPlan<Entry> {
        let table = Entry.entity.table
        let reads = [existing(entry.uuid, in: table), ancestry(of: entry.team.uuid), sameName(as: entry)]
        return SQLPlan(writes: true, reads: reads) { rows in
            try requireNew(entry.uuid, found: rows[0])
            let chain = try rows[1].ids()
            try requireWritable(entry.team.uuid, ancestry: chain, field: "team")
            let tenant = try self.tenant(of: chain)
            try requireUniqueName(of: entry, found: rows[2])
            let insert = statement("""
                INSERT INTO \(table: table) (id, tenant_id, team_id, name, description)
                VALUES (\(entry.uuid), \(tenant), \(entry.team), \(entry.name), \(entry.description))
                """)
            return .write([.statement(insert)] + log(Entry.entity, .created, id: entry.uuid, team: entry.team.uuid, tenant: tenant), then: entry)
        }
    }

    func entry<Entry: CodebookEntry>(_ id: UUID) -> SQLPlan<Entry> {
        SQLPlan(writes: false, reads: storedOwned(Entry.entity, id: id, columns: entryColumns)) { rows in
            guard let row = try visibleOwned(facts: rows[0...]) else { throw SmallWinsError.notFound(Entry.entity, id: id) }
            return .done(try Entry(row: row))
        }
    }

    func entries<Entry: CodebookEntry>() -> SQLPlan<[Entry]> {
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(entryColumns) FROM \(table: Entry.entity.table) WHERE \(kept(in: "lineage", by: Entry.entity.table))
            ORDER BY \(raw: dialect.binaryOrder("name")), id
            """)]) { rows in .done(try rows[0].map(Entry.init(row:))) }
    }

    func update<Entry: CodebookEntry>(_ entry: Entry) -> SQLPlan<Entry> {
        let reads = storedOwned(Entry.entity, id: entry.uuid) + [ancestry(of: entry.team.uuid), sameName(as: entry)]
        return SQLPlan(writes: true, reads: reads) { rows in
            let (tenant, _) = try requireWritableOwned(Entry.entity, id: entry.uuid, facts: rows[0...])
            let chain = try rows[3].ids()
            try requireWritable(entry.team.uuid, ancestry: chain, field: "team")
            if try self.tenant(of: chain) != tenant { throw SmallWinsError.invalid(field: "team", reason: "cannot move to another district") }
            try requireUniqueName(of: entry, found: rows[4])
            let change = statement("""
                UPDATE \(table: Entry.entity.table) SET team_id = \(entry.team), name = \(entry.name), description = \(entry.description)
                WHERE id = \(entry.uuid)
                """)
            return .write([.statement(change)] + log(Entry.entity, .updated, id: entry.uuid, team: entry.team.uuid, tenant: tenant), then: entry)
        }
    }

    /// A row when another entry of the team has the entry's name.
    private func sameName<Entry: CodebookEntry>(as entry: Entry) -> SQLStatement {
        statement("SELECT 1 AS found FROM \(table: Entry.entity.table) WHERE team_id = \(entry.team) AND name = \(entry.name) AND id <> \(entry.uuid)")
    }

    private func requireUniqueName<Entry: CodebookEntry>(of entry: Entry, found: [SQLRow]) throws {
        if !found.isEmpty {
            throw SmallWinsError.conflict(field: "name", reason: "this team already has a \(Entry.entity.label) named \"\(entry.name)\"")
        }
    }
}
