import Foundation

/// One chart, drawn from its own top-left corner at a given width: standalone in its own SVG, or as a
/// panel of the one-page dashboard.
protocol ChartPanel {
    /// The chart's heading and accessible name.
    var title: String { get }
    /// The chart's content in words, for the accessible description.
    var summary: String { get }
    /// The chart drawn `width` wide, and the height it took.
    func draw(width: Double) -> (canvas: SVGCanvas, height: Double)
}

extension ChartPanel {
    /// Draws the heading; returns the y where the chart's body starts.
    func heading(_ canvas: inout SVGCanvas, subtitle: String? = nil) -> Double {
        canvas.text(title, x: 0, y: 16, size: 16, bold: true)
        guard let subtitle else { return 30 }
        canvas.text(subtitle, x: 0, y: 34, size: 12, fill: ChartStyle.muted)
        return 46
    }

    /// A legend of coloured squares with their names, from (`x`, `y`).
    func legend(_ canvas: inout SVGCanvas, _ entries: [(String, String)], x: Double, y: Double) {
        var left = x
        for (name, colour) in entries {
            canvas.rect(x: left, y: y - 10, width: 12, height: 12, fill: colour, radius: 2)
            canvas.text(name, x: left + 17, y: y, size: 12)
            left += 30 + SVGText.width(name, size: 12)
        }
    }
}

/// Axis ticks at round numbers.
enum Ticks {
    /// A round step (1, 2 or 5 times a power of ten) giving about `count` steps up to `maximum`, and the
    /// top of the axis (a whole number of steps at or above `maximum`).
    static func scale(maximum: Int, count: Int = 4) -> (step: Int, top: Int) {
        guard maximum > 0 else { return (1, 1) }
        let raw = Double(maximum) / Double(count)
        let power = pow(10, floor(log10(max(raw, 1))))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * power }.first { $0 >= raw } ?? 10 * power
        let whole = max(1, Int(step))
        return (whole, Int((Double(maximum) / Double(whole)).rounded(.up)) * whole)
    }
}
