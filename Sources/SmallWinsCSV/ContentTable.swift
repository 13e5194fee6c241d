import Foundation
import SmallWins

/// The tables of records: one row per win, tidy long tables for what a win lists, and the directory
/// (teams, members, codebooks, goals, the learning agenda).
public enum ContentTable: String, CaseIterable, Sendable {
    /// `wins.csv`: one row per win.
    case wins
    /// `win_themes.csv`: one row per theme of a win.
    case winThemes = "win_themes"
    /// `win_groups.csv`: one row per student group a win touches.
    case winGroups = "win_groups"
    /// `shout_outs.csv`: one row per colleague a win gives a shout-out.
    case shoutOuts = "shout_outs"
    /// `celebrations.csv`: one row per celebration.
    case celebrations
    /// `teams.csv`: one row per team, with its path.
    case teams
    /// `members.csv`: one row per member.
    case members
    /// `memberships.csv`: one row per member of a team, with the role.
    case memberships
    /// `student_groups.csv`: the equity-focus codebook.
    case studentGroups = "student_groups"
    /// `themes.csv`: the qualitative codebook.
    case themes
    /// `goals.csv`: one row per goal.
    case goals
    /// `goal_focus_groups.csv`: one row per focus group of a goal, in order.
    case goalFocusGroups = "goal_focus_groups"
    /// `learning_questions.csv`: the learning agenda's questions.
    case learningQuestions = "learning_questions"
    /// `attempts.csv`: what teams tried, under their questions.
    case attempts

    /// The table's name, description and columns.
    public var definition: CSVTable {
        CSVTable(name: rawValue, description: about, columns: columns)
    }

    /// Whether the table has one or more rows per win (and so streams with the wins).
    var perWin: Bool { [.wins, .winThemes, .winGroups, .shoutOuts, .celebrations].contains(self) }

    private var about: String {
        switch self {
        case .wins: "One success or lesson learned; list fields repeat the long tables, joined with '; '."
        case .winThemes: "One theme coded on one win."
        case .winGroups: "One student group a win touched."
        case .shoutOuts: "One shout-out: a win's author thanking a colleague."
        case .celebrations: "One colleague celebrating one win."
        case .teams: "One district, school or team."
        case .members: "One staff member."
        case .memberships: "One member on one team."
        case .studentGroups: "One student group of the equity-focus codebook."
        case .themes: "One theme of the qualitative codebook."
        case .goals: "One big goal with its success criteria and focus groups."
        case .goalFocusGroups: "One student group a goal intends to serve, in the goal's order of priority."
        case .learningQuestions: "One question on a team's learning agenda."
        case .attempts: "One attempt at a learning question."
        }
    }

    private var columns: [CSVColumn] {
        switch self {
        case .wins: Self.winRows.columns
        case .winThemes: Self.winThemeRows.columns
        case .winGroups: Self.winGroupRows.columns
        case .shoutOuts: Self.shoutOutRows.columns
        case .celebrations: Self.celebrationRows.columns
        case .teams: Self.teamRows.columns
        case .members: Self.memberRows.columns
        case .memberships: Self.membershipRows.columns
        case .studentGroups: Self.codebookRows("student group").columns
        case .themes: Self.codebookRows("theme").columns
        case .goals: Self.goalRows.columns
        case .goalFocusGroups: Self.focusGroupRows.columns
        case .learningQuestions: Self.questionRows.columns
        case .attempts: Self.attemptRows.columns
        }
    }

    /// The directory rows of a table that does not stream with the wins.
    func directoryRows(_ content: ExportContent, _ names: ExportNames) -> [[String]] {
        switch self {
        case .teams: content.teams.map { ($0, names) }.map(Self.teamRows.row)
        case .members: content.members.map { ($0, names) }.map(Self.memberRows.row)
        case .memberships: content.memberships.map { ($0, names) }.map(Self.membershipRows.row)
        case .studentGroups: content.studentGroups.map { ($0.id.uuid, $0.name, $0.description, $0.team, names) }.map(Self.codebookRows("").row)
        case .themes: content.themes.map { ($0.id.uuid, $0.name, $0.description, $0.team, names) }.map(Self.codebookRows("").row)
        case .goals: content.goals.map { ($0, names) }.map(Self.goalRows.row)
        case .goalFocusGroups:
            content.goals.flatMap { goal in goal.focusGroups.enumerated().map { (goal, $0.offset + 1, $0.element, names) } }
                .map(Self.focusGroupRows.row)
        case .learningQuestions: content.learningQuestions.map { ($0, names) }.map(Self.questionRows.row)
        case .attempts: content.attempts.map { ($0, names) }.map(Self.attemptRows.row)
        case .wins, .winThemes, .winGroups, .shoutOuts, .celebrations: []
        }
    }

