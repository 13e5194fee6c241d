import Foundation
import SmallWins

/// One statement of the dashboard and the rows it returns. A part's file holds its SQL, its row type and
/// how its rows become the dashboard's values; ``DashboardPlan/parts`` lists the parts a dashboard runs.
package protocol DashboardPart: Sendable {
    /// One row of the part's result: its stored properties name the statement's columns.
    associatedtype Row: DashboardRow
    /// The statement, over the counted wins (``DashboardSQL/countedWins()``) or the directory.
    static func direct(_ sql: DashboardSQL) -> SQLStatement
}

/// A part that counts wins, which the maintained aggregates answer too when the dashboard has no filter
/// but whole months.
package protocol CountingPart: DashboardPart {
    /// The same rows as ``DashboardPart/direct(_:)``, read from the aggregates.
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement
}

/// A row of a dashboard part. By default it is read through `Decodable`, each stored property from the column
/// of its name (``SQLRow/decode(_:)``). A part whose result has thousands of rows reads them directly instead,
/// naming the columns through its `CodingKeys` so the names stay checked: `Decodable` cost about half a
/// microsecond a row, 6 ms of a 100,000-win district's dashboard with its 12,000 recognition pairs.
package protocol DashboardRow: Decodable {
    /// The row's values from `row`.
    init(row: SQLRow) throws
}

extension DashboardRow {
    package init(row: SQLRow) throws { self = try row.decode(Self.self) }
}

/// The rows of a dashboard's parts, by part, with the query they answer.
package struct DashboardRows {
    /// The query answered.
    let query: DashboardQuery
    /// The store's scope.
    let scope: Team.ID?
    /// Each part's rows, in the order of ``DashboardPlan/parts``.
    let results: [[SQLRow]]

    /// The rows of `part`, decoded.
    func rows<Part: DashboardPart>(_ part: Part.Type) throws -> [Part.Row] {
        guard let index = DashboardPlan.parts.firstIndex(where: { ObjectIdentifier($0) == ObjectIdentifier(part) }) else {
            preconditionFailure("\(part) is not in DashboardPlan.parts")
        }
        return try results[index].map(Part.Row.init(row:))
    }
}

/// A row of successes and lessons by id: a goal, theme, student group or attempt.
package struct KindCounts<Subject>: DashboardRow {
    let id: Identifier<Subject>
    let successes: Int
    let lessons: Int
}

/// A row naming a record: a theme, a student group or a team.
package struct Named<Subject>: DashboardRow {
    let id: Identifier<Subject>
    let name: String
}

extension DashboardRows {
    /// Successes and lessons of `part`'s rows, by id.
    func kindCounts<Part: DashboardPart, Subject>(_ part: Part.Type) throws -> [Identifier<Subject>: (successes: Int, lessons: Int)]
    where Part.Row == KindCounts<Subject> {
        var counts: [Identifier<Subject>: (successes: Int, lessons: Int)] = [:]
        for row in try rows(part) { counts[row.id] = (row.successes, row.lessons) }
        return counts
    }

    /// The names of `part`'s rows, by id.
    func names<Part: DashboardPart, Subject>(_ part: Part.Type) throws -> [Identifier<Subject>: String] where Part.Row == Named<Subject> {
        var names: [Identifier<Subject>: String] = [:]
        for row in try rows(part) { names[row.id] = row.name }
        return names
    }
}
