import Foundation
import GRDB
import SmallWins
import SmallWinsSQL

/// One connection inside a transaction of a store, which runs the engine's plans on it.
struct SQLiteContext {
    let db: Database

    /// Runs `plan` to its end on this connection, each round's reads one after the other.
    func run<Output>(_ plan: SQLPlan<Output>) throws -> Output {
        var plan = plan
        while true {
            switch try plan.next(try plan.reads.map(rows)) {
            case .done(let output): return output
            case .write(let writes, let output):
                for write in writes { try perform(write) }
                return output
            case .more(let following): plan = following
            }
        }
    }

    // Every statement is prepared once per connection: the same SQL text with other values (a page, a dashboard's
    // parts, a batch's rows) is not compiled again.

    /// The rows of `statement`, each read from the statement's own buffers as it steps (no intermediate copy).
    func rows(_ statement: SQLStatement) throws -> [SQLRow] {
        let prepared = try db.cachedStatement(sql: statement.sql)
        let columns = prepared.columnNames
        let cursor = try Row.fetchCursor(prepared, arguments: arguments(statement.values))
        var rows: [SQLRow] = []
        while try cursor.next() != nil { rows.append(try SQLRow(sqlite: prepared.sqliteStatement, columns: columns)) }
        return rows
    }

    /// Runs `statement`, which returns no rows.
    func execute(_ statement: SQLStatement) throws {
        try db.cachedStatement(sql: statement.sql).execute(arguments: arguments(statement.values))
    }

    /// Runs a write of a plan; rows go in through one statement, stepped once per row.
    private func perform(_ write: SQLWrite) throws {
        switch write {
        case .statement(let statement):
            try execute(statement)
        case .rows(let insert):
            let names = insert.columns.map(\.name).joined(separator: ", ")
            let markers = Array(repeating: "?", count: insert.columns.count).joined(separator: ", ")
            let insertRow = try db.cachedStatement(sql: "INSERT INTO \(insert.table) (\(names)) VALUES (\(markers))")
            for row in insert.rows { try insertRow.execute(arguments: arguments(row)) }
        case .newRowsCounted(let count):
            for statement in count.statements { try execute(statement) }
        }
    }
}

/// `values` bound as SQLite stores them.
func arguments(_ values: [SQLValue]) -> StatementArguments { StatementArguments(values.map(\.sqlite)) }
