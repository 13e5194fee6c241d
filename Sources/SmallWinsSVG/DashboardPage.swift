import Foundation
import SmallWins

/// The one-page dashboard: headline numbers, then the charts two by two, then bright-spot stories.
struct DashboardPage {
    let dashboard: Dashboard
    let heading: String

    var summary: String {
        let totals = dashboard.totals
        return "\(Markdown.count(totals.wins, "win")) (\(Markdown.count(totals.successes, "success", "successes")), "
            + "\(Markdown.count(totals.lessons, "lesson")) learned) from \(dashboard.period.first.iso) to \(dashboard.period.last.iso); "
            + "\(Markdown.count(totals.celebrations, "celebration")); \(totals.contributors) of \(Markdown.count(totals.members, "member")) contributed; "
            + "a streak of \(Markdown.count(dashboard.streak.weeks, "week")). "
            + panels.flatMap { $0 }.map(\.summary).joined(separator: " ")
    }

    /// The panels, row by row.
    private var panels: [[any ChartPanel]] {
        [
            [TimelineChart(dashboard: dashboard)],
            [BarChart.goals(dashboard), BarChart.themes(dashboard)],
            [EquityChart(dashboard: dashboard), BarChart.teams(dashboard)],
            [ParticipationChart(dashboard: dashboard), BrightSpotsPanel(dashboard: dashboard)],
        ]
    }

    func document(width: Double) -> String {
        var canvas = SVGCanvas()
        let margin = 28.0, gap = 32.0
        canvas.text(heading, x: margin, y: margin + 20, size: 24, bold: true)
        canvas.text("\(dashboard.period.first.iso) to \(dashboard.period.last.iso)", x: margin, y: margin + 42, size: 13, fill: ChartStyle.muted)
        var y = margin + 62
        y = headline(&canvas, x: margin, y: y, width: width - 2 * margin) + 24
        for row in panels {
            let columnWidth = (width - 2 * margin - gap * Double(row.count - 1)) / Double(row.count)
            var tallest = 0.0
            for (index, panel) in row.enumerated() {
                let drawn = panel.draw(width: columnWidth)
                canvas.place(drawn.canvas, x: margin + Double(index) * (columnWidth + gap), y: y)
                tallest = max(tallest, drawn.height)
            }
            y += tallest + 28
        }
        canvas.text("Made with SmallWins: every count comes from the team's own records.", x: margin, y: y + 4, size: 11, fill: ChartStyle.muted)
        return canvas.document(width: width, height: y + margin, title: heading, description: summary)
    }

    /// The headline numbers as cards; returns the y below them.
    private func headline(_ canvas: inout SVGCanvas, x: Double, y: Double, width: Double) -> Double {
        let totals = dashboard.totals
        let cards: [(String, String, String)] = [
            (String(totals.wins), "wins and lessons", ChartStyle.ink),
            (String(totals.successes), "successes", ChartStyle.success),
            (String(totals.lessons), "lessons learned", ChartStyle.lesson),
            (String(totals.celebrations), "celebrations", ChartStyle.ink),
            ("\(totals.contributors) of \(totals.members)", "members contributed", ChartStyle.ink),
            (String(dashboard.streak.weeks), dashboard.streak.weeks == 1 ? "week in a row" : "weeks in a row", ChartStyle.ink),
        ]
        let gap = 12.0, cardWidth = (width - gap * Double(cards.count - 1)) / Double(cards.count)
        for (index, card) in cards.enumerated() {
            let left = x + Double(index) * (cardWidth + gap)
            canvas.rect(x: left, y: y, width: cardWidth, height: 64, fill: ChartStyle.track, radius: 6)
            canvas.text(card.0, x: left + 12, y: y + 32, size: 24, bold: true, fill: card.2)
            canvas.text(card.1, x: left + 12, y: y + 52, size: 12, fill: ChartStyle.muted)
        }
        return y + 64
    }
}
