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
        public var win: Win
        public var celebrations: [Celebration]

        /// An entry.
        public init(win: Win, celebrations: [Celebration]) {
            self.win = win
            self.celebrations = celebrations
        }
    }

    public var format: String
    public var schemaVersion: Int
    public var scope: Team.ID?
    public var teams: [Team]
    public var members: [Member]
    public var memberships: [Membership]
    public var studentGroups: [StudentGroup]
    public var themes: [Theme]
    public var goals: [Goal]
    public var learningQuestions: [LearningQuestion]
    public var attempts: [Attempt]
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
