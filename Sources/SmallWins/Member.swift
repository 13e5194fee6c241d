import Foundation

/// A person on staff who records wins, celebrates colleagues and receives shout-outs.
public struct Member: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a member.
    public typealias ID = Identifier<Member>

    public var id: ID
    /// The name colleagues know them by, one line.
    public var name: String
    /// An optional contact address; SmallWins never sends mail.
    public var email: String?
    /// The team that keeps this person's record (usually the district or the school).
    public var organization: Team.ID

    /// A member kept by `organization`.
    public init(id: ID = ID(), name: String, email: String? = nil, in organization: Team.ID) {
        self.id = id
        self.name = name
        self.email = email
        self.organization = organization
    }

    public func validate() throws {
        try TextRules.line(name, field: "name", limit: TextRules.nameLength)
        if let email {
            try TextRules.line(email, field: "email", limit: 254)
            let parts = email.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".")
                || email.contains(where: \.isWhitespace) {
                throw SmallWinsError.invalid(field: "email", reason: "is not an address like name@school.org")
            }
        }
    }
}

/// A member's place on a team, with their role there.
///
/// A membership is identified by its member and team; a member belongs to a team at most once.
public struct Membership: Hashable, Sendable, Codable {
    /// What a member does on a team.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        /// Leads or facilitates the team.
        case lead
        /// A regular member.
        case member
        /// A coach or specialist who supports the team.
        case coach
        /// Follows the team's work without recording for it.
        case observer
    }

    /// Who.
    public var member: Member.ID
    /// Which team.
    public var team: Team.ID
    /// In what role.
    public var role: Role

    /// `member` joins `team` as `role`.
    public init(member: Member.ID, team: Team.ID, role: Role = .member) {
        self.member = member
        self.team = team
        self.role = role
    }
}
