import Foundation
import SmallWins

/// Reads RFC 4180 CSV one record at a time: quoted fields with doubled quotes, commas and line breaks
/// inside quotes, `\r\n`, `\n` or `\r` line ends, an optional UTF-8 byte order mark. A quote inside an
/// unquoted field is kept as text, as spreadsheets do. Holds one record, not the file.
public struct CSVReader: Sendable {
    /// One record and the line it starts on (the header is line 1).
    public struct Record: Hashable, Sendable {
        /// The line the record starts on (a quoted field may span lines).
        public var line: Int
        /// Its fields, unquoted.
        public var fields: [String]
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var reader: ByteReader
    /// The line of the next byte.
    private var line = 1
    /// Whether the first bytes may still be a byte order mark.
    private var atStart = true

    /// Every record of `data`; throws `ImportError` naming the line of malformed input.
    public static func records(_ data: Data) throws -> [Record] {
        var reader = CSVReader(ByteReader(data: data))
        var records: [Record] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// A reader of the bytes `reader` gives.
    package init(_ reader: ByteReader) { self.reader = reader }

    /// The next record that is not blank, `nil` after the last; throws `ImportError` naming the line of
    /// malformed input (a quote that never closes, text after a closing quote, bytes that are not UTF-8).
    public mutating func next() throws -> Record? {
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = line, fieldLine = line
        var quoted = false, afterQuote = false, fieldStarted = false
        if atStart {
            atStart = false
            var mark: [UInt8] = []
            while mark.count < 3, try reader.peek() == Self.byteOrderMark[mark.count] { mark.append(try reader.next()!) }
            if mark.count < 3, !mark.isEmpty { (field, fieldStarted) = (mark, true) }
        }

        func endField() throws {
            fields.append(try Self.text(field, from: fieldLine))
            field.removeAll(keepingCapacity: true)
            fieldLine = line
            afterQuote = false
            fieldStarted = false
        }

        while let byte = try reader.next() {
            if quoted {
                switch byte {
                case Self.quote:
                    if try reader.peek() == Self.quote {
                        _ = try reader.next()
                        field.append(Self.quote)
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                case Self.cr:
                    line += 1
                    field.append(Self.cr)
                    if try reader.peek() == Self.lf { field.append(try reader.next()!) }
                case Self.lf:
                    line += 1
                    field.append(Self.lf)
                default:
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case Self.comma:
                try endField()
            case Self.cr, Self.lf:
                if byte == Self.cr, try reader.peek() == Self.lf { _ = try reader.next() }
                line += 1
                try endField()
                if !(fields.count == 1 && fields[0].isEmpty) { return Record(line: recordLine, fields: fields) }
                fields = []
                recordLine = line
            case Self.quote where !fieldStarted:
                quoted = true
                fieldStarted = true
            default:
                if afterQuote {
                    throw ImportError(location: "line \(line)", reason: "text follows a closing quote; a quote inside a quoted field must be doubled (\"\")")
                }
                fieldStarted = true
                field.append(byte)
            }
        }
        if quoted {
            throw ImportError(location: "line \(recordLine)", reason: "a quoted field starting here never ends")
        }
        guard fieldStarted || !fields.isEmpty || !field.isEmpty else { return nil }
        try endField()
        return fields.count == 1 && fields[0].isEmpty ? nil : Record(line: recordLine, fields: fields)
    }

    /// The text of `bytes`, a field starting on `line`; throws naming the line of the first byte that is
    /// not UTF-8.
    private static func text(_ bytes: [UInt8], from line: Int) throws -> String {
        if let text = UTF8Text.decode(bytes) { return text }
        let offset = UTF8Text.firstInvalidOffset(in: bytes) ?? 0
        let lineOfByte = line + bytes[..<offset].count { $0 == lf }
        throw ImportError(location: "line \(lineOfByte)", reason: "is not valid UTF-8; save the file as CSV UTF-8")
    }
}
