import Foundation
import SmallWins

/// The dashboard's parts as tables, ready for a pivot table or a plot.
public enum DashboardTable: String, CaseIterable, Sendable {
    /// Counts of the whole dashboard, one row.
    case totals = "dashboard_totals"
    /// Successes and lessons by week or month.
    case timeline = "dashboard_timeline"
    /// Successes and lessons by goal.
    case goals = "dashboard_goals"
    /// Successes and lessons by theme.
    case themes = "dashboard_themes"
    /// Successes and lessons by student group.
    case groups = "dashboard_groups"
    /// The roll-up: one row per child team (and the scope's own wins).
    case teams = "dashboard_teams"
    /// Each goal's coverage of its focus groups.
    case equity = "dashboard_equity"
    /// How many members told how many wins (and, with names, each member's count).
    case participation = "dashboard_participation"
    /// Celebrations by kind.
    case celebrations = "dashboard_celebrations"
    /// Who recognised whom: celebrations and shout-outs by pair.
    case recognition = "dashboard_recognition"
    /// The most celebrated wins.
    case brightSpots = "dashboard_bright_spots"
    /// Each learning question's attempts, with their successes and lessons.
    case learningAgenda = "dashboard_learning_agenda"

    /// The table's name, description and columns.
    public var definition: CSVTable {
        CSVTable(name: rawValue, description: about, columns: columns)
    }

    private var about: String {
        switch self {
        case .totals: "The headline numbers of the dashboard's scope and period (one row)."
        case .timeline: "Successes and lessons in one week or month of the period, empty ones included."
        case .goals: "Wins serving one goal."
        case .themes: "Wins coded with one theme."
        case .groups: "Wins touching one student group."
        case .teams: "Wins of one child team of the scope, rolled up over its subtree."
        case .equity: "One focus group of one goal: how much of the goal's wins reach it."
        case .participation: "How many members told a given number of wins (a spread, not a leaderboard)."
        case .celebrations: "Celebrations of one kind."
        case .recognition: "Recognition from one member to another: celebrations given and shout-outs."
        case .brightSpots: "One of the period's most celebrated wins."
        case .learningAgenda: "One attempt at a learning question, with the wins and lessons it led to."
        }
    }

    private var columns: [CSVColumn] { layout.columns }

    /// The rows of this table for `dashboard`.
    func rows(_ dashboard: Dashboard) -> [[String]] { layout.rows(dashboard) }

    private var layout: DashboardRows {
        switch self {
        case .totals: DashboardRows(Self.totalFields) { [$0] }
        case .timeline: DashboardRows(Self.timelineFields) { $0.timeline }
        case .goals: DashboardRows(Self.countFields("goal")) { $0.byGoal.map { (Cell.id($0.goal), $0.title, $0.successes, $0.lessons) } }
        case .themes: DashboardRows(Self.countFields("theme")) { $0.byTheme.map { (Cell.id($0.theme), $0.name, $0.successes, $0.lessons) } }
        case .groups: DashboardRows(Self.countFields("group")) { $0.byGroup.map { (Cell.id($0.group), $0.name, $0.successes, $0.lessons) } }
        case .teams: DashboardRows(Self.teamFields) { $0.byTeam }
        case .equity: DashboardRows(Self.equityFields) { dashboard in
            dashboard.equity.flatMap { goal in goal.groups.map { (goal, $0) } }
        }
        case .participation: DashboardRows(Self.participationFields) { $0.participation.distribution }
        case .celebrations: DashboardRows(Self.celebrationFields) { $0.recognition.celebrations }
        case .recognition: DashboardRows(Self.recognitionFields) { $0.recognition.pairs }
        case .brightSpots: DashboardRows(Self.brightSpotFields) { $0.brightSpots }
        case .learningAgenda: DashboardRows(Self.agendaFields) { dashboard in
            dashboard.learningAgenda.flatMap { question in
                question.attempts.isEmpty ? [(question, nil)] : question.attempts.map { (question, $0) }
            }
        }
        }
    }

