import Foundation
import SmallWins
import SmallWinsPostgres
import SmallWinsSQLite

// district-scale [--wins N] [--sqlite PATH] [--postgres URL]
// Builds a district of N wins on SQLite (and on PostgreSQL when a URL is given), then times school-year
// dashboards for the district, a school and a team: the median of five warm runs.

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let generator = DistrictGenerator(wins: Int(option("--wins") ?? "") ?? 100_000)

func measure(_ label: String, _ store: any WinStore, reuse: Bool = false) async throws {
    let clock = ContinuousClock()
    let started = clock.now
    let district: Team, school: Team, team: Team
    if reuse {
        let teams = try await store.teams()
        district = teams.first { $0.kind == .district }!
        school = teams.first { $0.name == "School 0" }!
        team = teams.first { $0.name == "Team 0.0" }!
    } else {
        (district, school, team) = try await generator.fill(store) { done in
            if done % 10_000 == 0 { FileHandle.standardError.write(Data("\r\(label): \(done) wins".utf8)) }
        }
        FileHandle.standardError.write(Data("\n".utf8))
        print("\(label): built \(generator.wins) wins in \(clock.now - started)")
    }
    let year = try Period.schoolYear(2026)
    for (name, scope) in [("district", district), ("school", school), ("team", team)] {
        let scoped = try await store.scoped(to: scope.id)
        var times: [Duration] = []
        var wins = 0
        for _ in 0..<6 {
            let start = clock.now
            wins = try await scoped.dashboard(DashboardQuery(period: year)).totals.wins
            times.append(clock.now - start)
        }
        let warm = times.dropFirst().sorted()
        print("\(label): \(name) dashboard, school year by week (\(wins) wins): first \(times[0]), median \(warm[warm.count / 2])")
    }
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-scale-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
if let path = option("--sqlite") {
    // Keep (or reuse) the SQLite file, to measure again without building the district anew.
    let reuse = FileManager.default.fileExists(atPath: path)
    try await measure("SQLite", try await SQLiteStore(path: path), reuse: reuse)
} else {
    try await measure("SQLite", try await SQLiteStore(path: folder.appendingPathComponent("scale.sqlite").path))
}
if let url = option("--postgres") {
    var configuration = try PostgresConfiguration(url: url)
    configuration.schema = "scale_\(UInt32.random(in: 0...UInt32.max))"
    let schema = configuration.schema
    try await PostgresStore.withStore(configuration) { store in
        try await measure("PostgreSQL", store)
        print("PostgreSQL: the data is in schema \(schema); drop it with DROP SCHEMA \(schema) CASCADE")
    }
}
