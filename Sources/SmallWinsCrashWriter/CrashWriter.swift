import Foundation
import SmallWins
import SmallWinsPostgres
import SmallWinsSQLite

/// Records wins in a loop until it is killed, for the crash-safety tests: every third round is a batch of
/// ten wins (all or nothing), the others single wins. After each write returns, it appends
/// "<round> <count>" to the acknowledgement file and syncs it to disk, so the test knows exactly which
/// writes were acknowledged before the kill. A write that fails (the database went away) is reported on
/// standard error as "failed after <ms> ms: <error>", and the writer goes on with the next round.
///
///     SmallWinsCrashWriter DATABASE ACK-FILE TEAM-ID MEMBER-ID RUN
@main
enum CrashWriter {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 6, let team = Team.ID(arguments[3]), let author = Member.ID(arguments[4]) else {
            FileHandle.standardError.write(Data("usage: SmallWinsCrashWriter DATABASE ACK-FILE TEAM-ID MEMBER-ID RUN\n".utf8))
            exit(2)
        }
        guard FileManager.default.createFile(atPath: arguments[2], contents: nil) else {
            FileHandle.standardError.write(Data("cannot create \(arguments[2])\n".utf8))
            exit(2)
        }
        let acknowledgements = try FileHandle(forWritingTo: URL(fileURLWithPath: arguments[2]))
        let run = arguments[5]
        if arguments[1].hasPrefix("postgres://") {
            try await PostgresStore.withStore(try PostgresConfiguration(url: arguments[1])) { store in
                try await write(to: store, team: team, author: author, run: run, acknowledgements: acknowledgements)
            }
        } else {
            try await write(to: try await SQLiteStore(path: arguments[1]), team: team, author: author, run: run, acknowledgements: acknowledgements)
        }
    }

    static func write(to store: any WinStore, team: Team.ID, author: Member.ID, run: String, acknowledgements: FileHandle) async throws {
        var round = 0
        while true {
            let count = round % 3 == 0 ? 10 : 1
            let wins = try (0..<count).map { index in
                Win(team: team, author: author, kind: .success, title: "run \(run) round \(round) #\(index)",
                    story: "Recorded by the crash writer, to be killed at a random moment.", day: try Day(2026, 11, 2))
            }
            let started = ContinuousClock.now
            do {
                _ = try await store.record(wins)
                try acknowledgements.write(contentsOf: Data("\(round) \(count)\n".utf8))
                try acknowledgements.synchronize()
            } catch let error as SmallWinsError {
                let elapsed = started.duration(to: .now).components
                let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
                FileHandle.standardError.write(Data("failed after \(milliseconds) ms: \(error)\n".utf8))
                try await Task.sleep(for: .milliseconds(100))
            }
            round += 1
        }
    }
}
