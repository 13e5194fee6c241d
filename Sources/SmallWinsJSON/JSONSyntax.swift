import Foundation

/// Finds where a JSON document stops being valid, as a line and column, so an import can point at it.
/// (Foundation's decoder says only that the data is not valid JSON.)
struct JSONSyntax {
    /// The first syntax error: where, and what was expected there.
    struct Failure: Error {
        let line: Int
        let column: Int
        let reason: String
    }

    private let bytes: [UInt8]
    private var position = 0

    /// The first syntax error in `data`, or `nil` when it is well-formed JSON.
    static func firstError(in data: Data) -> Failure? {
        var scanner = JSONSyntax(bytes: [UInt8](data))
        do {
            scanner.skipSpace()
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if scanner.position < scanner.bytes.count { throw scanner.failure("text after the end of the document") }
            return nil
        } catch {
            return error as? Failure
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ reason: String) -> Failure {
        let before = bytes[..<min(position, bytes.count)]
        let line = 1 + before.count { $0 == 0x0A }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = 1 + String(decoding: bytes[lineStart..<min(position, bytes.count)], as: UTF8.self).count
        let found = position < bytes.count ? "found \(String(decoding: [bytes[position]], as: UTF8.self).debugDescription)" : "found the end of the file"
        return Failure(line: line, column: column, reason: "\(reason), \(found)")
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { throw failure("expected \(what)") }
        position += 1
    }

    private mutating func value(depth: Int) throws {
        guard depth < 512 else { throw failure("nesting deeper than 512 levels") }
        skipSpace()
        guard position < bytes.count else { throw failure("expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"):
            position += 1
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return }
            repeat {
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { throw failure("expected a quoted key") }
                try string()
                try expect(UInt8(ascii: ":"), "':' after a key")
                try value(depth: depth + 1)
                skipSpace()
            } while try separator(closing: UInt8(ascii: "}"), "',' or '}' in an object")
        case UInt8(ascii: "["):
            position += 1
            skipSpace()
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1; return }
            repeat {
                try value(depth: depth + 1)
                skipSpace()
            } while try separator(closing: UInt8(ascii: "]"), "',' or ']' in an array")
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = position
            while position < bytes.count, "+-.eE0123456789".utf8.contains(bytes[position]) { position += 1 }
            guard Double(String(decoding: bytes[start..<position], as: UTF8.self)) != nil else {
                position = start
                throw failure("expected a number")
            }
        default:
            throw failure("expected a value")
        }
    }

    /// Consumes ',' (more to come) or the closing bracket (done).
    private mutating func separator(closing: UInt8, _ what: String) throws -> Bool {
        guard position < bytes.count else { throw failure("expected \(what)") }
        if bytes[position] == UInt8(ascii: ",") { position += 1; return true }
        if bytes[position] == closing { position += 1; return false }
        throw failure("expected \(what)")
    }

    private mutating func string() throws {
        position += 1
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""): position += 1; return
            case UInt8(ascii: "\\"): position += 2
            case 0..<0x20: throw failure("a control character inside a string must be escaped")
            default: position += 1
            }
        }
        throw failure("a string that never ends")
    }

    private mutating func literal(_ word: String) throws {
        guard bytes[position...].starts(with: word.utf8) else { throw failure("expected \(word)") }
        position += word.utf8.count
    }
}
