import Foundation

/// How CSV is written: RFC 4180, UTF-8, a header row and `\r\n` line ends, with options for Excel and
/// for spreadsheet safety.
public struct CSVFormat: Hashable, Sendable {
    /// Starts the file with a UTF-8 byte order mark, so Excel reads it as UTF-8.
    public var byteOrderMark: Bool
    /// Prefixes `'` to a cell starting with `=`, `+`, `-`, `@`, tab, carriage return or NUL, so a
    /// spreadsheet shows it as text instead of running it as a formula (OWASP CSV injection; ASVS 1.2.10).
    public var guardsFormulas: Bool

    /// The default: no byte order mark, formulas guarded.
    public init(byteOrderMark: Bool = false, guardsFormulas: Bool = true) {
        self.byteOrderMark = byteOrderMark
        self.guardsFormulas = guardsFormulas
    }

    /// The characters that make a spreadsheet treat a cell as a formula.
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\0", "\r\n"]

    /// One cell: guarded if asked, then quoted when it holds a quote, comma, CR or LF.
    public func cell(_ value: String) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }

    /// One record: cells joined with commas, ended with `\r\n`, built in one string.
    public func record(_ cells: [String]) -> String {
        var line = ""
        line.reserveCapacity(cells.reduce(2) { $0 + $1.utf8.count + 4 })
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(",") }
            append(cell, to: &line)
        }
        line.append("\r\n")
        return line
    }

    /// Appends one cell to `line`. The formula guard looks at the first character only when the first byte could
    /// start one of ``formulaTriggers`` (all ASCII), so a plain cell is never split into characters.
    private func append(_ value: String, to line: inout String) {
        let first = value.utf8.first
        let guarded = guardsFormulas && first.map(Self.triggerBytes.contains) == true && Self.formulaTriggers.contains(value.first!)
        var quote = false, doubled = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): quote = true; doubled = true
            case UInt8(ascii: ","), 13, 10: quote = true
            default: continue
            }
            if doubled { break }
        }
        if quote { line.append("\"") }
        if guarded { line.append("'") }
        line.append(doubled ? value.replacingOccurrences(of: "\"", with: "\"\"") : value)
        if quote { line.append("\"") }
    }

    /// The first bytes of ``formulaTriggers``.
    private static let triggerBytes = Set(formulaTriggers.compactMap { $0.utf8.first })

    /// How multi-valued fields are joined in one cell.
    public static let listSeparator = "; "
}
