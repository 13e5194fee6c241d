import Foundation

/// Everything a front end reads and writes goes through a `WinStore`.
///
/// ## Scope
/// A store is either unscoped (the whole installation, for district IT and tools) or scoped to
/// one team and its subtree (``scoped(to:)``). A scoped store:
/// - reads teams, wins, celebrations and memberships only inside the subtree;
/// - reads members kept by a team of the subtree or holding a membership in it;
/// - reads student groups, themes, goals, learning questions and attempts kept by a team of the
///   subtree **or by a team above it**: these are inherited, so a grade team can use its
///   district's codebook and serve its school's goals. Sibling schools never see each other;
/// - writes only records that belong to a team of the subtree, and otherwise throws
///   ``SmallWinsError/outOfScope(field:id:)``.
///
/// ## Rules for implementers
/// - Validate every value (``Validatable/validate()``) and every reference before writing;
///   a reference to a record that does not exist or cannot be seen from the record's team
///   throws ``SmallWinsError/unknownReference(field:_:id:)`` naming the field.
/// - Every write is one transaction: on any error nothing is changed; ``transaction(_:)`` groups many.
/// - Deleting a record that others still refer to throws ``SmallWinsError/inUse(_:id:referencedBy:)``;
///   deleting a win also deletes its celebrations.
/// - `recordedAt` and celebration times come from the store's clock, truncated to milliseconds.
/// - Lists come back in a stable order: teams, members and codebooks by name then id; goals,
///   questions and attempts by title (or text) then id; celebrations oldest first; wins newest first.
/// - Run `SmallWinsStoreTesting`'s conformance suite: it states these rules as tests.
public protocol WinStore: Sendable {
    /// The team whose subtree this store sees, or `nil` for the whole installation.
    var scope: Team.ID? { get }

    /// The same store limited to `team` and its subtree. Throws ``SmallWinsError/notFound(_:id:)``
    /// when `team` is not visible from the current scope.
    func scoped(to team: Team.ID) async throws -> Self

    // MARK: Teams

    /// Creates a team; its parent must be visible, and a root team needs an unscoped store.
    func create(_ team: Team) async throws -> Team
    /// The team with this id.
    func team(_ id: Team.ID) async throws -> Team
    /// Every team in scope.
    func teams() async throws -> [Team]
    /// Replaces a team's name, kind and parent (never making it its own ancestor).
    func update(_ team: Team) async throws -> Team
    /// Deletes a team nothing refers to.
    func delete(_ id: Team.ID) async throws

    // MARK: Members and memberships

    /// Creates a member kept by a team in scope.
    func create(_ member: Member) async throws -> Member
    /// The member with this id.
    func member(_ id: Member.ID) async throws -> Member
    /// Every member in scope.
    func members() async throws -> [Member]
    /// The members in scope whose email is `email`, its ASCII letters compared without case: how a district's
    /// single sign-on finds the member a verified email names.
    func members(withEmail email: String) async throws -> [Member]
    /// Replaces a member's fields.
    func update(_ member: Member) async throws -> Member
    /// Deletes a member with no memberships, wins, celebrations or shout-outs.
    func delete(_ id: Member.ID) async throws

    /// Adds a member to a team; throws ``SmallWinsError/conflict(field:reason:)`` if already there.
    func create(_ membership: Membership) async throws -> Membership
    /// Memberships in scope, optionally only one member's or one team's.
    func memberships(member: Member.ID?, team: Team.ID?) async throws -> [Membership]
    /// Changes the role of an existing membership.
    func update(_ membership: Membership) async throws -> Membership
    /// Removes a member from a team.
    func deleteMembership(member: Member.ID, team: Team.ID) async throws

    // MARK: Codebooks

    /// Creates a student group.
    func create(_ group: StudentGroup) async throws -> StudentGroup
    /// The student group with this id.
    func studentGroup(_ id: StudentGroup.ID) async throws -> StudentGroup
    /// Every student group visible in scope (including inherited ones).
    func studentGroups() async throws -> [StudentGroup]
    /// Replaces a student group's fields.
    func update(_ group: StudentGroup) async throws -> StudentGroup
    /// Deletes a student group no goal or win uses.
    func delete(_ id: StudentGroup.ID) async throws

    /// Creates a theme.
    func create(_ theme: Theme) async throws -> Theme
    /// The theme with this id.
    func theme(_ id: Theme.ID) async throws -> Theme
    /// Every theme visible in scope (including inherited ones).
    func themes() async throws -> [Theme]
    /// Replaces a theme's fields.
    func update(_ theme: Theme) async throws -> Theme
    /// Deletes a theme no win uses.
    func delete(_ id: Theme.ID) async throws

    // MARK: Goals and the learning agenda

    /// Creates a goal; its focus groups must be visible from its team.
    func create(_ goal: Goal) async throws -> Goal
    /// The goal with this id.
    func goal(_ id: Goal.ID) async throws -> Goal
    /// Every goal visible in scope (including inherited ones).
    func goals() async throws -> [Goal]
    /// Replaces a goal's fields.
    func update(_ goal: Goal) async throws -> Goal
    /// Deletes a goal no win or learning question refers to.
    func delete(_ id: Goal.ID) async throws

    /// Creates a learning question.
    func create(_ question: LearningQuestion) async throws -> LearningQuestion
    /// The learning question with this id.
    func learningQuestion(_ id: LearningQuestion.ID) async throws -> LearningQuestion
    /// Every learning question visible in scope (including inherited ones).
    func learningQuestions() async throws -> [LearningQuestion]
    /// Replaces a learning question's fields.
    func update(_ question: LearningQuestion) async throws -> LearningQuestion
    /// Deletes a learning question with no attempts.
    func delete(_ id: LearningQuestion.ID) async throws

