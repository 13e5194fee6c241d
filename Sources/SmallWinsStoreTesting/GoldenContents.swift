import Foundation
import SmallWins

/// A small installation with fixed ids and times, for golden-file tests of exporters: equal on every
/// run, with the text that breaks naive writers (quotes, commas, line breaks, tabs, emoji, formula
/// triggers, markup).
public enum GoldenContents {
    /// An id whose last digits are `number`.
    public static func id<Subject>(_ number: Int) -> Identifier<Subject> {
        Identifier(UUID(uuidString: String(format: "00000000-0000-7000-8000-%012d", number))!)
    }

    /// The installation.
    public static func make() -> StoreContents {
        let district = Team(id: id(1), name: "Riverside District", kind: .district)
        let school = Team(id: id(2), name: "Village Elementary", kind: .school, parent: district.id)
        let grade3 = Team(id: id(3), name: "Grade 3", kind: .team, parent: school.id)
        let maria = Member(id: id(11), name: "Maria López", email: "maria@riverside.org", in: district.id)
        let sam = Member(id: id(12), name: "Sam \"Coach\" Carter", in: district.id)
        let ml = StudentGroup(id: id(21), name: "Multilingual learners", description: "Students learning English", in: district.id)
        let iep = StudentGroup(id: id(22), name: "Students with IEPs", in: district.id)
        let fluency = Theme(id: id(31), name: "Fluency", description: "Reading with accuracy, pace, expression", in: district.id)
        let discourse = Theme(id: id(32), name: "Discourse, talk; argument", in: district.id)
        let goal = Goal(
            id: id(41), team: school.id, title: "Every reader reads fluently by spring", summary: "Grades 2-4",
            success: SuccessCriteria(looksLike: ["students reread to a partner"], soundsLike: ["I can read this!"], feelsLike: ["confident", "proud"]),
            focusGroups: [ml.id, iep.id], start: day("2026-08-24"), end: day("2027-06-11"))
        let question = LearningQuestion(id: id(51), team: grade3.id, text: "Does partner reading help our multilingual learners?", goal: goal.id)
        let attempt = Attempt(id: id(61), question: question.id, title: "Partner reading, ten minutes a day", start: day("2026-09-01"), status: .underway)
        let lesson = Win(
            id: id(71), team: grade3.id, author: maria.id, kind: .lesson, title: "Partner reading fell flat",
            story: "My pairs drifted off task;\nthe stronger reader did all the reading.", learned: "Pairs need roles, a reader and a coach.",
            next: "Try reader/coach cards", day: day("2026-11-18"), goal: goal.id, attempt: attempt.id, themes: [fluency.id],
            groups: [ml.id], recordedAt: instant(1_795_000_000_000))
        let success = Win(
            id: id(72), team: grade3.id, author: maria.id, kind: .success, title: "=Coach cards worked +100%",
            story: "With \"reader/coach\" cards, every pair stayed on task\tand Ana read a whole page aloud 👩🏽‍🏫 <b>wow</b>\r\n@everyone",
            day: day("2026-11-24"), goal: goal.id, attempt: attempt.id, themes: [discourse.id, fluency.id], groups: [ml.id, iep.id],
            shoutOuts: [sam.id], recordedAt: instant(1_795_500_000_123))
        let cheer = Celebration(id: id(81), win: success.id, by: sam.id, kind: .confetti, message: "-Ana's face, when she finished!",
                                at: instant(1_795_600_000_456))
        return StoreContents(
            teams: [district, school, grade3], members: [maria, sam],
            memberships: [Membership(member: maria.id, team: grade3.id, role: .lead), Membership(member: sam.id, team: grade3.id)],
            studentGroups: [ml, iep], themes: [discourse, fluency], goals: [goal], learningQuestions: [question], attempts: [attempt],
            wins: [success, lesson], celebrations: [cheer])
    }

    /// The installation with `count` wins (copies of its two, alternating, newest first) instead of two, and
    /// a celebration of every other one: enough for several pages of an import.
    public static func make(wins count: Int) -> StoreContents {
        var contents = make()
        let templates = contents.wins, cheer = contents.celebrations[0]
        contents.wins = (0..<count).map { index in
            var win = templates[index % 2]
            win.id = id(100_000 + index)
            win.recordedAt = instant(1_795_500_000_000 - Int64(index) * 60_000)
            return win
        }
        contents.celebrations = contents.wins.enumerated().filter { $0.offset % 2 == 0 }.map { index, win in
            var celebration = cheer
            celebration.id = id(500_000 + index)
            celebration.win = win.id
            return celebration
        }
        return contents
    }

    private static func instant(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }
}
