import Foundation
import SmallWins

/// Eight wins with known answers for every filter:
///
/// | # | day        | team          | author | kind    | goal | attempt | themes             | groups       | words          |
/// |---|------------|---------------|--------|---------|------|---------|--------------------|--------------|----------------|
/// | 0 | 2026-09-01 | North Grade 3 | Ana    | success | yes  |         | Fluency            | Multilingual | fluency        |
/// | 1 | 2026-09-15 | North Grade 3 | Ana    | lesson  | yes  | yes     | Fluency, Discourse | IEP          | Fluency, pairs |
/// | 2 | 2026-10-01 | North Grade 4 | Ben    | success | yes  |         | Discourse          |              | débat          |
/// | 3 | 2026-10-20 | North Grade 4 | Ben    | lesson  |      |         |                    | IEP          | homework       |
/// | 4 | 2026-11-02 | North (school)| Dee    | success | yes  |         | Family partnership | Multilingual | families       |
/// | 5 | 2026-11-02 | South Grade 3 | Cy     | success |      |         | Fluency            | Newcomers    | fluent         |
/// | 6 | 2026-12-10 | South Grade 3 | Cy     | lesson  |      |         | Discourse          |              | circles        |
/// | 7 | 2027-01-12 | North Grade 3 | Ana    | success |      | yes     |                    | Multilingual | pairs          |
struct QueryData {
    let f: Fixture
    let wins: [Win]

    static func make(in store: any WinStore) async throws -> QueryData {
        let f = try await Fixture.make(in: store)
        func win(_ team: Team, _ author: Member, _ kind: Win.Kind, _ date: String, _ title: String, _ story: String,
                 goal: Bool = false, attempt: Bool = false, themes: [Theme] = [], groups: [StudentGroup] = []) -> Win {
            Win(team: team.id, author: author.id, kind: kind, title: title, story: story,
                learned: kind == .lesson ? "We learned something." : nil, day: day(date),
                goal: goal ? f.readingGoal.id : nil, attempt: attempt ? f.partnerReading.id : nil,
                themes: themes.map(\.id), groups: groups.map(\.id))
        }
        let wins = try await store.record([
            win(f.northGrade3, f.ana, .success, "2026-09-01", "First fluency check", "Everyone read the passage aloud.",
                goal: true, themes: [f.fluency], groups: [f.multilingual]),
            win(f.northGrade3, f.ana, .lesson, "2026-09-15", "Pairs drifted", "Fluency pairs drifted off task without roles.",
                goal: true, attempt: true, themes: [f.fluency, f.discourse], groups: [f.iep]),
            win(f.northGrade4, f.ben, .success, "2026-10-01", "Class debate", "Le débat was lively and kind.",
                goal: true, themes: [f.discourse]),
            win(f.northGrade4, f.ben, .lesson, "2026-10-20", "Homework club", "Homework club attendance fell.", groups: [f.iep]),
            win(f.north, f.dee, .success, "2026-11-02", "Family night", "Forty families came to read with us.",
                goal: true, themes: [f.family], groups: [f.multilingual]),
            win(f.southGrade3, f.cy, .success, "2026-11-02", "Fluent at last", "A newcomer read a whole page.",
                themes: [f.fluency], groups: [f.newcomers]),
            win(f.southGrade3, f.cy, .lesson, "2026-12-10", "Talk circles", "Circles were too big.", themes: [f.discourse]),
            win(f.northGrade3, f.ana, .success, "2027-01-12", "Pairs again", "With role cards the pairs stayed on task.",
                attempt: true, groups: [f.multilingual]),
        ])
        return QueryData(f: f, wins: wins)
    }

    /// Checks that `query` returns exactly wins `expected` (by number), newest first.
    func expect(_ store: any WinStore, _ query: WinQuery, _ expected: [Int], filePath: String = #filePath, line: Int = #line) async throws {
        let found = try await store.wins(query, after: nil, limit: 100).wins
        let numbers = found.map { win in wins.firstIndex { $0.id == win.id } ?? -1 }
        let wanted = expected.sorted { (wins[$0].day, wins[$0].id) > (wins[$1].day, wins[$1].id) }
        try checkEqual(numbers, wanted, "wins for \(query)", filePath: filePath, line: line)
    }
}

