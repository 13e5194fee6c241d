import Foundation
import SmallWins
import SmallWinsDemo
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// The demo district is deterministic and has the shape the demo promises.
@Suite("Demo district")
struct DemoDistrictTests {
    @Test func theSameSeedGivesTheSameDistrictAndTheShapeIsThere() async throws {
        try await TemporaryFolder.with { folder in
            let store = try await SQLiteStore(path: folder.appendingPathComponent("one.sqlite").path)
            let summary = try await DemoDistrict.build(into: store)
            #expect(summary.schools == 3 && summary.teams == 10 && summary.members == 60)
            #expect((1_800...2_300).contains(summary.wins), "about 2,000 wins: \(summary.wins)")
            #expect(summary.lessons > summary.wins / 10 && summary.celebrations > summary.wins / 2)

            let again = try await SQLiteStore(path: folder.appendingPathComponent("two.sqlite").path)
            let second = try await DemoDistrict.build(into: again)
            #expect(second.wins == summary.wins && second.celebrations == summary.celebrations)
            #expect(try await StoreContents.load(from: store) == (try await StoreContents.load(from: again)), "same seed, same district, ids too")

            let scoped = try await store.scoped(to: summary.district)
            let board = try await scoped.dashboard(DashboardQuery(period: summary.schoolYear, asOf: summary.lastSchoolDay))
            let flagged = board.equity.flatMap { goal in goal.groups.filter(\.belowThreshold).map { (goal.title, $0.name) } }
            #expect(flagged.contains { $0 == ("Every reader reads fluently by spring", "Students with IEPs") }, "the equity flag")
            #expect(board.streak.weeks >= 20, "a long streak: \(board.streak.weeks) weeks")
            let december = board.timeline.filter { $0.start.month == 12 }.map(\.wins).reduce(0, +)
            let october = board.timeline.filter { $0.start.month == 10 }.map(\.wins).reduce(0, +)
            #expect(december * 3 < october, "a quiet December")
            #expect(board.byTeam.count == 3, "one bar per school")

            let streakTeam = try await store.scoped(to: summary.streakTeam)
            let streak = try await streakTeam.dashboard(DashboardQuery(period: summary.schoolYear, asOf: summary.lastSchoolDay)).streak
            #expect(streak.weeks >= 20)

            // Adopted attempts start as lessons and become successes.
            let adopted = try await store.attempts(question: nil).filter { $0.status == .adopted }
            var turned = 0
            for attempt in adopted {
                let wins = try await store.wins(WinQuery(attempts: [attempt.id]), after: nil, limit: 1000).wins.reversed()
                if wins.first?.kind == .lesson, wins.last?.kind == .success { turned += 1 }
            }
            #expect(turned >= adopted.count / 2, "\(turned) of \(adopted.count) adopted attempts went from lessons to successes")

            for try await win in store.allWins() {
                #expect(!win.story.contains("{") && !win.title.contains("{"), "no placeholder left: \(win.story)")
            }
        }
    }
}
