import Foundation

/// A student group a goal intends to serve and a win can touch: the team's equity-focus codebook
/// ("multilingual learners", "students with IEPs", "grade 9").
///
/// Groups are inherited: a group kept by a district can be used by every school and team in it.
public struct StudentGroup: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a student group.
    public typealias ID = Identifier<StudentGroup>

    public var id: ID
    /// The group's name, unique within the team that keeps it.
    public var name: String
    /// What the group means, so everyone codes the same way.
    public var description: String?
    /// The team that keeps this group.
    public var team: Team.ID

    /// A student group kept by `team`.
    public init(id: ID = ID(), name: String, description: String? = nil, in team: Team.ID) {
        self.id = id
        self.name = name
        self.description = description
        self.team = team
    }

    public func validate() throws {
        try TextRules.line(name, field: "name", limit: TextRules.nameLength)
        try TextRules.optionalParagraph(description, field: "description")
    }
}

/// A theme of the team's qualitative codebook ("student discourse", "family partnership").
///
/// Themes are inherited like student groups: usable throughout the keeping team's subtree.
public struct Theme: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a theme.
    public typealias ID = Identifier<Theme>

    public var id: ID
    /// The theme's name, unique within the team that keeps it.
    public var name: String
    /// What the theme means, so everyone codes the same way.
    public var description: String?
    /// The team that keeps this theme.
    public var team: Team.ID

    /// A theme kept by `team`.
    public init(id: ID = ID(), name: String, description: String? = nil, in team: Team.ID) {
        self.id = id
        self.name = name
        self.description = description
        self.team = team
    }

    public func validate() throws {
        try TextRules.line(name, field: "name", limit: TextRules.nameLength)
        try TextRules.optionalParagraph(description, field: "description")
    }
}

extension StudentGroup {
    /// Decodes a group as a client writes it: `id` absent gets a new one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(ID.self, forKey: .id) ?? ID(), name: try c.decode(String.self, forKey: .name),
                  description: try c.decodeIfPresent(String.self, forKey: .description), in: try c.decode(Team.ID.self, forKey: .team))
    }
}

extension Theme {
    /// Decodes a theme as a client writes it: `id` absent gets a new one.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(ID.self, forKey: .id) ?? ID(), name: try c.decode(String.self, forKey: .name),
                  description: try c.decodeIfPresent(String.self, forKey: .description), in: try c.decode(Team.ID.self, forKey: .team))
    }
}
