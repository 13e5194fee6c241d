import Foundation
import SmallWins

extension StoreConformance {
    static let winCases: [ConformanceCase] = [
        ConformanceCase("a win round-trips with every field, links in order") { store in
            let f = try await Fixture.make(in: store)
            let before = Date().addingTimeInterval(-1)
            let win = Win(
                team: f.northGrade3.id, author: f.ana.id, kind: .lesson, title: "Partner reading fell flat",
                story: "My pairs drifted off task.\nThe stronger reader did all the reading — «ça arrive».",
                learned: "Pairs need roles.", next: "Try reader/coach cards.", day: day("2026-09-18"),
                goal: f.readingGoal.id, attempt: f.partnerReading.id, themes: [f.fluency.id, f.family.id, f.discourse.id],
                groups: [f.iep.id, f.multilingual.id], shoutOuts: [f.ben.id, f.dee.id])
            let stored = try await store.record(win)
            try check(stored.recordedAt >= before && stored.recordedAt <= Date().addingTimeInterval(1), "recordedAt comes from the store's clock")
            try checkEqual(Instant.truncated(stored.recordedAt), stored.recordedAt, "recordedAt has millisecond precision")
            var expected = win
            expected.recordedAt = stored.recordedAt
            try checkEqual(stored, expected, "record result")
            try checkEqual(try await store.win(win.id), expected, "read back")
        },
        ConformanceCase("a lesson must say what was learned") { store in
            let f = try await Fixture.make(in: store)
            var lesson = f.success()
            lesson.kind = .lesson
            try await checkInvalid("learned") { try await store.record(lesson) }
            lesson.learned = "Short texts work better."
            _ = try await store.record(lesson)
        },
        ConformanceCase("win texts are validated and stored exactly") { store in
            let f = try await Fixture.make(in: store)
            try await checkInvalid("title") { try await store.record(f.success("Two\nlines")) }
            try await checkInvalid("story") { try await store.record(f.success(story: "   \n ")) }
            try await checkInvalid("story") { try await store.record(f.success(story: "bell\u{7}")) }
            try await checkInvalid("story") { try await store.record(f.success(story: String(repeating: "é", count: TextRules.storyLength + 1))) }
            let hostile = "Robert'); DROP TABLE win;-- \"quoted\" =SUM(A1) <script>alert(1)</script> \u{202E}gnp.exe 👩🏽‍🏫"
            let stored = try await store.record(f.success(hostile, story: hostile))
            let read = try await store.win(stored.id)
            try checkEqual(read.title, hostile, "title")
            try checkEqual(read.story, hostile, "story")
        },
        ConformanceCase("win references are checked field by field") { store in
            let f = try await Fixture.make(in: store)
            let ghost = Theme.ID()
            try await checkThrows(.unknownReference(field: "themes", .theme, id: ghost.uuid)) {
                try await store.record(f.success(themes: [f.fluency.id, ghost]))
            }
            try await checkThrows(.unknownReference(field: "groups", .studentGroup, id: f.newcomers.id.uuid)) {
                try await store.record(f.success(groups: [f.newcomers.id]))
            }
            var win = f.success()
            win.author = f.cy.id
            try await checkInvalid("author") { try await store.record(win) }
            win = f.success()
            win.team = f.northGrade4.id
            win.author = f.ben.id
            win.attempt = f.partnerReading.id
            try await checkThrows(.unknownReference(field: "attempt", .attempt, id: f.partnerReading.id.uuid)) { try await store.record(win) }
            win = f.success()
            win.shoutOuts = [f.ana.id]
            try await checkInvalid("shoutOuts") { try await store.record(win) }
            let missing = Win(team: Team.ID(), author: f.ana.id, kind: .success, title: "t", story: "s", day: day("2026-10-01"))
            try await checkThrows(.unknownReference(field: "team", .team, id: missing.team.uuid)) { try await store.record(missing) }
            try checkEqual(try await store.wins(WinQuery(), after: nil, limit: 10).wins, [], "nothing stored")
        },
        ConformanceCase("updating a win keeps its recordedAt and replaces its links") { store in
            let f = try await Fixture.make(in: store)
            let stored = try await store.record(f.success(themes: [f.fluency.id], groups: [f.iep.id]))
            var changed = stored
            changed.title = "Partners reread, twice"
            changed.themes = [f.discourse.id]
            changed.groups = []
            changed.shoutOuts = [f.ben.id]
            changed.day = day("2026-10-06")
            changed.recordedAt = Date(timeIntervalSince1970: 0)
            var expected = changed
            expected.recordedAt = stored.recordedAt
            try checkEqual(try await store.update(changed), expected, "update result")
            try checkEqual(try await store.win(stored.id), expected, "read back")
            try checkEqual(try await store.wins(WinQuery(themes: [f.fluency.id]), after: nil, limit: 10).wins, [], "old theme gone")
            try checkEqual(try await store.wins(WinQuery(text: "twice"), after: nil, limit: 10).wins.map(\.id), [stored.id], "search updated")
        },
        ConformanceCase("deleting a win deletes its celebrations") { store in
            let f = try await Fixture.make(in: store)
            let win = try await store.record(f.success(themes: [f.fluency.id]))
            let cheer = try await store.celebrate(Celebration(win: win.id, by: f.ben.id, kind: .confetti))
            try await store.delete(win.id)
            try await checkThrows(.notFound(.win, id: win.id.uuid)) { try await store.win(win.id) }
            try await checkThrows(.notFound(.celebration, id: cheer.id.uuid)) { try await store.celebration(cheer.id) }
            try await checkThrows(.notFound(.win, id: win.id.uuid)) { try await store.delete(win.id) }
            try await store.delete(f.fluency.id)
        },
        ConformanceCase("bulk record stores every win in one go") { store in
            let f = try await Fixture.make(in: store)
            let wins = (1...60).map { f.success("Win \($0)", on: "2026-10-\(10 + $0 % 20)", themes: [f.fluency.id]) }
            let stored = try await store.record(wins)
            try checkEqual(stored.map(\.id), wins.map(\.id), "ids in order")
            var count = 0
            for try await _ in store.allWins(WinQuery(themes: [f.fluency.id])) { count += 1 }
            try checkEqual(count, 60, "stored")
        },
        ConformanceCase("bulk record that fails half-way leaves nothing behind") { store in
            let f = try await Fixture.make(in: store)
            var wins = (1...40).map { f.success("Win \($0)") }
            let ghost = Goal.ID()
            wins[25].goal = ghost
            try await checkThrows(.unknownReference(field: "goal", .goal, id: ghost.uuid)) { try await store.record(wins) }
            wins[25].goal = nil
            wins[30].title = ""
            try await checkInvalid("wins[30].title") { try await store.record(wins) }
            wins[30].title = "Fine"
            wins[35] = wins[3]
            try await checkInvalid("wins") { try await store.record(wins) }
            try checkEqual(try await store.wins(WinQuery(), after: nil, limit: 100).wins, [], "nothing stored")
            _ = try await store.record(wins[0])
            wins[35] = f.success("Another")
            try await checkConflict("id") { try await store.record(wins) }
            try checkEqual(try await store.wins(WinQuery(), after: nil, limit: 100).wins.count, 1, "only the single win")
        },
    ]

