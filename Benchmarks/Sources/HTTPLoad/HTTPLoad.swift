import DistrictFixture
import Foundation
import SmallWins
import SmallWinsSQLite
import SmallWinsServer

/// The HTTP API under load, against a copy of the benchmarks' SQLite district (`SMALLWINS_BENCH_WINS`, 100,000 wins
/// here by default): for a page of 50 wins, recording a win and a school's dashboard, wrk at 16 connections for
/// 10 s, and then the same call made directly through the library (a `MemberSession` per call, as the server
/// opens one per request) by 16 tasks for 10 s, in the same process; then `sse-clients.py` times recording a win
/// with 0 and with 1,000 clients on `/v1/changes`, and how long until every client has heard it.
@main
struct HTTPLoad {
    static let connections = 16
    /// How long each measurement runs: `SMALLWINS_HTTP_SECONDS`, 10 by default.
    static let seconds = Int(ProcessInfo.processInfo.environment["SMALLWINS_HTTP_SECONDS"] ?? "") ?? 10

    static func main() async throws {
        setenv("SMALLWINS_BENCH_WINS", ProcessInfo.processInfo.environment["SMALLWINS_BENCH_WINS"] ?? "100000", 1)
        _ = try await Fixture.sqlite()  // built once per size, then reused
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("http-load-\(UUID()).sqlite").path
        try FileManager.default.copyItem(atPath: Fixture.sqlitePath, toPath: copy)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
        let store = try await SQLiteStore(path: copy)

        let teams = try await store.teams()
        let team = teams.first { $0.name == DistrictGenerator.teamName }!, school = teams.first { $0.name == DistrictGenerator.schoolName }!
        let member = try await store.memberships(member: nil, team: team.id)[0].member
        _ = try await store.create(Membership(member: member, team: school.id, role: .lead))  // so they read the school's dashboard
        let token = try await store.issueToken(for: member, name: "http-load", expiresAfterDays: 1).text

        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task { try await SmallWinsServer(store: store, configuration: .init(port: 0)).run { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        let base = "http://127.0.0.1:\(await iterator.next()!)"
        print("HTTP API against \(Fixture.wins) wins (SQLite, a copy of \(Fixture.sqlitePath)); \(connections) connections, \(seconds) s each\n")
        print("| call | through | requests/s | p50 | p99 |")
        print("|---|---|---:|---:|---:|")

        let draft = #"{"team":"\#(team.id)","kind":"success","title":"Pairs reread","story":"Every pair reread the passage.","day":"2026-03-02"}"#
        let year = try Period(Day(2025, 8, 1), through: Day(2026, 7, 31))
        let scenarios: [(name: String, path: String, body: String?, direct: @Sendable (MemberSession) async throws -> Void)] = [
            ("GET /v1/wins (a page of 50)", "/v1/wins?team=\(team.id)&limit=50", nil,
             { _ = try await $0.winItems(WinQuery(teams: [team.id]), after: nil, limit: 50) }),
            ("POST /v1/wins", "/v1/wins", draft,
             { _ = try await $0.record(WinDraft(team: team.id, kind: .success, title: "Pairs reread", story: "Every pair reread the passage.",
                                                day: try Day(2026, 3, 2))) }),
            ("GET /v1/dashboard (a school, a school year)", "/v1/dashboard?team=\(school.id)&from=2025-08-01&to=2026-07-31", nil,
             { _ = try await $0.dashboard(DashboardQuery(period: year, asOf: try Day(2026, 7, 31)), team: school.id) }),
        ]
        for scenario in scenarios {
            let http = try wrk(base + scenario.path, token: token, body: scenario.body)
            let direct = try await library(member: member, store: store, scenario.direct)
            print("| \(scenario.name) | HTTP (wrk) | \(http.rate) | \(http.p50) | \(http.p99) |")
            print("| | library | \(direct.rate) | \(direct.p50) | \(direct.p99) |")
        }

        print("")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sse-clients.py").path
        for clients in [0, 1_000] {
            try run(["python3", script, base, token, team.id.description, String(clients)])
        }
        server.cancel()
    }

    /// Requests per second and latency percentiles, as printed.
    struct Figures {
        var rate: String
        var p50: String
        var p99: String
    }

    /// wrk's figures for `url` (a POST of `body` when given).
    static func wrk(_ url: String, token: String, body: String?) throws -> Figures {
        var arguments = ["wrk", "-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "-H", "Authorization: Bearer \(token)"]
        var scriptPath: String?
        if let body {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("post-\(UUID()).lua").path
            let escaped = body.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            try "wrk.method = 'POST'\nwrk.body = '\(escaped)'\nwrk.headers['Content-Type'] = 'application/json'\n".write(toFile: path, atomically: true, encoding: .utf8)
            arguments += ["-s", path]
            scriptPath = path
        }
        defer { scriptPath.map { try? FileManager.default.removeItem(atPath: $0) } }
        let output = try run(arguments + [url], quiet: true)
        func field(_ pattern: String) -> String {
            guard let range = output.range(of: pattern, options: .regularExpression) else { return "?" }
            return String(output[range]).split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) ?? "?"
        }
        if output.contains("Non-2xx") { throw Failure("wrk saw errors for \(url):\n\(output)") }
        let rate = Double(field(#"Requests/sec:\s+[0-9.]+"#)).map { String(format: "%.0f", $0) } ?? "?"
        return Figures(rate: rate, p50: field(#"50%\s+[0-9.]+[a-z]+"#), p99: field(#"99%\s+[0-9.]+[a-z]+"#))
    }

    /// The same call made directly: `connections` tasks, each opening a session and calling, for `seconds`.
    static func library(member: Member.ID, store: any WinStore, _ call: @escaping @Sendable (MemberSession) async throws -> Void) async throws -> Figures {
        let clock = ContinuousClock(), end = clock.now + .seconds(seconds)
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for _ in 0..<connections {
                group.addTask {
                    var mine: [Duration] = []
                    while clock.now < end {
                        let started = clock.now
                        try await call(try await MemberSession(member: member, store: store))
                        mine.append(clock.now - started)
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }.sorted()
        }
        func milliseconds(_ duration: Duration) -> String {
            let ms = Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
            return String(format: "%.2fms", ms)
        }
        return Figures(rate: String(format: "%.0f", Double(latencies.count) / Double(seconds)),
                       p50: milliseconds(latencies[latencies.count / 2]), p99: milliseconds(latencies[latencies.count * 99 / 100]))
    }

    /// Runs a command; its output, printed unless `quiet`.
    @discardableResult
    static func run(_ arguments: [String], quiet: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Failure("\(arguments[0]) failed:\n\(output)") }
        if !quiet { print(output, terminator: "") }
        return output
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
