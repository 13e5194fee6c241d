import Foundation

/// A team: a district, a school, or a team inside a school (grade level, department, staff).
///
/// Teams nest: a district holds schools, a school holds teams, a team may hold smaller teams.
/// Reads through a scoped store see a team and its whole subtree.
public struct Team: Hashable, Sendable, Codable, Identifiable, Validatable {
    /// Identifies a team.
    public typealias ID = Identifier<Team>

    /// Where a team sits in the district > school > team nesting.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// The root of a tree, holding schools.
        case district
        /// A school, inside a district.
        case school
        /// A team (a grade level, a department, a family engagement team), inside a school or another team.
        case team

        /// The kinds of team this kind may sit inside (none for a district).
        public var allowedParents: Set<Kind> {
            switch self {
            case .district: return []
            case .school: return [.district]
            case .team: return [.school, .team]
            }
        }
    }

    public var id: ID
    /// The team's name, one line, unique among its siblings.
    public var name: String
    /// District, school or team.
    public var kind: Kind
    /// The team this one sits inside; `nil` for the root of an installation.
    public var parent: ID?

    /// A team; give `parent` for anything below a district.
    public init(id: ID = ID(), name: String, kind: Kind, parent: ID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
    }

    public func validate() throws {
        try TextRules.line(name, field: "name", limit: TextRules.nameLength)
        if kind == .district, parent != nil {
            throw SmallWinsError.invalid(field: "parent", reason: "a district cannot sit inside another team")
        }
        if parent == id {
            throw SmallWinsError.invalid(field: "parent", reason: "a team cannot be its own parent")
        }
    }
}
