import Foundation
import SmallWins

/// Many writers and readers at once, for a bounded time: what a busy school morning looks like.
public enum LoadCheck {
    /// What a run did.
    public struct Result: Sendable {
        /// Wins recorded, and acknowledged, by all writers together.
        public var writes: Int
        /// Wall time of the run.
        public var seconds: Double
        /// Acknowledged writes per second.
        public var writesPerSecond: Double { Double(writes) / seconds }
    }

    /// Runs `writers` tasks recording wins (singly and in batches of 5; each at least five rounds) and
    /// `readers` tasks paging and counting wins for `duration`, in a fresh fixture district, then checks every acknowledged win is
    /// stored exactly once and the counts agree. Any error a caller would see (a lock timeout included)
    /// fails the run.
    public static func run(on store: any WinStore, writers: Int = 8, readers: Int = 4, duration: Duration = .seconds(3)) async throws -> Result {
        let f = try await Fixture.make(in: store)
        let started = ContinuousClock.now
        let deadline = started + duration
        let acknowledged = try await withThrowingTaskGroup(of: [Win.ID].self) { group in
            for writer in 0..<writers {
                group.addTask {
                    var mine: [Win.ID] = []
                    var round = 0
                    // For the whole duration, and at least five rounds (13 wins) however slow the machine.
                    while ContinuousClock.now < deadline || round < 5 {
                        let batch = (0..<(round % 3 == 0 ? 5 : 1)).map { index in
                            f.success("Writer \(writer) round \(round).\(index)", on: "2026-10-\(10 + (round + index) % 18)")
                        }
                        mine += try await store.record(batch).map(\.id)
                        round += 1
                    }
                    return mine
                }
            }
            for _ in 0..<readers {
                group.addTask {
                    while ContinuousClock.now < deadline {
                        _ = try await store.wins(WinQuery(kinds: [.success]), after: nil, limit: 50)
                        _ = try await store.dashboard(DashboardQuery(period: try Period.month(containing: Day(iso: "2026-10-01"))))
                    }
                    return []
                }
            }
            var all: [Win.ID] = []
            for try await ids in group { all += ids }
            return all
        }
        let elapsed = started.duration(to: .now).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        var stored: [Win.ID] = []
        for try await win in store.allWins(pageSize: 1000) { stored.append(win.id) }
        try checkEqual(stored.count, Set(stored).count, "no win is stored twice")
        try checkEqual(Set(stored), Set(acknowledged), "every acknowledged win is stored, and nothing else")
        let counted = try await store.dashboard(DashboardQuery(period: try Period.month(containing: Day(iso: "2026-10-01")))).totals.wins
        try checkEqual(counted, acknowledged.count, "the dashboard counts them all")
        return Result(writes: acknowledged.count, seconds: seconds)
    }
}
