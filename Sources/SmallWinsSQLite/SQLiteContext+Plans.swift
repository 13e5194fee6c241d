import Foundation
import GRDB
import SmallWins
import SmallWinsSQL

extension SQLiteStore {
    public var engine: SQLEngine { SQLEngine(dialect: SQLiteDialect(), scope: scope?.uuid) }

    public func run<Output: Sendable>(_ plan: SQLPlan<Output>) async throws -> Output {
        plan.writes ? try await write { try $0.run(plan) } : try await read { try $0.run(plan) }
    }
}

extension SQLiteContext {
    /// Runs `plan` to its end on this connection, each round's reads one after the other.
    func run<Output>(_ plan: SQLPlan<Output>) throws -> Output {
        var plan = plan
        while true {
            switch try plan.next(try plan.reads.map(rows)) {
            case .done(let output): return output
            case .write(let statements, let output):
                for statement in statements { try execute(statement) }
                return output
            case .more(let following): plan = following
            }
        }
    }

    /// The rows of `statement`.
    func rows(_ statement: SQLStatement) throws -> [SQLRow] {
        let rows = try Row.fetchAll(db, sql: statement.sql, arguments: StatementArguments(statement.values.map(\.sqlite)))
        let columns = rows.first.map { Array($0.columnNames) } ?? []
        return try rows.map { try SQLRow(sqlite: $0, columns: columns) }
    }

    /// Runs `statement`, which returns no rows.
    func execute(_ statement: SQLStatement) throws {
        try db.execute(sql: statement.sql, arguments: StatementArguments(statement.values.map(\.sqlite)))
    }
}
