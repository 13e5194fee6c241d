import Benchmark
import DistrictFixture
import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsDemo
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsSVG

// Every main path of SmallWins at district scale, on SQLite and (given a URL) PostgreSQL: bulk ingest,
// school-year dashboards for the district, a school and a team, the newest and a deep page of wins, full-text
// search, CSV and JSON Lines export of every win, the SVG dashboard, and 16 writers recording wins one at a time
// in one district. See Documentation/Performance.md.

/// Wins handled per second, for the benchmarks that handle every win once.
let winsPerSecond = BenchmarkMetric.custom("wins per second", polarity: .prefersLarger, useScalingFactor: false)

/// Wins recorded per second by every writer together.
let writesPerSecond = BenchmarkMetric.custom("writes per second", polarity: .prefersLarger, useScalingFactor: false)

/// The concurrent writers, and how long they write.
let writers = 16, writingTime = Duration.seconds(5)

/// One pass over the whole district: run once, its time and rate reported.
var onePass: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, winsPerSecond], timeUnits: .milliseconds, warmupIterations: 0,
        maxDuration: .seconds(1), maxIterations: 1)
}

/// The concurrent writers: run once, their rate reported.
var writing: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, writesPerSecond], timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(1), maxIterations: 1)
}

/// A query: repeated for a few seconds.
var repeated: Benchmark.Configuration {
    Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .peakMemoryResident], timeUnits: .microseconds, maxDuration: .seconds(3), maxIterations: 50)
}

/// The stores, opened (and the district built) once per process.
actor Stores {
    static let shared = Stores()
    private var stores: [String: any WinStore] = [:]

    func store(_ backend: Backend) async throws -> any WinStore {
        if let store = stores[backend.rawValue] { return store }
        let store: any WinStore = switch backend {
        case .sqlite: try await Fixture.sqlite()
        case .postgres: try await Fixture.postgres()!
        }
        stores[backend.rawValue] = store
        return store
    }
}

enum Backend: String, CaseIterable {
    case sqlite = "SQLite", postgres = "PostgreSQL"

    var available: Bool { self == .sqlite || Fixture.postgresURL != nil }

    func store() async throws -> any WinStore { try await Stores.shared.store(self) }

    /// Builds the district in a fresh store and drops it (the fixture itself when it is not built yet).
    func ingest() async throws {
        switch self {
        case .sqlite:
            let keep = !FileManager.default.fileExists(atPath: Fixture.sqlitePath)
            let path = Fixture.sqlitePath + ".ingest"
            Fixture.removeDatabase(at: path)
            try await Fixture.generator.fill(try await SQLiteStore(path: path))
            if keep { try Fixture.moveDatabase(from: path, to: Fixture.sqlitePath) } else { Fixture.removeDatabase(at: path) }
        case .postgres:
            let keep = !(try await Fixture.isComplete(try await Fixture.postgresStore(schema: Fixture.schema)!))
            let schema = keep ? Fixture.schema : Fixture.schema + "_ingest"
            try await Fixture.dropSchema(schema)
            try await Fixture.generator.fill(try await Fixture.postgresStore(schema: schema)!)
            if !keep { try await Fixture.dropSchema(schema) }
        }
    }
}

/// Times `body`, once, as a pass over every win of the district.
func pass(_ benchmark: Benchmark, _ body: () async throws -> Void) async throws {
    let clock = ContinuousClock()
    let start = clock.now
    benchmark.startMeasurement()
    try await body()
    benchmark.stopMeasurement()
    let seconds = Double((clock.now - start).components.attoseconds) / 1e18 + Double((clock.now - start).components.seconds)
    benchmark.measurement(winsPerSecond, Int(Double(Fixture.wins) / max(seconds, 1e-9)))
}

/// The store an export reads, as `smallwins export` opens it: SQLite without a memory map.
func exportStore(_ backend: Backend) async throws -> any WinStore {
    backend == .sqlite ? try await Fixture.sqlite(memoryMapSize: 0) : try await backend.store()
}

/// Exports every win of `store` with `exporter` to a file in the fixture folder.
func exportAll(_ store: any WinStore, _ exporter: some Exporter<ExportContent>, name: String) async throws {
    let file = Fixture.folder.appendingPathComponent(name)
    try await exporter.export(try await ExportContent.load(from: store), to: try FileSink(creating: file.path))
}

