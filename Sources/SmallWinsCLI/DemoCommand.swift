import ArgumentParser
import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsDemo
import SmallWinsJSON
import SmallWinsSVG

/// `smallwins demo`: a realistic district in an embedded SQLite file, and everything SmallWins makes from it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Build a demo district and write its dashboard, charts, tables, digest and report.",
        discussion: """
            Writes into --out (default smallwins-demo/): index.html (open it in a browser), dashboard.svg and charts/,
            tables/ (CSV with data_dictionary.csv), snapshot.json, digest.md and report.md. The database is
            --database, by default demo.sqlite inside --out, rebuilt on every run. The same --seed gives the same district.
            """)

    /// Demo sizes on the command line.
    enum Size: String, ExpressibleByArgument, CaseIterable {
        case small, district
    }

    @Option(help: ArgumentHelp("Where the demo district is stored (default: demo.sqlite inside --out).", valueName: "path-or-url"))
    var database: String?
    @Option(help: ArgumentHelp("The folder to write into.", valueName: "folder")) var out = "smallwins-demo"
    @Option(help: "Seed of the generator: the same seed gives the same district.") var seed: UInt64 = 2026
    @Option(help: "small (3 schools, about 2,000 wins) or district (about 100 times larger).") var size: Size = .small
    @Flag(help: "Then serve the demo over HTTP with its web page, and print a lead's access token to sign in with.") var serve = false
    @Option(help: "The port to serve on, with --serve.") var port = 8080

    func run() async throws {
        let folder = URL(fileURLWithPath: out, isDirectory: true).standardizedFileURL
        try FileReplacement.makeFolder(folder.path)
        let location = database ?? folder.appendingPathComponent("demo.sqlite").path
        if database == nil {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: location + suffix) }
        }
        let store = try await StoreSession.shared.open(location, create: true, memoryMapped: serve).store
        guard try await store.teams().isEmpty else {
            throw ValidationError("\(location) already holds data; the demo needs an empty store (or leave out --database)")
        }

        let line = ProgressLine("demo", unit: "wins")
        let summary = try await DemoDistrict.build(into: store, size: size == .small ? .small : .district, seed: seed) { line.update($0, of: $1) }
        line.finish()
        let written = try await DemoFiles(store: store, summary: summary, folder: folder).write()

        print("""
            Built Riverbend Unified: \(summary.schools) schools, \(summary.teams) teams, \(summary.members) members, \
            \(summary.goals) goals, \(summary.learningQuestions) learning questions with \(summary.attempts) attempts,
            \(ProgressLine.number(summary.wins)) wins (\(ProgressLine.number(summary.lessons)) of them lessons learned) and \
            \(ProgressLine.number(summary.celebrations)) celebrations, \(summary.schoolYear.first) to \(summary.schoolYear.last).
            Database: \(location)
            """)
        for (what, path) in written { print("\(what.padding(toLength: 16, withPad: " ", startingAt: 0)) \(path)") }
        guard serve else {
            print("Open \(folder.appendingPathComponent("index.html").path) in a browser to start.")
            return
        }
        let (lead, team) = try await Self.aLead(in: store)
        let token = try await store.issueToken(for: lead.id, name: "demo", expiresAfterDays: 30)
        print("Sign in as \(lead.name), lead of \(team.name), with this access token (or make one: smallwins token create --member NAME):")
        print(token.text)
        fflush(nil)  // before serving, so a pipe or a log gets the token now
        try await ServeCommand.serve(store, host: "127.0.0.1", port: port)
    }

    /// The first lead of a team (not a school) in the demo, by name, to sign in as.
    private static func aLead(in store: any WinStore) async throws -> (Member, Team) {
        let teams = Dictionary(uniqueKeysWithValues: try await store.teams().map { ($0.id, $0) })
        let leads = try await store.memberships(member: nil, team: nil).filter { $0.role == .lead && teams[$0.team]?.kind == .team }
        var named: [(Member, Team)] = []
        for membership in leads { named.append((try await store.member(membership.member), teams[membership.team]!)) }
        guard let first = named.min(by: { ($0.0.name, $0.1.name) < ($1.0.name, $1.1.name) }) else {
            throw ValidationError("the demo district has no team lead to sign in as")
        }
        return first
    }
}


/// Everything the demo writes from its district.
struct DemoFiles {
    let store: any WinStore
    let summary: DemoDistrict.Summary
    let folder: URL

    /// Writes the files and returns what each is, with its path.
    func write() async throws -> [(String, String)] {
        var written: [(String, String)] = []
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        let district = try await store.team(summary.district)
        let board = try await store.scoped(to: district.id).dashboard(
            DashboardQuery(period: summary.schoolYear, brightSpotCount: 6, asOf: summary.lastSchoolDay))

        try await SVGExporter(.dashboard, heading: district.name).export(board, to: try FileSink(creating: path("dashboard.svg")))
        written.append(("Dashboard", path("dashboard.svg")))
        for chart in DashboardChart.allCases where chart != .dashboard {
            try await SVGExporter(chart).export(board, to: try FileSink(creating: path("charts/\(chart.rawValue).svg")))
        }
        written.append(("Charts", path("charts/")))

        let content = try await ExportContent.load(from: store)
        for table in ContentTable.allCases {
            try await CSVExporter(table).export(content, to: try FileSink(creating: path("tables/\(table.rawValue).csv")))
        }
        for table in DashboardTable.allCases {
            try await DashboardCSVExporter(table).export(board, to: try FileSink(creating: path("tables/\(table.rawValue).csv")))
        }
        try await DataDictionaryExporter().export(DataDictionaryExporter.allTables, to: try FileSink(creating: path("tables/data_dictionary.csv")))
        written.append(("CSV tables", path("tables/")))

        try await SnapshotExporter().export(try await ExportContent.load(from: store), to: try FileSink(creating: path("snapshot.json")))
        written.append(("JSON snapshot", path("snapshot.json")))

        let streakTeam = try await store.scoped(to: summary.streakTeam)
        let digest = try await WeeklyDigest.make(from: streakTeam, week: summary.digestWeek)
        try FileReplacement.write(Data(digest.markdown.utf8), to: path("digest.md"))
        written.append(("Weekly digest", path("digest.md")))

        let school = try await store.team(try await store.team(summary.streakTeam).parent!)
        let report = try await LearningReport.make(from: try await store.scoped(to: school.id), period: summary.schoolYear)
        try FileReplacement.write(Data(report.markdown.utf8), to: path("report.md"))
        written.append(("Year-end report", path("report.md")))

        var stories: [Win] = []
        for spot in board.brightSpots { stories.append(try await store.win(spot.win)) }
        let page = DemoPage(district: district.name, board: board, stories: stories, teams: try await store.teams(),
                            digestTeam: try await store.team(summary.streakTeam).name, reportSchool: school.name)
        try FileReplacement.write(Data(page.html.utf8), to: path("index.html"))
        written.insert(("Start here", path("index.html")), at: 0)
        return written
    }
}
