import Foundation

// For SQL backends: the table each kind of record lives in, and what refers to it, so the rule
// "deleting anything referenced elsewhere is refused" is written once for every backend.

/// A column that refers to a record, and how a refusal names it ("still referenced by wins").
package struct StoredReference: Hashable, Sendable {
    /// The referring records, in words.
    package let label: String
    /// The table holding them.
    package let table: String
    /// The column holding the referred id.
    package let column: String
}

extension EntityKind {
    /// The SQL table holding records of this kind.
    package var table: String {
        switch self {
        case .studentGroup: return "student_group"
        case .learningQuestion: return "learning_question"
        case .accessToken: return "access_token"
        default: return rawValue
        }
    }

    /// Everything that refers to a record of this kind and blocks its deletion, in the order checked.
    /// (A win's celebrations, themes, groups and shout-outs go with it instead.)
    package var references: [StoredReference] {
        switch self {
        case .team:
            return [.init(label: "teams inside it", table: "team", column: "parent_id"),
                    .init(label: "members it keeps", table: "member", column: "organization_id"),
                    .init(label: "memberships", table: "membership", column: "team_id"),
                    .init(label: "student groups", table: "student_group", column: "team_id"),
                    .init(label: "themes", table: "theme", column: "team_id"),
                    .init(label: "goals", table: "goal", column: "team_id"),
                    .init(label: "learning questions", table: "learning_question", column: "team_id"),
                    .init(label: "wins", table: "win", column: "team_id")]
        case .member:
            return [.init(label: "memberships", table: "membership", column: "member_id"),
                    .init(label: "wins", table: "win", column: "author_id"),
                    .init(label: "shout-outs", table: "win_shout_out", column: "member_id"),
                    .init(label: "celebrations", table: "celebration", column: "member_id")]
        case .studentGroup:
            return [.init(label: "goals", table: "goal_focus_group", column: "group_id"),
                    .init(label: "wins", table: "win_group", column: "group_id")]
        case .theme:
            return [.init(label: "wins", table: "win_theme", column: "theme_id")]
        case .goal:
            return [.init(label: "wins", table: "win", column: "goal_id"),
                    .init(label: "learning questions", table: "learning_question", column: "goal_id")]
        case .learningQuestion:
            return [.init(label: "attempts", table: "attempt", column: "question_id")]
        case .attempt:
            return [.init(label: "wins", table: "win", column: "attempt_id")]
        case .membership, .win, .celebration, .accessToken:
            return []
        }
    }
}
