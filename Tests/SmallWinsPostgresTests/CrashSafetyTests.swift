import Foundation
import SmallWins
import SmallWinsDemo
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// A separate process records wins (single and in batches of ten) and is killed with SIGKILL at random
/// moments; afterwards the database passes its integrity check, every acknowledged write is there, and no
/// batch is half visible. `SMALLWINS_CRASH_KILLS` repeats more on demand. (Beside the PostgreSQL tests for
/// their throwaway server; the SQLite half needs none.)
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    static let kills = Int(ProcessInfo.processInfo.environment["SMALLWINS_CRASH_KILLS"] ?? "") ?? 12

    @Test func sqliteSurvivesRandomKills() async throws {
        try await TemporaryFolder.with { folder in
            let path = folder.appendingPathComponent("crash.sqlite").path
            let store = try await SQLiteStore(path: path)
            let (team, member) = try await WriterFixture.prepare(store)
            let acknowledged = try await Self.killRepeatedly(database: path, folder: folder, team: team, member: member)
            let reopened = try await SQLiteStore(path: path)
            try #require(try await reopened.diagnostics().integrity == "ok")
            try await Self.expectAcknowledgedAndWhole(reopened, acknowledged)
        }
    }

    @Test func postgresSurvivesRandomKills() async throws {
        try await PostgresTestServer.withFreshSchemaURL { url in
            try await PostgresStore.withStore(try PostgresConfiguration(url: url)) { store in
                let (team, member) = try await WriterFixture.prepare(store)
                try await TemporaryFolder.with { folder in
                    let acknowledged = try await Self.killRepeatedly(database: url, folder: folder, team: team, member: member)
                    try await Self.expectAcknowledgedAndWhole(store, acknowledged)
                }
            }
        }
    }

    /// Runs the writer `kills` times, killing it after a random 0.3-1.5 s; returns, per run, the rounds it
    /// acknowledged and their sizes.
    static func killRepeatedly(database: String, folder: URL, team: Team.ID, member: Member.ID) async throws -> [String: [Int: Int]] {
        var random = SeededGenerator(seed: 31)
        var acknowledged: [String: [Int: Int]] = [:]
        for run in 0..<kills {
            let ack = folder.appendingPathComponent("ack-\(run).txt")
            let process = Process()
            process.executableURL = writer
            process.arguments = [database, ack.path, team.description, member.description, String(run)]
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: .milliseconds(Int.random(in: 300...1500, using: &random)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal, "run \(run) was killed, not finished")
            let rounds = Self.acknowledged(in: ack)
            if !rounds.isEmpty { acknowledged[String(run)] = rounds }
        }
        let total = acknowledged.values.map(\.count).reduce(0, +)
        let batches = acknowledged.values.map { $0.values.filter { $0 > 1 }.count }.reduce(0, +)
        print("crash safety on \(database.hasPrefix("postgres") ? "PostgreSQL" : "SQLite"): \(kills) kills, \(total) acknowledged writes (\(batches) batches of ten)")
        #expect(total > kills, "the writer acknowledged \(total) writes over \(kills) kills")
        return acknowledged
    }

    /// Every acknowledged round is stored whole; no round, acknowledged or not, is stored in part.
    static func expectAcknowledgedAndWhole(_ store: any WinStore, _ acknowledged: [String: [Int: Int]]) async throws {
        var stored: [String: [Int: Int]] = [:]
        for try await win in store.allWins(pageSize: 1000) {
            let words = win.title.split(separator: " ")          // run R round N #i
            stored[String(words[1]), default: [:]][Int(words[3])!, default: 0] += 1
        }
        for (run, rounds) in acknowledged {
            for (round, count) in rounds {
                #expect(stored[run]?[round] == count, "run \(run) round \(round): acknowledged \(count), stored \(stored[run]?[round] ?? 0)")
            }
        }
        for (run, rounds) in stored {
            for (round, count) in rounds {
                #expect(count == (round % 3 == 0 ? 10 : 1), "run \(run) round \(round) is stored whole, not \(count) of it")
            }
        }
    }

    /// Round to size of every write the writer acknowledged in `file` ("<round> <count>" lines).
    static func acknowledged(in file: URL) -> [Int: Int] {
        var rounds: [Int: Int] = [:]
        for line in ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n") {
            let parts = line.split(separator: " ").compactMap { Int($0) }
            if parts.count == 2 { rounds[parts[0]] = parts[1] }
        }
        return rounds
    }

    /// The writer executable, built next to the tests.
    static var writer: URL { BuiltExecutable.url("SmallWinsCrashWriter") }
}
