import Foundation
import SmallWins

/// A whole installation (or one scope) as one JSON document: the format SmallWins exports with
/// ``SnapshotExporter`` and imports with ``SnapshotImporter``.
///
/// Layout: an object with `format` (`"smallwins-snapshot"`), `schemaVersion`, `scope`, then the lists
/// `teams`, `members`, `memberships`, `studentGroups`, `themes`, `goals`, `learningQuestions`,
/// `attempts` (each sorted by id; memberships by member then team) and `wins` (newest first), where each
/// entry is `{"celebrations": [...], "win": {...}}`. Keys are sorted, days are `YYYY-MM-DD`, instants
/// ISO 8601 in UTC with milliseconds, one record per line: equal data gives equal bytes.
public struct Snapshot: Codable, Hashable, Sendable {
    /// The value of `format`.
    public static let formatName = "smallwins-snapshot"
    /// The layout version this library writes and reads.
    public static let currentSchemaVersion = 1

    /// One win with its celebrations, oldest first.
    public struct Entry: Codable, Hashable, Sendable {
        /// The win.
        public var win: Win
        /// Its celebrations, oldest first.
        public var celebrations: [Celebration]

        /// An entry.
        public init(win: Win, celebrations: [Celebration]) {
            self.win = win
            self.celebrations = celebrations
        }
    }

    /// Always ``formatName``: what the file is.
    public var format: String
    /// The snapshot's schema version (``currentSchemaVersion`` when written).
    public var schemaVersion: Int
    /// The team whose subtree was exported, or `nil` for the whole installation.
    public var scope: Team.ID?
    /// Every team, parents before children.
    public var teams: [Team]
    /// Every member.
    public var members: [Member]
    /// Every membership.
    public var memberships: [Membership]
    /// Every student group.
    public var studentGroups: [StudentGroup]
    /// Every theme.
    public var themes: [Theme]
    /// Every goal.
    public var goals: [Goal]
    /// Every learning question.
    public var learningQuestions: [LearningQuestion]
    /// Every attempt.
    public var attempts: [Attempt]
    /// Every win with its celebrations, newest first.
    public var wins: [Entry]

    /// The snapshot as content to copy into a store.
    public var content: ExportContent {
        ExportContent(
            scope: scope, teams: teams, members: members, memberships: memberships, studentGroups: studentGroups,
            themes: themes, goals: goals, learningQuestions: learningQuestions, attempts: attempts,
            winPages: WinPages(wins: wins.map(\.win), celebrations: wins.flatMap(\.celebrations)))
    }
}

extension Array where Element: Identifiable, Element.ID: CustomStringConvertible {
    /// Sorted by the text of the id, the same on every backend.
    func byID() -> [Element] { sorted { $0.id.description < $1.id.description } }
}
