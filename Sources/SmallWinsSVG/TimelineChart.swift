import Foundation
import SmallWins

/// Successes and lessons learned per week or month, as stacked bars.
struct TimelineChart: ChartPanel {
    let dashboard: Dashboard
    var plotHeight = 180.0

    var title: String { "Successes and lessons learned, by \(dashboard.bucket == .week ? "week" : "month")" }

    var summary: String {
        let busiest = dashboard.timeline.max { $0.wins < $1.wins }
        let peak = busiest.map { $0.wins > 0 ? " The busiest \(dashboard.bucket.rawValue) began \($0.start.iso), with \(Markdown.count($0.wins, "win"))." : "" } ?? ""
        return "\(Markdown.count(dashboard.totals.successes, "success", "successes")) and \(Markdown.count(dashboard.totals.lessons, "lesson")) learned "
            + "from \(dashboard.period.first.iso) to \(dashboard.period.last.iso), in \(dashboard.timeline.count) \(dashboard.bucket.rawValue)s.\(peak)"
    }

    func draw(width: Double) -> (canvas: SVGCanvas, height: Double) {
        var canvas = SVGCanvas()
        let top = heading(&canvas)
        legend(&canvas, [("Successes", ChartStyle.success), ("Lessons learned", ChartStyle.lesson)], x: 0, y: top + 8)
        let plotTop = top + 26, left = 40.0, plotWidth = width - left - 4
        let points = dashboard.timeline
        let scale = Ticks.scale(maximum: points.map(\.wins).max() ?? 0)
        let unit = plotHeight / Double(scale.top)
        for value in stride(from: 0, through: scale.top, by: scale.step) {
            let y = plotTop + plotHeight - Double(value) * unit
            canvas.line(x1: left, y1: y, x2: left + plotWidth, y2: y, stroke: ChartStyle.grid)
            canvas.text(String(value), x: left - 6, y: y + 4, size: 11, anchor: .end, fill: ChartStyle.muted)
        }
        guard !points.isEmpty else { return (canvas, plotTop + plotHeight + 24) }
        let slot = plotWidth / Double(points.count)
        let bar = max(1, slot * 0.72)
        let labelEvery = max(1, Int((Double(points.count) * 64 / plotWidth).rounded(.up)))
        for (index, point) in points.enumerated() {
            let x = left + Double(index) * slot + (slot - bar) / 2
            let successHeight = Double(point.successes) * unit, lessonHeight = Double(point.lessons) * unit
            let base = plotTop + plotHeight
            let what = "\(dashboard.bucket == .week ? "Week of" : "Month of") \(point.start.iso): "
                + "\(Markdown.count(point.successes, "success", "successes")), \(Markdown.count(point.lessons, "lesson")) learned"
            canvas.rect(x: x, y: base - successHeight, width: bar, height: successHeight, fill: ChartStyle.success, label: what)
            canvas.rect(x: x, y: base - successHeight - lessonHeight, width: bar, height: lessonHeight, fill: ChartStyle.lesson, label: what)
            if index % labelEvery == 0 {
                canvas.text(Self.label(point.start, bucket: dashboard.bucket), x: x + bar / 2, y: base + 16, size: 11, anchor: .middle, fill: ChartStyle.muted)
            }
        }
        if dashboard.totals.wins == 0 {
            canvas.text("No wins or lessons recorded in this period yet.", x: left + plotWidth / 2, y: plotTop + plotHeight / 2, size: 13, anchor: .middle, fill: ChartStyle.muted)
        }
        return (canvas, plotTop + plotHeight + 24)
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Sep" for a month, "Sep 8" for a week.
    static func label(_ day: Day, bucket: DashboardQuery.Bucket) -> String {
        let month = months[day.month - 1]
        return bucket == .month ? (day.month == 1 ? "\(month) \(day.year)" : month) : "\(month) \(day.day)"
    }
}
