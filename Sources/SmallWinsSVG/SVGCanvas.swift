import Foundation

/// Collects SVG elements with escaped text and numbers written the same way on every machine.
struct SVGCanvas {
    /// Text anchors.
    enum Anchor: String { case start, middle, end }

    private(set) var elements: [String] = []

    /// A filled rectangle; `label` becomes its tooltip (`<title>`).
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, label: String? = nil, radius: Double = 0) {
        let corner = radius > 0 ? " rx=\"\(SVGText.number(radius))\"" : ""
        let head = "<rect x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" width=\"\(SVGText.number(max(0, width)))\" height=\"\(SVGText.number(max(0, height)))\"\(corner) fill=\"\(fill)\""
        if let label {
            elements.append(head + "><title>\(SVGText.escape(label))</title></rect>")
        } else {
            elements.append(head + "/>")
        }
    }

    /// One line of text.
    mutating func text(
        _ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
        italic: Bool = false, fill: String = ChartStyle.ink
    ) {
        var attributes = "x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(y))\" font-size=\"\(SVGText.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if italic { attributes += " font-style=\"italic\"" }
        if fill != ChartStyle.ink { attributes += " fill=\"\(fill)\"" }
        elements.append("<text \(attributes)>\(SVGText.escape(content))</text>")
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
        elements.append("<line x1=\"\(SVGText.number(x1))\" y1=\"\(SVGText.number(y1))\" x2=\"\(SVGText.number(x2))\" y2=\"\(SVGText.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGText.number(width))\"\(dash)/>")
    }

    /// Another canvas's elements, moved by (`x`, `y`).
    mutating func place(_ other: SVGCanvas, x: Double, y: Double) {
        elements.append("<g transform=\"translate(\(SVGText.number(x)) \(SVGText.number(y)))\">")
        elements += other.elements.map { "  " + $0 }
        elements.append("</g>")
    }

    /// A complete, standalone SVG document: accessible name and description first, then the elements.
    func document(width: Double, height: Double, title: String, description: String) -> String {
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(SVGText.number(width))\" height=\"\(SVGText.number(height))\" viewBox=\"0 0 \(SVGText.number(width)) \(SVGText.number(height))\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"\(ChartStyle.fontFamily)\">",
            "<title id=\"chart-title\">\(SVGText.escape(title))</title>",
            "<desc id=\"chart-desc\">\(SVGText.escape(description))</desc>",
            "<rect width=\"100%\" height=\"100%\" fill=\"\(ChartStyle.background)\"/>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Text and numbers in SVG.
enum SVGText {
    /// `text` safe inside an element or attribute: markup characters escaped, characters XML 1.0
    /// forbids dropped, line breaks and tabs shown as spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\r", "\t": result += " "
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` with at most one decimal, no trailing `.0`: the same text on every machine.
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return String(format: "%.1f", tenths / 10)
    }

    /// A rough width of `text` at `size` in a sans-serif face: enough to lay labels out.
    static func width(_ text: String, size: Double) -> Double {
        Double(text.count) * size * 0.56
    }

    /// `text` cut at a word (or character) to fit `width`, ending with "…" when cut.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let room = max(1, Int(width / (size * 0.56)))
        guard flat.count > room else { return flat }
        return String(flat.prefix(max(0, room - 1))).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// `text` broken into lines that fit `width`, at most `limit` lines (the last ending with "…" when cut).
    static func wrap(_ text: String, width: Double, size: Double, limit: Int) -> [String] {
        let room = max(8, Int(width / (size * 0.56)))
        var lines: [String] = []
        var current = ""
        for word in text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if candidate.count <= room {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = String(word.prefix(room))
            }
        }
        if !current.isEmpty { lines.append(current) }
        guard lines.count > limit else { return lines }
        var kept = Array(lines.prefix(limit))
        kept[limit - 1] = fit(kept[limit - 1] + " …", width: width, size: size)
        if !kept[limit - 1].hasSuffix("…") { kept[limit - 1] += "…" }
        return kept
    }

    /// A share as a whole percentage ("35%").
    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
