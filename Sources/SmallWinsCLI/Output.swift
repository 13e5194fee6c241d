import Foundation
import SmallWins
import SmallWinsSQLite

/// Prints results as aligned text tables for people or as JSON for machines.
struct Output {
    let json: Bool

    /// Prints `rows` under `headers`, or `values` as a JSON array.
    func list<Value: Encodable>(_ values: [Value], headers: [String], row: (Value) -> [String]) throws {
        if json { return try printJSON(values) }
        if values.isEmpty { return print("(none)") }
        print(Output.table(headers: headers, rows: values.map(row)))
    }

    /// Prints one record as `field: value` lines, or as a JSON object.
    func record<Value: Encodable>(_ value: Value, fields: [(String, String)]) throws {
        if json { return try printJSON(value) }
        let width = fields.map(\.0.count).max() ?? 0
        for (name, text) in fields {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + (lines.first.map(String.init) ?? ""))
            for line in lines.dropFirst() { print(String(repeating: " ", count: width + 2) + line) }
        }
    }

    /// Prints a confirmation line, or the record as JSON.
    func done<Value: Encodable>(_ message: String, _ value: Value) throws {
        if json { return try printJSON(value) }
        print(message)
    }

    func printJSON<Value: Encodable>(_ value: Value) throws {
        print(String(decoding: try Output.encoder.encode(value), as: UTF8.self))
    }

    static let encoder = Instant.jsonEncoder(pretty: true)

    /// Columns padded to their widest cell; cells are kept to one line of at most 48 characters.
    static func table(headers: [String], rows: [[String]]) -> String {
        let cells = ([headers] + rows).map { $0.map(clip) }
        let widths = headers.indices.map { column in cells.map { $0[column].count }.max() ?? 0 }
        return cells.enumerated().map { index, row in
            let line = row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
            return index == 0 ? line + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") : line
        }.joined(separator: "\n")
    }

    private static func clip(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        return line.count > 48 ? String(line.prefix(47)) + "…" : line
    }
}

extension Identifier {
    /// The last eight hex digits: enough to tell records apart in a table, and accepted back by the CLI.
    var short: String { String(description.suffix(8)) }
}
