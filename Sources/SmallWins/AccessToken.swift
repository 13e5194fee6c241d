import Crypto
import Foundation

/// A personal access token: how a member signs in to the HTTP server (or another front end) without a password.
///
/// A token is issued once (``WinStore/issueToken(for:name:expiresAfterDays:)``), and its text, `sw1_` with the
/// token's id and a 256-bit random secret, is shown then and never again: the store keeps only the SHA-256 hash of
/// the secret, and ``WinStore/member(signedInBy:at:)`` compares hashes in constant time. Revoking a token deletes it;
/// deleting a member deletes their tokens. Tokens are not copied, imported or exported with a district's data.
public struct AccessToken: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a token.
    public typealias ID = Identifier<AccessToken>

    public var id: ID
    /// The member it signs in.
    public var member: Member.ID
    /// What it is for, so its owner can tell tokens apart ("Maria's phone").
    public var name: String
    /// When it was issued (UTC, millisecond precision).
    public var createdAt: Date
    /// When it stops working, or `nil` for never.
    public var expiresAt: Date?

    /// A token record; ``WinStore/issueToken(for:name:expiresAfterDays:)`` makes one with its secret.
    public init(id: ID = ID(), member: Member.ID, name: String, createdAt: Date = Date(), expiresAt: Date? = nil) {
        self.id = id
        self.member = member
        self.name = name
        self.createdAt = Instant.truncated(createdAt)
        self.expiresAt = expiresAt.map(Instant.truncated)
    }

    public func validate() throws {
        try TextRules.line(name, field: "name", limit: TextRules.nameLength)
        if let expiresAt, expiresAt <= createdAt {
            throw SmallWinsError.invalid(field: "expiresAt", reason: "is not after the token is issued")
        }
    }

    /// The SHA-256 of `secret` as lower-case hex: the only form of the secret a store keeps.
    static func hash(_ secret: some DataProtocol) -> String {
        Hex.text(Array(SHA256.hash(data: secret)))
    }

    /// The id and secret of a token's text, or `nil` when it is not a token's text.
    static func parse(_ text: String) -> (id: ID, secret: [UInt8])? {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "sw1", parts[1].count == 32, parts[2].count == 64,
              let idBytes = Hex.bytes(parts[1]), let secret = Hex.bytes(parts[2]) else { return nil }
        let id = ID(UUID(uuid: (idBytes[0], idBytes[1], idBytes[2], idBytes[3], idBytes[4], idBytes[5], idBytes[6], idBytes[7],
                                idBytes[8], idBytes[9], idBytes[10], idBytes[11], idBytes[12], idBytes[13], idBytes[14], idBytes[15])))
        return (id, secret)
    }

    /// A token's text: `sw1_`, the id's 32 hex digits, `_`, the secret's 64.
    static func text(id: ID, secret: [UInt8]) -> String {
        "sw1_" + Hex.text(withUnsafeBytes(of: id.uuid.uuid) { Array($0) }) + "_" + Hex.text(secret)
    }
}

/// A token as it was just issued: its record, and its text, which is shown this once.
public struct IssuedToken: Sendable {
    /// The stored record.
    public let token: AccessToken
    /// The text the member signs in with (an `Authorization: Bearer` header); never stored.
    public let text: String
}

extension WinStore {
    /// Issues a token for `member`, stores the hash of its secret, and returns its text to show once.
    public func issueToken(for member: Member.ID, name: String, expiresAfterDays days: Int? = nil) async throws -> IssuedToken {
        if let days, !(1...3_650).contains(days) {
            throw SmallWinsError.invalid(field: "expires", reason: "must be 1...3650 days, got \(days)")
        }
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let now = Date()
        let token = AccessToken(member: member, name: name, createdAt: now, expiresAt: days.map { now.addingTimeInterval(Double($0) * 86_400) })
        let stored = try await create(token, secretHash: AccessToken.hash(secret))
        return IssuedToken(token: stored, text: AccessToken.text(id: stored.id, secret: secret))
    }

    /// The member a token's text signs in, at `now`. Throws ``SmallWinsError/unauthenticated(_:)`` when the text is not
    /// a token, or names no token, or its secret does not match (compared in constant time), or it has expired; the
    /// reason never says which, so a guesser learns nothing.
    public func member(signedInBy text: String, at now: Date = Date()) async throws -> Member.ID {
        let refused = SmallWinsError.unauthenticated("the token is not valid, expired or revoked")
        guard let (id, secret) = AccessToken.parse(text) else { throw refused }
        let stored: (token: AccessToken, secretHash: String)
        do {
            stored = try await accessToken(id)
        } catch SmallWinsError.notFound {
            _ = AccessToken.hash(secret)  // as much work as a match, so timing does not tell a known id
            throw refused
        }
        let presented = Array(AccessToken.hash(secret).utf8), expected = Array(stored.secretHash.utf8)
        var difference = UInt8(presented.count == expected.count ? 0 : 1)
        for (left, right) in zip(presented, expected) { difference |= left ^ right }
        guard difference == 0, stored.token.expiresAt.map({ now < $0 }) ?? true else { throw refused }
        return stored.token.member
    }
}