    /// The rows a page of wins adds to a per-win table.
    func rows(_ batch: WinBatch, _ names: ExportNames) -> [[String]] {
        switch self {
        case .wins:
            let counts = Dictionary(grouping: batch.celebrations, by: \.win).mapValues(\.count)
            return batch.wins.map { ($0, counts[$0.id] ?? 0, names) }.map(Self.winRows.row)
        case .winThemes:
            return batch.wins.flatMap { win in win.themes.enumerated().map { (win, $0.offset + 1, $0.element, names) } }
                .map(Self.winThemeRows.row)
        case .winGroups:
            return batch.wins.flatMap { win in win.groups.map { (win, $0, names) } }.map(Self.winGroupRows.row)
        case .shoutOuts:
            return batch.wins.flatMap { win in win.shoutOuts.map { (win, $0, names) } }.map(Self.shoutOutRows.row)
        case .celebrations:
            let days = Dictionary(batch.wins.map { ($0.id, $0.day) }, uniquingKeysWith: { first, _ in first })
            return batch.celebrations.map { ($0, days[$0.win], names) }.map(Self.celebrationRows.row)
        default:
            return []
        }
    }

    // MARK: Definitions

    static var winRows: TableRows<(Win, Int, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The win's id."), { Cell.id($0.0.id) }),
        (CSVColumn("day", .date, "The day it happened."), { $0.0.day.iso }),
        (CSVColumn("kind", .text, "success or lesson."), { $0.0.kind.rawValue }),
        (CSVColumn("team_id", .id, "The team it belongs to."), { Cell.id($0.0.team) }),
        (CSVColumn("team", .text, "That team's path from the top, names joined with ' / '."), { $0.2.teamPath($0.0.team) ?? "" }),
        (CSVColumn("author_id", .id, "The member who tells it."), { Cell.id($0.0.author) }),
        (CSVColumn("author", .text, "The author's name."), { $0.2.member($0.0.author) ?? "" }),
        (CSVColumn("title", .text, "The win in one line."), { $0.0.title }),
        (CSVColumn("story", .text, "The story in the member's own words; may span lines."), { $0.0.story }),
        (CSVColumn("learned", .text, "What was learned (always given for a lesson)."), { $0.0.learned ?? "" }),
        (CSVColumn("next", .text, "What to try next."), { $0.0.next ?? "" }),
        (CSVColumn("goal_id", .id, "The goal it serves, if any."), { Cell.id($0.0.goal) }),
        (CSVColumn("goal", .text, "That goal's title."), { $0.2.goal($0.0.goal) ?? "" }),
        (CSVColumn("attempt_id", .id, "The learning-agenda attempt it came from, if any."), { Cell.id($0.0.attempt) }),
        (CSVColumn("attempt", .text, "That attempt's title."), { $0.2.attempt($0.0.attempt) ?? "" }),
        (CSVColumn("question_id", .id, "The learning question of that attempt."), { Cell.id($0.2.question(of: $0.0.attempt)) }),
        (CSVColumn("question", .text, "That question's text."), { $0.2.question($0.2.question(of: $0.0.attempt)) ?? "" }),
        (CSVColumn("themes", .list, "Theme names, in the order coded."), { row in Cell.list(row.0.themes.map { row.2.theme($0) }) }),
        (CSVColumn("theme_ids", .list, "Theme ids, in the same order."), { Cell.ids($0.0.themes) }),
        (CSVColumn("groups", .list, "Student group names the win touched."), { row in Cell.list(row.0.groups.map { row.2.group($0) }) }),
        (CSVColumn("group_ids", .list, "Student group ids, in the same order."), { Cell.ids($0.0.groups) }),
        (CSVColumn("shout_outs", .list, "Names of colleagues the author thanks."), { row in Cell.list(row.0.shoutOuts.map { row.2.member($0) }) }),
        (CSVColumn("shout_out_ids", .list, "Their member ids, in the same order."), { Cell.ids($0.0.shoutOuts) }),
        (CSVColumn("celebrations", .integer, "How many times colleagues celebrated it."), { String($0.1) }),
        (CSVColumn("recorded_at", .timestamp, "When it was recorded (UTC)."), { Cell.instant($0.0.recordedAt) }),
        ])
    }

    static var winThemeRows: TableRows<(Win, Int, Theme.ID, ExportNames)> {
        TableRows([
        (CSVColumn("win_id", .id, "The win."), { Cell.id($0.0.id) }),
        (CSVColumn("day", .date, "The win's day."), { $0.0.day.iso }),
        (CSVColumn("kind", .text, "The win's kind: success or lesson."), { $0.0.kind.rawValue }),
        (CSVColumn("team_id", .id, "The win's team."), { Cell.id($0.0.team) }),
        (CSVColumn("position", .integer, "The theme's place in the win's list, from 1."), { String($0.1) }),
        (CSVColumn("theme_id", .id, "The theme."), { Cell.id($0.2) }),
        (CSVColumn("theme", .text, "The theme's name."), { $0.3.theme($0.2) ?? "" }),
        ])
    }

    static var winGroupRows: TableRows<(Win, StudentGroup.ID, ExportNames)> {
        TableRows([
        (CSVColumn("win_id", .id, "The win."), { Cell.id($0.0.id) }),
        (CSVColumn("day", .date, "The win's day."), { $0.0.day.iso }),
        (CSVColumn("kind", .text, "The win's kind: success or lesson."), { $0.0.kind.rawValue }),
        (CSVColumn("team_id", .id, "The win's team."), { Cell.id($0.0.team) }),
        (CSVColumn("group_id", .id, "The student group."), { Cell.id($0.1) }),
        (CSVColumn("group", .text, "The group's name."), { $0.2.group($0.1) ?? "" }),
        ])
    }

    static var shoutOutRows: TableRows<(Win, Member.ID, ExportNames)> {
        TableRows([
        (CSVColumn("win_id", .id, "The win."), { Cell.id($0.0.id) }),
        (CSVColumn("day", .date, "The win's day."), { $0.0.day.iso }),
        (CSVColumn("from_id", .id, "The win's author, who gives the shout-out."), { Cell.id($0.0.author) }),
        (CSVColumn("from", .text, "The author's name."), { $0.2.member($0.0.author) ?? "" }),
        (CSVColumn("to_id", .id, "The colleague thanked."), { Cell.id($0.1) }),
        (CSVColumn("to", .text, "The colleague's name."), { $0.2.member($0.1) ?? "" }),
        ])
    }

    static var celebrationRows: TableRows<(Celebration, Day?, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The celebration."), { Cell.id($0.0.id) }),
        (CSVColumn("win_id", .id, "The win celebrated."), { Cell.id($0.0.win) }),
        (CSVColumn("win_day", .date, "The win's day."), { Cell.day($0.1) }),
        (CSVColumn("by_id", .id, "The member celebrating."), { Cell.id($0.0.by) }),
        (CSVColumn("by", .text, "Their name."), { $0.2.member($0.0.by) ?? "" }),
        (CSVColumn("kind", .text, "confetti, applause, thanks or shoutOut."), { $0.0.kind.rawValue }),
        (CSVColumn("message", .text, "Their message, if any."), { $0.0.message ?? "" }),
        (CSVColumn("at", .timestamp, "When (UTC)."), { Cell.instant($0.0.at) }),
        ])
    }

    static var teamRows: TableRows<(Team, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The team."), { Cell.id($0.0.id) }),
        (CSVColumn("name", .text, "Its name."), { $0.0.name }),
        (CSVColumn("kind", .text, "district, school or team."), { $0.0.kind.rawValue }),
        (CSVColumn("parent_id", .id, "The team it sits inside (empty for the top)."), { Cell.id($0.0.parent) }),
        (CSVColumn("path", .text, "Its path from the top, names joined with ' / '."), { $0.1.teamPath($0.0.id) ?? "" }),
        ])
    }

    static var memberRows: TableRows<(Member, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The member."), { Cell.id($0.0.id) }),
        (CSVColumn("name", .text, "Their name."), { $0.0.name }),
        (CSVColumn("email", .text, "Their address, if given."), { $0.0.email ?? "" }),
        (CSVColumn("organization_id", .id, "The team keeping their record."), { Cell.id($0.0.organization) }),
        (CSVColumn("organization", .text, "That team's path."), { $0.1.teamPath($0.0.organization) ?? "" }),
        ])
    }

    static var membershipRows: TableRows<(Membership, ExportNames)> {
        TableRows([
        (CSVColumn("member_id", .id, "The member."), { Cell.id($0.0.member) }),
        (CSVColumn("member", .text, "Their name."), { $0.1.member($0.0.member) ?? "" }),
        (CSVColumn("team_id", .id, "The team."), { Cell.id($0.0.team) }),
        (CSVColumn("team", .text, "The team's path."), { $0.1.teamPath($0.0.team) ?? "" }),
        (CSVColumn("role", .text, "lead, member, coach or observer."), { $0.0.role.rawValue }),
        ])
    }

    static func codebookRows(_ noun: String) -> TableRows<(UUID, String, String?, Team.ID, ExportNames)> {
        TableRows([
            (CSVColumn("id", .id, "The \(noun)."), { $0.0.lowercaseText }),
            (CSVColumn("name", .text, "Its name."), { $0.1 }),
            (CSVColumn("description", .text, "What it means, so everyone codes alike."), { $0.2 ?? "" }),
            (CSVColumn("team_id", .id, "The team keeping it (usable in that team's whole subtree)."), { Cell.id($0.3) }),
            (CSVColumn("team", .text, "That team's path."), { $0.4.teamPath($0.3) ?? "" }),
        ])
    }

    static var goalRows: TableRows<(Goal, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The goal."), { Cell.id($0.0.id) }),
        (CSVColumn("team_id", .id, "The team owning it."), { Cell.id($0.0.team) }),
        (CSVColumn("team", .text, "That team's path."), { $0.1.teamPath($0.0.team) ?? "" }),
        (CSVColumn("title", .text, "The goal in one line."), { $0.0.title }),
        (CSVColumn("summary", .text, "A longer statement."), { $0.0.summary ?? "" }),
        (CSVColumn("status", .text, "draft, active, achieved or retired."), { $0.0.status.rawValue }),
        (CSVColumn("start", .date, "First day of work on it."), { Cell.day($0.0.start) }),
        (CSVColumn("end", .date, "The day it should be reached."), { Cell.day($0.0.end) }),
        (CSVColumn("looks_like", .list, "What success looks like."), { Cell.list($0.0.success.looksLike) }),
        (CSVColumn("sounds_like", .list, "What success sounds like."), { Cell.list($0.0.success.soundsLike) }),
        (CSVColumn("feels_like", .list, "What success feels like."), { Cell.list($0.0.success.feelsLike) }),
        (CSVColumn("focus_groups", .list, "Student groups it intends to serve, by priority."), { row in Cell.list(row.0.focusGroups.map { row.1.group($0) }) }),
        (CSVColumn("focus_group_ids", .list, "Their ids, in the same order."), { Cell.ids($0.0.focusGroups) }),
        ])
    }

    static var focusGroupRows: TableRows<(Goal, Int, StudentGroup.ID, ExportNames)> {
        TableRows([
        (CSVColumn("goal_id", .id, "The goal."), { Cell.id($0.0.id) }),
        (CSVColumn("goal", .text, "Its title."), { $0.0.title }),
        (CSVColumn("position", .integer, "Priority, from 1."), { String($0.1) }),
        (CSVColumn("group_id", .id, "The student group."), { Cell.id($0.2) }),
        (CSVColumn("group", .text, "Its name."), { $0.3.group($0.2) ?? "" }),
        ])
    }

    static var questionRows: TableRows<(LearningQuestion, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The question."), { Cell.id($0.0.id) }),
        (CSVColumn("team_id", .id, "The team whose agenda holds it."), { Cell.id($0.0.team) }),
        (CSVColumn("team", .text, "That team's path."), { $0.1.teamPath($0.0.team) ?? "" }),
        (CSVColumn("text", .text, "The question."), { $0.0.text }),
        (CSVColumn("goal_id", .id, "The goal it serves, if any."), { Cell.id($0.0.goal) }),
        (CSVColumn("goal", .text, "That goal's title."), { $0.1.goal($0.0.goal) ?? "" }),
        (CSVColumn("status", .text, "open or answered."), { $0.0.status.rawValue }),
        (CSVColumn("answer", .text, "What the team concluded."), { $0.0.answer ?? "" }),
        ])
    }

    static var attemptRows: TableRows<(Attempt, ExportNames)> {
        TableRows([
        (CSVColumn("id", .id, "The attempt."), { Cell.id($0.0.id) }),
        (CSVColumn("question_id", .id, "The learning question."), { Cell.id($0.0.question) }),
        (CSVColumn("question", .text, "Its text."), { $0.1.question($0.0.question) ?? "" }),
        (CSVColumn("title", .text, "What is tried."), { $0.0.title }),
        (CSVColumn("description", .text, "How it is tried."), { $0.0.description ?? "" }),
        (CSVColumn("start", .date, "When it started."), { Cell.day($0.0.start) }),
        (CSVColumn("status", .text, "planned, underway, adopted or dropped."), { $0.0.status.rawValue }),
        ])
    }
}
