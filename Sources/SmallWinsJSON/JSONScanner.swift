import Foundation
import SmallWins

/// Walks a JSON document front to back from a ``ByteReader``, checking its syntax strictly and keeping the
/// line and column it has reached, so an import can stream a document of any size and point at the first
/// byte that is wrong. (Foundation's decoder needs the whole document and says only that it is not valid.)
///
/// A value can be skipped (checked, not kept) or captured (checked, its bytes returned to decode); an
/// object's keys and an array's elements are walked one at a time.
struct JSONScanner {
    /// A syntax error: where, and what was expected there.
    struct Failure: Error {
        let line: Int
        let column: Int
        let reason: String

        /// The error as an import problem at its line and column.
        var problem: ImportError.Problem {
            .init(location: "line \(line), column \(column)", reason: "not valid JSON: \(reason)")
        }
    }

    /// Deeper nesting is refused, so a hostile document cannot exhaust the stack.
    static let maximumDepth = 512

    private var reader: ByteReader
    /// The line and column (in characters) of the next byte.
    private(set) var line = 1, column = 1
    /// The bytes consumed since capturing began, while capturing.
    private var captured: [UInt8]?

    /// A scanner at the start of `reader`.
    init(_ reader: ByteReader) { self.reader = reader }

    // MARK: Structure

    /// Whether the next value (after white space) is an object.
    mutating func nextIsObject() throws -> Bool {
        try skipSpace()
        return try reader.peek() == UInt8(ascii: "{")
    }

    /// Consumes `{`; `false` when the object is empty (its `}` consumed too).
    mutating func beginObject() throws -> Bool {
        try expect(UInt8(ascii: "{"), "'{'")
        return try !closes(UInt8(ascii: "}"))
    }

    /// Consumes a key and its `:`, returning the key.
    mutating func key() throws -> String {
        try skipSpace()
        guard try reader.peek() == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
        let bytes = try capturing { try $0.string() }
        try expect(UInt8(ascii: ":"), "':' after a key")
        return (try? JSONDecoder().decode(String.self, from: Data(bytes))) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// After a member: consumes `,` (`true`, another follows) or `}` (`false`, the object ends).
    mutating func nextMember() throws -> Bool {
        try separator(closing: UInt8(ascii: "}"), "',' or '}' in an object")
    }

    /// Consumes `[`; `false` when the array is empty (its `]` consumed too).
    mutating func beginArray() throws -> Bool {
        try expect(UInt8(ascii: "["), "'['")
        return try !closes(UInt8(ascii: "]"))
    }

    /// After an element: consumes `,` (`true`, another follows) or `]` (`false`, the array ends).
    mutating func nextElement() throws -> Bool {
        try separator(closing: UInt8(ascii: "]"), "',' or ']' in an array")
    }

    /// Checks that nothing but white space follows the document.
    mutating func end() throws {
        try skipSpace()
        if try reader.peek() != nil { throw failure("text after the end of the document") }
    }

    // MARK: Values

    /// Checks the next value and moves past it.
    mutating func skipValue() throws { try value(depth: 1) }

    /// Checks the next value and returns its bytes.
    mutating func captureValue() throws -> [UInt8] {
        try skipSpace()
        return try capturing { try $0.value(depth: 1) }
    }

    private mutating func capturing(_ body: (inout JSONScanner) throws -> Void) throws -> [UInt8] {
        captured = []
        defer { captured = nil }
        try body(&self)
        return captured ?? []
    }

    private mutating func value(depth: Int) throws {
        guard depth < Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth) levels") }
        try skipSpace()
        guard let byte = try reader.peek() else { throw failure("expected a value") }
        switch byte {
        case UInt8(ascii: "{"):
            try advance()
            guard try !closes(UInt8(ascii: "}")) else { return }
            repeat {
                try skipSpace()
                guard try reader.peek() == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
                try string()
                try expect(UInt8(ascii: ":"), "':' after a key")
                try value(depth: depth + 1)
            } while try nextMember()
        case UInt8(ascii: "["):
            try advance()
            guard try !closes(UInt8(ascii: "]")) else { return }
            repeat { try value(depth: depth + 1) } while try nextElement()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw failure("expected a value")
        }
    }

    private mutating func string() throws {
        try advance()
        while let byte = try reader.peek() {
            switch byte {
            case UInt8(ascii: "\""): try advance(); return
            case UInt8(ascii: "\\"):
                try advance()
                guard let escaped = try reader.peek(), "\"\\/bfnrtu".utf8.contains(escaped) else { throw failure("expected an escape like \\n or \\u0041") }
                try advance()
            case 0..<0x20: throw failure("a control character inside a string must be escaped")
            default: try advance()
            }
        }
        throw failure("a string that never ends")
    }

    private mutating func number() throws {
        let (line, column) = (self.line, self.column)
        var text: [UInt8] = []
        while let byte = try reader.peek(), "+-.eE0123456789".utf8.contains(byte) {
            text.append(byte)
            try advance()
        }
        guard Double(String(decoding: text, as: UTF8.self)) != nil else {
            throw Failure(line: line, column: column, reason: "expected a number, found \"\(String(decoding: text, as: UTF8.self))\"")
        }
    }

    private mutating func literal(_ word: String) throws {
        for expected in word.utf8 {
            guard try reader.peek() == expected else { throw failure("expected \(word)") }
            try advance()
        }
    }

    // MARK: Bytes

    /// Consumes the next byte, keeping the line and column (and the capture) up to date.
    @inline(__always)
    private mutating func advance() throws {
        guard let byte = try reader.next() else { return }
        captured?.append(byte)
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func skipSpace() throws {
        while let byte = try reader.peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { try advance() }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        try skipSpace()
        guard try reader.peek() == byte else { throw failure("expected \(what)") }
        try advance()
    }

    /// Consumes `closing` after white space when it comes next.
    private mutating func closes(_ closing: UInt8) throws -> Bool {
        try skipSpace()
        guard try reader.peek() == closing else { return false }
        try advance()
        return true
    }

    private mutating func separator(closing: UInt8, _ what: String) throws -> Bool {
        try skipSpace()
        switch try reader.peek() {
        case UInt8(ascii: ","): try advance(); return true
        case closing: try advance(); return false
        default: throw failure("expected \(what)")
        }
    }

    /// A failure at the next byte, naming what was found there.
    private mutating func failure(_ reason: String) -> Failure {
        let next: UInt8? = (try? reader.peek()) ?? nil
        let found = next.map { byte in
            byte < 0x80 ? "found \(String(UnicodeScalar(byte)).debugDescription)" : "found the byte 0x\(String(byte, radix: 16, uppercase: true))"
        } ?? "found the end of the file"
        return Failure(line: line, column: column, reason: "\(reason), \(found)")
    }
}
