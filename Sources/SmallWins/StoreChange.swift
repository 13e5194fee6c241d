import Foundation

/// A notice that something changed in a store, so a front end can refresh.
///
/// Notices carry what changed, not the new values: fetch them through the (scoped) store.
public struct StoreChange: Hashable, Sendable, Codable {
    /// What happened to the record.
    public enum Action: String, Hashable, Sendable, Codable {
        /// The record was added.
        case created
        /// The record was changed.
        case updated
        /// The record was removed.
        case deleted
    }

    /// Increases with every change in the store; notices arrive in this order, and
    /// ``WinStore/changes(after:)`` resumes right after a given one.
    public var sequence: Int64
    /// The kind of record.
    public var entity: EntityKind
    /// Created, updated or deleted.
    public var action: Action
    /// The record's id (for a membership, the member's).
    public var id: UUID
    /// The team the record belongs to (for a celebration, the win's team).
    public var team: Team.ID
    /// When the change was committed.
    public var at: Date

    /// A change notice.
    public init(sequence: Int64, entity: EntityKind, action: Action, id: UUID, team: Team.ID, at: Date) {
        self.sequence = sequence
        self.entity = entity
        self.action = action
        self.id = id
        self.team = team
        self.at = at
    }

    private enum CodingKeys: String, CodingKey {
        case sequence, entity, action, id, team, at
    }

    /// Decodes a notice; the id may be written in either case.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int64.self, forKey: .sequence)
        entity = try container.decode(EntityKind.self, forKey: .entity)
        action = try container.decode(Action.self, forKey: .action)
        id = try container.decode(UUID.self, forKey: .id)
        team = try container.decode(Team.ID.self, forKey: .team)
        at = try container.decode(Date.self, forKey: .at)
    }

    /// Encodes the notice with its id in lower case, like every other id SmallWins writes.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(entity, forKey: .entity)
        try container.encode(action, forKey: .action)
        try container.encode(id.lowercaseText, forKey: .id)
        try container.encode(team, forKey: .team)
        try container.encode(at, forKey: .at)
    }
}
