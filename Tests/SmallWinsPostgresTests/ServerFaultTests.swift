import Foundation
import SmallWins
import SmallWinsDemo
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// A PostgreSQL server of the test's own, with fsync on, killed with SIGKILL (the postmaster and every backend)
/// while two writer processes record wins, then started again, five times: no acknowledged write is lost, no
/// round is stored in part, no call waits past the store's timeout, neither writer crashes, and both write again
/// once the server is back.
@Suite("PostgreSQL server killed mid-write", .serialized)
struct ServerFaultTests {
    static let cycles = Int(ProcessInfo.processInfo.environment["SMALLWINS_SERVER_KILLS"] ?? "") ?? 5

    @Test func killedAndRestartedServersLoseNoAcknowledgedWrite() async throws {
        try await TemporaryFolder.with { folder in
            let server = try KillableServer(in: folder.appendingPathComponent("data"))
            defer { server.stop() }
            // Short timeouts, so a call to a dead server gives up in seconds: 2 s to connect, 3 s per statement.
            let url = server.url + "&connect_timeout=2&statement_timeout=3"
            let callTimeout = Duration.seconds(2 + 3 + 5)
            // Preparing and checking use the default timeouts: a server just started on a busy machine may take
            // longer than 2 s to accept its first connection.
            let (team, member) = try await PostgresStore.withStore(try PostgresConfiguration(url: server.url)) { try await WriterFixture.prepare($0) }

            let writers = try (0..<2).map { index in
                try WriterProcess(url: url, folder: folder, run: "w\(index)", team: team, member: member)
            }
            var random = SeededGenerator(seed: 5)
            for _ in 1...Self.cycles {
                try await Task.sleep(for: .milliseconds(Int.random(in: 500...1500, using: &random)))
                try server.kill()
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...2000, using: &random)))
                try server.start()
            }
            // Both writers write again once the server is back.
            let acknowledgedBefore = writers.map { $0.acknowledged().count }
            try await Task.sleep(for: callTimeout + .seconds(3))
            let crashed = writers.filter { !$0.isRunning }.count
            for writer in writers { writer.kill() }
            let recovered = zip(writers, acknowledgedBefore).filter { $0.acknowledged().count > $1 }.count
            let failures = writers.flatMap { $0.failures() }
            let slowest = failures.map(\.milliseconds).max() ?? 0
            let acknowledged = Dictionary(uniqueKeysWithValues: writers.map { ($0.run, $0.acknowledged()) })
            let total = acknowledged.values.map(\.count).reduce(0, +)
            try await PostgresStore.withStore(try PostgresConfiguration(url: server.url)) { store in
                try await CrashSafetyTests.expectAcknowledgedAndWhole(store, acknowledged)
            }
            let kinds = Dictionary(grouping: failures, by: \.kind).mapValues(\.count).sorted { $0.key < $1.key }
                .map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            print("PostgreSQL killed \(Self.cycles) times (fsync on) under 2 writers: \(total) acknowledged writes, all stored whole; "
                  + "\(failures.count) failed calls (\(kinds)), the slowest after \(slowest) ms (timeout \(callTimeout)); "
                  + "\(crashed) crashed, \(recovered) of 2 wrote again after the last restart; messages: "
                  + Set(failures.map { $0.line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? "" }).sorted().joined(separator: " |"))
            #expect(crashed == 0, "no writer process crashed")
            #expect(recovered == 2, "both writers wrote again after the server came back")
            #expect(slowest <= Int(callTimeout.components.seconds + 3) * 1000, "no call waited past the timeout")
            #expect(failures.allSatisfy { $0.line.contains("storage error (unavailable)") || $0.line.contains("storage error (busy)") },
                    "every failure says the database was unavailable or busy: \(Set(failures.map(\.line)).prefix(5))")
            #expect(!failures.contains { $0.line.contains("PSQLError") || $0.line.contains("Generic description") })
        }
    }
}

/// `SmallWinsCrashWriter` writing to a PostgreSQL URL, with its acknowledgements and failures in files.
struct WriterProcess {
    let run: String
    private let process = Process()
    private let ackFile: URL
    private let errorFile: URL

