import Foundation
import SmallWins

/// One statement of the dashboard and the rows it returns. A part's file holds its SQL, its row type and
/// how its rows become the dashboard's values; ``DashboardPlan/parts`` lists the parts a dashboard runs.
package protocol DashboardPart: Sendable {
    /// One row of the part's result: its stored properties name the statement's columns.
    associatedtype Row: Decodable
    /// The statement, over the counted wins (``DashboardSQL/countedWins()``) or the directory.
    static func direct(_ sql: DashboardSQL) -> SQLStatement
}

/// A part that counts wins, which the maintained aggregates answer too when the dashboard has no filter
/// but whole months.
package protocol CountingPart: DashboardPart {
    /// The same rows as ``DashboardPart/direct(_:)``, read from the aggregates.
    static func aggregated(_ sql: AggregateSQL) -> SQLStatement
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
        return try results[index].map { try $0.decode(Part.Row.self) }
    }
}

/// A row of successes and lessons by id: a goal, theme, student group or attempt.
package struct KindCounts<Subject>: Decodable {
    let id: Identifier<Subject>
    let successes: Int
    let lessons: Int
}

/// A row naming a record: a theme, a student group or a team.
package struct Named<Subject>: Decodable {
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
