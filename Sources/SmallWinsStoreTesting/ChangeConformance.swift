import Foundation
import SmallWins

extension StoreConformance {
    /// Collects the first `count` notices of `store.changes(after: sequence)` while `act` runs, or fails after 10 s.
    static func notices(
        _ count: Int, from store: any WinStore, after sequence: Int64? = nil, while act: @escaping @Sendable () async throws -> Void
    ) async throws -> [StoreChange] {
        let stream = try await store.changes(after: sequence)
        return try await withThrowingTaskGroup(of: [StoreChange]?.self) { group in
            group.addTask {
                var received: [StoreChange] = []
                for try await notice in stream {
                    received.append(notice)
                    if received.count == count { break }
                }
                return received
            }
            group.addTask {
                try await act()
                try await Task.sleep(nanoseconds: 10_000_000_000)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let received = first else {
                throw ConformanceFailure(message: "no \(count) change notices within 10 s", filePath: #filePath, line: #line)
            }
            return received
        }
    }

    static let changeCases: [ConformanceCase] = [
        ConformanceCase("change notices report recorded and celebrated wins in order") { store in
            let f = try await Fixture.make(in: store)
            let win = f.success()
            let cheer = Celebration(win: win.id, by: f.ben.id, kind: .confetti)
            let received = try await notices(3, from: store) {
                _ = try await store.record(win)
                _ = try await store.celebrate(cheer)
                try await store.delete(win.id)
            }
            try checkEqual(received.map(\.entity), [.win, .celebration, .win], "entities")
            try checkEqual(received.map(\.action), [.created, .created, .deleted], "actions")
            try checkEqual(received.map(\.id), [win.id.uuid, cheer.id.uuid, win.id.uuid], "ids")
            try checkEqual(Set(received.map(\.team)), [f.northGrade3.id], "team")
            try check(zip(received, received.dropFirst()).allSatisfy { $0.sequence < $1.sequence }, "increasing sequence")
        },
        ConformanceCase("a scope's change notices leave out its siblings") { store in
            let f = try await Fixture.make(in: store)
            let south = try await store.scoped(to: f.south.id)
            let northWin = f.success("North news")
            let southWin = Win(team: f.southGrade3.id, author: f.cy.id, kind: .success, title: "South news",
                               story: "A newcomer read aloud.", day: day("2026-10-07"))
            let received = try await notices(2, from: south) {
                _ = try await store.record(northWin)
                _ = try await store.create(Theme(name: "North only", in: f.north.id))
                _ = try await store.record(southWin)
                _ = try await store.create(Theme(name: "District wide", in: f.district.id))
            }
            try checkEqual(received.map(\.entity), [.win, .theme], "entities")
            try checkEqual(received.first?.id, southWin.id.uuid, "only the south win")
            try checkEqual(received.last?.team, f.district.id, "inherited codebook changes are seen")
        },
        ConformanceCase("changes(after:) resumes right after a given notice, and refuses a negative sequence") { store in
            let f = try await Fixture.make(in: store)
            let wins = [f.success("First"), f.success("Second"), f.success("Third")]
            let received = try await notices(3, from: store) {
                for win in wins { _ = try await store.record(win) }
            }
            let resumed = try await notices(2, from: store, after: received[0].sequence) {}
            try checkEqual(resumed, Array(received.dropFirst()), "the notices after the first, as first delivered")
            let north = try await store.scoped(to: f.north.id)
            let scoped = try await notices(2, from: north, after: received[0].sequence) {}
            try checkEqual(scoped.map(\.id), wins.dropFirst().map(\.id.uuid), "a scope resumes the same way")
            try await checkInvalid("after") { try await store.changes(after: -1) }
        },
    ]
}
