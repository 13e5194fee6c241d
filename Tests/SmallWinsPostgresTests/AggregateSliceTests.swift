import Foundation
import PostgresNIO
import SmallWins
import SmallWinsPostgres
import Testing

/// The district's rows of the aggregates every school shares keep each count in the slice of the win's team
/// (`SQLEngine+Aggregates`). The
/// dashboards sum the slices, so they cannot show a count written to one slice and taken from another: this reads
/// the rows themselves.
@Suite("PostgreSQL aggregate slices")
struct AggregateSliceTests {
    static let sliced = ["dash_day", "dash_theme", "dash_group", "dash_celebration"]

    /// Wins in 24 teams, recorded one at a time (their counts computed in Swift) and in a batch of 80 (counted by
    /// the database's joins), with a goal, a theme and a group, celebrated, moved to another team and deleted:
    /// the district's rows use several slices (no other scope's), no row ever goes below zero, and every row ends at zero, so each
    /// subtraction found the slice its addition wrote.
    @Test func everySubtractionFindsTheSliceItsAdditionWrote() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let district = try await store.create(Team(name: "District", kind: .district))
            let school = try await store.create(Team(name: "School", kind: .school, parent: district.id))
            var teams: [Team] = []
            for index in 0..<24 { teams.append(try await store.create(Team(name: "Team \(index)", kind: .team, parent: school.id))) }
            let member = try await store.create(Member(name: "Ana", in: district.id))
            _ = try await store.create(Membership(member: member.id, team: school.id))
            let colleague = try await store.create(Member(name: "Ben", in: district.id))
            let theme = try await store.create(Theme(name: "Fluency", in: district.id))
            let group = try await store.create(StudentGroup(name: "Newcomers", in: district.id))
            let goal = try await store.create(Goal(team: school.id, title: "Readers", focusGroups: [group.id]))
            func win(_ index: Int) -> Win {
                Win(team: teams[index % teams.count].id, author: member.id, kind: index % 3 == 0 ? .lesson : .success,
                    title: "Win \(index)", story: "A story", learned: index % 3 == 0 ? "What we learned" : nil, day: try! Day(iso: "2026-10-\(10 + index % 5)"), goal: goal.id,
                    themes: [theme.id], groups: [group.id])
            }
            var wins: [Win] = []
            for index in 0..<48 { wins += try await store.record([win(index)]) }
            wins += try await store.record((48..<128).map(win))
            for saved in wins.prefix(40) { _ = try await store.celebrate(Celebration(win: saved.id, by: colleague.id, kind: .confetti)) }

            let slices = try await rows(store, "SELECT count(DISTINCT slice) FROM \(table(store, "dash_day")) WHERE scope_id = '\(district.id.uuid)'")
            #expect(slices > 2, "the district's days are kept in \(slices) slices")
            var splitBelow = 0
            for name in Self.sliced { splitBelow += try await rows(store, "SELECT count(*) FROM \(table(store, name)) WHERE slice <> 0 AND scope_id <> tenant_id") }
            #expect(splitBelow == 0, "only the district's rows are kept in slices")
            #expect(try await negativeRows(store) == 0)

            for (index, saved) in wins.prefix(32).enumerated() {
                var moved = saved
                moved.team = teams[(index * 7 + 3) % teams.count].id
                _ = try await store.update(moved)
            }
            #expect(try await negativeRows(store) == 0, "after moving wins between teams")
            for saved in wins { try await store.delete(saved.id) }
            var left = 0
            for name in Self.sliced {
                left += try await rows(store, "SELECT count(*) FROM \(table(store, name)) WHERE \(name == "dash_celebration" ? "n" : "successes + lessons") <> 0")
            }
            print("Aggregate slices: the district's days in \(slices) slices; rows not at zero after every win was deleted: \(left)")
            #expect(left == 0)
        }
    }

    private func table(_ store: PostgresStore, _ name: String) -> String { "\"\(store.schema)\".\(name)" }

    private func negativeRows(_ store: PostgresStore) async throws -> Int {
        var negative = 0
        for name in Self.sliced {
            let counts = name == "dash_celebration" ? "n < 0" : "successes < 0 OR lessons < 0"
            negative += try await rows(store, "SELECT count(*) FROM \(table(store, name)) WHERE \(counts)")
        }
        return negative
    }

    private func rows(_ store: PostgresStore, _ sql: String) async throws -> Int {
        var result = 0
        for try await count in try await store.client.query(PostgresQuery(unsafeSQL: sql)).decode(Int.self) { result = count }
        return result
    }
}
