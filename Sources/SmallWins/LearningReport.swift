import Foundation

/// The year-end synthesis: per goal, what success was to look like, what was won, what was learned (in
/// members' own words), recurring themes and equity coverage against intent; then the open questions of
/// the learning agenda and the bright spots.
public struct LearningReport: Hashable, Sendable, Codable {
    /// One goal's year.
    public struct GoalSection: Hashable, Sendable, Codable {
        /// The goal.
        public var goal: Goal
        /// Counted successes serving it.
        public var successes: Int
        /// Counted lessons learned serving it.
        public var lessons: Int
        /// The most celebrated successes (at most ten), with their authors.
        public var wins: [Quote]
        /// The lessons, newest first (at most fifty), with what was learned.
        public var learned: [Quote]
        /// Themes coded on at least two of the goal's wins, most used first.
        public var recurringThemes: [Dashboard.ThemeCount]
        /// Coverage of the goal's focus groups.
        public var equity: Dashboard.GoalEquity?
    }

    /// A win or lesson as told.
    public struct Quote: Hashable, Sendable, Codable {
        /// The quoted win.
        public var win: Win.ID
        /// Its title.
        public var title: String
        /// The day it happened.
        public var day: Day
        /// Who told it.
        public var author: String
        /// The story's beginning.
        public var excerpt: String
        /// For a lesson: what was learned, and what to try next.
        public var learned: String?
        /// What the team will try next, when the author wrote it.
        public var next: String?
    }

    /// The team reported on, or `nil` for the whole installation.
    public var team: Team.ID?
    /// Its name (or the installation's), for the heading.
    public var teamName: String
    /// The days reported on.
    public var period: Period
    /// The dashboard's totals for those days.
    public var totals: Dashboard.Totals
    /// One section per goal, by title.
    public var goals: [GoalSection]
    /// Questions still open, with what was tried.
    public var openQuestions: [Dashboard.AgendaQuestion]
    /// The most celebrated wins.
    public var brightSpots: [Dashboard.BrightSpot]

    /// Builds the report for `period` (usually a school year) from `store` (usually scoped to a team).
    public static func make(from store: any WinStore, period: Period, equityThreshold: Double = 0.2) async throws -> LearningReport {
        let board = try await store.dashboard(DashboardQuery(period: period, equityThreshold: equityThreshold, brightSpotCount: 10))
        let names = try await Names(store: store)
        let goals = Dictionary(uniqueKeysWithValues: try await store.goals().map { ($0.id, $0) })
        var sections: [GoalSection] = []
        for count in board.byGoal {
            guard let goal = goals[count.goal] else { continue }
            let perGoal = try await store.dashboard(DashboardQuery(period: period, filters: WinQuery(goals: [goal.id]), brightSpotCount: 10))
            var lessons: [Quote] = []
            for try await win in store.allWins(WinQuery(period: period, kinds: [.lesson], goals: [goal.id])) {
                lessons.append(quote(win, names))
                if lessons.count == 50 { break }
            }
            var successes: [Quote] = []
            for spot in perGoal.brightSpots where spot.kind == .success { successes.append(quote(try await store.win(spot.win), names)) }
            if successes.count < 10 {
                for try await win in store.allWins(WinQuery(period: period, kinds: [.success], goals: [goal.id]))
                where !successes.contains(where: { $0.win == win.id }) {
                    successes.append(quote(win, names))
                    if successes.count == 10 { break }
                }
            }
            sections.append(GoalSection(
                goal: goal, successes: count.successes, lessons: count.lessons, wins: successes, learned: lessons,
                recurringThemes: perGoal.byTheme.filter { $0.successes + $0.lessons >= 2 },
                equity: board.equity.first { $0.goal == goal.id }))
        }
        return LearningReport(
            team: store.scope, teamName: try await store.scope.asyncMap { try await store.team($0).name } ?? "All teams",
            period: period, totals: board.totals, goals: sections,
            openQuestions: board.learningAgenda.filter { $0.status == .open }, brightSpots: board.brightSpots)
    }

    private static func quote(_ win: Win, _ names: Names) -> Quote {
        Quote(win: win.id, title: win.title, day: win.day, author: names.member(win.author),
              excerpt: Dashboard.BrightSpot.excerpt(win.story), learned: win.learned, next: win.next)
    }

    /// The report as Markdown.
    public var markdown: String {
        var lines = ["# Year-end learning report: \(Markdown.inline(teamName))", "",
                     "\(period.first) to \(period.last): \(Markdown.count(totals.wins, "win")) (\(Markdown.count(totals.successes, "success", "successes")), \(Markdown.count(totals.lessons, "lesson")) learned) from \(totals.contributors) of \(Markdown.count(totals.members, "member")), celebrated \(Markdown.count(totals.celebrations, "time"))."]
        for section in goals {
            let goal = section.goal
            lines += ["", "## \(Markdown.inline(goal.title))", ""]
            if let summary = goal.summary { lines += [Markdown.inline(summary), ""] }
            let criteria = [("looks like", goal.success.looksLike), ("sounds like", goal.success.soundsLike), ("feels like", goal.success.feelsLike)]
                .filter { !$0.1.isEmpty }
            if !criteria.isEmpty {
                lines.append("**Success criteria.**")
                lines += criteria.map { "- Success \($0.0): \($0.1.map(Markdown.inline).joined(separator: "; "))" }
                lines.append("")
            }
            lines.append("\(Markdown.count(section.successes, "success", "successes")) and \(Markdown.count(section.lessons, "lesson")) learned served this goal.")
            if !section.wins.isEmpty {
                lines += ["", "### What we won", ""]
                lines += section.wins.map { "- **\(Markdown.inline($0.title))** (\($0.day), \(Markdown.inline($0.author))): \(Markdown.inline($0.excerpt))" }
            }
            if !section.learned.isEmpty {
                lines += ["", "### What we learned", ""]
                for quote in section.learned {
                    lines.append("- **\(Markdown.inline(quote.title))** (\(quote.day), \(Markdown.inline(quote.author)))")
                    if let learned = quote.learned { lines.append("  > \(Markdown.inline(learned))") }
                    if let next = quote.next { lines.append("  Next: \(Markdown.inline(next))") }
                }
            }
            if !section.recurringThemes.isEmpty {
                lines += ["", "### Themes that recur", ""]
                lines += section.recurringThemes.map { "- \(Markdown.inline($0.name)): \(Markdown.count($0.successes + $0.lessons, "win"))" }
            }
            if let equity = section.equity, !equity.groups.isEmpty {
                lines += ["", "### Equity coverage against intent", "", "| focus group | wins | share | |", "|---|---:|---:|---|"]
                lines += equity.groups.map {
                    "| \(Markdown.inline($0.name)) | \($0.wins) | \(Int(($0.share * 100).rounded()))% | \($0.belowThreshold ? "below target: effort not yet matching intent" : "") |"
                }
            }
        }
        if !openQuestions.isEmpty {
            lines += ["", "## Open questions on our learning agenda", ""]
            for question in openQuestions {
                lines.append("- \(Markdown.inline(question.text))")
                lines += question.attempts.map {
                    "  - \(Markdown.inline($0.title)) (\($0.status.rawValue)): \(Markdown.count($0.successes, "success", "successes")), \(Markdown.count($0.lessons, "lesson"))"
                }
            }
        }
        if !brightSpots.isEmpty {
            lines += ["", "## Bright spots", ""]
            lines += brightSpots.map { "- **\(Markdown.inline($0.title))** (\($0.day), celebrated \(Markdown.count($0.celebrations, "time"))): \(Markdown.inline($0.excerpt))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
