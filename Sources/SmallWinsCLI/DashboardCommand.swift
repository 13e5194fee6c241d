import ArgumentParser
import Foundation
import SmallWins

/// The period options of `dashboard` and `report`: a school year, or explicit days.
struct PeriodOptions: ParsableArguments {
    @Option(help: "The school year starting in this year (default: the current one).") var year: Int?
    @Option(help: "The month school years start in (1-12).") var startMonth = 8

    /// The school year asked for, or the one holding today.
    func schoolYear() throws -> Period {
        guard (1...12).contains(startMonth) else { throw ValidationError("--start-month must be 1...12") }
        if let year { return try Period.schoolYear(year, startMonth: startMonth) }
        return try Period.schoolYear(containing: Day.today(), startMonth: startMonth)
    }
}

/// `smallwins dashboard`: the dashboard in the terminal, or as JSON.
struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard", abstract: "Show the dashboard of a team, a school or the district.",
        discussion: "By default, the current school year by week for the whole installation. --from/--to set other days.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DashboardOptions

    func run() async throws {
        let store = try await global.scopedStore(options.team)
        let board = try await options.dashboard(store: store, global: global)
        if global.json { return try Output(json: true).printJSON(board) }
        let title = try await store.scope.asyncMap { try await store.team($0).name } ?? "All teams"
        print(DashboardText(board: board, title: title, labels: try await WinLabels(store: store)).rendered)
    }
}

/// What a dashboard covers, shared by `dashboard` and `export`.
struct DashboardOptions: ParsableArguments {
    @Option(help: "The team, school or district to look at (name, path or id).") var team: String?
    @OptionGroup var period: PeriodOptions
    @Option(help: "week or month.") var by: DashboardQuery.Bucket = .week
    @Option(help: "Flag focus groups below this share of a goal's wins, in percent.") var threshold = 20.0
    @Flag(help: "Name members in participation and recognition.") var names = false
    @Option(help: ArgumentHelp("Count a team's own wins only when at least this many people wrote them, in all and in each goal, theme, group or attempt cell, and leave out member-level cells (spread, counts, pairs) of fewer.", valueName: "k"))
    var minGroupSize = 0
    @OptionGroup var filters: WinFilterOptions

    /// The wins these options select (every day when no --from/--to is given).
    func winQuery(global: GlobalOptions) async throws -> WinQuery {
        try await filters.query(resolver: Resolver(store: try await global.openStore()))
    }

    /// The dashboard of `store` (already scoped to --team): --from/--to, else the school year.
    func dashboard(store: any WinStore, global: GlobalOptions) async throws -> Dashboard {
        var query = try await winQuery(global: global)
        let days = try query.period ?? period.schoolYear()
        query.period = nil
        return try await store.dashboard(DashboardQuery(
            period: days, bucket: by, filters: query, equityThreshold: threshold / 100, includeNames: names, asOf: Day.today(),
            minimumGroupSize: minGroupSize))
    }
}

extension DashboardQuery.Bucket: ExpressibleByArgument {}

/// A dashboard drawn with text: counts, small bar charts and the equity flags.
struct DashboardText {
    let board: Dashboard
    let title: String
    let labels: WinLabels

