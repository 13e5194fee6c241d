import Foundation
import SmallWins

extension StoreConformance {
    /// Records `count` wins spread over a school year, several on the same days.
    static func manyWins(_ count: Int, in store: any WinStore, f: Fixture) async throws -> [Win] {
        let start = day("2026-08-31")
        let wins = (0..<count).map { index in
            f.success("Win \(index)", story: "Story \(index) about reading.", on: start.adding(days: (index * 7) % 120).iso,
                      themes: index % 3 == 0 ? [f.fluency.id] : [])
        }
        return try await store.record(wins)
    }

    static let pagingCases: [ConformanceCase] = [
        ConformanceCase("paging through a large result misses and repeats nothing") { store in
            let f = try await Fixture.make(in: store)
            let wins = try await manyWins(230, in: store, f: f)
            let expected = wins.sorted { ($0.day, $0.id) > ($1.day, $1.id) }.map(\.id)
            var seen: [Win.ID] = []
            var cursor: WinCursor?
            var pages = 0
            repeat {
                let page = try await store.wins(WinQuery(), after: cursor, limit: 17)
                try check(page.wins.count == 17 || page.next == nil, "only the last page is short")
                seen += page.wins.map(\.id)
                cursor = page.next
                pages += 1
            } while cursor != nil
            try checkEqual(pages, 14, "pages of 17 for 230 wins")
            try checkEqual(seen, expected, "every win once, newest first")
        },
        ConformanceCase("paging with a filter and a text search") { store in
            let f = try await Fixture.make(in: store)
            let wins = try await manyWins(90, in: store, f: f)
            let expected = wins.filter { $0.themes == [f.fluency.id] }.sorted { ($0.day, $0.id) > ($1.day, $1.id) }.map(\.id)
            var seen: [Win.ID] = []
            var cursor: WinCursor?
            repeat {
                let page = try await store.wins(WinQuery(themes: [f.fluency.id], text: "reading"), after: cursor, limit: 7)
                seen += page.wins.map(\.id)
                cursor = page.next
            } while cursor != nil
            try checkEqual(seen, expected, "filtered pages")
        },
        ConformanceCase("paging a school merges its teams' newest wins, with a filter") { store in
            let f = try await Fixture.make(in: store)
            let authors: [(Team.ID, Member.ID)] = [(f.northGrade3.id, f.ana.id), (f.northGrade4.id, f.ben.id),
                                                   (f.north.id, f.dee.id), (f.southGrade3.id, f.cy.id)]
            let wins = try await store.record((0..<60).map { index in
                let (team, author) = authors[index % authors.count]
                return Win(team: team, author: author, kind: index % 5 == 0 ? .lesson : .success, title: "Win \(index)",
                           story: "Story \(index).", learned: index % 5 == 0 ? "Lesson \(index)." : nil,
                           day: day("2026-09-01").adding(days: (index * 11) % 40))
            })
            let north = try await store.scoped(to: f.north.id)
            let school = [f.north.id, f.northGrade3.id, f.northGrade4.id]
            let expected = wins.filter { school.contains($0.team) && $0.kind == .success }
                .sorted { ($0.day, $0.id) > ($1.day, $1.id) }.map(\.id)
            var seen: [Win.ID] = []
            var cursor: WinCursor?
            repeat {
                let page = try await north.wins(WinQuery(kinds: [.success]), after: cursor, limit: 4)
                seen += page.wins.map(\.id)
                cursor = page.next
            } while cursor != nil
            try checkEqual(seen, expected, "the school's successes, newest first, each once")
        },
        ConformanceCase("pages stay correct while wins are recorded between them") { store in
            let f = try await Fixture.make(in: store)
            let wins = try await manyWins(40, in: store, f: f)
            let expected = wins.sorted { ($0.day, $0.id) > ($1.day, $1.id) }.map(\.id)
            let first = try await store.wins(WinQuery(), after: nil, limit: 10)
            _ = try await store.record(f.success("Newer", on: "2027-03-01"))
            var seen = first.wins.map(\.id)
            var cursor = first.next
            while let position = cursor {
                let page = try await store.wins(WinQuery(), after: position, limit: 10)
                seen += page.wins.map(\.id)
                cursor = page.next
            }
            try checkEqual(seen, expected, "a newer win does not shift later pages")
        },
        ConformanceCase("the last page has no cursor; limits and cursors are checked") { store in
            let f = try await Fixture.make(in: store)
            _ = try await manyWins(5, in: store, f: f)
            try checkEqual(try await store.wins(WinQuery(), after: nil, limit: 5).next, nil, "exactly one full page")
            try checkEqual(try await store.wins(WinQuery(), after: nil, limit: 4).wins.count, 4, "a short page")
            try await checkInvalid("limit") { try await store.wins(WinQuery(), after: nil, limit: 0) }
            try await checkInvalid("limit") { try await store.wins(WinQuery(), after: nil, limit: WinPage.maximumLimit + 1) }
            try await checkThrows(where: { if case .invalidCursor = $0 { true } else { false } }, "invalid cursor",
                                  filePath: #filePath, line: #line) { try WinCursor(token: "2026-13-01/nonsense") }
        },
        ConformanceCase("allWins streams every match newest first") { store in
            let f = try await Fixture.make(in: store)
            let wins = try await manyWins(75, in: store, f: f)
            var streamed: [Win] = []
            for try await win in store.allWins(WinQuery(), pageSize: 10) { streamed.append(win) }
            try checkEqual(streamed.map(\.id), wins.sorted { ($0.day, $0.id) > ($1.day, $1.id) }.map(\.id), "streamed")
            try checkEqual(Set(streamed), Set(wins), "full values")
        },
    ]
}
