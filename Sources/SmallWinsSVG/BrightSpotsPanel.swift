import Foundation
import SmallWins

/// The period's most celebrated wins with the beginning of each story, in the teacher's own words.
struct BrightSpotsPanel: ChartPanel {
    let dashboard: Dashboard
    var maximumSpots = 4

    var title: String { "Bright spots" }

    private var spots: [Dashboard.BrightSpot] { Array(dashboard.brightSpots.prefix(maximumSpots)) }

    var summary: String {
        guard !spots.isEmpty else { return "No celebrated wins in this period yet." }
        return spots.map { "\($0.title) (\($0.kind.rawValue), \($0.day.iso), \(Markdown.count($0.celebrations, "celebration"))): \($0.excerpt)" }
            .joined(separator: " ")
    }

    func draw(width: Double) -> (canvas: SVGCanvas, height: Double) {
        var canvas = SVGCanvas()
        var y = heading(&canvas, subtitle: "The most celebrated wins, in their tellers' words")
        guard !spots.isEmpty else {
            canvas.text("No celebrated wins in this period yet.", x: 0, y: y + 14, size: 13, fill: ChartStyle.muted)
            return (canvas, y + 28)
        }
        for spot in spots {
            let colour = spot.kind == .success ? ChartStyle.success : ChartStyle.lesson
            let lines = SVGText.wrap("“\(spot.excerpt)”", width: width - 14, size: 12, limit: 3)
            let blockHeight = 38 + Double(lines.count) * 16
            canvas.rect(x: 0, y: y, width: 4, height: blockHeight - 8, fill: colour)
            canvas.text(SVGText.fit(spot.title, width: width - 14, size: 13), x: 12, y: y + 13, size: 13, bold: true)
            canvas.text("\(spot.kind == .success ? "Success" : "Lesson learned") · \(spot.day.iso) · \(Markdown.count(spot.celebrations, "celebration"))",
                        x: 12, y: y + 29, size: 11, fill: ChartStyle.muted)
            for (index, line) in lines.enumerated() {
                canvas.text(line, x: 12, y: y + 46 + Double(index) * 16, size: 12, italic: true)
            }
            y += blockHeight
        }
        return (canvas, y)
    }
}
