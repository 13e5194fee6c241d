import PostgresNIO

/// SQL with bound values, written as a string: `"SELECT * FROM \(raw: schema)win WHERE id = \(id)"`.
///
/// Interpolated values always become `$n` parameters; only `raw:` text (the validated schema prefix and
/// constant fragments) goes into the SQL itself. Queries compose with `+` and renumber their parameters.
struct PGQuery: ExpressibleByStringInterpolation, Sendable {
    private var segments: [String] = [""]
    private var binders: [@Sendable (inout PostgresBindings) -> Void] = []

    init(stringLiteral value: String) { segments = [value] }

    init(stringInterpolation: StringInterpolation) { self = stringInterpolation.query }

    struct StringInterpolation: StringInterpolationProtocol {
        var query = PGQuery()

        init(literalCapacity: Int, interpolationCount: Int) {}

        mutating func appendLiteral(_ literal: String) { query.segments[query.segments.count - 1] += literal }

        mutating func appendInterpolation<Value: PostgresDynamicTypeEncodable & Sendable>(_ value: Value) {
            query.bind { $0.append(value) }
        }

        mutating func appendInterpolation<Value: PostgresDynamicTypeEncodable & Sendable>(_ value: Value?) {
            query.bind { bindings in
                if let value { bindings.append(value) } else { bindings.appendNull() }
            }
        }

        mutating func appendInterpolation(raw text: String) { appendLiteral(text) }

        mutating func appendInterpolation(_ other: PGQuery) { query = query + other }
    }

    private init() {}

    private mutating func bind(_ binder: @escaping @Sendable (inout PostgresBindings) -> Void) {
        binders.append(binder)
        segments.append("")
    }

    static func + (lhs: PGQuery, rhs: PGQuery) -> PGQuery {
        var result = lhs
        result.segments[result.segments.count - 1] += rhs.segments[0]
        result.segments += rhs.segments.dropFirst()
        result.binders += rhs.binders
        return result
    }

    static func += (lhs: inout PGQuery, rhs: PGQuery) { lhs = lhs + rhs }

    /// The query with `$1`, `$2`, ... in place of the values.
    var postgres: PostgresQuery {
        var sql = segments[0]
        var bindings = PostgresBindings(capacity: binders.count)
        for (index, binder) in binders.enumerated() {
            binder(&bindings)
            sql += "$\(index + 1)" + segments[index + 1]
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}
