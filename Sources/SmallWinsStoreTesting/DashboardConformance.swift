import Foundation
import SmallWins

extension StoreConformance {
    static let dashboardCases: [ConformanceCase] = [
        ConformanceCase("dashboard totals, timeline, goals, themes and groups match hand-counted answers") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            try await celebrate(data, in: store)
            let district = try await store.scoped(to: f.district.id)
            let board = try await district.dashboard(DashboardQuery(period: try Period.schoolYear(2026), bucket: .month))
            try checkEqual(board.totals, .init(wins: 8, successes: 5, lessons: 3, celebrations: 5, contributors: 4, members: 4), "totals")
            try checkEqual(board.timeline.map(\.start.iso), (0..<12).map { Period.month(containing: try! Day(2026 + (7 + $0) / 12, (7 + $0) % 12 + 1, 1)).first.iso }, "monthly buckets")
            try checkEqual(board.timeline.map(\.successes), [0, 1, 1, 2, 0, 1, 0, 0, 0, 0, 0, 0], "successes per month")
            try checkEqual(board.timeline.map(\.lessons), [0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0], "lessons per month")
            try checkEqual(board.byGoal, [.init(goal: f.readingGoal.id, title: f.readingGoal.title, successes: 3, lessons: 1)], "by goal")
            try checkEqual(board.byTheme.map { "\($0.name) \($0.successes)/\($0.lessons)" },
                           ["Discourse 1/2", "Fluency 2/1", "Family partnership 1/0"], "by theme")
            try checkEqual(board.byGroup.map { "\($0.name) \($0.successes)/\($0.lessons)" },
                           ["Multilingual learners 3/0", "Students with IEPs 0/2", "Newcomers 1/0"], "by group")
            let weekly = try await district.dashboard(DashboardQuery(period: try Period(day("2026-08-31"), through: day("2026-09-20"))))
            try checkEqual(weekly.timeline.map { "\($0.start) \($0.successes)/\($0.lessons)" },
                           ["2026-08-31 1/0", "2026-09-07 0/0", "2026-09-14 0/1"], "weekly buckets start on Monday")
        },
        ConformanceCase("dashboard equity coverage flags focus groups below the threshold") { store in
            let data = try await QueryData.make(in: store)
            let board = try await store.dashboard(DashboardQuery(period: try Period.schoolYear(2026), equityThreshold: 0.3))
            let f = data.f
            try checkEqual(board.equity, [Dashboard.GoalEquity(goal: f.readingGoal.id, title: f.readingGoal.title, wins: 4, groups: [
                .init(group: f.multilingual.id, name: "Multilingual learners", wins: 2, share: 0.5, belowThreshold: false),
                .init(group: f.iep.id, name: "Students with IEPs", wins: 1, share: 0.25, belowThreshold: true),
            ])], "equity")
            let october = try await store.dashboard(DashboardQuery(period: try Period(day("2026-10-01"), through: day("2026-10-31"))))
            try checkEqual(october.equity.first?.groups.map(\.wins), [0, 0], "October: one goal win, touching neither group")
            try checkEqual(october.equity.first?.groups.map(\.belowThreshold), [true, true], "flagged at the default 20%")
        },
        ConformanceCase("dashboard rolls up by child team, participation is a spread, names only on request") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            try await celebrate(data, in: store)
            let year = try Period.schoolYear(2026)
            let district = try await store.scoped(to: f.district.id)
            let board = try await district.dashboard(DashboardQuery(period: year))
            try checkEqual(board.byTeam, [
                .init(team: f.north.id, name: "North Elementary", successes: 4, lessons: 2, celebrations: 4, contributors: 3),
                .init(team: f.south.id, name: "South Elementary", successes: 1, lessons: 1, celebrations: 1, contributors: 1),
            ], "district roll-up")
            let north = try await store.scoped(to: f.north.id)
            let school = try await north.dashboard(DashboardQuery(period: year))
            try checkEqual(school.byTeam.map { "\($0.name) \($0.successes)/\($0.lessons)" },
                           ["North Elementary 1/0", "Grade 3 2/1", "Grade 4 1/1"], "the school's own wins first, then its teams")
            try checkEqual(board.participation.distribution.map { "\($0.wins):\($0.members)" }, ["1:1", "2:2", "3:1"], "spread")
            try checkEqual(board.participation.byMember, nil, "no names by default")
            try check(board.recognition.pairs.allSatisfy { $0.fromName == nil && $0.toName == nil }, "no names in pairs by default")
            let named = try await district.dashboard(DashboardQuery(period: year, includeNames: true))
            try checkEqual(named.participation.byMember?.map { "\($0.name) \($0.wins)" }, ["Ana Lopez 3", "Ben Okafor 2", "Cy Tran 2", "Dee Marsh 1"], "names")
        },
        ConformanceCase("dashboard recognition, bright spots and learning agenda") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            try await celebrate(data, in: store)
            var shouted = data.wins[2]
            shouted.shoutOuts = [f.ana.id, f.dee.id]
            _ = try await store.update(shouted)
            let board = try await store.dashboard(DashboardQuery(period: try Period.schoolYear(2026), includeNames: true, brightSpotCount: 2))
            try checkEqual(board.recognition.celebrations.map { "\($0.kind.rawValue) \($0.count)" },
                           ["confetti 2", "applause 1", "thanks 2", "shoutOut 0"], "celebrations by kind")
            try checkEqual(board.recognition.shoutOuts, 2, "shout-outs")
            try checkEqual(Set(board.recognition.pairs.map { "\($0.fromName!)>\($0.toName!) \($0.celebrations)+\($0.shoutOuts)" }), [
                "Ben Okafor>Dee Marsh 1+1", "Ana Lopez>Dee Marsh 1+0", "Cy Tran>Dee Marsh 1+0", "Ben Okafor>Ana Lopez 1+1",
                "Ana Lopez>Cy Tran 1+0",
            ], "who recognised whom")
            try checkEqual(board.brightSpots.map(\.win), [data.wins[4].id, data.wins[5].id], "most celebrated, ties newest first")
            try checkEqual(board.brightSpots.first?.celebrations, 3, "celebrations of the brightest spot")
            try checkEqual(board.brightSpots.first?.excerpt, "Forty families came to read with us.", "excerpt")
            try checkEqual(board.learningAgenda, [Dashboard.AgendaQuestion(
                question: f.question.id, text: f.question.text, status: .open, goal: f.readingGoal.id, attempts: [
                    .init(attempt: f.partnerReading.id, title: "Partner reading", status: .underway, successes: 1, lessons: 1,
                          latestWins: [data.wins[7].id, data.wins[1].id]),
                ])], "learning agenda")
        },
        ConformanceCase("dashboard streak counts consecutive weeks back from the period's end") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            for date in ["2026-10-07", "2026-10-13", "2026-10-27"] { _ = try await store.record(f.success("Streak \(date)", on: date)) }
            func streak(_ last: String) async throws -> Dashboard.Streak {
                try await store.dashboard(DashboardQuery(period: try Period(day("2026-10-01"), through: day(last)))).streak
            }
            try checkEqual(try await streak("2026-11-04"), .init(weeks: 6, latestWeek: day("2026-11-02")), "through the week of Nov 2")
            try checkEqual(try await streak("2026-11-10"), .init(weeks: 6, latestWeek: day("2026-11-02")), "a new week with no win yet")
            try checkEqual(try await streak("2026-11-20"), .init(weeks: 0, latestWeek: nil), "two empty weeks end it")
            let schoolYear = DashboardQuery(period: try Period.schoolYear(2026), asOf: day("2026-11-04"))
            try checkEqual(try await store.dashboard(schoolYear).streak, .init(weeks: 6, latestWeek: day("2026-11-02")),
                           "asOf: a current year's streak counts back from today, not from the year's end")
        },
        ConformanceCase("dashboard small-cell suppression leaves out member-level cells below the minimum group size") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            let period = try Period(day("2026-09-01"), through: day("2026-12-31"))
            let open = try await store.dashboard(DashboardQuery(period: period, includeNames: true))
            let query = DashboardQuery(period: period, includeNames: true, minimumGroupSize: 2)
            let suppressed = try await store.dashboard(query)
            let reference = ReferenceDashboard(contents: try await StoreContents.load(from: store)).dashboard(query, scope: nil)
            try checkEqual(suppressed, reference, "the store applies the same rule as the reference")
            try check(suppressed.participation.distribution.allSatisfy { $0.members >= 2 }, "no bin under 2 members")
            try check(suppressed.recognition.pairs.allSatisfy { $0.celebrations + $0.shoutOuts >= 2 }, "no pair under 2")
            try check(suppressed.totals.wins <= open.totals.wins, "totals leave out the wins of teams written by fewer people")
            let team = try await store.scoped(to: f.northGrade4.id)
            let tiny = try await team.dashboard(DashboardQuery(period: period, includeNames: true, minimumGroupSize: 50))
            try checkEqual(tiny.participation.distribution, [], "a scope smaller than the minimum shows no spread")
            try checkEqual(tiny.participation.byMember, nil, "nor members' counts")
            try checkEqual(tiny.recognition.pairs, [], "nor pairs")
            try checkEqual(tiny.totals.wins, 0, "nor its wins, which fewer than 50 people wrote")
        },
        ConformanceCase("dashboard suppression by people: subtracting siblings from their school finds no team written by fewer people") { store in
            // A school of four teams of five writers each, and Tiny: two members, one of whom wrote seven wins.
            let district = try await store.create(Team(name: "Differencing District", kind: .district))
            let school = try await store.create(Team(name: "Differencing School", kind: .school, parent: district.id))
            let theme = try await store.create(Theme(name: "Differencing theme", in: district.id))
            let group = try await store.create(StudentGroup(name: "Differencing group", in: district.id))
            var siblings: [Team] = []
            for index in 0..<4 { siblings.append(try await store.create(Team(name: "Team \(index)", kind: .team, parent: school.id))) }
            let tiny = try await store.create(Team(name: "Tiny", kind: .team, parent: school.id))
            func write(_ count: Int, on team: Team, by member: Member, from start: Int) async throws {
                for number in 0..<count {
                    _ = try await store.record(Win(
                        team: team.id, author: member.id, kind: number % 3 == 0 ? .lesson : .success, title: "Win \(start + number)",
                        story: "A story.", learned: number % 3 == 0 ? "A lesson." : nil, day: day("2026-10-0\(1 + number % 9)"),
                        themes: [theme.id], groups: [group.id]))
                }
            }
            for (index, team) in siblings.enumerated() {
                for writer in 0..<5 {
                    let member = try await store.create(Member(name: "Writer \(index)-\(writer)", in: district.id))
                    _ = try await store.create(Membership(member: member.id, team: team.id))
                    try await write(1 + writer % 2, on: team, by: member, from: 100 * index + 10 * writer)
                }
            }
            // In Team 0 (five writers), one writer alone wrote three wins for a rare group, theme, goal and attempt.
            let rareGroup = try await store.create(StudentGroup(name: "Rare group", in: district.id))
            let rareTheme = try await store.create(Theme(name: "Rare theme", in: district.id))
            let rareGoal = try await store.create(Goal(team: school.id, title: "Rare goal", focusGroups: [rareGroup.id]))
            let question = try await store.create(LearningQuestion(team: school.id, text: "Rare question?", goal: rareGoal.id))
            let rareAttempt = try await store.create(Attempt(question: question.id, title: "Rare attempt"))
            let loner = try await store.create(Member(name: "Loner", in: district.id))
            _ = try await store.create(Membership(member: loner.id, team: siblings[0].id))
            for number in 0..<3 {
                _ = try await store.record(Win(
                    team: siblings[0].id, author: loner.id, kind: .success, title: "Rare \(number)", story: "A story.",
                    day: day("2026-10-1\(number)"), goal: rareGoal.id, attempt: rareAttempt.id, themes: [rareTheme.id], groups: [rareGroup.id]))
            }
            for name in ["Tiny One", "Tiny Two"] {
                let member = try await store.create(Member(name: name, in: district.id))
                _ = try await store.create(Membership(member: member.id, team: tiny.id))
                if name == "Tiny One" { try await write(7, on: tiny, by: member, from: 900) }
            }
            let period = try Period.schoolYear(2026)
            func difference(_ minimumGroupSize: Int) async throws -> (wins: Int, celebrations: Int, theme: Int, group: Int, timeline: Int) {
                let query = DashboardQuery(period: period, minimumGroupSize: minimumGroupSize)
                let whole = try await store.scoped(to: school.id).dashboard(query)
                var parts: [Dashboard] = []
                for team in siblings { parts.append(try await store.scoped(to: team.id).dashboard(query)) }
                func themeCount(_ board: Dashboard) -> Int { board.byTheme.filter { $0.theme == theme.id }.map { $0.successes + $0.lessons }.reduce(0, +) }
                func groupCount(_ board: Dashboard) -> Int { board.byGroup.filter { $0.group == group.id }.map { $0.successes + $0.lessons }.reduce(0, +) }
                func timeline(_ board: Dashboard) -> Int { board.timeline.map(\.wins).reduce(0, +) }
                return (whole.totals.wins - parts.map(\.totals.wins).reduce(0, +),
                        whole.totals.celebrations - parts.map(\.totals.celebrations).reduce(0, +),
                        themeCount(whole) - parts.map(themeCount).reduce(0, +), groupCount(whole) - parts.map(groupCount).reduce(0, +),
                        timeline(whole) - parts.map(timeline).reduce(0, +))
            }
            let open = try await difference(0)
            try checkEqual([open.wins, open.theme, open.group, open.timeline], [7, 7, 7, 7], "unprotected, the attack finds Tiny's seven wins")
            let guarded = try await difference(5)
            try checkEqual([guarded.wins, guarded.celebrations, guarded.theme, guarded.group, guarded.timeline], [0, 0, 0, 0, 0],
                           "with a minimum of five people, the school's counts are the sum of its teams': nothing is left to find")
            let own = try await store.scoped(to: tiny.id).dashboard(DashboardQuery(period: period, includeNames: true, minimumGroupSize: 5))
            try checkEqual([own.totals.wins, own.totals.contributors], [0, 0], "Tiny's own dashboard shows none of its wins")
            try check(own.participation.byMember == nil && own.recognition.pairs.isEmpty, "and names nobody")
            let schoolBoard = try await store.scoped(to: school.id).dashboard(DashboardQuery(period: period, minimumGroupSize: 5))
            try check(schoolBoard.byTeam.first { $0.team == tiny.id }.map { $0.successes + $0.lessons } ?? 0 == 0, "the school's row for Tiny counts nothing")

            // Cells by group, theme, goal, equity and attempt count a team's wins only when enough people wrote them.
            func rareCells(_ board: Dashboard) -> [Int] {
                [board.byGroup.first { $0.group == rareGroup.id }.map { $0.successes + $0.lessons } ?? 0,
                 board.byTheme.first { $0.theme == rareTheme.id }.map { $0.successes + $0.lessons } ?? 0,
                 board.byGoal.first { $0.goal == rareGoal.id }.map { $0.successes + $0.lessons } ?? 0,
                 board.equity.first { $0.goal == rareGoal.id }?.groups.first?.wins ?? 0,
                 board.learningAgenda.flatMap(\.attempts).first { $0.attempt == rareAttempt.id }.map { $0.successes + $0.lessons + $0.latestWins.count } ?? 0]
            }
            let contents = try await StoreContents.load(from: store)
            for scope in [school.id, siblings[0].id] {
                let scoped = try await store.scoped(to: scope)
                try checkEqual(rareCells(try await scoped.dashboard(DashboardQuery(period: period))), [3, 3, 3, 3, 6],
                               "unprotected, the rare cells show the one writer's three wins")
                let query = DashboardQuery(period: period, includeNames: true, minimumGroupSize: 5)
                let guardedBoard = try await scoped.dashboard(query)
                print("differencing attack on \(type(of: store)): Tiny's wins found unprotected \(open.wins), with K = 5 \(guarded.wins); "
                      + "rare cells (group, theme, goal, equity, attempt) of \(scope == school.id ? "the school" : "Team 0") with K = 5: \(rareCells(guardedBoard))")
                try checkEqual(rareCells(guardedBoard), [0, 0, 0, 0, 0], "with a minimum of five people, no rare cell counts them")
                try checkEqual(guardedBoard, ReferenceDashboard(contents: contents).dashboard(query, scope: scope), "the store applies the reference's rule")
            }
            let teamZero = try await store.scoped(to: siblings[0].id).dashboard(DashboardQuery(period: period, minimumGroupSize: 5))
            try checkEqual(teamZero.totals.wins, 10, "Team 0's seven wins and the three rare ones still count in its totals: six people wrote them")
        },
        ConformanceCase("dashboard filters and scope narrow every part") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            try await celebrate(data, in: store)
            let year = try Period.schoolYear(2026)
            let lessons = try await store.dashboard(DashboardQuery(period: year, filters: WinQuery(kinds: [.lesson])))
            try checkEqual(lessons.totals.wins, 3, "lessons only")
            try checkEqual(lessons.totals.celebrations, 0, "no lesson was celebrated")
            let fluency = try await store.dashboard(DashboardQuery(period: year, filters: WinQuery(themes: [f.fluency.id], text: "read")))
            try checkEqual(fluency.totals.wins, 2, "fluency wins mentioning read: the first check and the newcomer")
            let south = try await store.scoped(to: f.south.id)
            let board = try await south.dashboard(DashboardQuery(period: year))
            try checkEqual(board.totals, .init(wins: 2, successes: 1, lessons: 1, celebrations: 1, contributors: 1, members: 1), "south")
            try checkEqual(board.byGoal, [], "north's goal is not south's")
            try checkEqual(board.byTheme.map(\.name), ["Discourse", "Fluency"], "south's codebook")
            let narrow = try await store.dashboard(DashboardQuery(period: year, filters: WinQuery(period: try Period(day("2027-05-01"), through: day("2027-12-31")))))
            try checkEqual(narrow.totals.wins, 0, "the filters' period narrows the dashboard's")
            try await checkInvalid("equityThreshold") { try await store.dashboard(DashboardQuery(period: year, equityThreshold: 1.5)) }
        },
    ]

    /// Celebrations: win 4 three times, wins 0 and 5 once each.
    static func celebrate(_ data: QueryData, in store: any WinStore) async throws {
        let f = data.f
        for (win, member, kind) in [(4, f.ben, Celebration.Kind.confetti), (4, f.ana, .applause), (4, f.cy, .thanks),
                                    (0, f.ben, .confetti), (5, f.ana, .thanks)] {
            _ = try await store.celebrate(Celebration(win: data.wins[win].id, by: member.id, kind: kind))
        }
    }
}
