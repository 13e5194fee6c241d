import Foundation
import SmallWins

/// How wins spread across members: how many members told none, one, two… wins. A spread, never a
/// ranking: no names.
struct ParticipationChart: ChartPanel {
    let dashboard: Dashboard
    var plotHeight = 140.0
    /// More distinct counts than this are grouped into equal ranges.
    var maximumColumns = 16

    var title: String { "How wins spread across members" }

    private var participation: Dashboard.Participation { dashboard.participation }

    /// Columns: a label ("3" or "10–19") and how many members told that many wins.
    var columns: [(label: String, members: Int)] {
        var bins = participation.distribution
        let silent = participation.members - participation.contributors
        if silent > 0, !bins.contains(where: { $0.wins == 0 }) {
            bins.insert(.init(wins: 0, members: silent), at: 0)
        }
        guard let most = bins.map(\.wins).max() else { return [] }
        if bins.count <= maximumColumns, most < maximumColumns * 2 {
            return bins.map { (String($0.wins), $0.members) }
        }
        let width = max(1, Int((Double(most + 1) / Double(maximumColumns)).rounded(.up)))
        var grouped: [Int: Int] = [:]
        for bin in bins { grouped[bin.wins / width, default: 0] += bin.members }
        return grouped.keys.sorted().map { start in
            let low = start * width, high = low + width - 1
            return (width == 1 ? String(low) : "\(low)–\(high)", grouped[start] ?? 0)
        }
    }

    var summary: String {
        "\(participation.contributors) of \(Markdown.count(participation.members, "member")) told at least one win. "
            + columns.map { "\($0.label) wins: \(Markdown.count($0.members, "member"))" }.joined(separator: "; ") + "."
    }

    func draw(width: Double) -> (canvas: SVGCanvas, height: Double) {
        var canvas = SVGCanvas()
        let top = heading(&canvas, subtitle: "\(participation.contributors) of \(Markdown.count(participation.members, "member")) contributed; members per number of wins told")
        let columns = columns
        let plotTop = top + 16, left = 8.0, plotWidth = width - 16
        let base = plotTop + plotHeight
        canvas.line(x1: left, y1: base, x2: left + plotWidth, y2: base, stroke: ChartStyle.grid)
        guard !columns.isEmpty else { return (canvas, base + 24) }
        let most = max(1, columns.map(\.members).max() ?? 1)
        let slot = plotWidth / Double(columns.count), bar = min(56, slot * 0.7)
        for (index, column) in columns.enumerated() {
            let x = left + Double(index) * slot + (slot - bar) / 2
            let height = plotHeight * Double(column.members) / Double(most)
            canvas.rect(x: x, y: base - height, width: bar, height: height, fill: ChartStyle.neutral,
                        label: "\(Markdown.count(column.members, "member")) told \(column.label) win\(column.label == "1" ? "" : "s")")
            canvas.text(String(column.members), x: x + bar / 2, y: base - height - 4, size: 11, anchor: .middle)
            canvas.text(column.label, x: x + bar / 2, y: base + 15, size: 11, anchor: .middle, fill: ChartStyle.muted)
        }
        canvas.text("wins told", x: left + plotWidth / 2, y: base + 32, size: 11, anchor: .middle, fill: ChartStyle.muted)
        return (canvas, base + 40)
    }
}
