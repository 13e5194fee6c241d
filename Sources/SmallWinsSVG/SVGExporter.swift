import Foundation
import SmallWins

/// The charts SmallWins draws from a dashboard.
public enum DashboardChart: String, CaseIterable, Sendable {
    /// The one-page dashboard combining the others with bright-spot stories.
    case dashboard
    /// Successes and lessons over time, stacked bars.
    case timeline
    /// Wins by goal.
    case goals
    /// Wins by theme.
    case themes
    /// Wins by student group.
    case groups
    /// Wins by child team of the scope.
    case teams
    /// Each goal's focus groups: intended against actual share, threshold marked.
    case equity
    /// How wins spread across members.
    case participation
}

/// Draws a chart of a dashboard as a standalone SVG document.
///
/// Output is accessible (`role="img"`, `<title>` and `<desc>` stating the data in words, direct text
/// labels, the Okabe–Ito colour-blind-safe palette), escapes all user text, uses system fonts and no
/// scripts, and is byte-for-byte the same for the same dashboard.
public struct SVGExporter: Exporter {
    /// The chart drawn.
    public var chart: DashboardChart
    /// The document's width in CSS pixels; the height follows from the content.
    public var width: Double
    /// The one-page dashboard's heading (for example the team's name).
    public var heading: String

    /// An exporter of `chart`, `width` pixels wide (at least 320).
    public init(_ chart: DashboardChart, width: Double? = nil, heading: String = "Small wins") {
        self.chart = chart
        self.width = max(320, width ?? (chart == .dashboard ? 1200 : 720))
        self.heading = heading
    }

    public var fileExtension: String { "svg" }

    public func write(_ dashboard: Dashboard, to output: ExportWriter) async throws {
        try output.write(document(dashboard))
    }

    /// The SVG text.
    public func document(_ dashboard: Dashboard) -> String {
        let panel: any ChartPanel
        switch chart {
        case .dashboard: return DashboardPage(dashboard: dashboard, heading: heading).document(width: width)
        case .timeline: panel = TimelineChart(dashboard: dashboard)
        case .goals: panel = BarChart.goals(dashboard)
        case .themes: panel = BarChart.themes(dashboard)
        case .groups: panel = BarChart.groups(dashboard)
        case .teams: panel = BarChart.teams(dashboard)
        case .equity: panel = EquityChart(dashboard: dashboard)
        case .participation: panel = ParticipationChart(dashboard: dashboard)
        }
        let margin = 20.0
        let drawn = panel.draw(width: width - 2 * margin)
        var canvas = SVGCanvas()
        canvas.place(drawn.canvas, x: margin, y: margin)
        return canvas.document(width: width, height: drawn.height + 2 * margin, title: panel.title, description: panel.summary)
    }
}
