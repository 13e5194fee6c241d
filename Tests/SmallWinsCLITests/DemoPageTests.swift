import Foundation
@testable import SmallWinsCLI
import SmallWins
import SmallWinsStoreTesting
import Testing

/// The demo's HTML page escapes whatever text the district holds.
@Suite("Demo page")
struct DemoPageTests {
    @Test func hostileTextIsEscapedInTheHTML() throws {
        let contents = GoldenContents.make()
        var stories = contents.wins
        var teams = contents.teams
        for (index, line) in HostileText.lines.enumerated() {
            stories[index % stories.count].title = line
            stories[index % stories.count].story += line
            teams[index % teams.count].name = line
        }
        let board = Dashboard(
            period: try Period.schoolYear(2026), bucket: .week,
            totals: .init(wins: 2, successes: 1, lessons: 1, celebrations: 1, contributors: 1, members: 2), timeline: [],
            byGoal: [], byTheme: [], byGroup: [], byTeam: [], equity: [], participation: .init(contributors: 1, members: 2, distribution: []),
            recognition: .init(celebrations: [], shoutOuts: 0, pairs: []), streak: .init(weeks: 0),
            brightSpots: stories.map { .init(win: $0.id, title: $0.title, kind: $0.kind, day: $0.day, team: $0.team, celebrations: 3, excerpt: $0.story) },
            learningAgenda: [])
        let html = DemoPage(district: HostileText.lines[2], board: board, stories: stories, teams: teams,
                            digestTeam: HostileText.lines[0], reportSchool: HostileText.lines[10]).html
        #expect(!html.contains("<script>"), "markup in names and stories is escaped")
        #expect(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(html.contains("]]&gt; &lt;!-- --&gt; &amp;amp; &amp;lt;"))
        #expect(!html.contains("<!-- -->"), "no comment can be opened from data")
        #expect(html.components(separatedBy: "<article").count - 1 == stories.count)
    }
}
