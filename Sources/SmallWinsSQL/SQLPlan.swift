import Foundation
import SmallWins

/// One store operation as SQL, written once for every engine: the statements it reads, then a decision in
/// plain Swift over their rows (the rules, and the errors they throw) that ends the operation, writes, or
/// reads more. A backend runs a plan with ``SQLStore/run(_:)`` in its own way (synchronously on SQLite, each
/// round's reads queued at once on PostgreSQL), inside one transaction when ``writes`` is set.
public struct SQLPlan<Output: Sendable>: Sendable {
    /// What follows the rows of ``reads``.
    public enum Next: Sendable {
        /// The operation's result.
        case done(Output)
        /// Writes to run in order, then the result.
        case write([SQLWrite], then: Output)
        /// Another round of reads.
        case more(SQLPlan<Output>)
    }

    /// Whether the operation changes the store, so it needs a write transaction.
    public let writes: Bool
    /// How many rows a bulk restore inserts, so a backend may put off counting them in the dashboard aggregates
    /// until many pages are in (``SQLWrite/newRowsCounted(_:)``); `nil` for other operations.
    public let bulkRows: Int?
    /// The statements to read, in any order (they do not depend on each other).
    public let reads: [SQLStatement]
    private let decide: @Sendable ([[SQLRow]]) throws -> Next

    /// A plan reading `reads`, then deciding with `decide` over their rows (one array per statement, in order).
    public init(
        writes: Bool, bulkRows: Int? = nil, reads: [SQLStatement], decide: @escaping @Sendable ([[SQLRow]]) throws -> Next
    ) {
        self.writes = writes
        self.bulkRows = bulkRows
        self.reads = reads
        self.decide = decide
    }

    /// What follows, given the rows of ``reads``.
    public func next(_ rows: [[SQLRow]]) throws -> Next { try decide(rows) }
}

/// A `WinStore` whose operations are ``SQLPlan``s of an ``SQLEngine``: a backend implements ``engine`` and
/// ``run(_:)``, and receives every plain-SQL requirement of `WinStore` from this protocol's extensions.
public protocol SQLStore: WinStore {
    /// The engine writing this store's statements, with its dialect and scope.
    var engine: SQLEngine { get }
    /// Runs `plan` to its end: in one write transaction (or a savepoint of one already open) when it writes, so on
    /// any error nothing is changed; engine errors are mapped onto `SmallWinsError`.
    func run<Output: Sendable>(_ plan: SQLPlan<Output>) async throws -> Output
}

/// One write of a plan: a statement, or rows for one table that a backend loads its fastest way.
public enum SQLWrite: Sendable {
    /// A statement returning no rows.
    case statement(SQLStatement)
    /// Rows for one table.
    case rows(SQLRowsInsert)
    /// The dashboard aggregates' deltas for new wins or celebrations. A backend runs them, or, restoring many
    /// pages in one transaction, notes the ids and counts every page's rows at once with
    /// ``SQLEngine/countDeferredRows(wins:celebrations:)``.
    case newRowsCounted(NewRowsCount)
}

/// The aggregate deltas of new rows, with their ids for a backend that counts them later.
public struct NewRowsCount: Sendable {
    /// The kinds of row counted.
    public enum Rows: Sendable {
        /// Wins (with their links).
        case wins
        /// Celebrations.
        case celebrations
    }

    /// What the rows are.
    public let rows: Rows
    /// Their ids.
    public let ids: [UUID]
    /// The statements counting them now.
    public let statements: [SQLStatement]
}

/// Rows to insert into one table. SQLite steps one prepared `INSERT` per row; PostgreSQL sends every row at once
/// as arrays (`unnest`).
public struct SQLRowsInsert: Sendable {
    /// The table, without a schema.
    public let table: String
    /// The columns, in the order of each row's values.
    public let columns: [SQLColumn]
    /// The rows.
    public let rows: [[SQLValue]]

    /// Rows of `columns` for `table`.
    public init(table: String, columns: [SQLColumn], rows: [[SQLValue]]) {
        self.table = table
        self.columns = columns
        self.rows = rows
    }
}

/// A column of an ``SQLRowsInsert``.
public struct SQLColumn: Sendable {
    /// The kinds of value a column holds.
    public enum Kind: Sendable {
        /// Ids (``SQLValue/id(_:)``).
        case id
        /// Text.
        case text
        /// Whole numbers.
        case integer
        /// Days.
        case day
        /// Instants.
        case instant
    }

    /// The column's name.
    public let name: String
    /// What it holds.
    public let kind: Kind
    /// Whether it may be null (a nullable text column never holds empty text).
    public let nullable: Bool

    /// A column named `name` holding `kind`.
    public init(_ name: String, _ kind: Kind, nullable: Bool = false) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
    }
}
