import Foundation

/// One week of a team's wins and lessons for its team meeting: the stories, who celebrated them,
/// shout-outs, goals touched, and how the week compares with the four before it.
public struct WeeklyDigest: Hashable, Sendable, Codable {
    /// One win or lesson of the week, with the names a reader needs.
    public struct Entry: Hashable, Sendable, Codable {
        /// The win.
        public var win: Win
        /// Who told it.
        public var author: String
        /// The team's name.
        public var team: String
        /// The title of the goal it serves, if any.
        public var goal: String?
        /// The names of its themes.
        public var themes: [String]
        /// The names of colleagues it gives a shout-out.
        public var shoutOuts: [String]
        /// "confetti from Sam: So proud!" lines.
        public var celebrations: [String]
    }

    /// The team (the scope the digest was made for) and its name.
    public var team: Team.ID?
    /// Its name (or the installation's), for the heading.
    public var teamName: String
    /// Monday to Sunday.
    public var week: Period
    /// The week's wins and lessons, oldest first.
    public var entries: [Entry]
    /// Celebrations of this week's wins.
    public var celebrations: Int
    /// Shout-outs given in this week's wins.
    public var shoutOuts: Int
    /// Goals served this week, with their counts.
    public var goals: [Dashboard.GoalCount]
    /// Wins in each of the four weeks before, oldest first.
    public var previousWeeks: [Int]

    /// Builds the digest of the week holding `day` from `store` (usually scoped to a team).
    public static func make(from store: any WinStore, week day: Day) async throws -> WeeklyDigest {
        let whole = Period.week(containing: day)
        let week = try Period(max(whole.first, Day.earliest), through: min(whole.last, Day.latest))  // the first and last weeks are cut
        let history = try Period(max(week.first.adding(days: -28), Day.earliest), through: week.last)
        let board = try await store.dashboard(DashboardQuery(period: history))
        let thisWeek = try await store.dashboard(DashboardQuery(period: week))
        let names = try await Names(store: store)
        var entries: [Entry] = []
        for try await win in store.allWins(WinQuery(period: week)) {
            let celebrations = try await store.celebrations(of: win.id).map { celebration in
                "\(celebration.kind.phrase) from \(names.member(celebration.by))" + (celebration.message.map { " (“\($0)”)" } ?? "")
            }
            entries.append(Entry(
                win: win, author: names.member(win.author), team: names.team(win.team), goal: win.goal.map(names.goal),
                themes: win.themes.map(names.theme), shoutOuts: win.shoutOuts.map(names.member), celebrations: celebrations))
        }
        entries.sort { ($0.win.day, $0.win.id) < ($1.win.day, $1.win.id) }
        return WeeklyDigest(
            team: store.scope, teamName: try await store.scope.asyncMap { try await store.team($0).name } ?? "All teams",
            week: week, entries: entries, celebrations: thisWeek.totals.celebrations, shoutOuts: thisWeek.recognition.shoutOuts,
            goals: thisWeek.byGoal.filter { $0.successes + $0.lessons > 0 },
            previousWeeks: Array(board.timeline.prefix(4).map(\.wins)))
    }

    /// One line comparing this week with the four before it.
    public var comparison: String {
        let count = entries.count
        let average = Double(previousWeeks.reduce(0, +)) / Double(max(1, previousWeeks.count))
        let averageText = average == average.rounded() ? String(Int(average)) : String(format: "%.1f", average)
        let trend = Double(count) > average ? "more than" : Double(count) < average ? "fewer than" : "the same as"
        return "\(Markdown.count(count, "win")) this week, \(trend) the average of \(averageText) over the previous four weeks (\(previousWeeks.map(String.init).joined(separator: ", ")))."
    }

    /// The digest as Markdown, ready to paste into meeting notes.
    public var markdown: String {
        var lines = ["# Small wins: \(Markdown.inline(teamName)), week of \(week.first)", ""]
        lines.append(comparison)
        let successes = entries.filter { $0.win.kind == .success }.count
        lines.append([Markdown.count(successes, "success", "successes"), Markdown.count(entries.count - successes, "lesson") + " learned",
                      Markdown.count(celebrations, "celebration"), Markdown.count(shoutOuts, "shout-out")].joined(separator: ", ") + ".")
        if !goals.isEmpty {
            lines += ["", "## Goals touched", ""]
            lines += goals.map { "- \(Markdown.inline($0.title)): \(Markdown.count($0.successes, "success", "successes")), \(Markdown.count($0.lessons, "lesson"))" }
        }
        for (heading, kind) in [("Successes", Win.Kind.success), ("Lessons learned", .lesson)] {
            let chosen = entries.filter { $0.win.kind == kind }
            guard !chosen.isEmpty else { continue }
            lines += ["", "## \(heading)", ""]
            for entry in chosen {
                lines.append("### \(Markdown.inline(entry.win.title))")
                lines.append("")
                var facts = ["\(entry.win.day)", Markdown.inline(entry.author), Markdown.inline(entry.team)]
                if let goal = entry.goal { facts.append("goal: \(Markdown.inline(goal))") }
                if !entry.themes.isEmpty { facts.append("themes: \(entry.themes.map(Markdown.inline).joined(separator: ", "))") }
                lines += ["*\(facts.joined(separator: " · "))*", "", Markdown.quote(entry.win.story)]
                if let learned = entry.win.learned { lines += ["", "**What we learned:** \(Markdown.inline(learned))"] }
                if let next = entry.win.next { lines += ["", "**What we'll try next:** \(Markdown.inline(next))"] }
                if !entry.shoutOuts.isEmpty { lines += ["", "Shout-outs: \(entry.shoutOuts.map(Markdown.inline).joined(separator: ", "))"] }
                if !entry.celebrations.isEmpty { lines += ["", "Celebrated: " + entry.celebrations.map(Markdown.inline).joined(separator: "; ")] }
                lines.append("")
            }
        }
        if entries.isEmpty { lines += ["", "No wins or lessons recorded this week yet. What went well? What did you learn?"] }
        return lines.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n"
    }
}

/// Names for ids, looked up once from a store.
struct Names {
    let members: [Member.ID: String], teams: [Team.ID: String], goals: [Goal.ID: String], themes: [Theme.ID: String]

    init(store: any WinStore) async throws {
        members = Dictionary(uniqueKeysWithValues: try await store.members().map { ($0.id, $0.name) })
        teams = Dictionary(uniqueKeysWithValues: try await store.teams().map { ($0.id, $0.name) })
        goals = Dictionary(uniqueKeysWithValues: try await store.goals().map { ($0.id, $0.title) })
        themes = Dictionary(uniqueKeysWithValues: try await store.themes().map { ($0.id, $0.name) })
    }

    func member(_ id: Member.ID) -> String { members[id] ?? "a colleague" }
    func team(_ id: Team.ID) -> String { teams[id] ?? "another team" }
    func goal(_ id: Goal.ID) -> String { goals[id] ?? "a goal" }
    func theme(_ id: Theme.ID) -> String { themes[id] ?? "a theme" }
}

extension Celebration.Kind {
    /// The kind in words: "confetti", "applause", "thanks", "a shout-out".
    public var phrase: String { self == .shoutOut ? "a shout-out" : rawValue }
}

extension Optional {
    /// `map` for an asynchronous transform.
    package func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
