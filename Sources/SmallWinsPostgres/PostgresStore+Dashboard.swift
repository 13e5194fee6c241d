import Foundation
import PostgresNIO
import SmallWins
import SmallWinsSQL

/// PostgreSQL's SQL where it differs from other engines.
struct PostgresDialect: SQLDialect {
    /// `"schema".`, the prefix of every table name.
    let s: String
    /// The schema's plain name (a validated identifier).
    let schema: String

    func table(_ name: String) -> String { s + name }

    func parameter(_ index: Int, _ value: SQLValue) -> String {
        switch value {
        case .day: return "$\(index)::date"
        case .instant: return "$\(index)::timestamptz"
        default: return "$\(index)"
        }
    }

    func bucketStart(_ bucket: DashboardQuery.Bucket, _ dayColumn: String) -> String {
        "date_trunc('\(bucket == .week ? "week" : "month")', \(dayColumn))::date"
    }

    func binaryOrder(_ column: String) -> String { "\(column) COLLATE \"C\"" }

    func linesText(_ column: String) -> String { "array_to_json(\(column))::text" }

    var joinInOrder: String { "JOIN" }

    func joinedIDs(_ subquery: SQLText) -> SQLText { "array_to_string(ARRAY(\(subquery)), ',')" }

    var isSame: String { "IS NOT DISTINCT FROM" }

    func createSelectedTable() -> [String] {
        // A second dashboard inside one caller's transaction finds the first one's table still there.
        ["DROP TABLE IF EXISTS pg_temp.dashboard_selected", """
         CREATE TEMP TABLE dashboard_selected (
             id uuid PRIMARY KEY, team_id uuid, author_id uuid, kind text, day date, goal_id uuid, attempt_id uuid
         ) ON COMMIT DROP
         """]
    }

    func finishSelectedTable() -> [String] { ["ANALYZE dashboard_selected"] }

    func textMatch(_ terms: [String]) -> SQLText {
        "w.search @@ to_tsquery('simple', \(terms.map { "\($0):*" }.joined(separator: " & ")))"
    }

    var winSearchColumn: String? { "search_text" }

    var supportsLateralJoins: Bool { true }
    func lockingRead(updating: [String], keeping: [String]) -> String {
        (updating.isEmpty ? "" : "FOR UPDATE OF \(updating.joined(separator: ", ")) ")
            + (keeping.isEmpty ? "" : "FOR KEY SHARE OF \(keeping.joined(separator: ", "))")
    }

    var plansEveryStatement: Bool { true }

    /// 8: with 16 writers in one district, about 2 share each slice of the district's row of the day; the district's
    /// dashboard reads at most 8 rows for each of its days, and every other scope's one.
    var aggregateSlices: Int { 8 }

    func teamSlice(_ column: String) -> String { "get_byte(uuid_send(\(column)), 15) % \(aggregateSlices)" }

    var computesSelectListBeforeSorting: Bool { false }

    var changeAnnouncement: String? { "SELECT pg_notify('\(PostgresStore.channel(schema: schema))', '')" }
}

extension PostgresStore {
    public func dashboard(_ query: DashboardQuery) async throws -> Dashboard {
        let plan = try DashboardPlan(query: query, scope: scope, tenant: tenant, dialect: PostgresDialect(s: s, schema: schema))
        let results = try await write { context in
            // One snapshot for every part, so the parts agree with each other. (Not READ ONLY: the counted
            // wins go once into a temporary table, dropped at commit.) Inside a caller's transaction, which has
            // read already, each part reads at that transaction's level.
            if !isInTransaction { try await context.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ") }
            for statement in plan.setup { try await context.execute(statement) }
            return try await context.rows(of: plan.statements)
        }
        return try plan.assemble(results)
    }
}

extension SQLStatement {
    /// The statement with its values bound for PostgresNIO.
    var postgres: PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .id(let id): bindings.append(id)
            case .day(let day): bindings.append(day.iso)
            case .instant(let instant): bindings.append(Instant.iso(instant))
            case .lines(let lines): bindings.append(lines)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

extension SQLValue {
    /// The value as text PostgreSQL casts back to its column's type; `nil` for null.
    var postgresText: String? {
        switch self {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .id(let id): return id.lowercaseText
        case .day(let day): return day.iso
        case .instant(let instant): return Instant.iso(instant)
        case .lines(let lines): return "{" + lines.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }.joined(separator: ",") + "}"
        case .null: return nil
        }
    }
}

extension SQLRow {
    /// The row's values under `columns`, the result's column names: numbers, ids, days and instants as such, the rest as text.
    init(postgres row: PostgresRow, columns: [String]) throws {
        var values: [SQLValue] = []
        values.reserveCapacity(columns.count)
        for cell in row {
            guard cell.bytes != nil else {
                values.append(.null)
                continue
            }
            switch cell.dataType {
            case .int8, .int4, .int2: values.append(.integer(try cell.decode(Int64.self)))
            case .uuid: values.append(.id(try cell.decode(UUID.self)))
            case .date: values.append(.day(Day(ordinal: Int((try cell.decode(Date.self).timeIntervalSince1970 / 86_400).rounded(.down)))))
            case .timestamptz: values.append(.instant(Instant.truncated(try cell.decode(Date.self))))
            default: values.append(.text(try cell.decode(String.self)))
            }
        }
        self.init(columns: columns, values: values)
    }
}
