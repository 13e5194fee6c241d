import Foundation
import SmallWins
import SmallWinsDemo
import SmallWinsSQLite
import SmallWinsStoreTesting
import SmallWinsSVG
import Testing

/// Keeps the Swift examples of Documentation/Embedding.md and Documentation/Dashboard.md running against
/// the demo district, and shown verbatim.
@Suite("Guide examples")
struct GuideExamplesTests {
    @Test func embeddingAndDashboardExamplesRun() async throws {
        try await TemporaryFolder.with { folder in
            let databaseURL = folder.appendingPathComponent("school.sqlite")
            let demo = try await DemoDistrict.build(into: try await SQLiteStore(path: databaseURL.path))
            let teamID = demo.streakTeam
            let schoolID = try #require(try await SQLiteStore(path: databaseURL.path).team(teamID).parent)

            // Embedding guide store begin
            let store = try await SQLiteStore(path: databaseURL.path)    // creates and migrates the file
            let school = try await store.scoped(to: schoolID)              // this school and every team in it
            let page = try await school.wins(WinQuery(kinds: [.lesson]), after: nil, limit: 50)
            let next = try await school.wins(WinQuery(kinds: [.lesson]), after: page.next, limit: 50)   // keyset paging
            // Embedding guide store end
            #expect(page.wins.count == 50 && next.wins.count == 50 && Set(page.wins).isDisjoint(with: next.wins))

            let team = try await store.scoped(to: teamID)
            // Embedding guide dashboard begin
            let board = try await school.dashboard(DashboardQuery(period: try .schoolYear(2026), asOf: Day.today()))
            let digest = try await WeeklyDigest.make(from: team, week: Day.today())      // .markdown for a meeting
            let svg = SVGExporter(.dashboard, heading: "Village Elementary").document(board)   // a String to show or save
            // Embedding guide dashboard end
            #expect(board.totals.wins == 0, "the demo's wins fall in the 2025 school year")
            #expect(!digest.markdown.isEmpty && svg.hasPrefix("<svg"))

            let village = school
            let fluency = try #require(try await store.themes().first { $0.name == "Fluency practice" })
            // Dashboard guide query begin
            let year = try await village.dashboard(DashboardQuery(
                period: try .schoolYear(2025, startMonth: 8),     // or .week(containing:), .month(containing:), .term(1, of: 2, schoolYear: 2025)
                bucket: .week,                                    // weeks start on Monday; or .month
                filters: WinQuery(themes: [fluency.id]),          // the same filters as win queries
                equityThreshold: 0.2, includeNames: false, brightSpotCount: 5))
            // Dashboard guide query end
            #expect(year.totals.wins > 0 && year.byTheme.contains { $0.name == "Fluency practice" })
        }
        for document in ["Documentation/Embedding.md", "Sources/SmallWinsSQLite/SQLiteStore.swift"] {
            try DocumentedExample.check("Embedding guide store", in: #filePath, shownIn: document)
        }
        try DocumentedExample.check("Embedding guide dashboard", in: #filePath, shownIn: "Documentation/Embedding.md")
        try DocumentedExample.check("Dashboard guide query", in: #filePath, shownIn: "Documentation/Dashboard.md")
    }
}
