import Foundation
import SmallWins

/// Reads RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, `\r\n`,
/// `\n` or `\r` line ends, an optional UTF-8 byte order mark. A quote inside an unquoted field is kept
/// as text, as spreadsheets do.
public struct CSVReader: Sendable {
    /// One record and the line it starts on (the header is line 1).
    public struct Record: Hashable, Sendable {
        public var line: Int
        public var fields: [String]
    }

    /// Every record of `data`; throws `ImportError` naming the line of malformed input.
    public static func records(_ data: Data) throws -> [Record] {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = try decode(bytes)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var quoted = false, afterQuote = false, fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func endField() {
            fields.append(field)
            field = ""
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterQuote = true
                        pending = next
                    }
                } else {
                    if scalar == "\n" || (scalar == "\r") { line += 1 }
                    if scalar == "\r" {
                        let next = scalars.next()
                        field.unicodeScalars.append("\r")
                        if next == "\n" { field.unicodeScalars.append("\n") } else { pending = next }
                        continue
                    }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r" {
                    let next = scalars.next()
                    if next != "\n" { pending = next }
                }
                endRecord()
                line += 1
                recordLine = line
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            default:
                if afterQuote {
                    throw ImportError(location: "line \(line)", reason: "text follows a closing quote; a quote inside a quoted field must be doubled (\"\")")
                }
                fieldStarted = true
                field.unicodeScalars.append(scalar)
            }
        }
        if quoted {
            throw ImportError(location: "line \(recordLine)", reason: "a quoted field starting here never ends")
        }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }

    /// The text of `bytes`; throws naming the line of the first byte that is not UTF-8.
    private static func decode(_ bytes: [UInt8]) throws -> String {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var text = String.UnicodeScalarView()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                text.append(scalar)
            case .emptyInput:
                return String(text)
            case .error:
                throw ImportError(location: "line \(line)", reason: "is not valid UTF-8; save the file as CSV UTF-8")
            }
        }
    }
}