    static let celebrationCases: [ConformanceCase] = [
        ConformanceCase("celebrations round-trip, oldest first, message editable") { store in
            let f = try await Fixture.make(in: store)
            let win = try await store.record(f.success())
            let first = try await store.celebrate(Celebration(win: win.id, by: f.ben.id, kind: .confetti))
            let second = try await store.celebrate(Celebration(win: win.id, by: f.dee.id, kind: .shoutOut, message: "So proud of this team!"))
            try checkEqual(try await store.celebration(second.id), second, "read back")
            try checkEqual(try await store.celebrations(of: win.id).map(\.id), [first.id, second.id], "oldest first")
            let other = try await store.record(f.success())
            let third = try await store.celebrate(Celebration(win: other.id, by: f.ben.id, kind: .thanks))
            try checkEqual(try await store.celebrations(ofWins: [other.id, Win.ID(), win.id]).map(\.id),
                           [third.id, first.id, second.id], "many wins: grouped in the order asked, unknown ids skipped")
            var edited = first
            edited.kind = .applause
            edited.message = "👏"
            try checkEqual(try await store.update(edited), edited, "update")
            try await store.delete(second.id)
            try checkEqual(try await store.celebrations(of: win.id), [edited], "after delete")
        },
        ConformanceCase("celebrations check their win, member and message") { store in
            let f = try await Fixture.make(in: store)
            let win = try await store.record(f.success())
            let ghost = Win.ID()
            try await checkThrows(.unknownReference(field: "win", .win, id: ghost.uuid)) {
                try await store.celebrate(Celebration(win: ghost, by: f.ben.id, kind: .thanks))
            }
            let outsider = try await store.create(Member(name: "Outsider", in: try await store.create(Team(name: "Other District", kind: .district)).id))
            try await checkThrows(.unknownReference(field: "by", .member, id: outsider.id.uuid)) {
                try await store.celebrate(Celebration(win: win.id, by: outsider.id, kind: .thanks))
            }
            try await checkInvalid("message") {
                try await store.celebrate(Celebration(win: win.id, by: f.ben.id, kind: .thanks, message: String(repeating: "!", count: 1001)))
            }
            try checkEqual(try await store.celebrations(of: win.id), [], "nothing stored")
        },
        ConformanceCase("one celebration per member, kind and win, over 16 rounds of 8 identical concurrent celebrations") { store in
            let f = try await Fixture.make(in: store)
            var stored = 0, refused = 0, other: [String] = []
            for _ in 0..<16 {
                let win = try await store.record(f.success())
                let outcomes = await withTaskGroup(of: String.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            do {
                                _ = try await store.celebrate(Celebration(win: win.id, by: f.ben.id, kind: .confetti))
                                return "stored"
                            } catch SmallWinsError.conflict(field: "kind", _) {
                                return "refused"
                            } catch {
                                return "\(error)"
                            }
                        }
                    }
                    return await group.reduce(into: [String]()) { $0.append($1) }
                }
                stored += outcomes.filter { $0 == "stored" }.count
                refused += outcomes.filter { $0 == "refused" }.count
                other += outcomes.filter { $0 != "stored" && $0 != "refused" }
                try checkEqual(try await store.celebrations(of: win.id).count, 1, "celebrations of one win")
            }
            print("16 rounds of 8 identical concurrent celebrations: \(stored) stored, \(refused) refused as a conflict on kind, \(other.count) other")
            try checkEqual(other, [], "other outcomes")
            try checkEqual(stored, 16, "celebrations stored")
        },
    ]
}

extension StoreConformance {
    static let restoreCases: [ConformanceCase] = [
        ConformanceCase("restore keeps recordedAt and celebration times, and checks like record") { store in
            let f = try await Fixture.make(in: store)
            var win = f.success(themes: [f.fluency.id])
            win.recordedAt = Instant.truncated(Date(timeIntervalSince1970: 1_790_000_000.123))
            try await store.restore([win])
            try checkEqual(try await store.win(win.id), win, "restored win")
            let cheer = Celebration(win: win.id, by: f.ben.id, kind: .applause, message: "Bravo",
                                    at: Instant.truncated(Date(timeIntervalSince1970: 1_790_000_100.5)))
            try await store.restore([cheer])
            try checkEqual(try await store.celebrations(of: win.id), [cheer], "restored celebration")
            var ghost = f.success()
            ghost.themes = [Theme.ID(f.newcomers.id.uuid)]
            try await checkThrows(.unknownReference(field: "themes", .theme, id: f.newcomers.id.uuid)) { try await store.restore([ghost]) }
            try await checkConflict("id") { try await store.restore([cheer]) }
        },
    ]
}
