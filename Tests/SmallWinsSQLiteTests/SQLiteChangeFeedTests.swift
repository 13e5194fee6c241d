import Foundation
import SmallWins
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// The change feed's promises on SQLite, attacked: commits out of order, another process writing the file,
/// and a thousand listeners.
@Suite("SQLite change feed", .serialized)
struct SQLiteChangeFeedTests {
    @Test func delayedCommitsLoseAndRepeatNothing() async throws {
        try await withTemporaryStore { store in
            let result = try await ChangeFeedCheck.outOfOrderCommits(on: store, writers: 8, rounds: 25)
            print("SQLite change feed, 8 writers with delayed commits: \(result)")
            #expect(result.held, "\(result)")
        }
    }

    @Test func writesOfAnotherProcessAreAllDelivered() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("shared.sqlite").path
            let store = try await SQLiteStore(path: path)
            let (team, member) = try await WriterFixture.prepare(store)
            let notices = try await store.changes()
            // Another process records wins (singly and ten at a time) for a while and is killed.
            let writer = Process()
            writer.executableURL = BuiltExecutable.url("SmallWinsCrashWriter")
            writer.arguments = [path, folder.appendingPathComponent("ack.txt").path, team.description, member.description, "1"]
            writer.standardError = FileHandle.nullDevice
            try writer.run()
            try await Task.sleep(for: .milliseconds(1500))
            kill(writer.processIdentifier, SIGKILL)
            writer.waitUntilExit()
            var stored: Set<UUID> = []
            for try await win in store.allWins() { stored.insert(win.id.uuid) }
            let reader = Task { [stored] in
                var delivered: [UUID] = []
                for try await notice in notices where notice.entity == .win {
                    delivered.append(notice.id)
                    if Set(delivered) == stored { break }
                }
                return delivered
            }
            let received = try await withThrowingTaskGroup(of: [UUID]?.self) { group in
                group.addTask { try await reader.value }
                group.addTask { try await Task.sleep(for: .seconds(10)); return nil }
                defer { group.cancelAll(); reader.cancel() }
                return try await group.next()! ?? []
            }
            print("SQLite change feed, another process: \(stored.count) wins committed by it, \(received.count) notices delivered, "
                  + "\(stored.subtracting(received).count) missed, \(received.count - Set(received).count) repeated")
            #expect(stored.count > 10)
            #expect(Set(received) == stored)
            #expect(received.count == stored.count)
        }
    }

    @Test func aThousandListenersDoNotSlowWriters() async throws {
        try await withTemporaryStore { store in
            let cost = try await ChangeFeedCheck.listenerCost(on: store, listeners: 1000)
            print("SQLite change feed: median write \(cost.none) with no listener, \(cost.many) with 1,000 listeners; "
                  + "\(cost.delivered) notices delivered to them")
            #expect(cost.delivered == 1000 * 40)
        }
    }
}
