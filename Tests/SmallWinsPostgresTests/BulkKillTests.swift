import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsDemo
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// `smallwins import` (a snapshot, and a CSV of wins with --create-missing) and `smallwins copy`, killed with
/// SIGKILL at random moments, on both backends: every destination afterwards holds either nothing or everything,
/// passes its integrity check, and takes the same import again. `SMALLWINS_BULK_KILLS` sets the kills per case
/// (30 by default). (Beside the PostgreSQL tests for their throwaway server; the SQLite half needs none.)
@Suite("Bulk writes under SIGKILL", .serialized)
struct BulkKillTests {
    static let kills = Int(ProcessInfo.processInfo.environment["SMALLWINS_BULK_KILLS"] ?? "") ?? 30

    /// The bulk writes a person runs.
    enum Operation: String, CaseIterable, Sendable, CustomStringConvertible {
        case snapshotImport = "snapshot import", csvImport = "CSV import with --create-missing", copy = "copy"

        var description: String { rawValue }

        /// The command line writing the demo district's data into `destination`.
        func arguments(demo: URL, destination: String) -> [String] {
            switch self {
            case .snapshotImport: ["import", demo.appendingPathComponent("snapshot.json").path, "--database", destination]
            case .csvImport: ["import", demo.appendingPathComponent("tables/wins.csv").path, "--create-missing", "--database", destination]
            case .copy: ["copy", "--from", demo.appendingPathComponent("demo.sqlite").path, "--to", destination]
            }
        }
    }

    /// What a destination holds.
    struct Held: Equatable, CustomStringConvertible {
        var teams = 0, members = 0, wins = 0, celebrations = 0, dashboardWins = 0
        var isEmpty: Bool { self == Held() }
        var description: String { "\(teams) teams, \(members) members, \(wins) wins (dashboard: \(dashboardWins)), \(celebrations) celebrations" }

        static func of(_ store: any WinStore) async throws -> Held {
            let contents = try await StoreContents.load(from: store)
            let board = try await store.dashboard(DashboardQuery(period: try Period(try Day(iso: "2000-01-01"), through: try Day(iso: "2099-12-31"))))
            return Held(teams: contents.teams.count, members: contents.members.count, wins: contents.wins.count,
                        celebrations: contents.celebrations.count, dashboardWins: board.totals.wins)
        }
    }

    @Test func sqlite() async throws {
        try await TemporaryFolder.with { folder in
            let demo = try await Self.demo(in: folder)
            for operation in Operation.allCases {
                let outcome = try await Self.attack(operation, demo: demo, backend: "SQLite") { index, body in
                    let path = folder.appendingPathComponent("\(operation.rawValue.prefix(3))-\(index).sqlite").path
                    return try await body(path) {
                        guard FileManager.default.fileExists(atPath: path) else { return Held() }
                        let store = try await SQLiteStore(path: path)
                        #expect(try await store.diagnostics().integrity == "ok", "destination \(index) passes SQLite's integrity check")
                        return try await Held.of(store)
                    }
                }
                #expect(outcome.partial == 0)
            }
        }
    }

    @Test func postgres() async throws {
        try await TemporaryFolder.with { folder in
            let demo = try await Self.demo(in: folder)
            for operation in Operation.allCases {
                let outcome = try await Self.attack(operation, demo: demo, backend: "PostgreSQL") { _, body in
                    try await PostgresTestServer.withFreshSchemaURL { url in
                        try await body(url) {
                            try await PostgresStore.withStore(try PostgresConfiguration(url: url)) { try await Held.of($0) }
                        }
                    }
                }
                #expect(outcome.partial == 0)
            }
        }
    }

    /// What a run does with its destination: the destination, and how to read what it holds.
    typealias Run = (String, () async throws -> Held) async throws -> Held

    /// Runs `operation` once uninterrupted (timing it), then `kills` times killed after a random part of that
    /// time; the first destination a kill left empty takes the same command again, to the end. `destination`
    /// gives each run a new destination and how to read it, and hands both to the run.
    static func attack(
        _ operation: Operation, demo: URL, backend: String, destination: (Int, Run) async throws -> Held
    ) async throws -> (empty: Int, complete: Int, partial: Int) {
        var started = ContinuousClock.now
        let complete = try await destination(-1) { path, held in
            started = .now
            #expect(try runCLI(operation.arguments(demo: demo, destination: path), killAfter: nil) == 0, "\(operation) runs to the end")
            return try await held()
        }
        let duration = started.duration(to: .now)
        #expect(complete.wins == keptWins, "the uninterrupted \(operation) wrote \(complete)")
        var random = SeededGenerator(seed: 14)
        var empty = 0, whole = 0, partial = 0, ranAgain = false
        for index in 0..<kills {
            let delay = duration * Double.random(in: 0.05...0.9, using: &random)
            let held = try await destination(index) { path, held in
                _ = try runCLI(operation.arguments(demo: demo, destination: path), killAfter: delay)
                let left = try await held()
                if left.isEmpty, !ranAgain {
                    ranAgain = true
                    #expect(try runCLI(operation.arguments(demo: demo, destination: path), killAfter: nil) == 0,
                            "\(operation) runs again where a kill left nothing")
                    #expect(try await held() == complete, "the second run wrote everything")
                }
                return left
            }
            if held.isEmpty { empty += 1 } else if held == complete { whole += 1 } else { partial += 1 }
            #expect(held.isEmpty || held == complete, "kill \(index) left \(held)")
        }
        #expect(ranAgain, "some kill left nothing, so the command could run again")
        print("\(backend) \(operation) killed \(kills) times at random within \(duration): \(empty) left nothing, "
              + "\(whole) everything (\(complete)), \(partial) part of it")
        return (empty, whole, partial)
    }

    /// Runs `smallwins` with `arguments`, killing it with SIGKILL after `killAfter`; returns its exit status
    /// (the signal's number when killed).
    static func runCLI(_ arguments: [String], killAfter: Duration?) throws -> Int32 {
        let process = Process()
        process.executableURL = BuiltExecutable.url("smallwins")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            let deadline = ContinuousClock.now + killAfter
            while process.isRunning, ContinuousClock.now < deadline { usleep(2_000) }
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Wins of the demo district kept: every kind of record, in a third of the time of the whole district.
    static let keptWins = 600

    /// A folder like the demo's (a SQLite file, `snapshot.json` and `tables/wins.csv`) holding the demo
    /// district's directory and its newest ``keptWins`` wins.
    static func demo(in folder: URL) async throws -> URL {
        let demo = folder.appendingPathComponent("demo"), cut = folder.appendingPathComponent("cut")
        #expect(try runCLI(["demo", "--out", demo.path], killAfter: nil) == 0)
        var snapshot = try SnapshotImporter().read(try Data(contentsOf: demo.appendingPathComponent("snapshot.json")))
        snapshot.wins = Array(snapshot.wins.prefix(keptWins))
        try FileManager.default.createDirectory(at: cut.appendingPathComponent("tables"), withIntermediateDirectories: true)
        let bytes = try await SnapshotExporter().data(snapshot.content)
        try bytes.write(to: cut.appendingPathComponent("snapshot.json"))
        try await CSVExporter(.wins).data(snapshot.content).write(to: cut.appendingPathComponent("tables/wins.csv"))
        try await SnapshotImporter().import(bytes, into: try await SQLiteStore(path: cut.appendingPathComponent("demo.sqlite").path))
        return cut
    }
}
