import Foundation
import SmallWins

/// SQL text with bound values, built piece by piece; values never become SQL text.
public struct SQLStatement: Sendable {
    /// The SQL, with the dialect's parameter markers.
    public private(set) var sql = ""
    /// The bound values, in marker order.
    public private(set) var values: [SQLValue] = []
    /// The dialect the statement is written in.
    public let dialect: any SQLDialect

    /// An empty statement.
    public init(dialect: any SQLDialect) { self.dialect = dialect }

    /// Appends SQL text (never user input).
    public mutating func append(_ text: String) { sql += text }

    /// Appends a parameter marker bound to `value`.
    public mutating func bind(_ value: SQLValue) {
        values.append(value)
        sql += dialect.parameter(values.count, value)
    }

    /// Appends `(m1, m2, ...)` bound to `values`.
    public mutating func bindList(_ list: [SQLValue]) {
        sql += "("
        for (index, value) in list.enumerated() {
            if index > 0 { sql += ", " }
            bind(value)
        }
        sql += ")"
    }

    /// A table name in the statement's dialect.
    public func table(_ name: String) -> String { dialect.table(name) }
}


extension SQLStatement {
    /// `text` in `dialect`: its tables named and its values bound.
    public init(_ text: SQLText, dialect: any SQLDialect) {
        self.init(dialect: dialect)
        append(text)
    }

    /// Appends `text`, naming its tables and binding its values.
    public mutating func append(_ text: SQLText) {
        for piece in text.pieces {
            switch piece {
            case .sql(let sql): append(sql)
            case .table(let name): append(table(name))
            case .value(let value): bind(value)
            case .list(let values): bindList(values)
            }
        }
    }
}

/// SQL written as a string with its tables and values interpolated, for any dialect:
/// `"SELECT name FROM \(table: "team") WHERE id = \(id)"`. An interpolated value always becomes a bound
/// parameter; only `raw:` text (constants, never input) goes into the SQL itself.
public struct SQLText: ExpressibleByStringInterpolation, Sendable {
    fileprivate enum Piece: Sendable {
        case sql(String)
        case table(String)
        case value(SQLValue)
        case list([SQLValue])
    }

    fileprivate var pieces: [Piece] = []

    /// Constant SQL.
    public init(stringLiteral value: String) { pieces = [.sql(value)] }

    /// SQL with interpolated tables and values.
    public init(stringInterpolation: StringInterpolation) { pieces = stringInterpolation.text.pieces }

    private init() {}

    /// Joins two texts.
    public static func + (lhs: SQLText, rhs: SQLText) -> SQLText {
        var joined = lhs
        joined.pieces += rhs.pieces
        return joined
    }

    /// The interpolations a ``SQLText`` understands.
    public struct StringInterpolation: StringInterpolationProtocol {
        fileprivate var text = SQLText()

        /// Room for the literal text and values to come.
        public init(literalCapacity: Int, interpolationCount: Int) {}

        /// Constant SQL.
        public mutating func appendLiteral(_ literal: String) { text.pieces.append(.sql(literal)) }

        /// A bound value.
        public mutating func appendInterpolation(_ value: SQLValue) { text.pieces.append(.value(value)) }

        /// A bound id.
        public mutating func appendInterpolation(_ id: UUID) { appendInterpolation(.id(id)) }

        /// A bound id, or null.
        public mutating func appendInterpolation(_ id: UUID?) { appendInterpolation(.id(id)) }

        /// A bound record id.
        public mutating func appendInterpolation<Subject>(_ id: Identifier<Subject>) { appendInterpolation(.id(id.uuid)) }

        /// A bound record id, or null.
        public mutating func appendInterpolation<Subject>(_ id: Identifier<Subject>?) { appendInterpolation(.id(id?.uuid)) }

        /// Bound text.
        public mutating func appendInterpolation(_ text: String) { appendInterpolation(.text(text)) }

        /// Bound text, or null.
        public mutating func appendInterpolation(_ text: String?) { appendInterpolation(.text(text)) }

        /// A bound whole number.
        public mutating func appendInterpolation(_ number: Int) { appendInterpolation(.integer(Int64(number))) }

        /// `(v1, v2, ...)` bound to `values`, for `IN`; never empty.
        public mutating func appendInterpolation(list values: [SQLValue]) { text.pieces.append(.list(values)) }

        /// A table's name in the dialect.
        public mutating func appendInterpolation(table name: String) { text.pieces.append(.table(name)) }

        /// Constant SQL text; never input.
        public mutating func appendInterpolation(raw sql: String) { appendLiteral(sql) }

        /// Another text, in place.
        public mutating func appendInterpolation(_ other: SQLText) { text.pieces += other.pieces }
    }
}