    static var totalFields: [(CSVColumn, (Dashboard) -> String)] {
        [
        (CSVColumn("first_day", .date, "The period's first day."), { $0.period.first.iso }),
        (CSVColumn("last_day", .date, "The period's last day."), { $0.period.last.iso }),
        (CSVColumn("wins", .integer, "Successes and lessons counted."), { String($0.totals.wins) }),
        (CSVColumn("successes", .integer, "Successes."), { String($0.totals.successes) }),
        (CSVColumn("lessons", .integer, "Lessons learned."), { String($0.totals.lessons) }),
        (CSVColumn("celebrations", .integer, "Celebrations of those wins."), { String($0.totals.celebrations) }),
        (CSVColumn("contributors", .integer, "Members who told at least one."), { String($0.totals.contributors) }),
        (CSVColumn("members", .integer, "Members in the scope."), { String($0.totals.members) }),
        (CSVColumn("streak_weeks", .integer, "Consecutive weeks with at least one win, up to the period's end."), { String($0.streak.weeks) }),
        ]
    }

    static var timelineFields: [(CSVColumn, (Dashboard.TimelinePoint) -> String)] {
        [
        (CSVColumn("bucket_start", .date, "The bucket's first day: a Monday, or the first of a month."), { $0.start.iso }),
        (CSVColumn("successes", .integer, "Successes."), { String($0.successes) }),
        (CSVColumn("lessons", .integer, "Lessons learned."), { String($0.lessons) }),
        (CSVColumn("wins", .integer, "Both together."), { String($0.wins) }),
        ]
    }

    static func countFields(_ noun: String) -> [(CSVColumn, ((String, String, Int, Int)) -> String)] {
        [
            (CSVColumn("\(noun)_id", .id, "The \(noun)."), { $0.0 }),
            (CSVColumn(noun, .text, "Its name."), { $0.1 }),
            (CSVColumn("successes", .integer, "Successes."), { String($0.2) }),
            (CSVColumn("lessons", .integer, "Lessons learned."), { String($0.3) }),
            (CSVColumn("wins", .integer, "Both together."), { String($0.2 + $0.3) }),
        ]
    }

    static var teamFields: [(CSVColumn, (Dashboard.TeamCount) -> String)] {
        [
        (CSVColumn("team_id", .id, "The team."), { Cell.id($0.team) }),
        (CSVColumn("team", .text, "Its name."), { $0.name }),
        (CSVColumn("successes", .integer, "Successes in its subtree."), { String($0.successes) }),
        (CSVColumn("lessons", .integer, "Lessons learned in its subtree."), { String($0.lessons) }),
        (CSVColumn("wins", .integer, "Both together."), { String($0.successes + $0.lessons) }),
        (CSVColumn("celebrations", .integer, "Celebrations of those wins."), { String($0.celebrations) }),
        (CSVColumn("contributors", .integer, "Members who told them."), { String($0.contributors) }),
        ]
    }

    static var equityFields: [(CSVColumn, ((Dashboard.GoalEquity, Dashboard.GroupCoverage)) -> String)] {
        [
        (CSVColumn("goal_id", .id, "The goal."), { Cell.id($0.0.goal) }),
        (CSVColumn("goal", .text, "Its title."), { $0.0.title }),
        (CSVColumn("goal_wins", .integer, "The goal's wins in the period."), { String($0.0.wins) }),
        (CSVColumn("group_id", .id, "A focus group of the goal."), { Cell.id($0.1.group) }),
        (CSVColumn("group", .text, "Its name."), { $0.1.name }),
        (CSVColumn("wins", .integer, "The goal's wins touching the group."), { String($0.1.wins) }),
        (CSVColumn("share", .number, "wins / goal_wins, from 0 to 1 (0 when the goal has none)."), { Cell.share($0.1.share) }),
        (CSVColumn("below_threshold", .boolean, "Whether the share is below the dashboard's threshold."), { String($0.1.belowThreshold) }),
        ]
    }

