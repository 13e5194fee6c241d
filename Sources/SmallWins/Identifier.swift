import Foundation

/// A typed identifier: `Team.ID`, `Win.ID` and so on are all `Identifier`s over a UUID,
/// so a win's id can never be passed where a team's id is expected.
///
/// New identifiers are UUID version 7 (time-ordered), so records can be created offline
/// and merged later, and B-tree inserts stay local.
public struct Identifier<Subject>: Hashable, Comparable, Sendable, Codable, LosslessStringConvertible {
    /// The underlying UUID.
    public let uuid: UUID

    /// Wraps an existing UUID.
    public init(_ uuid: UUID) { self.uuid = uuid }

    /// A fresh, time-ordered identifier (UUID version 7).
    public init() { self.uuid = UUID.version7() }

    /// Parses the canonical 36-character UUID text, in either case; `nil` when it is not one.
    public init?(_ text: String) {
        guard let uuid = UUID(canonicalText: text) else { return nil }
        self.uuid = uuid
    }

    /// The identifier as lowercase UUID text, the form every store writes.
    public var description: String { uuid.lowercaseText }

    /// The order of the lowercase text form, computed on the bytes (which sort the same way) without formatting it.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        withUnsafeBytes(of: lhs.uuid.uuid) { left in
            withUnsafeBytes(of: rhs.uuid.uuid) { right in left.lexicographicallyPrecedes(right) }
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let uuid = UUID(canonicalText: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath, debugDescription: "not a UUID: \(text)"))
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension UUID {
    /// A UUID version 7: 48 bits of Unix time in milliseconds, then random bits.
    package static func version7(at date: Date = Date()) -> UUID {
        let milliseconds = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in 0..<6 {
            bytes[index] = UInt8(truncatingIfNeeded: milliseconds >> (8 * (5 - index)))
        }
        var generator = SystemRandomNumberGenerator()
        for index in 6..<16 { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        bytes[6] = (bytes[6] & 0x0F) | 0x70  // version 7
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
            bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
