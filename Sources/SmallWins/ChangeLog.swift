import Foundation

/// A backend's log of committed changes, as a ``ChangeHub`` reads it.
///
/// Sequences must be final when a notice is first returned: a notice with a lower sequence may never
/// appear later (PostgreSQL, whose transactions commit in another order than they take sequence numbers,
/// therefore numbers a notice only once it is committed, above every number given before).
package protocol ChangeLog: Sendable {
    /// The sequence of the newest notice that can be read (0 when there is none).
    func latestSequence() async throws -> Int64
    /// Up to `limit` notices of the whole installation with a sequence above `sequence`, in sequence order.
    func notices(after sequence: Int64, limit: Int) async throws -> [StoreChange]
    /// Every team's parent, by the team's id (root teams have none), to scope notices.
    func teamParents() async throws -> [UUID: UUID]
    /// How long the hub waits for a poke before it reads the log anyway (writes of other processes).
    var pollInterval: Duration { get }
    /// Runs until cancelled, calling `poke` whenever the log may have grown; the default does nothing.
    func watch(poke: @escaping @Sendable () -> Void) async throws
}

extension ChangeLog {
    package func watch(poke: @escaping @Sendable () -> Void) async throws {}
}
