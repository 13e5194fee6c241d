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
            let suppressed = try await store.dashboard(DashboardQuery(period: period, includeNames: true, minimumGroupSize: 2))
            try checkEqual(suppressed, open.suppressingSmallGroups(2), "the store applies the same rule as the value")
            try check(suppressed.participation.distribution.allSatisfy { $0.members >= 2 }, "no bin under 2 members")
            try check(suppressed.recognition.pairs.allSatisfy { $0.celebrations + $0.shoutOuts >= 2 }, "no pair under 2")
            try checkEqual(suppressed.participation.suppressedMembers + suppressed.participation.distribution.map(\.members).reduce(0, +),
                           open.participation.distribution.map(\.members).reduce(0, +), "suppressed members are counted")
            try checkEqual(suppressed.totals, open.totals, "totals stay")
            try checkEqual(suppressed.byTheme, open.byTheme, "counts by theme stay")
            let team = try await store.scoped(to: f.northGrade4.id)
            let tiny = try await team.dashboard(DashboardQuery(period: period, includeNames: true, minimumGroupSize: 50))
            try checkEqual(tiny.participation.distribution, [], "a scope smaller than the minimum shows no spread")
            try checkEqual(tiny.participation.byMember, nil, "nor members' counts")
            try checkEqual(tiny.recognition.pairs, [], "nor pairs")
            try checkEqual(tiny.totals.wins, try await team.dashboard(DashboardQuery(period: period)).totals.wins, "but its counts")
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
