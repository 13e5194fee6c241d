import Foundation

extension Dashboard {
    /// The dashboard with small cells of member-level breakdowns left out: participation bins, members'
    /// counts and recognition pairs of fewer than `minimumGroupSize`; all of them when the scope has fewer
    /// members than that. Totals, timelines and counts by goal, theme, group and team stay as they are.
    public func suppressingSmallGroups(_ minimumGroupSize: Int) -> Dashboard {
        guard minimumGroupSize > 1 else { return self }
        var board = self
        let tooFew = participation.members < minimumGroupSize
        let bins = board.participation.distribution
        board.participation.distribution = tooFew ? [] : bins.filter { $0.members >= minimumGroupSize }
        board.participation.suppressedMembers = bins.map(\.members).reduce(0, +)
            - board.participation.distribution.map(\.members).reduce(0, +)
        board.participation.byMember = tooFew ? nil : board.participation.byMember?.filter { $0.wins >= minimumGroupSize }
        let pairs = board.recognition.pairs
        board.recognition.pairs = tooFew ? [] : pairs.filter { $0.celebrations + $0.shoutOuts >= minimumGroupSize }
        board.recognition.suppressedPairs = pairs.count - board.recognition.pairs.count
        return board
    }

    /// The dashboard with members' names replaced by their ``Member/pseudonym(of:salt:)``.
    public func pseudonymized(salt: String = "") -> Dashboard {
        var board = self
        board.participation.byMember = board.participation.byMember?.map {
            var entry = $0
            entry.name = Member.pseudonym(of: $0.member, salt: salt)
            return entry
        }
        board.recognition.pairs = board.recognition.pairs.map {
            var pair = $0
            pair.fromName = pair.fromName.map { _ in Member.pseudonym(of: pair.from, salt: salt) }
            pair.toName = pair.toName.map { _ in Member.pseudonym(of: pair.to, salt: salt) }
            return pair
        }
        return board
    }
}

extension Member {
    /// A stable stand-in for a member's name, the same in every export with the same `salt`
    /// ("Member 3fa2c10b"); change the salt to unlink two exports.
    public static func pseudonym(of id: Member.ID, salt: String = "") -> String {
        "Member " + pseudonymCode(of: id, salt: salt)
    }

    /// Eight hex digits of a 64-bit FNV-1a hash of the salt and the id.
    static func pseudonymCode(of id: Member.ID, salt: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (salt + "|" + id.description).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let text = String(hash >> 32, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// The member with a pseudonym for a name and, when an address was given, one that leads nowhere.
    public func pseudonymized(salt: String = "") -> Member {
        var member = self
        member.name = Member.pseudonym(of: id, salt: salt)
        member.email = email.map { _ in Member.pseudonymCode(of: id, salt: salt) + "@pseudonym.invalid" }
        return member
    }
}

extension ExportContent {
    /// The content with every member's name and email replaced by a stable pseudonym (see
    /// ``Member/pseudonymized(salt:)``). Stories are exported as written: names inside them stay.
    public func pseudonymized(salt: String = "") -> ExportContent {
        var content = self
        content.members = members.map { $0.pseudonymized(salt: salt) }
        return content
    }
}
