import Foundation

/// Bytes that must be UTF-8 text, decoded strictly: a byte that is not UTF-8 is found (by its offset), never
/// silently replaced with U+FFFD.
package enum UTF8Text {
    /// The text of `bytes`, or `nil` when they are not all UTF-8.
    package static func decode(_ bytes: some Collection<UInt8>) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that does not begin a valid UTF-8 character, or `nil` when all are UTF-8.
    package static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
