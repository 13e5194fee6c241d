/// Fixed-width decimal numbers read from and written to UTF-8 bytes, for the text forms of days and instants
/// (`YYYY-MM-DD`, `YYYY-MM-DDTHH:MM:SS.mmmZ`): every win read or exported parses and formats both, and going through
/// `split`, `Int(_:)` and interpolation cost more than reading the rows.
enum ASCIIDigits {
    /// The number written with `count` ASCII digits from `start`; `nil` when one of them is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Writes `value` (0 ..< 10^count) with `count` digits, zeros first, from `start`.
    static func write(_ value: Int, count: Int, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var rest = value
        for position in stride(from: start + count - 1, through: start, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
    }

    /// Whether `bytes` holds `separator` at each of `positions`.
    static func has(_ separator: Unicode.Scalar, at positions: Int..., in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        positions.allSatisfy { bytes[$0] == UInt8(ascii: separator) }
    }
}
