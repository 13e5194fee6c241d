import Foundation
import SmallWins
import SmallWinsSVG

/// The demo's `index.html`: the dashboard, the bright-spot stories in full, every chart and links to the
/// data. One self-contained page: no scripts, no external fonts or styles.
struct DemoPage {
    let district: String
    let board: Dashboard
    let stories: [Win]
    let teams: [Team]
    let digestTeam: String
    let reportSchool: String

    var html: String {
        let names = Dictionary(teams.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let totals = board.totals
        let storyCards = zip(stories, board.brightSpots).map { win, spot in
            """
                <article class="story \(win.kind.rawValue)">
                  <h3>\(escape(win.title))</h3>
                  <p class="meta">\(win.kind == .success ? "Success" : "Lesson learned") · \(escape(names[win.team] ?? "")) · \(win.day) · \
            \(spot.celebrations) celebration\(spot.celebrations == 1 ? "" : "s")</p>
                  <blockquote>\(escape(win.story))</blockquote>\(win.learned.map { "\n      <p><strong>What we learned:</strong> \(escape($0))</p>" } ?? "")
                </article>
            """
        }.joined(separator: "\n")
        let charts = DashboardChart.allCases.filter { $0 != .dashboard }.map { chart in
            "    <figure><img src=\"charts/\(chart.rawValue).svg\" alt=\"\(chart.rawValue) chart\"><figcaption><a href=\"charts/\(chart.rawValue).svg\">\(chart.rawValue).svg</a></figcaption></figure>"
        }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(district)): small wins, \(board.period.first) to \(board.period.last)</title>
            <style>
              body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
              main { max-width: 1240px; margin: 0 auto; padding: 24px; }
              h1 { margin: 0 0 4px; } .lead { color: #57606a; margin-top: 0; }
              section { background: #fff; border-radius: 8px; padding: 20px 24px; margin: 20px 0; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
              img { max-width: 100%; height: auto; }
              .stories { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 16px; }
              .story { border-left: 4px solid #0072B2; padding: 4px 16px; } .story.lesson { border-left-color: #E69F00; }
              .story h3 { margin: 4px 0; } .meta { color: #57606a; font-size: 13px; margin: 0 0 8px; }
              blockquote { margin: 0; font-style: italic; }
              .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; }
              figure { margin: 0; } figcaption { font-size: 13px; color: #57606a; }
              li { margin: 4px 0; }
            </style>
            </head>
            <body>
            <main>
              <h1>\(escape(district))</h1>
              <p class="lead">A demo district made by <code>smallwins demo</code>: \(totals.wins) wins, \(totals.successes) successes and \
            \(totals.lessons) lessons learned, celebrated \(totals.celebrations) times, from \(board.period.first) to \(board.period.last).
              Every name and story is invented.</p>
              <section>
                <img src="dashboard.svg" alt="The one-page dashboard: headline numbers, successes and lessons by week, wins by goal, theme and team, equity coverage, participation and bright spots">
              </section>
              <section>
                <h2>Bright spots, in teachers' words</h2>
                <div class="stories">
            \(storyCards)
                </div>
              </section>
              <section>
                <h2>Each chart</h2>
                <div class="charts">
            \(charts)
                </div>
              </section>
              <section>
                <h2>The data</h2>
                <ul>
                  <li><a href="digest.md">digest.md</a>: the weekly digest of \(escape(digestTeam)) for its team meeting</li>
                  <li><a href="report.md">report.md</a>: the year-end learning report of \(escape(reportSchool))</li>
                  <li><a href="tables/wins.csv">tables/</a>: every table as CSV, described in <a href="tables/data_dictionary.csv">data_dictionary.csv</a></li>
                  <li><a href="snapshot.json">snapshot.json</a>: the whole district as a JSON snapshot (<code>smallwins import snapshot.json</code>)</li>
                  <li><code>demo.sqlite</code>: the database; try <code>smallwins dashboard --database demo.sqlite --year \(board.period.first.year)</code></li>
                </ul>
              </section>
            </main>
            </body>
            </html>

            """
    }

    /// `text` safe in HTML text and attributes.
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