    static var participationFields: [(CSVColumn, (Dashboard.Participation.Bin) -> String)] {
        [
        (CSVColumn("wins", .integer, "A number of wins told."), { String($0.wins) }),
        (CSVColumn("members", .integer, "How many members told that many (members who told none are not listed)."), { String($0.members) }),
        ]
    }

    static var celebrationFields: [(CSVColumn, (Dashboard.Recognition.KindCount) -> String)] {
        [
        (CSVColumn("kind", .text, "confetti, applause, thanks or shoutOut."), { $0.kind.rawValue }),
        (CSVColumn("celebrations", .integer, "How many."), { String($0.count) }),
        ]
    }

    static var recognitionFields: [(CSVColumn, (Dashboard.Recognition.Pair) -> String)] {
        [
        (CSVColumn("from_id", .id, "The member recognising."), { Cell.id($0.from) }),
        (CSVColumn("from", .text, "Their name, when the dashboard was asked for names."), { $0.fromName ?? "" }),
        (CSVColumn("to_id", .id, "The member recognised."), { Cell.id($0.to) }),
        (CSVColumn("to", .text, "Their name, when the dashboard was asked for names."), { $0.toName ?? "" }),
        (CSVColumn("celebrations", .integer, "Celebrations given to the other's wins."), { String($0.celebrations) }),
        (CSVColumn("shout_outs", .integer, "Shout-outs given in one's own wins."), { String($0.shoutOuts) }),
        ]
    }

    static var brightSpotFields: [(CSVColumn, (Dashboard.BrightSpot) -> String)] {
        [
        (CSVColumn("win_id", .id, "The win."), { Cell.id($0.win) }),
        (CSVColumn("day", .date, "Its day."), { $0.day.iso }),
        (CSVColumn("kind", .text, "success or lesson."), { $0.kind.rawValue }),
        (CSVColumn("team_id", .id, "Its team."), { Cell.id($0.team) }),
        (CSVColumn("title", .text, "Its title."), { $0.title }),
        (CSVColumn("celebrations", .integer, "How many times it was celebrated."), { String($0.celebrations) }),
        (CSVColumn("excerpt", .text, "The story's beginning."), { $0.excerpt }),
        ]
    }

    static var agendaFields: [(CSVColumn, ((Dashboard.AgendaQuestion, Dashboard.AgendaAttempt?)) -> String)] {
        [
        (CSVColumn("question_id", .id, "The learning question."), { Cell.id($0.0.question) }),
        (CSVColumn("question", .text, "Its text."), { $0.0.text }),
        (CSVColumn("question_status", .text, "open or answered."), { $0.0.status.rawValue }),
        (CSVColumn("goal_id", .id, "The goal it serves, if any."), { Cell.id($0.0.goal) }),
        (CSVColumn("attempt_id", .id, "An attempt at it (empty when none yet)."), { Cell.id($0.1?.attempt) }),
        (CSVColumn("attempt", .text, "What was tried."), { $0.1?.title ?? "" }),
        (CSVColumn("attempt_status", .text, "planned, underway, adopted or dropped."), { $0.1?.status.rawValue ?? "" }),
        (CSVColumn("successes", .integer, "Successes that came from it in the period."), { $0.1.map { String($0.successes) } ?? "0" }),
        (CSVColumn("lessons", .integer, "Lessons that came from it in the period."), { $0.1.map { String($0.lessons) } ?? "0" }),
        ]
    }
}

/// A dashboard table's columns and how to make its rows, whatever the record type behind them.
struct DashboardRows {
    let columns: [CSVColumn]
    let rows: (Dashboard) -> [[String]]

    init<Record>(_ fields: [(CSVColumn, (Record) -> String)], records: @escaping (Dashboard) -> [Record]) {
        let table = TableRows(fields)
        columns = table.columns
        rows = { records($0).map(table.row) }
    }
}
