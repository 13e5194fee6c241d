import Foundation
import SmallWins
import SmallWinsDemo

/// Attacks on the change feed's promises (every committed change delivered once, in order, to every listener,
/// whatever the order of commits and however many listeners), for a backend's tests to run and print.
public enum ChangeFeedCheck {
    /// What the out-of-order run saw.
    public struct Delivery: Sendable, CustomStringConvertible {
        /// Wins whose transaction committed, and how many of them the scoped listener may see.
        public var committed = 0, committedInScope = 0
        /// Transactions rolled back on purpose (their wins must never be announced).
        public var rolledBack = 0
        /// Notices of committed wins never delivered, delivered more than once, of rolled-back wins, or out of sequence order.
        public var lost = 0, repeated = 0, phantom = 0, outOfOrder = 0
        /// The same for the listener scoped to one school (which must not see the other school's wins).
        public var lostInScope = 0, repeatedInScope = 0, leakedToScope = 0
        /// Notices delivered when the feed is resumed after its first notice (`changes(after:)`), and how many are missing.
        public var resumed = 0, lostOnResume = 0

        public var description: String {
            "\(committed) committed wins (\(committedInScope) in the scoped school), \(rolledBack) rolled back: "
                + "lost \(lost), repeated \(repeated), phantom \(phantom), out of order \(outOfOrder); "
                + "scoped: lost \(lostInScope), repeated \(repeatedInScope), leaked \(leakedToScope); "
                + "resumed after the first notice: \(resumed) delivered, \(lostOnResume) lost"
        }

        /// Whether every promise held.
        public var held: Bool {
            lost + repeated + phantom + outOfOrder + lostInScope + repeatedInScope + leakedToScope + lostOnResume == 0
        }
    }

    /// `writers` tasks each run `rounds` transactions that record a win in one of two schools and then wait a
    /// random 0-50 ms before committing, so transactions commit in another order than they began; every fifth is
    /// rolled back instead. An unscoped listener, a listener scoped to one school, and a feed resumed after the
    /// first notice must each get exactly the committed wins they may see, once each, in sequence order.
    public static func outOfOrderCommits(on store: any WinStore, writers: Int = 8, rounds: Int = 50) async throws -> Delivery {
        let f = try await Fixture.make(in: store)
        let south = try await store.scoped(to: f.south.id)
        let all = try await store.changes()
        let scoped = try await south.changes()
        let committed = try await withThrowingTaskGroup(of: [(Win.ID, Bool)].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var mine: [(Win.ID, Bool)] = []
                    var random = SeededGenerator(seed: UInt64(writer) + 7)
                    for round in 0..<rounds {
                        let inSouth = (writer + round) % 2 == 0
                        let win = inSouth
                            ? Win(team: f.southGrade3.id, author: f.cy.id, kind: .success, title: "Writer \(writer) round \(round)",
                                  story: "Committed after a random pause.", day: day("2026-10-07"))
                            : f.success("Writer \(writer) round \(round)")
                        let pause = Int.random(in: 0...50, using: &random)
                        let keep = round % 5 != 4
                        do {
                            try await store.transaction { tx in
                                _ = try await tx.record(win)
                                try await Task.sleep(for: .milliseconds(pause))
                                if !keep { throw Abandoned() }
                            }
                            mine.append((win.id, inSouth))
                        } catch is Abandoned {}
                    }
                    return mine
                }
            }
            var all: [(Win.ID, Bool)] = []
            for try await wins in group { all += wins }
            return all
        }
        let expected = Set(committed.map(\.0.uuid))
        let expectedInScope = Set(committed.filter(\.1).map(\.0.uuid))
        let received = try await collect(from: all, until: expected)
        let receivedInScope = try await collect(from: scoped, until: expectedInScope)
        var result = Delivery()
        result.committed = expected.count
        result.committedInScope = expectedInScope.count
        result.rolledBack = writers * rounds - expected.count
        let wins = received.filter { $0.entity == .win }
        result.lost = expected.subtracting(wins.map(\.id)).count
        result.repeated = wins.count - Set(wins.map(\.id)).count
        result.phantom = Set(wins.map(\.id)).subtracting(expected).count
        result.outOfOrder = zip(received, received.dropFirst()).filter { $0.sequence >= $1.sequence }.count
        let scopedWins = receivedInScope.filter { $0.entity == .win }
        result.lostInScope = expectedInScope.subtracting(scopedWins.map(\.id)).count
        result.repeatedInScope = scopedWins.count - Set(scopedWins.map(\.id)).count
        result.leakedToScope = Set(scopedWins.map(\.id)).subtracting(expectedInScope).count
        if let first = wins.first {
            let resumed = try await collect(from: try await store.changes(after: first.sequence),
                                            until: expected.subtracting([first.id])).filter { $0.entity == .win }
            result.resumed = resumed.count
            result.lostOnResume = expected.subtracting([first.id]).subtracting(resumed.map(\.id)).count
            result.repeated += resumed.count - Set(resumed.map(\.id)).count
        }
        return result
    }

    /// The median time to record one win with no listener and with `listeners` listeners on the store (each
    /// reading its notices), over `writes` writes each.
    public static func listenerCost(on store: any WinStore, listeners: Int = 1000, writes: Int = 40) async throws -> (none: Duration, many: Duration, delivered: Int) {
        let f = try await Fixture.make(in: store)
        func medianWrite(_ label: String) async throws -> Duration {
            var times: [Duration] = []
            for index in 0..<writes {
                let started = ContinuousClock.now
                _ = try await store.record(f.success("\(label) \(index)"))
                times.append(started.duration(to: .now))
            }
            return times.sorted()[times.count / 2]
        }
        let none = try await medianWrite("Alone")
        let streams = try await withThrowingTaskGroup(of: AsyncThrowingStream<StoreChange, any Error>.self) { group in
            for index in 0..<listeners {
                group.addTask { try await (index % 2 == 0 ? store : store.scoped(to: f.north.id)).changes() }
            }
            var streams: [AsyncThrowingStream<StoreChange, any Error>] = []
            for try await stream in group { streams.append(stream) }
            return streams
        }
        let readers = Task {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for stream in streams {
                    group.addTask {
                        var count = 0
                        for try await _ in stream {
                            count += 1
                            if count == writes { break }
                        }
                        return count
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        let many = try await medianWrite("Listened")
        let delivered = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask { try await readers.value }
            group.addTask { try await Task.sleep(for: .seconds(60)); return nil }
            defer { group.cancelAll(); readers.cancel() }
            return try await group.next()! ?? -1
        }
        return (none, many, delivered)
    }

    /// Notices from `stream` until every id of `expected` has come (or 30 s pass), and then 300 ms more, to
    /// catch repeats and notices that should not come at all.
    static func collect(from stream: AsyncThrowingStream<StoreChange, any Error>, until expected: Set<UUID>) async throws -> [StoreChange] {
        let box = NoticeBox()
        let reader = Task { for try await notice in stream { box.append(notice) } }
        defer { reader.cancel() }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline, !box.holds(expected) { try await Task.sleep(for: .milliseconds(20)) }
        try await Task.sleep(for: .milliseconds(300))
        return box.notices
    }
}

/// Notices collected by a reading task while another task checks them.
private final class NoticeBox: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var collected: [StoreChange] = []
    private var ids: Set<UUID> = []

    func append(_ notice: StoreChange) {
        lock.withLock {
            collected.append(notice)
            ids.insert(notice.id)
        }
    }

    func holds(_ expected: Set<UUID>) -> Bool { lock.withLock { expected.isSubset(of: ids) } }

    var notices: [StoreChange] { lock.withLock { collected } }
}