    var rendered: String {
        let t = board.totals
        var lines = ["\(title): \(board.period.first) to \(board.period.last), by \(board.bucket.rawValue)", ""]
        lines.append("\(Markdown.count(t.wins, "win")): \(Markdown.count(t.successes, "success", "successes")), "
                     + "\(Markdown.count(t.lessons, "lesson")) learned · \(Markdown.count(t.celebrations, "celebration")) · "
                     + "\(t.contributors) of \(Markdown.count(t.members, "member")) contributed · streak \(Markdown.count(board.streak.weeks, "week"))")
        section(&lines, "Over time (█ successes, ░ lessons)", board.timeline.map { ($0.start.iso, $0.successes, $0.lessons) })
        section(&lines, "By goal", board.byGoal.map { ($0.title, $0.successes, $0.lessons) })
        section(&lines, "By theme", board.byTheme.filter { $0.successes + $0.lessons > 0 }.map { ($0.name, $0.successes, $0.lessons) })
        section(&lines, "By student group", board.byGroup.filter { $0.successes + $0.lessons > 0 }.map { ($0.name, $0.successes, $0.lessons) })
        section(&lines, "By team", board.byTeam.map { ($0.name, $0.successes, $0.lessons) })
        let goals = board.equity.filter { !$0.groups.isEmpty }
        if !goals.isEmpty {
            lines += ["", "Equity coverage: share of each goal's wins touching the groups it intends to serve"]
            for goal in goals {
                lines.append("  \(goal.title) (\(goal.wins) wins)")
                let width = goal.groups.map(\.name.count).max() ?? 0
                for group in goal.groups {
                    let percent = Int((group.share * 100).rounded())
                    let bar = String(repeating: "█", count: Int((group.share * 20).rounded()))
                    lines.append("    " + group.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                                 + bar.padding(toLength: 20, withPad: " ", startingAt: 0) + " \(percent)%"
                                 + (group.belowThreshold ? "  ⚠ below target" : ""))
                }
            }
        }
        let spread = board.participation.distribution.map { "\($0.members) member\($0.members == 1 ? "" : "s") told \($0.wins)" }
        lines += ["", "Participation: \(board.participation.contributors) of \(board.participation.members) members contributed"
                  + (spread.isEmpty ? "" : " (\(spread.joined(separator: ", ")))")
                  + (board.participation.suppressedMembers > 0 ? "; \(board.participation.suppressedMembers) left out of the spread (small groups)" : "")]
        if let byMember = board.participation.byMember {
            lines += byMember.map { "  \($0.name): \($0.wins)" }
        }
        let kinds = board.recognition.celebrations.filter { $0.count > 0 }.map { "\($0.count) \($0.kind.phrase)" }
        lines.append("Recognition: \(kinds.isEmpty ? "no celebrations yet" : kinds.joined(separator: ", ")), \(Markdown.count(board.recognition.shoutOuts, "shout-out")), "
                     + "\(board.recognition.pairs.count) pairs of colleagues recognising each other"
                     + (board.recognition.suppressedPairs > 0 ? " (\(board.recognition.suppressedPairs) more left out: small groups)" : ""))
        if !board.brightSpots.isEmpty {
            lines += ["", "Bright spots"]
            lines += board.brightSpots.map { "  ★ \($0.title) (\($0.day), \(labels.paths.name(of: $0.team)), celebrated \($0.celebrations)×)" }
        }
        if !board.learningAgenda.isEmpty {
            lines += ["", "Learning agenda"]
            for question in board.learningAgenda {
                lines.append("  ? \(question.text) [\(question.status.rawValue)]")
                lines += question.attempts.map {
                    "      \($0.title) (\($0.status.rawValue)): \(Markdown.count($0.successes, "success", "successes")), \(Markdown.count($0.lessons, "lesson"))"
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A titled list of horizontal bars, successes then lessons, scaled to the largest row.
    private func section(_ lines: inout [String], _ heading: String, _ rows: [(String, Int, Int)]) {
        guard !rows.isEmpty else { return }
        lines += ["", heading]
        let largest = max(1, rows.map { $0.1 + $0.2 }.max() ?? 1)
        let width = min(32, rows.map(\.0.count).max() ?? 0)
        let scale = Double(30) / Double(largest)
        for (label, successes, lessons) in rows {
            let name = label.count > width ? String(label.prefix(width - 1)) + "…" : label.padding(toLength: width, withPad: " ", startingAt: 0)
            let bar = String(repeating: "█", count: Int((Double(successes) * scale).rounded()))
                + String(repeating: "░", count: Int((Double(lessons) * scale).rounded()))
            lines.append("  \(name)  \(bar.padding(toLength: 30, withPad: " ", startingAt: 0)) \(successes)/\(lessons)")
        }
    }
}

/// `smallwins digest`: one week in Markdown for the team meeting.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Print a Markdown summary of one week for a team meeting.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The team (name, path or id); default: the whole installation.") var team: String?
    @Option(help: "Any day of the week (default: today).") var week: String?

    func run() async throws {
        let store = try await global.scopedStore(team)
        let day = try week.map { try Day(iso: $0, field: "--week") } ?? Day.today()
        let digest = try await WeeklyDigest.make(from: store, week: day)
        if global.json { return try Output(json: true).printJSON(digest) }
        print(digest.markdown, terminator: "")
    }
}

/// `smallwins report`: the year-end learning report in Markdown.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the year-end learning report (Markdown) for a team.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The team (name, path or id); default: the whole installation.") var team: String?
    @OptionGroup var period: PeriodOptions
    @Option(help: "Flag focus groups below this share of a goal's wins, in percent.") var threshold = 20.0
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let store = try await global.scopedStore(team)
        let report = try await LearningReport.make(from: store, period: try period.schoolYear(), equityThreshold: threshold / 100)
        if global.json { return try Output(json: true).printJSON(report) }
        guard let output else { return print(report.markdown, terminator: "") }
        try FileReplacement.write(Data(report.markdown.utf8), to: output)
        print("Wrote \(output)")
    }
}
