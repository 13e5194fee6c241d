import Foundation
import SmallWins

/// The role table of ``MemberSession``, row by row (Documentation/Security.md), over the fixture's district: Ana leads
/// North Grade 3, Ben is a member of North Grade 4, Cy of South Grade 3, Dee leads North; the cases add Eve, a coach
/// of North, and Fay, an observer of North Grade 4.
extension StoreConformance {
    static let policyCases: [ConformanceCase] = [
        ConformanceCase("policy: a member reads the subtrees of their teams and nothing beside them") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                try checkEqual(ben.teams.map(\.id), [f.northGrade4.id], "Ben's teams")
                let dee = try await MemberSession(member: f.dee.id, store: store)
                try checkEqual(Set(dee.teams.map(\.id)), [f.north.id, f.northGrade3.id, f.northGrade4.id], "Dee's teams")
                let south = try await store.record(Win(team: f.southGrade3.id, author: f.cy.id, kind: .success, title: "South", story: "s", day: day("2026-10-01")))
                let north = try await ben.record(draft(f.northGrade4.id))
                try await checkThrows(.notFound(.win, id: south.id.uuid)) { try await ben.win(south.id) }
                try await checkThrows(.notFound(.win, id: south.id.uuid)) { try await dee.win(south.id) }
                try checkEqual(try await ben.wins(WinQuery(), after: nil, limit: 10).wins.map(\.id), [north.id], "Ben's wins")
                try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await ben.wins(WinQuery(teams: [f.south.id]), after: nil, limit: 10) }
                try checkEqual(try await dee.wins(WinQuery(), after: nil, limit: 10).wins.map(\.id), [north.id], "Dee reads Grade 4 below her")
                _ = try await dee.celebrate(north.id, .confetti)
                let items = try await dee.winItems(WinQuery(), after: nil, limit: 10).items
                try checkEqual(items, [WinItem(win: north, authorName: "Ben Okafor", teamPath: "North Elementary/Grade 4", celebrationCount: 1)], "items")
                try checkEqual(try await ben.winItem(north.id).teamPath, "Grade 4", "a path from the highest team the member reads")
                try checkEqual(try await ben.goals().map(\.id), [f.readingGoal.id], "a goal kept by the school above")
                try check(try await ben.themes().contains { $0.id == f.fluency.id }, "the district's codebook is inherited")
                try check(!(try await ben.studentGroups().contains { $0.id == f.newcomers.id }), "South's codebook stays in South")
                try await checkThrows(.notFound(.learningQuestion, id: f.question.id.uuid)) { try await ben.learningQuestion(f.question.id) }
                try await checkThrows(.notFound(.member, id: f.cy.id.uuid)) { try await ben.member(f.cy.id) }
                try await checkThrows(.notFound(.win, id: south.id.uuid)) { try await ben.celebrations(of: south.id) }
                _ = people
            }
        },
        ConformanceCase("policy: wins are recorded as the member, on teams where they record") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                try checkEqual(try await ben.record(draft(f.northGrade4.id)).author, f.ben.id, "the author is the signed-in member")
                try await checkThrows(.unknownReference(field: "team", .team, id: f.northGrade3.id.uuid)) { try await ben.record(draft(f.northGrade3.id)) }
                try await checkThrows(.unknownReference(field: "team", .team, id: f.southGrade3.id.uuid)) { try await ben.record(draft(f.southGrade3.id)) }
                let dee = try await MemberSession(member: f.dee.id, store: store)
                try checkEqual(try await dee.record(draft(f.northGrade3.id)).team, f.northGrade3.id, "a lead records below her team")
                let eve = try await MemberSession(member: people.eve.id, store: store)
                try checkEqual(try await eve.record(draft(f.north.id)).author, people.eve.id, "a coach records")
                let fay = try await MemberSession(member: people.fay.id, store: store)
                try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                    try await fay.record(draft(f.northGrade4.id))
                }
                try checkEqual(try await store.wins(WinQuery(authors: [people.fay.id]), after: nil, limit: 10).wins.count, 0, "observers record nothing")
            }
        },
        ConformanceCase("policy: shout-outs name only colleagues of the win's team") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                var toCy = draft(f.northGrade4.id)
                toCy.shoutOuts = [f.cy.id]
                try await checkThrows(.unknownReference(field: "shoutOuts", .member, id: f.cy.id.uuid)) { try await ben.record(toCy) }
                var toAna = draft(f.northGrade4.id)
                toAna.shoutOuts = [f.ana.id]
                try await checkThrows(.unknownReference(field: "shoutOuts", .member, id: f.ana.id.uuid)) { try await ben.record(toAna) }
                var toLeads = draft(f.northGrade4.id)
                toLeads.shoutOuts = [f.dee.id, people.fay.id]
                try checkEqual(try await ben.record(toLeads).shoutOuts, [f.dee.id, people.fay.id], "the school's lead and the team's observer")
            }
        },
        ConformanceCase("policy: authors edit their wins, leads delete any in their subtree, nobody else touches them") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                let dee = try await MemberSession(member: f.dee.id, store: store)
                let win = try await ben.record(draft(f.northGrade4.id))
                var patch = WinPatch()
                patch.title = "Better title"
                try checkEqual(try await ben.update(win.id, with: patch).title, "Better title", "the author edits")
                try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                    try await dee.update(win.id, with: patch)
                }
                patch.team = f.northGrade3.id
                try await checkThrows(.unknownReference(field: "team", .team, id: f.northGrade3.id.uuid)) { try await ben.update(win.id, with: patch) }
                let ana = try await MemberSession(member: f.ana.id, store: store)
                try await checkThrows(.notFound(.win, id: win.id.uuid)) { try await ana.deleteWin(win.id) }
                let eve = try await MemberSession(member: people.eve.id, store: store)
                try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                    try await eve.deleteWin(win.id)
                }
                try await dee.deleteWin(win.id)
                try await checkThrows(.notFound(.win, id: win.id.uuid)) { try await store.win(win.id) }
                let own = try await ben.record(draft(f.northGrade4.id))
                try await ben.deleteWin(own.id)
            }
        },
        ConformanceCase("policy: nobody celebrates their own win, or one win twice with one kind, even all at once") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                let dee = try await MemberSession(member: f.dee.id, store: store)
                let fay = try await MemberSession(member: people.fay.id, store: store)
                let win = try await ben.record(draft(f.northGrade4.id))
                try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                    try await ben.celebrate(win.id, .confetti)
                }
                try checkEqual(try await fay.celebrate(win.id, .applause).by, people.fay.id, "an observer celebrates")
                try await checkConflict("kind") { try await fay.celebrate(win.id, .applause) }
                try await checkConflict("kind") { try await store.celebrate(Celebration(win: win.id, by: people.fay.id, kind: .applause)) }
                let results = await withTaskGroup(of: Bool.self) { group in
                    for _ in 0..<8 { group.addTask { (try? await dee.celebrate(win.id, .confetti)) != nil } }
                    return await group.reduce(into: [Bool]()) { $0.append($1) }
                }
                let celebrations = try await store.celebrations(of: win.id)
                print("policy: 8 concurrent confetti from one member: \(results.filter { $0 }.count) stored, \(results.filter { !$0 }.count) refused")
                try checkEqual(results.filter { $0 }.count, 1, "celebrations accepted")
                try checkEqual(celebrations.filter { $0.by == f.dee.id }.count, 1, "celebrations stored")
                let mine = try await fay.celebrate(win.id, .thanks)
                try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                    try await dee.deleteCelebration(mine.id)
                }
                try await fay.deleteCelebration(mine.id)
            }
        },
        ConformanceCase("policy: leads and coaches keep goals, the agenda and codebooks; members and observers read them") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                let fay = try await MemberSession(member: people.fay.id, store: store)
                let ana = try await MemberSession(member: f.ana.id, store: store)
                let dee = try await MemberSession(member: f.dee.id, store: store)
                let eve = try await MemberSession(member: people.eve.id, store: store)
                func isForbidden(_ error: SmallWinsError) -> Bool { if case .forbidden = error { true } else { false } }
                for session in [ben, fay] {
                    try await checkThrows(where: isForbidden, "forbidden", filePath: #filePath, line: #line) {
                        try await session.create(Goal(team: f.northGrade4.id, title: "Mine", summary: "s", start: day("2026-09-01"), end: day("2027-06-01")))
                    }
                    try await checkThrows(where: isForbidden, "forbidden", filePath: #filePath, line: #line) {
                        try await session.create(Theme(name: "Mine", in: f.northGrade4.id))
                    }
                }
                var goal = f.readingGoal
                goal.title = "Every reader reads fluently, aloud"
                try await checkThrows(where: isForbidden, "forbidden", filePath: #filePath, line: #line) { try await ana.update(goal) }
                try checkEqual(try await dee.update(goal).title, goal.title, "the school's lead changes its goal")
                try checkEqual(try await eve.create(Theme(name: "Coaching cycles", in: f.north.id)).team, f.north.id, "a coach keeps the codebook")
                var fluency = f.fluency
                fluency.name = "Reading fluency"
                try await checkThrows(where: isForbidden, "forbidden", filePath: #filePath, line: #line) { try await dee.update(fluency) }
                let attempt = try await ana.create(Attempt(question: f.question.id, title: "Echo reading", start: day("2026-10-01")))
                try await checkThrows(.notFound(.learningQuestion, id: f.question.id.uuid)) {
                    try await ben.create(Attempt(question: f.question.id, title: "Choral reading", start: day("2026-10-01")))
                }
                try await ana.deleteAttempt(attempt.id)
                let question = try await dee.create(LearningQuestion(team: f.northGrade4.id, text: "Do pairs help?"))
                try await checkThrows(where: isForbidden, "forbidden", filePath: #filePath, line: #line) { try await fay.deleteLearningQuestion(question.id) }
                try await checkThrows(where: isForbidden, "forbidden", filePath: #filePath, line: #line) { try await ben.deleteLearningQuestion(question.id) }
                try await eve.deleteLearningQuestion(question.id)
            }
        },
        ConformanceCase("policy: dashboards name members only for leads and coaches; several teams name which") { store in
            try await withPeople(store) { f, people in
                let year = try Period.schoolYear(2026)
                let ben = try await MemberSession(member: f.ben.id, store: store)
                _ = try await ben.dashboard(DashboardQuery(period: year))
                try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                    try await ben.dashboard(DashboardQuery(period: year, includeNames: true))
                }
                let dee = try await MemberSession(member: f.dee.id, store: store)
                _ = try await dee.dashboard(DashboardQuery(period: year, includeNames: true), team: f.northGrade4.id)
                try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await dee.dashboard(DashboardQuery(period: year), team: f.south.id) }
                _ = try await store.create(Membership(member: f.cy.id, team: f.northGrade4.id, role: .observer))
                let cy = try await MemberSession(member: f.cy.id, store: store)
                try await checkInvalid("team") { try await cy.dashboard(DashboardQuery(period: year)) }
                _ = people
            }
        },
        ConformanceCase("policy: digests and reports for whoever reads the team; exports for its leads and coaches only") { store in
            try await withPeople(store) { f, people in
                let ben = try await MemberSession(member: f.ben.id, store: store)
                let win = try await ben.record(draft(f.northGrade4.id))
                try check(try await ben.digest(week: day("2026-10-05")).markdown.contains(win.title), "a member reads the digest")
                _ = try await ben.report(try Period.schoolYear(2026))
                try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await ben.digest(week: day("2026-10-05"), team: f.south.id) }
                for session in [ben, try await MemberSession(member: people.fay.id, store: store)] {
                    try await checkThrows(where: { if case .forbidden = $0 { true } else { false } }, "forbidden", filePath: #filePath, line: #line) {
                        try await session.exportContent()
                    }
                }
                let eve = try await MemberSession(member: people.eve.id, store: store)
                let content = try await eve.exportContent(team: f.northGrade4.id)
                var exported: [Win.ID] = []
                for try await page in content.winPages { exported += page.wins.map(\.id) }
                try checkEqual(exported, [win.id], "a coach exports the team's wins")
                let dee = try await MemberSession(member: f.dee.id, store: store)
                try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await dee.exportContent(team: f.south.id) }
                try check(!(try await dee.exportContent()).members.contains { $0.id == f.cy.id }, "a school's export holds none of a sibling's people")
            }
        },
        ConformanceCase("policy: a member hears the changes of their teams only") { store in
            try await withPeople(store) { f, _ in
                _ = try await store.create(Membership(member: f.cy.id, team: f.northGrade4.id))
                let cy = try await MemberSession(member: f.cy.id, store: store)
                let start = try await notices(1, from: store) { _ = try await store.create(Theme(name: "Start", in: f.district.id)) }[0].sequence
                let hidden = try await store.record(Win(team: f.northGrade3.id, author: f.ana.id, kind: .success, title: "Hidden", story: "s", day: day("2026-10-01")))
                let north = try await cy.record(draft(f.northGrade4.id))
                let south = try await cy.record(draft(f.southGrade3.id))
                var heard: [UUID] = []
                for try await change in try await cy.changes(after: start) {
                    heard.append(change.id)
                    if change.id == south.id.uuid { break }
                }
                try checkEqual(heard, [north.id.uuid, south.id.uuid], "notices heard by a member of two schools")
                try check(!heard.contains(hidden.id.uuid), "a sibling team's win is not heard")
            }
        },
    ]

    /// A draft of a success on `team`.
    private static func draft(_ team: Team.ID) -> WinDraft {
        WinDraft(team: team, kind: .success, title: "Pairs reread", story: "Every pair reread the passage.", day: day("2026-10-05"))
    }

    /// The fixture, with Eve coaching North and Fay observing North Grade 4.
    private static func withPeople(_ store: any WinStore, _ body: (Fixture, (eve: Member, fay: Member)) async throws -> Void) async throws {
        let f = try await Fixture.make(in: store)
        let eve = try await store.create(Member(name: "Eve Coach", in: f.north.id))
        let fay = try await store.create(Member(name: "Fay Observer", in: f.district.id))
        _ = try await store.create(Membership(member: eve.id, team: f.north.id, role: .coach))
        _ = try await store.create(Membership(member: fay.id, team: f.northGrade4.id, role: .observer))
        try await body(f, (eve, fay))
    }
}
