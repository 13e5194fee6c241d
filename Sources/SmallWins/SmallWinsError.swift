import Foundation

/// The kinds of record SmallWins stores; errors and change notices name them.
public enum EntityKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A ``Team``.
    case team
    /// A ``Member``.
    case member
    /// A ``Membership``.
    case membership
    /// A ``StudentGroup``.
    case studentGroup
    /// A ``Theme``.
    case theme
    /// A ``Goal``.
    case goal
    /// A ``LearningQuestion``.
    case learningQuestion
    /// An ``Attempt``.
    case attempt
    /// A ``Win``.
    case win
    /// A ``Celebration``.
    case celebration
    /// An ``AccessToken``.
    case accessToken
}

/// Every error SmallWins raises: what was wrong, and where.
///
/// The `description` is one line meant for people; switch on the cases in code.
public enum SmallWinsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A value failed validation: `field` names it, `reason` says why.
    case invalid(field: String, reason: String)
    /// No record of this kind with this id is visible to the store (or scope) asked.
    case notFound(EntityKind, id: UUID)
    /// A field refers to a record that does not exist or cannot be seen from where it is used.
    case unknownReference(field: String, EntityKind, id: UUID)
    /// A write reaches outside the store's scope (a team and its subtree).
    case outOfScope(field: String, id: UUID)
    /// A delete was refused because other records still refer to this one.
    case inUse(EntityKind, id: UUID, referencedBy: String)
    /// A record with the same identity or unique name already exists.
    case conflict(field: String, reason: String)
    /// A paging cursor that this store did not hand out, or that does not fit the query.
    case invalidCursor(String)
    /// The signed-in member's roles do not allow this (a ``MemberSession``): `reason` says which rule.
    case forbidden(String)
    /// A request without a valid sign-in: no token, or one that is not valid, expired or revoked.
    case unauthenticated(String)
    /// The storage engine failed in a way not listed above; its ``StorageFailure/kind`` says whether to retry.
    case storage(StorageFailure)

    public var description: String {
        switch self {
        case let .invalid(field, reason):
            return "invalid \(field): \(reason)"
        case let .notFound(kind, id):
            return "no \(kind.label) with id \(id.lowercaseText)"
        case let .unknownReference(field, kind, id):
            return "\(field) refers to \(kind.label) \(id.lowercaseText), which does not exist here"
        case let .outOfScope(field, id):
            return "\(field) \(id.lowercaseText) is outside this store's scope"
        case let .inUse(kind, id, referencedBy):
            return "cannot delete \(kind.label) \(id.lowercaseText): still referenced by \(referencedBy)"
        case let .conflict(field, reason):
            return "conflict on \(field): \(reason)"
        case let .invalidCursor(reason):
            return "invalid cursor: \(reason)"
        case let .forbidden(reason):
            return "not allowed: \(reason)"
        case let .unauthenticated(reason):
            return "not signed in: \(reason)"
        case let .storage(failure):
            return "storage error (\(failure.kind.rawValue)): \(failure)"
        }
    }
}

extension EntityKind {
    /// The kind in words, for messages ("learning question").
    public var label: String {
        switch self {
        case .studentGroup: return "student group"
        case .learningQuestion: return "learning question"
        case .accessToken: return "access token"
        default: return rawValue
        }
    }
}
