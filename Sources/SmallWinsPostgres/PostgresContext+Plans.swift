import Foundation
import PostgresNIO
import SmallWins
import SmallWinsSQL

extension PostgresStore {
    public var engine: SQLEngine { SQLEngine(dialect: PostgresDialect(s: s, schema: schema), scope: scope?.uuid, tenant: tenant) }

    public func run<Output: Sendable>(_ plan: SQLPlan<Output>) async throws -> Output {
        plan.writes ? try await write(deferredRows: plan.bulkRows) { try await $0.run(plan) } : try await read { try await $0.run(plan) }
    }
}

extension PostgresContext {
    /// Runs `plan` to its end on this connection, each round's reads sent at once.
    func run<Output>(_ plan: SQLPlan<Output>) async throws -> Output {
        var plan = plan
        while true {
            switch try plan.next(try await rows(of: plan.reads)) {
            case .done(let output): return output
            case .write(let writes, let output):
                for write in writes {
                    switch write {
                    case .statement(let statement): try await execute(statement)
                    case .rows(let insert): try await insertRows(insert)
                    case .newRowsCounted(let count) where deferring:
                        let ids = count.ids.map(\.uuidString)
                        try await execute("INSERT INTO \(raw: PostgresDeferredAggregates.table(count.rows)) (id) SELECT unnest(\(ids)::text[])::uuid")
                    case .newRowsCounted(let count): for statement in count.statements { try await execute(statement) }
                    }
                }
                return output
            case .more(let following): plan = following
            }
        }
    }

    /// The rows of each statement, in order. The statements are queued on the connection all at once, and
    /// PostgresNIO sends each as soon as the one before has answered, without a return to the caller in between.
    /// (It does not pipeline: PostgresNIO 1.33 runs a connection's queries one after another, so each statement is
    /// still one round trip.)
    func rows(of statements: [SQLStatement]) async throws -> [[SQLRow]] {
        if statements.count == 1 { return [try await rows(statements[0])] }
        return try await withThrowingTaskGroup(of: (Int, [SQLRow]).self) { group in
            for (index, statement) in statements.enumerated() {
                group.addTask { (index, try await rows(statement)) }
            }
            var results = [[SQLRow]](repeating: [], count: statements.count)
            for try await (index, rows) in group { results[index] = rows }
            return results
        }
    }

    /// The rows of `statement`.
    func rows(_ statement: SQLStatement) async throws -> [SQLRow] {
        var rows: [SQLRow] = []
        var columns: [String]?
        for try await row in try await connection.query(statement.postgres, logger: logger) {
            let names = columns ?? row.map(\.columnName)
            columns = names
            rows.append(try SQLRow(postgres: row, columns: names))
        }
        return rows
    }

    /// Runs `statement`, which returns no rows.
    func execute(_ statement: SQLStatement) async throws {
        try await connection.query(statement.postgres, logger: logger)
    }

    /// Inserts every row in one statement: each column is bound as one text array and cast to its type by `unnest`.
    /// (Not `COPY`: PostgresNIO stops the process when a server dies mid-`COPY`.)
    func insertRows(_ insert: SQLRowsInsert) async throws {
        guard !insert.rows.isEmpty else { return }
        let names = insert.columns.map(\.name).joined(separator: ", ")
        let values = insert.columns.map { column in
            let type = switch column.kind {
            case .id: "uuid"
            case .text: "text"
            case .integer: "integer"
            case .day: "date"
            case .instant: "timestamptz"
            }
            return column.nullable ? "NULLIF(r.\(column.name), '')::\(type)" : "r.\(column.name)::\(type)"
        }.joined(separator: ", ")
        var query: PGQuery = "INSERT INTO \(raw: s)\(raw: insert.table) (\(raw: names)) SELECT \(raw: values) FROM unnest("
        for index in insert.columns.indices {
            // A nullable column holds no empty text (validation refuses blank text and ids are never empty), so
            // the empty string stands for NULL.
            let cells = insert.rows.map { $0[index].postgresText ?? "" }
            if index > 0 { query += ", " }
            query += "\(cells)::text[]"
        }
        query += ") AS r(\(raw: names))"
        try await execute(query)
    }
}