extension StoreConformance {
    static let queryCases: [ConformanceCase] = [
        ConformanceCase("wins come newest first, ties broken by id") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(), Array(0..<8))
            let page = try await store.wins(WinQuery(), after: nil, limit: 100).wins
            try check(zip(page, page.dropFirst()).allSatisfy { ($0.day, $0.id) > ($1.day, $1.id) }, "strictly descending by day, then id")
        },
        ConformanceCase("filter by period, both ends included") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(period: try Period(day("2026-09-15"), through: day("2026-11-02"))), [1, 2, 3, 4, 5])
            try await data.expect(store, WinQuery(period: try Period.schoolYear(2026)), Array(0..<8))
            try await data.expect(store, WinQuery(period: Period.month(containing: day("2026-12-31"))), [6])
        },
        ConformanceCase("filter by kind") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(kinds: [.lesson]), [1, 3, 6])
            try await data.expect(store, WinQuery(kinds: [.success, .lesson]), Array(0..<8))
        },
        ConformanceCase("filter by goal") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(goals: [data.f.readingGoal.id]), [0, 1, 2, 4])
            try await data.expect(store, WinQuery(goals: [Goal.ID()]), [])
        },
        ConformanceCase("filter by attempt") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(attempts: [data.f.partnerReading.id]), [1, 7])
        },
        ConformanceCase("filter by theme, any of several") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(themes: [data.f.fluency.id]), [0, 1, 5])
            try await data.expect(store, WinQuery(themes: [data.f.fluency.id, data.f.family.id]), [0, 1, 4, 5])
        },
        ConformanceCase("filter by student group") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(groups: [data.f.iep.id]), [1, 3])
            try await data.expect(store, WinQuery(groups: [data.f.multilingual.id, data.f.newcomers.id]), [0, 4, 5, 7])
        },
        ConformanceCase("filter by author") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(authors: [data.f.ana.id]), [0, 1, 7])
            try await data.expect(store, WinQuery(authors: [data.f.ben.id, data.f.dee.id]), [2, 3, 4])
        },
        ConformanceCase("filter by team subtree") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(teams: [data.f.north.id]), [0, 1, 2, 3, 4, 7])
            try await data.expect(store, WinQuery(teams: [data.f.northGrade4.id, data.f.southGrade3.id]), [2, 3, 5, 6])
        },
        ConformanceCase("text search finds words and word starts, ignoring case and accents") { store in
            let data = try await QueryData.make(in: store)
            try await data.expect(store, WinQuery(text: "fluency"), [0, 1])
            try await data.expect(store, WinQuery(text: "FLUEN"), [0, 1, 5])
            try await data.expect(store, WinQuery(text: "debat"), [2])
            try await data.expect(store, WinQuery(text: "pairs task"), [1, 7])
            try await data.expect(store, WinQuery(text: "\"pairs\" (task*"), [1, 7])
            try await data.expect(store, WinQuery(text: "zebra"), [])
            try await checkInvalid("text") { try await store.wins(WinQuery(text: " -- \"* "), after: nil, limit: 10) }
        },
        ConformanceCase("filters combine with AND") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            try await data.expect(store, WinQuery(kinds: [.success], themes: [f.fluency.id]), [0, 5])
            try await data.expect(store, WinQuery(
                period: try Period(day("2026-09-01"), through: day("2026-10-31")), kinds: [.success, .lesson],
                goals: [f.readingGoal.id], groups: [f.iep.id, f.multilingual.id], authors: [f.ana.id], text: "fluency"), [0, 1])
            try await data.expect(store, WinQuery(attempts: [f.partnerReading.id], themes: [f.discourse.id], text: "pairs"), [1])
            try await data.expect(store, WinQuery(kinds: [.lesson], teams: [f.south.id], text: "circles"), [6])
        },
    ]
}
