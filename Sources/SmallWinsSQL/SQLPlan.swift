import Foundation
import SmallWins

/// One store operation as SQL, written once for every engine: the statements it reads, then a decision in
/// plain Swift over their rows (the rules, and the errors they throw) that ends the operation, writes, or
/// reads more. A backend runs a plan with ``SQLStore/run(_:)`` in its own way (synchronously on SQLite,
/// pipelined on PostgreSQL), inside one transaction when ``writes`` is set.
public struct SQLPlan<Output: Sendable>: Sendable {
    /// What follows the rows of ``reads``.
    public enum Next: Sendable {
        /// The operation's result.
        case done(Output)
        /// Statements to run in order, then the result.
        case write([SQLStatement], then: Output)
        /// Another round of reads.
        case more(SQLPlan<Output>)
    }

    /// Whether the operation changes the store, so it needs a write transaction.
    public let writes: Bool
    /// The statements to read, in any order (they do not depend on each other).
    public let reads: [SQLStatement]
    private let decide: @Sendable ([[SQLRow]]) throws -> Next

    /// A plan reading `reads`, then deciding with `decide` over their rows (one array per statement, in order).
    public init(writes: Bool, reads: [SQLStatement], decide: @escaping @Sendable ([[SQLRow]]) throws -> Next) {
        self.writes = writes
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
