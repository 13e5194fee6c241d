import Foundation
import SmallWins

/// Records a team keeps (codebook entries, goals, learning questions, attempts): visible from the keeping team's
/// subtree and from teams below it, written only inside the scope.
extension SQLEngine {
    /// What ``requireWritableOwned(_:id:facts:)`` and ``isVisibleOwned(facts:)`` read: the record's `tenant_id` and
    /// `team_id` (with `columns`, when given), its team's ancestry and the scope's.
    func storedOwned(_ kind: EntityKind, id: UUID, columns: SQLText = "tenant_id, team_id") -> [SQLStatement] {
        [statement("SELECT \(columns) FROM \(table: kind.table) WHERE id = \(id)"),
         ancestry(ofTeam: "(SELECT team_id FROM \(table: kind.table) WHERE id = \(id))"),
         scope.map { ancestry(of: $0) } ?? statement("SELECT 1 AS id WHERE 1 = 0")]
    }

    /// The row of ``storedOwned(_:id:columns:)`` when the record is visible: kept in the subtree or above the scope.
    func visibleOwned(facts rows: ArraySlice<[SQLRow]>) throws -> SQLRow? {
        let index = rows.startIndex
        guard let row = rows[index].first else { return nil }
        let owner = try rows[index + 1].ids()
        guard let scope else { return owner.isEmpty ? nil : row }
        if owner.contains(scope) { return row }
        return try rows[index + 2].ids().contains(try row.uuid("team_id")) ? row : nil
    }

    /// The tenant and keeping team of a record read with ``storedOwned(_:id:columns:)``, after checking it exists
    /// and is kept in scope; a record inherited from above the scope is ``SmallWinsError/outOfScope(field:id:)``.
    func requireWritableOwned(_ kind: EntityKind, id: UUID, facts rows: ArraySlice<[SQLRow]>) throws -> (tenant: UUID, team: UUID) {
        guard let row = rows[rows.startIndex].first else { throw SmallWinsError.notFound(kind, id: id) }
        let team = try row.uuid("team_id")
        if !isInSubtree(try rows[rows.startIndex + 1].ids()) {
            if try visibleOwned(facts: rows) != nil { throw SmallWinsError.outOfScope(field: "team", id: team) }
            throw SmallWinsError.notFound(kind, id: id)
        }
        return (try row.uuid("tenant_id"), team)
    }

    /// Deletes a record kept by a team after the scope and reference checks.
    func deleteOwned(_ kind: EntityKind, id: UUID) -> SQLPlan<Void> {
        SQLPlan(writes: true, reads: storedOwned(kind, id: id) + references(to: kind, id: id)) { rows in
            let (tenant, team) = try requireWritableOwned(kind, id: id, facts: rows[0...])
            try refuseIfReferenced(kind, id: id, found: rows[3...])
            let remove = statement("DELETE FROM \(table: kind.table) WHERE id = \(id)")
            return .write([.statement(remove)] + log(kind, .deleted, id: id, team: team, tenant: tenant), then: ())
        }
    }
}

extension SQLEngine {
    /// The `id` and keeping `team_id` of each of `ids` found in `table`, for ``owners(_:)``.
    func keepers(of ids: [UUID], in table: String) -> SQLStatement {
        guard !ids.isEmpty else { return statement("SELECT 1 AS id WHERE 1 = 0") }
        return statement("SELECT id, team_id FROM \(table: table) WHERE id IN \(list: ids.map(SQLValue.id))")
    }

    /// The keeping team of each record the rows of ``keepers(of:in:)`` found, by the record's id: read once for a
    /// batch (reading them again for each win took a sixth of a bulk load's time).
    func owners(_ keepers: [SQLRow]) throws -> [UUID: UUID] {
        var owners: [UUID: UUID] = [:]
        for row in keepers { owners[try row.uuid("id")] = try row.uuid("team_id") }
        return owners
    }

    /// Throws ``SmallWinsError/unknownReference(field:_:id:)`` for the first of `ids` that is not kept by a team
    /// of `lineage` (the referring record's team and its ancestors), from ``owners(_:)``.
    func requireKept(_ ids: [UUID], owners: [UUID: UUID], by lineage: [UUID], field: String, kind: EntityKind) throws {
        for id in ids where !(owners[id].map(lineage.contains) ?? false) {
            throw SmallWinsError.unknownReference(field: field, kind, id: id)
        }
    }
}
