import Foundation

/// A notice that something changed in a store, so a front end can refresh.
///
/// Notices carry what changed, not the new values: fetch them through the (scoped) store.
public struct StoreChange: Hashable, Sendable, Codable {
    /// What happened to the record.
    public enum Action: String, Hashable, Sendable, Codable {
        case created, updated, deleted
    }

    /// Increases with every change in the store; notices arrive in this order.
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
}
