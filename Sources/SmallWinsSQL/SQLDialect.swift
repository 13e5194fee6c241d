import Foundation
import SmallWins

/// What differs between SQL engines, in one place: syntax only. Everything else a store does in SQL is written
/// once, in ``SQLEngine`` and the dashboard's plan.
public protocol SQLDialect: Sendable {
    /// A table's name as written in SQL, with any schema prefix.
    func table(_ name: String) -> String
    /// The marker for the `index`th (1-based) bound value, with any cast its type needs.
    func parameter(_ index: Int, _ value: SQLValue) -> String
    /// An expression for the first day of `bucket` holding `dayColumn`, of the type days are stored in.
    func bucketStart(_ bucket: DashboardQuery.Bucket, _ dayColumn: String) -> String
    /// The join keyword that makes the engine read the left table first (`CROSS JOIN` in SQLite).
    var joinInOrder: String { get }
    /// A column of lines (bound as ``SQLValue/lines(_:)``) as JSON text: an array of strings.
    func linesText(_ column: String) -> String
    /// The ids a subquery returns (one column named `item`, in order) as one text, separated by commas.
    func joinedIDs(_ subquery: SQLText) -> SQLText
    /// `column` in byte order, for `ORDER BY`, so every engine lists names in the same order.
    func binaryOrder(_ column: String) -> String
    /// The operator comparing two values that may be null as equal when both are null.
    var isSame: String { get }
    /// Statements that leave an empty temporary table `dashboard_selected` (id, team_id, author_id, kind,
    /// day, goal_id, attempt_id, keyed by id) for this transaction's dashboard.
    func createSelectedTable() -> [String]
    /// Statements to run once `dashboard_selected` is filled (indexes, statistics).
    func finishSelectedTable() -> [String]
    /// A condition on the win aliased `w` that holds when its title or story contains every term (``SearchText``
    /// words) as a word or the start of one.
    func textMatch(_ terms: [String]) -> SQLText
    /// The column holding a win's folded words for ``textMatch(_:)``, written with the win; `nil` when the engine
    /// keeps its own index of them (SQLite's full-text table, filled by triggers).
    var winSearchColumn: String? { get }
    /// Whether `CROSS JOIN LATERAL (subquery)` is understood.
    var supportsLateralJoins: Bool { get }
    /// Whether the engine computes a query's select list for every candidate row before it sorts and limits
    /// them (SQLite does): a page of wins then picks its rows first and reads their links after.
    var computesSelectListBeforeSorting: Bool { get }
    /// A statement that tells listeners of other connections a change was logged (for example `NOTIFY`), run in
    /// the writing transaction; `nil` when listeners find changes by reading the log.
    var changeAnnouncement: String? { get }
    /// The clause that makes a read in a writing transaction lock rows it returns until the commit: those of the
    /// tables aliased `updating` for update (`FOR UPDATE OF w`), so a check made after it sees every concurrent
    /// write to them, and those aliased `keeping` only against a lock for update (`FOR KEY SHARE OF t`: a team
    /// moving waits, other writers do not). Empty where a writing transaction already holds the whole
    /// database's write lock (SQLite).
    func lockingRead(updating: [String], keeping: [String]) -> String
    /// Whether the engine plans every statement anew (PostgresNIO sends unnamed statements), so a statement whose
    /// text varies with its rows costs no more than a fixed one; `false` where each connection keeps its statements
    /// prepared by text (SQLite), so fixed texts are cheaper.
    var plansEveryStatement: Bool { get }
    /// In how many slices the district's own rows of the aggregates every school shares keep each count (``SQLEngine``
    /// sums them at read): concurrent writers whose wins are in teams of different slices update different rows of
    /// the district's counts for the same day. 1 where one writer writes at a time anyway (SQLite).
    var aggregateSlices: Int { get }
    /// The slice of the team whose id is in `column`, as an SQL expression: the id's last byte modulo
    /// ``aggregateSlices`` (``SQLEngine/slice(scope:team:district:)`` is the whole rule).
    func teamSlice(_ column: String) -> String
}
