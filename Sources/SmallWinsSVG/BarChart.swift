import Foundation
import SmallWins

/// Horizontal stacked bars of successes and lessons per goal, theme, student group or team, most first,
/// each labelled directly with its counts.
struct BarChart: ChartPanel {
    /// One bar.
    struct Bar {
        let name: String
        let successes: Int
        let lessons: Int
        var wins: Int { successes + lessons }
    }

    let title: String
    let noun: String
    let bars: [Bar]
    var maximumBars = 10

    var summary: String {
        guard !bars.isEmpty else { return "No \(noun)s to show." }
        let listed = sorted.prefix(maximumBars).map { "\($0.name): \(Markdown.count($0.successes, "success", "successes")), \(Markdown.count($0.lessons, "lesson"))" }
        return "Wins by \(noun), most first. " + listed.joined(separator: "; ") + (bars.count > maximumBars ? "; and \(bars.count - maximumBars) more." : ".")
    }

    private var sorted: [Bar] {
        bars.sorted { ($1.wins, $0.name) < ($0.wins, $1.name) }
    }

    func draw(width: Double) -> (canvas: SVGCanvas, height: Double) {
        var canvas = SVGCanvas()
        var y = heading(&canvas)
        guard !bars.isEmpty else {
            canvas.text("No \(noun)s yet.", x: 0, y: y + 14, size: 13, fill: ChartStyle.muted)
            return (canvas, y + 28)
        }
        legend(&canvas, [("Successes", ChartStyle.success), ("Lessons learned", ChartStyle.lesson)], x: 0, y: y + 8)
        y += 22
        let shown = Array(sorted.prefix(maximumBars))
        let labelWidth = min(width * 0.4, 260), valueWidth = 112.0
        let barLeft = labelWidth + 8, barRoom = max(20, width - barLeft - valueWidth)
        let most = max(1, shown.map(\.wins).max() ?? 1)
        for bar in shown {
            canvas.text(SVGText.fit(bar.name, width: labelWidth, size: 12), x: labelWidth, y: y + 13, size: 12, anchor: .end)
            let successWidth = barRoom * Double(bar.successes) / Double(most)
            let lessonWidth = barRoom * Double(bar.lessons) / Double(most)
            let what = "\(bar.name): \(Markdown.count(bar.successes, "success", "successes")), \(Markdown.count(bar.lessons, "lesson")) learned"
            canvas.rect(x: barLeft, y: y + 2, width: successWidth, height: 15, fill: ChartStyle.success, label: what)
            canvas.rect(x: barLeft + successWidth, y: y + 2, width: lessonWidth, height: 15, fill: ChartStyle.lesson, label: what)
            let value = bar.lessons > 0 ? "\(bar.wins) (\(Markdown.count(bar.lessons, "lesson")))" : String(bar.wins)
            canvas.text(value, x: barLeft + successWidth + lessonWidth + 6, y: y + 14, size: 12, fill: ChartStyle.muted)
            y += 22
        }
        if bars.count > shown.count {
            canvas.text("and \(bars.count - shown.count) more", x: barLeft, y: y + 12, size: 11, italic: true, fill: ChartStyle.muted)
            y += 18
        }
        return (canvas, y + 4)
    }
}

extension BarChart {
    /// Wins per goal.
    static func goals(_ dashboard: Dashboard) -> BarChart {
        BarChart(title: "Wins by goal", noun: "goal", bars: dashboard.byGoal.map { Bar(name: $0.title, successes: $0.successes, lessons: $0.lessons) })
    }

    /// Wins per theme.
    static func themes(_ dashboard: Dashboard) -> BarChart {
        BarChart(title: "Wins by theme", noun: "theme", bars: dashboard.byTheme.map { Bar(name: $0.name, successes: $0.successes, lessons: $0.lessons) })
    }

    /// Wins per student group.
    static func groups(_ dashboard: Dashboard) -> BarChart {
        BarChart(title: "Wins by student group", noun: "student group",
                 bars: dashboard.byGroup.map { Bar(name: $0.name, successes: $0.successes, lessons: $0.lessons) })
    }

    /// Wins per child team.
    static func teams(_ dashboard: Dashboard) -> BarChart {
        BarChart(title: "Wins by team", noun: "team", bars: dashboard.byTeam.map { Bar(name: $0.name, successes: $0.successes, lessons: $0.lessons) })
    }
}
