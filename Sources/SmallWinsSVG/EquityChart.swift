import Foundation
import SmallWins

/// For each goal, the share of its wins that reach each focus group it intends to serve, against the
/// threshold: where effort does not yet match the intended equitable impact.
struct EquityChart: ChartPanel {
    let dashboard: Dashboard

    var title: String { "Equity coverage: focus groups reached" }

    private var goals: [Dashboard.GoalEquity] { dashboard.equity.filter { !$0.groups.isEmpty } }

    var summary: String {
        let threshold = SVGText.percent(dashboard.equityThreshold)
        guard !goals.isEmpty else { return "No goal names focus groups yet." }
        let parts = goals.map { goal in
            "\(goal.title) (\(Markdown.count(goal.wins, "win"))): " + goal.groups.map {
                "\($0.name) \(SVGText.percent($0.share))\($0.belowThreshold ? ", below \(threshold)" : "")"
            }.joined(separator: ", ")
        }
        return "Share of each goal's wins touching each focus group; the threshold is \(threshold). " + parts.joined(separator: "; ") + "."
    }

    func draw(width: Double) -> (canvas: SVGCanvas, height: Double) {
        var canvas = SVGCanvas()
        let threshold = SVGText.percent(dashboard.equityThreshold)
        var y = heading(&canvas, subtitle: "Share of each goal's wins touching the group; dashed line: \(threshold)")
        guard !goals.isEmpty else {
            canvas.text("No goal names focus groups yet.", x: 0, y: y + 14, size: 13, fill: ChartStyle.muted)
            return (canvas, y + 28)
        }
        let labelWidth = min(width * 0.34, 200), valueWidth = 190.0
        let barLeft = labelWidth + 8, barRoom = max(20, width - barLeft - valueWidth)
        for goal in goals {
            canvas.text(SVGText.fit("\(goal.title) · \(Markdown.count(goal.wins, "win"))", width: width, size: 13), x: 0, y: y + 14, size: 13, bold: true)
            y += 22
            let groupsTop = y
            for group in goal.groups {
                canvas.text(SVGText.fit(group.name, width: labelWidth, size: 12), x: labelWidth, y: y + 13, size: 12, anchor: .end)
                canvas.rect(x: barLeft, y: y + 2, width: barRoom, height: 15, fill: ChartStyle.track)
                let colour = group.belowThreshold ? ChartStyle.alert : ChartStyle.success
                canvas.rect(x: barLeft, y: y + 2, width: barRoom * min(1, group.share), height: 15, fill: colour,
                            label: "\(group.name): \(group.wins) of \(Markdown.count(goal.wins, "win")) (\(SVGText.percent(group.share)))")
                let value = "\(SVGText.percent(group.share)) (\(group.wins) of \(goal.wins))" + (group.belowThreshold ? " below \(threshold)" : "")
                canvas.text(value, x: barLeft + barRoom + 6, y: y + 14, size: 12, bold: group.belowThreshold,
                            fill: group.belowThreshold ? ChartStyle.alert : ChartStyle.muted)
                y += 22
            }
            let thresholdX = barLeft + barRoom * dashboard.equityThreshold
            canvas.line(x1: thresholdX, y1: groupsTop, x2: thresholdX, y2: y, stroke: ChartStyle.ink, width: 1.5, dashed: true)
            y += 6
        }
        return (canvas, y)
    }
}
