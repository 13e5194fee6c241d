import Crypto
import Foundation

/// Stand-ins for the people in an export: each member id, win id and celebration id becomes a keyed hash
/// (HMAC-SHA256 under a secret key made from the salt) shaped as a UUID, and each member's name and email a
/// label made from their stand-in id. The same salt gives the same stand-ins in every export, so tables
/// join within an export and across exports made with that salt; without the salt, nothing in them leads
/// back to a stored record or a person (a keyed hash cannot be recomputed from the real ids alone).
///
/// Win and celebration ids are replaced too, because with access to the store a real win id shows its
/// author. Team, goal, theme, group, question and attempt ids, and free text (stories, titles, messages),
/// are kept as they are.
public struct Pseudonyms: Sendable {
    private let key: SymmetricKey

    /// Stand-ins keyed by `salt`; with no salt, by a random key used for this value only, so nothing links
    /// it to any other export.
    public init(salt: String?) {
        if let salt, !salt.isEmpty {
            key = SymmetricKey(data: SHA256.hash(data: Data(("smallwins-pseudonyms|" + salt).utf8)))
        } else {
            key = SymmetricKey(size: .bits256)
        }
    }

    /// A member's stand-in id.
    public func member(_ id: Member.ID) -> Member.ID { Identifier(uuid("member", id.uuid)) }
    /// A win's stand-in id.
    public func win(_ id: Win.ID) -> Win.ID { Identifier(uuid("win", id.uuid)) }
    /// A celebration's stand-in id.
    public func celebration(_ id: Celebration.ID) -> Celebration.ID { Identifier(uuid("celebration", id.uuid)) }

    /// A member's stand-in name: "Member " and the first eight hex digits of their stand-in id.
    public func name(of id: Member.ID) -> String { "Member " + code(of: id) }
    /// A member's stand-in email, under the reserved `.invalid` domain so it reaches nobody.
    public func email(of id: Member.ID) -> String { code(of: id) + "@pseudonym.invalid" }

    private func code(of id: Member.ID) -> String { String(member(id).description.prefix(8)) }

    /// The first 16 bytes of the HMAC of `kind` and `id`, as a UUID of version 8 (custom) and the RFC 4122 variant.
    private func uuid(_ kind: String, _ id: UUID) -> UUID {
        var bytes = Array(HMAC<SHA256>.authenticationCode(for: Data((kind + "|" + id.uuidString.lowercased()).utf8), using: key).prefix(16))
        bytes[6] = bytes[6] & 0x0F | 0x80
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