    /// Creates an attempt at a learning question.
    func create(_ attempt: Attempt) async throws -> Attempt
    /// The attempt with this id.
    func attempt(_ id: Attempt.ID) async throws -> Attempt
    /// Attempts visible in scope, optionally only one question's.
    func attempts(question: LearningQuestion.ID?) async throws -> [Attempt]
    /// Replaces an attempt's fields.
    func update(_ attempt: Attempt) async throws -> Attempt
    /// Deletes an attempt no win came from.
    func delete(_ id: Attempt.ID) async throws

    // MARK: Wins

    /// Records many wins in one transaction: all of them, or on any error none.
    func record(_ wins: [Win]) async throws -> [Win]
    /// Stores wins exactly as given, keeping their `recordedAt`, in one transaction: for copies and
    /// imports. Every rule of ``record(_:)-([Win])`` applies.
    func restore(_ wins: [Win]) async throws
    /// The win with this id.
    func win(_ id: Win.ID) async throws -> Win
    /// A page of wins matching `query`, newest first, starting after `cursor`.
    func wins(_ query: WinQuery, after cursor: WinCursor?, limit: Int) async throws -> WinPage
    /// Replaces a win's fields (its `recordedAt` stays).
    func update(_ win: Win) async throws -> Win
    /// Deletes a win and its celebrations.
    func delete(_ id: Win.ID) async throws

    // MARK: Celebrations

    /// Celebrates a win.
    func celebrate(_ celebration: Celebration) async throws -> Celebration
    /// Stores celebrations exactly as given, keeping their `at`, in one transaction: for copies and imports.
    func restore(_ celebrations: [Celebration]) async throws
    /// The celebration with this id.
    func celebration(_ id: Celebration.ID) async throws -> Celebration
    /// A win's celebrations, oldest first.
    func celebrations(of win: Win.ID) async throws -> [Celebration]
    /// The celebrations of many wins in one read (wins outside the scope are skipped): grouped by win in
    /// the order given, each win's oldest first. For exports and copies, a page of wins at a time.
    func celebrations(ofWins wins: [Win.ID]) async throws -> [Celebration]
    /// Changes a celebration's kind or message.
    func update(_ celebration: Celebration) async throws -> Celebration
    /// Deletes a celebration.
    func delete(_ id: Celebration.ID) async throws

    // MARK: Access tokens

    /// Stores a token of a member in scope with the SHA-256 hash of its secret; use
    /// ``issueToken(for:name:expiresAfterDays:)``, which makes both.
    func create(_ token: AccessToken, secretHash: String) async throws -> AccessToken
    /// The tokens of members in scope, optionally only one member's, oldest first.
    func accessTokens(member: Member.ID?) async throws -> [AccessToken]
    /// A token and the hash of its secret, to check a token presented (``member(signedInBy:at:)``).
    func accessToken(_ id: AccessToken.ID) async throws -> (token: AccessToken, secretHash: String)
    /// Revokes a token: it is deleted, and signs nobody in from then on.
    func delete(_ id: AccessToken.ID) async throws

    // MARK: The dashboard

    /// The dashboard for this scope: every count computed by the database (SQL backends run a
    /// `DashboardPlan` of `SmallWinsSQL`).
    func dashboard(_ query: DashboardQuery) async throws -> Dashboard

    // MARK: Transactions

    /// Runs `body` with a view of this store in which every read and write belongs to one transaction:
    /// committed when `body` returns, and rolled back when it throws, when its task is cancelled, or when the
    /// process dies first (a SIGKILL, a power cut, a lost connection). For bulk writes of any size that
    /// must land whole or not at all: imports, copies, a front end's multi-record form.
    ///
    /// Inside, each call on the given store keeps its own all-or-nothing rule (a refused write changes
    /// nothing and the transaction goes on), sees the transaction's earlier writes, and the scope of the store
    /// the transaction was opened on. Nobody else sees any of it until the commit; change notices of its
    /// writes are delivered after the commit. Calls on the given store run one at a time, and the store must
    /// not be used after `body` returns. A transaction holds the store's write lock (SQLite) or one pooled
    /// connection (PostgreSQL) until it ends, so other writers wait: keep it to work that must land together.
    /// Called on a store that is already inside a transaction, `body` joins that transaction.
    func transaction<T: Sendable>(_ body: @Sendable (Self) async throws -> T) async throws -> T

    // MARK: Live data

    /// Notices of every change visible in scope: with `after` set, every one whose sequence is above it (to resume
    /// a feed exactly after the last notice received, as SSE's `Last-Event-ID` does); with `nil`, every one committed
    /// after this call returns. Each notice comes once, in sequence order, from writes of any process; the
    /// sequence ends when the task iterating it is cancelled.
    func changes(after sequence: Int64?) async throws -> AsyncThrowingStream<StoreChange, any Error>
}

extension WinStore {
    /// Notices of every change visible in scope and committed after this call returns (``changes(after:)``
    /// with `nil`).
    public func changes() async throws -> AsyncThrowingStream<StoreChange, any Error> {
        try await changes(after: nil)
    }

    /// Records a win or lesson and returns it as stored (``record(_:)-([Win])`` with one win).
    public func record(_ win: Win) async throws -> Win {
        try await record([win])[0]
    }

    /// Every win matching `query`, newest first, fetched lazily a page at a time so memory stays
    /// constant however many wins there are.
    public func allWins(_ query: WinQuery = WinQuery(), pageSize: Int = 500) -> WinSequence {
        WinSequence(store: self, query: query, pageSize: pageSize)
    }
}
