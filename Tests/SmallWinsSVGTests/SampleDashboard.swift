import Foundation
import SmallWins
import SmallWinsStoreTesting

/// A hand-made dashboard with the shape of a real school year: a quiet month, a goal under-serving a
/// focus group, a spread of participation, and bright spots told in teachers' words. Ids are fixed so
/// the SVG is the same on every run.
enum SampleDashboard {
    static func id<Subject>(_ number: Int) -> Identifier<Subject> { GoldenContents.id(number) }

    static func day(_ text: String) -> Day { try! Day(iso: text) }

    /// A school year of weekly counts for a school.
    static func schoolYear(heading: String = "Lincoln Elementary") -> Dashboard {
        let first = day("2025-08-01"), last = day("2026-07-31")
        var timeline: [Dashboard.TimelinePoint] = []
        var monday = day("2025-07-28")
        var week = 0
        while monday <= last {
            let quiet = monday.month == 12 || monday.month == 7 || (monday.month == 8 && monday.day < 18)
            let successes = quiet ? (week % 5 == 0 ? 1 : 0) : 2 + (week * 7) % 6
            let lessons = quiet ? 0 : (week * 3) % 4
            timeline.append(.init(start: monday, successes: successes, lessons: lessons))
            monday = Day(ordinal: monday.ordinal + 7)
            week += 1
        }
        let successes = timeline.map(\.successes).reduce(0, +), lessons = timeline.map(\.lessons).reduce(0, +)
        let fluency: Goal.ID = id(1), writing: Goal.ID = id(2), belonging: Goal.ID = id(3)
        let ml: StudentGroup.ID = id(11), iep: StudentGroup.ID = id(12), newcomers: StudentGroup.ID = id(13)
        return Dashboard(
            scope: id(100), period: try! Period(first, through: last), bucket: .week, equityThreshold: 0.2,
            totals: .init(wins: successes + lessons, successes: successes, lessons: lessons, celebrations: 212, contributors: 23, members: 31),
            timeline: timeline,
            byGoal: [
                .init(goal: fluency, title: "Every reader reads fluently by spring", successes: 61, lessons: 22),
                .init(goal: writing, title: "Students write to argue from evidence", successes: 34, lessons: 15),
                .init(goal: belonging, title: "Every family feels they belong here", successes: 27, lessons: 6),
            ],
            byTheme: [
                .init(theme: id(21), name: "Student discourse", successes: 38, lessons: 9),
                .init(theme: id(22), name: "Fluency practice", successes: 33, lessons: 14),
                .init(theme: id(23), name: "Family partnership", successes: 22, lessons: 4),
                .init(theme: id(24), name: "Feedback", successes: 18, lessons: 8),
                .init(theme: id(25), name: "Small-group instruction", successes: 15, lessons: 6),
                .init(theme: id(26), name: "Routines", successes: 9, lessons: 5),
            ],
            byGroup: [
                .init(group: ml, name: "Multilingual learners", successes: 29, lessons: 11),
                .init(group: iep, name: "Students with IEPs", successes: 12, lessons: 7),
                .init(group: newcomers, name: "Newcomers", successes: 6, lessons: 3),
            ],
            byTeam: [
                .init(team: id(101), name: "Grade 3", successes: 41, lessons: 14, celebrations: 77, contributors: 6),
                .init(team: id(102), name: "Grade 4", successes: 36, lessons: 12, celebrations: 58, contributors: 7),
                .init(team: id(103), name: "Specials", successes: 18, lessons: 9, celebrations: 31, contributors: 5),
                .init(team: id(104), name: "Family engagement", successes: 27, lessons: 8, celebrations: 46, contributors: 5),
            ],
            equity: [
                .init(goal: fluency, title: "Every reader reads fluently by spring", wins: 83, groups: [
                    .init(group: ml, name: "Multilingual learners", wins: 31, share: 31.0 / 83, belowThreshold: false),
                    .init(group: iep, name: "Students with IEPs", wins: 9, share: 9.0 / 83, belowThreshold: true),
                ]),
                .init(goal: writing, title: "Students write to argue from evidence", wins: 49, groups: [
                    .init(group: newcomers, name: "Newcomers", wins: 12, share: 12.0 / 49, belowThreshold: false),
                ]),
                .init(goal: belonging, title: "Every family feels they belong here", wins: 33, groups: []),
            ],
            participation: .init(contributors: 23, members: 31, distribution: [
                .init(wins: 0, members: 8), .init(wins: 1, members: 3), .init(wins: 2, members: 4), .init(wins: 3, members: 3),
                .init(wins: 5, members: 4), .init(wins: 6, members: 2), .init(wins: 8, members: 3), .init(wins: 9, members: 1),
                .init(wins: 11, members: 2), .init(wins: 14, members: 1),
            ]),
            recognition: .init(celebrations: [
                .init(kind: .confetti, count: 71), .init(kind: .applause, count: 64), .init(kind: .thanks, count: 52), .init(kind: .shoutOut, count: 25),
            ], shoutOuts: 40, pairs: [.init(from: id(201), to: id(202), celebrations: 9, shoutOuts: 4)]),
            streak: .init(weeks: 9, latestWeek: day("2026-06-22")),
            brightSpots: [
                .init(win: id(301), title: "Ana read a whole page aloud", kind: .success, day: day("2026-02-11"), team: id(101), celebrations: 14,
                      excerpt: "With reader and coach cards every pair stayed on task, and Ana, who arrived in October speaking no English, read a whole page aloud to her partner. The room went quiet and then everyone clapped."),
                .init(win: id(302), title: "Exit tickets told us nothing", kind: .lesson, day: day("2025-10-08"), team: id(102), celebrations: 9,
                      excerpt: "Our exit tickets asked yes/no questions, so every student answered yes. We learned to ask for one sentence of evidence instead."),
                .init(win: id(303), title: "Families came to the reading night", kind: .success, day: day("2026-03-05"), team: id(104), celebrations: 8,
                      excerpt: "Forty families came, twice last year's number, after we sent invitations in four languages and offered dinner."),
            ],
            learningAgenda: [])
    }

    /// The same dashboard with text an attacker or a careless paste might put in: markup, quotes,
    /// control characters, right-to-left marks and a very long name.
    static func hostile() -> Dashboard {
        var board = schoolYear()
        board.byGoal[0].title = "<script>alert('x')</script> & \"quotes\" \u{202E}reversed"
        board.byTheme[0].name = String(repeating: "Very long theme name ", count: 20)
        board.byGroup[0].name = "Tab\there\u{0007}bell"
        board.equity[0].title = "</title><svg onload=alert(1)>"
        board.brightSpots[0].excerpt = "=HYPERLINK(\"http://evil\") ]]> <!-- --> &amp;"
        return board
    }

    /// A period with no wins at all.
    static func empty() -> Dashboard {
        var board = schoolYear()
        board.timeline = board.timeline.map { .init(start: $0.start, successes: 0, lessons: 0) }
        board.totals = .init(wins: 0, successes: 0, lessons: 0, celebrations: 0, contributors: 0, members: 31)
        board.byGoal = board.byGoal.map { .init(goal: $0.goal, title: $0.title, successes: 0, lessons: 0) }
        board.byTheme = []
        board.byGroup = []
        board.byTeam = []
        board.equity = []
        board.participation = .init(contributors: 0, members: 31, distribution: [.init(wins: 0, members: 31)])
        board.streak = .init(weeks: 0)
        board.brightSpots = []
        return board
    }
}
