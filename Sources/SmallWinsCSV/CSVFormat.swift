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
        var value = value
        if guardsFormulas, let first = value.first, Self.formulaTriggers.contains(first) {
            value = "'" + value
        }
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: ",") || $0 == 13 || $0 == 10 }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: cells joined with commas, ended with `\r\n`.
    public func record(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// How multi-valued fields are joined in one cell.
    public static let listSeparator = "; "
}
