import Foundation
import SmallWins
@testable import SmallWinsSQL
import Testing

/// Dashboard rows read by type: each property from the column of its name.
@Suite("SQL rows read as records")
struct SQLRowDecodingTests {
    struct Spot: Decodable {
        let id: Win.ID
        let kind: Win.Kind
        let day: Day
        let goal: Goal.ID?
        let n: Int
    }

    let win = UUID()
    let goal = UUID()

    @Test func readsEachPropertyFromTheColumnOfItsName() throws {
        // Columns in another order than the properties, an id as the engine's UUID and one as text.
        let row = SQLRow(columns: ["n", "goal", "day", "kind", "id"],
                         values: [.integer(3), .text(goal.uuidString.lowercased()), .text("2026-03-02"), .text("lesson"), .id(win)])
        let spot = try row.decode(Spot.self)
        #expect(spot.id.uuid == win)
        #expect(spot.kind == .lesson)
        #expect(spot.day == (try Day(2026, 3, 2)))
        #expect(spot.goal?.uuid == goal)
        #expect(spot.n == 3)
    }

    @Test func readsNullAsNoValueAndANullCountAsZero() throws {
        let row = SQLRow(columns: ["id", "kind", "day", "goal", "n"], values: [.id(win), .text("success"), .text("2026-03-02"), .null, .null])
        let spot = try row.decode(Spot.self)
        #expect(spot.goal == nil)
        #expect(spot.n == 0)
    }

    @Test(arguments: [
        ("kind", SQLValue.text("triumph")),
        ("day", .text("2026-02-30")),
        ("id", .null),
        ("id", .text("not-an-id")),
        ("n", .text("many")),
    ])
    func reportsAValueTheColumnDoesNotHoldAsCorruptStorage(_ column: String, _ value: SQLValue) {
        var values: [String: SQLValue] = ["id": .id(win), "kind": .text("success"), "day": .text("2026-03-02"), "goal": .null, "n": .integer(1)]
        values[column] = value
        let columns = Array(values.keys)
        let row = SQLRow(columns: columns, values: columns.map { values[$0] ?? .null })
        do {
            _ = try row.decode(Spot.self)
            Issue.record("\(column) = \(value) was read")
        } catch let SmallWinsError.storage(failure) {
            #expect(failure.kind == .internal)
            #expect(failure.message.contains("column \(column) "), "\(failure.message)")
        } catch {
            Issue.record("not a storage error: \(error)")
        }
    }

    @Test func reportsAMissingColumn() {
        let row = SQLRow(columns: ["id", "kind", "day"], values: [.id(win), .text("success"), .text("2026-03-02")])
        #expect(throws: SmallWinsError.self) { try row.decode(Spot.self) }
    }
}
