import Foundation

/// The canonical 36-character text of a UUID, formatted and parsed directly on bytes: Foundation's versions go
/// through `sprintf`, `sscanf` and `lowercased()`, which dominated reading and exporting a million wins.
extension UUID {
    /// Whether the text form has one of its four hyphens at `position`.
    private static func isHyphen(_ position: Int) -> Bool {
        position == 8 || position == 13 || position == 18 || position == 23
    }
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The lowercase text form ("0190f3c2-…").
    package var lowercaseText: String {
        String(unsafeUninitializedCapacity: 36) { text in
            write(into: text, at: 0)
            return 36
        }
    }

    /// Writes the lowercase text form (36 bytes) from `start`.
    package func write(into text: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        withUnsafeBytes(of: uuid) { bytes in
            var position = start
            for byte in bytes {
                if Self.isHyphen(position - start) { text[position] = UInt8(ascii: "-"); position += 1 }
                text[position] = Self.hexDigits[Int(byte >> 4)]
                text[position + 1] = Self.hexDigits[Int(byte & 0x0F)]
                position += 2
            }
        }
    }

    /// Parses the canonical text form, in either case; `nil` when `text` is anything else.
    package init?(canonicalText text: String) {
        var text = text
        guard let uuid = text.withUTF8({ UUID(canonicalUTF8: $0) }) else { return nil }
        self = uuid
    }

    /// Parses the canonical text form from exactly 36 bytes of UTF-8; `nil` for anything else.
    package init?(canonicalUTF8 utf8: UnsafeBufferPointer<UInt8>) {
        guard utf8.count == 36 else { return nil }
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let complete = withUnsafeMutableBytes(of: &bytes) { output -> Bool in
            var position = 0
            for index in 0..<16 {
                if Self.isHyphen(position) {
                    guard utf8[position] == UInt8(ascii: "-") else { return false }
                    position += 1
                }
                guard let high = Self.nibble(utf8[position]), let low = Self.nibble(utf8[position + 1]) else { return false }
                output[index] = high << 4 | low
                position += 2
            }
            return true
        }
        guard complete else { return nil }
        self.init(uuid: bytes)
    }

    /// Parses canonical UUIDs joined by `separator` (a list as an engine aggregates it), skipping empty parts; `nil`
    /// when a part is not a UUID.
    package static func list(_ text: String, separator: UInt8 = UInt8(ascii: ",")) -> [UUID]? {
        var text = text
        return text.withUTF8 { utf8 -> [UUID]? in
            var uuids: [UUID] = []
            uuids.reserveCapacity((utf8.count + 1) / 37)
            var start = 0
            while start < utf8.count {
                let end = utf8[start...].firstIndex(of: separator) ?? utf8.count
                if end > start {
                    guard let uuid = UUID(canonicalUTF8: UnsafeBufferPointer(rebasing: utf8[start..<end])) else { return nil }
                    uuids.append(uuid)
                }
                start = end + 1
            }
            return uuids
        }
    }

    /// The lowercase text forms of `uuids` joined by `separator`, in one string.
    package static func joinedText(_ uuids: [UUID], separator: String) -> String {
        guard !uuids.isEmpty else { return "" }
        var separator = separator
        return separator.withUTF8 { gap in
            let length = uuids.count * 36 + (uuids.count - 1) * gap.count
            return String(unsafeUninitializedCapacity: length) { text in
                var position = 0
                for (index, uuid) in uuids.enumerated() {
                    if index > 0 {
                        for byte in gap { text[position] = byte; position += 1 }
                    }
                    uuid.write(into: text, at: position)
                    position += 36
                }
                return length
            }
        }
    }

    /// The value of one hexadecimal digit, in either case.
    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
