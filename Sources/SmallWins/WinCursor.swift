import Crypto
import Foundation

/// Where a page of wins ended; pass it back with the same query to get the next page.
///
/// A cursor is a position (the last win's day and id), not an offset, so pages stay correct while colleagues keep
/// recording wins, and a page deep in the result costs no more than the first. Its text form (``token``) is opaque:
/// 56 hexadecimal digits, which is also how it is written in JSON. It carries a digest of its query and position,
/// so a store refuses with ``SmallWinsError/invalidCursor(_:)`` a cursor used with another query, and one changed
/// or made up by hand. The digest is a check, not a secret: someone who reads this code can craft a cursor, which
/// only moves them within the results of a query they may run anyway.
public struct WinCursor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The day of the last win on the page.
    public let day: Day
    /// The id of the last win on the page.
    public let id: Win.ID
    /// The digest of the query the cursor was issued for, the day and the id.
    private let digest: UInt64

    /// The position just after `win` in the results of `query`.
    public init(after win: Win, of query: WinQuery) {
        self.day = win.day
        self.id = win.id
        self.digest = WinCursor.digest(query, day: win.day, id: win.id)
    }

    private static func digest(_ query: WinQuery, day: Day, id: Win.ID) -> UInt64 {
        let text = "\(query.canonicalText)\n\(day.iso)\n\(id)"
        return SHA256.hash(data: Data(text.utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Parses a cursor's text form, as a store hands it out in ``token``.
    public init(token: String) throws {
        guard token.utf8.count == 56, let bytes = Hex.bytes(token) else {
            throw SmallWinsError.invalidCursor("\"\(token.prefix(80))\" is not a cursor this store handed out")
        }
        func number(_ range: Range<Int>) -> UInt64 { bytes[range].reduce(0) { $0 << 8 | UInt64($1) } }
        let day = Day(ordinal: Int(Int32(bitPattern: UInt32(number(8..<12)))))
        guard day >= Day.earliest, day <= Day.latest else {
            throw SmallWinsError.invalidCursor("\"\(token.prefix(80))\" is not a cursor this store handed out")
        }
        self.digest = number(0..<8)
        self.day = day
        self.id = Win.ID(UUID(uuid: (bytes[12], bytes[13], bytes[14], bytes[15], bytes[16], bytes[17], bytes[18], bytes[19],
                                     bytes[20], bytes[21], bytes[22], bytes[23], bytes[24], bytes[25], bytes[26], bytes[27])))
    }

    /// The cursor's text form: the digest, the day and the id, as 56 lower-case hexadecimal digits.
    public var token: String {
        var bytes: [UInt8] = (0..<8).map { UInt8(truncatingIfNeeded: digest >> (56 - 8 * $0)) }
        let ordinal = UInt32(bitPattern: Int32(day.ordinal))
        bytes += (0..<4).map { UInt8(truncatingIfNeeded: ordinal >> (24 - 8 * $0)) }
        bytes += withUnsafeBytes(of: id.uuid.uuid) { Array($0) }
        return Hex.text(bytes)
    }

    /// Throws ``SmallWinsError/invalidCursor(_:)`` unless the cursor was issued for `query` (the same filters) as it is.
    public func check(for query: WinQuery) throws {
        guard WinCursor.digest(query, day: day, id: id) == digest else {
            throw SmallWinsError.invalidCursor("it was not issued for this query; start again without a cursor")
        }
    }

    public var description: String { token }

    /// Decodes the ``token`` string.
    public init(from decoder: any Decoder) throws {
        try self.init(token: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the ``token`` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}

/// One page of wins, newest first, and the cursor to the next page.
public struct WinPage: Hashable, Sendable, Codable {
    /// The wins on this page.
    public var wins: [Win]
    /// Where to continue, or `nil` when this is the last page.
    public var next: WinCursor?

    /// A page.
    public init(wins: [Win], next: WinCursor?) {
        self.wins = wins
        self.next = next
    }

    /// The largest page a store hands out.
    public static let maximumLimit = 1_000

    /// Throws unless `limit` is 1...``maximumLimit``.
    public static func validate(limit: Int) throws {
        guard (1...maximumLimit).contains(limit) else {
            throw SmallWinsError.invalid(field: "limit", reason: "must be 1...\(maximumLimit), got \(limit)")
        }
    }
}