    init(url: String, folder: URL, run: String, team: Team.ID, member: Member.ID) throws {
        self.run = run
        ackFile = folder.appendingPathComponent("ack-\(run).txt")
        errorFile = folder.appendingPathComponent("errors-\(run).txt")
        try #require(FileManager.default.createFile(atPath: errorFile.path, contents: nil))
        process.executableURL = CrashSafetyTests.writer
        process.arguments = [url, ackFile.path, team.description, member.description, run]
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    func kill() {
        if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Round to size of every acknowledged write.
    func acknowledged() -> [Int: Int] { CrashSafetyTests.acknowledged(in: ackFile) }

    /// Every failed call: "failed after <ms> ms: <error>" (PostgresNIO's log lines are left out).
    func failures() -> [(milliseconds: Int, kind: String, line: String)] {
        ((try? String(contentsOf: errorFile, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix("failed after") }.map { line in
            let words = line.split(separator: " ")
            let kind = line.range(of: "storage error (").map { String(line[$0.upperBound...].prefix { $0 != ")" }) } ?? String(line.prefix(60))
            return (words.count > 2 ? Int(words[2]) ?? -1 : -1, kind, String(line))
        }
    }
}

/// A PostgreSQL server in `data` on a free port, with fsync on, that the test can kill and start again.
struct KillableServer {
    let data: URL
    let port: Int
    private let bin: String

    var url: String { "postgres://postgres@127.0.0.1:\(port)/postgres?sslmode=disable" }

    init(in data: URL) throws {
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        guard let version = versions.sorted(by: { $0.compare($1, options: .numeric) == .orderedAscending }).last else {
            throw SmallWinsError.storage(StorageFailure(.unavailable, "no PostgreSQL server installed (Scripts/with-postgres.sh installs it)"))
        }
        bin = "/usr/lib/postgresql/\(version)/bin"
        self.data = data
        port = Int.random(in: 56_000...59_000)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        if getuid() == 0 { _ = try Tool.run("chown", ["postgres:postgres", data.path]) }
        _ = try asOwner("\(bin)/initdb", ["-D", data.path, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"])
        try start()
    }

    /// Starts the server (after a kill, through crash recovery) and waits until it accepts connections.
    func start() throws {
        let arguments = [
            "\(bin)/pg_ctl", "-D", data.path, "-l", data.appendingPathComponent("server.log").path, "-w", "-t", "60",
            "-o", "-c listen_addresses=127.0.0.1 -p \(port) -k \(data.path) -c fsync=on -c synchronous_commit=on", "start",
        ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // Every descriptor past standard error is closed first: Foundation learns that a child ended when the
        // last holder of one of them closes it, and the server would hold it for good.
        let closeAndRun = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done; exec "$@""#
        process.arguments = ["-c", closeAndRun, "bash"] + (getuid() == 0 ? ["runuser", "-u", "postgres", "--"] + arguments : arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SmallWinsError.storage(StorageFailure(.unavailable, "pg_ctl start exited \(process.terminationStatus); see \(data.path)/server.log"))
        }
    }

    /// Kills the postmaster and every process it started with SIGKILL, as a power cut would.
    func kill() throws {
        let pidText = try String(contentsOf: data.appendingPathComponent("postmaster.pid"), encoding: .utf8)
        guard let postmaster = pidText.split(separator: "\n").first.map(String.init) else { return }
        let children = (try? Tool.run("pgrep", ["-P", postmaster]))?.split(separator: "\n").map(String.init) ?? []
        _ = try? Tool.run("kill", ["-9", postmaster] + children)
        for _ in 0..<100 where (try? Tool.run("kill", ["-0", postmaster])) != nil { usleep(20_000) }
    }

    /// Stops the server for good.
    func stop() {
        _ = try? asOwner("\(bin)/pg_ctl", ["-D", data.path, "-m", "immediate", "-w", "stop"])
    }

    private func asOwner(_ tool: String, _ arguments: [String]) throws -> String {
        getuid() == 0 ? try Tool.run("runuser", ["-u", "postgres", "--", tool] + arguments) : try Tool.run(tool, arguments)
    }
}