/// `writers` tasks recording one win at a time in `store` for `writingTime`, each in a team of the district by one
/// of its members, as teachers do; returns the wins recorded and the calls that failed.
func writeConcurrently(_ store: any WinStore) async throws -> (written: Int, failed: Int) {
    let authors = Dictionary(grouping: try await store.memberships(member: nil, team: nil), by: \.team)
        .compactMap { team, memberships in memberships.isEmpty ? nil : (team: team, members: memberships.map(\.member)) }
    let today = try Day(2026, 10, 1)  // one day for every writer, as on a busy afternoon: the aggregates' hottest rows
    let deadline = ContinuousClock.now + writingTime
    return try await withThrowingTaskGroup(of: (Int, Int).self) { group in
        for writer in 0..<writers {
            group.addTask {
                var random = SeededGenerator(seed: UInt64(writer + 1))
                var written = 0, failed = 0
                while ContinuousClock.now < deadline {
                    let (team, members) = authors.randomElement(using: &random)!
                    let win = Win(team: team, author: members.randomElement(using: &random)!, kind: .success, title: "Written by writer \(writer)",
                                  story: "Recorded while fifteen colleagues recorded theirs.", day: today)
                    do {
                        _ = try await store.record([win])
                        written += 1
                    } catch SmallWinsError.storage {
                        failed += 1
                    }
                }
                return (written, failed)
            }
        }
        return try await group.reduce((0, 0)) { ($0.0 + $1.0, $0.1 + $1.1) }
    }
}

/// A benchmark whose failure is printed (the runner only records it).
func measure(_ name: String, _ configuration: Benchmark.Configuration, _ body: @escaping (Benchmark) async throws -> Void) {
    Benchmark(name, configuration: configuration) { benchmark in
        do {
            try await body(benchmark)
        } catch {
            FileHandle.standardError.write(Data("\(name) failed: \(error)\n".utf8))
            throw error
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    let year = try! Period.schoolYear(2026)
    for backend in Backend.allCases where backend.available {
        let name = backend.rawValue
        measure("\(name): ingest the district", onePass) { benchmark in
            try await pass(benchmark) { try await backend.ingest() }
        }
        for scope in ["district", "school", "team"] {
            measure("\(name): \(scope) dashboard, school year", repeated) { benchmark in
                let store = try await backend.store()
                let scopes = try await Fixture.scopes(of: store)
                let team = scope == "district" ? scopes.district : scope == "school" ? scopes.school : scopes.team
                let scoped = try await store.scoped(to: team.id)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    blackHole(try await scoped.dashboard(DashboardQuery(period: year)))
                }
            }
        }
        measure("\(name): newest page of 50 wins in a school", repeated) { benchmark in
            let school = try await backend.store().scoped(to: try await Fixture.scopes(of: backend.store()).school.id)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try await school.wins(WinQuery(), after: nil, limit: 50)) }
        }
        measure("\(name): page of 50 wins halfway through the district", repeated) { benchmark in
            let store = try await backend.store()
            // The wins span three school years evenly, so the cursor after the newest win of January 2026 is about
            // halfway. A cursor is issued by a store, so it is made from that win.
            let january = WinQuery(period: try Period(Day.earliest, through: try Day(2026, 1, 31)))
            guard let middle = try await store.wins(january, after: nil, limit: 1).wins.first else { throw SmallWinsError.invalid(field: "district", reason: "it has no win in January 2026") }
            let cursor = WinCursor(after: middle, of: WinQuery())
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try await store.wins(WinQuery(), after: cursor, limit: 50)) }
        }
        measure("\(name): full-text search, first 50 matches in the district", repeated) { benchmark in
            let store = try await backend.store()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(try await store.wins(WinQuery(text: "fluency partners"), after: nil, limit: 50))
            }
        }
        measure("\(name): CSV export of every win", onePass) { benchmark in
            let store = try await exportStore(backend)
            try await pass(benchmark) { try await exportAll(store, CSVExporter(.wins), name: "wins-\(name).csv") }
        }
        measure("\(name): JSON Lines export of every win", onePass) { benchmark in
            let store = try await exportStore(backend)
            try await pass(benchmark) { try await exportAll(store, JSONLinesExporter(), name: "wins-\(name).jsonl") }
        }
        measure("\(name): 16 writers recording one win at a time", writing) { benchmark in
            let store: any WinStore = backend == .sqlite
                ? try await Fixture.writesSQLite() : try await Fixture.writesPostgres(connections: writers)!
            let clock = ContinuousClock()
            let start = clock.now
            benchmark.startMeasurement()
            let (written, failed) = try await writeConcurrently(store)
            benchmark.stopMeasurement()
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            benchmark.measurement(writesPerSecond, Int(Double(written) / seconds))
            if failed > 0 { FileHandle.standardError.write(Data("\(name): \(failed) of \(written + failed) writes failed\n".utf8)) }
        }
        measure("\(name): SVG dashboard of the district, school year", repeated) { benchmark in
            let district = try await backend.store().scoped(to: try await Fixture.scopes(of: backend.store()).district.id)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(SVGExporter(.dashboard).document(try await district.dashboard(DashboardQuery(period: year))))
            }
        }
    }
}
