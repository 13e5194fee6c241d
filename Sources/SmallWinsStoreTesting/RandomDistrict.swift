import Foundation
import SmallWins
import SmallWinsDemo

/// A random district built through the store's API: schools, nested teams, members on several teams,
/// codebooks at every level, goals with focus groups, a learning agenda, wins with random links,
/// celebrations and shout-outs.
struct RandomDistrict {
    let district: Team
    let schools: [Team]
    let teams: [Team]
    let members: [Member]
    let themes: [Theme]
    let groups: [StudentGroup]

    static let words = ["reading", "fluency", "partners", "math", "talk", "families", "feedback", "writing", "science",
                        "circle", "exit", "tickets", "coaching", "newcomers", "labs", "routines"]

    static func make(in store: any WinStore, seed: UInt64, wins winCount: Int) async throws -> RandomDistrict {
        var random = SeededGenerator(seed: seed)
        let district = try await store.create(Team(name: "District \(seed)", kind: .district))
        var schools: [Team] = [], teams: [Team] = [district]
        for s in 0..<3 {
            let school = try await store.create(Team(name: "School \(s)", kind: .school, parent: district.id))
            schools.append(school)
            teams.append(school)
            for t in 0..<Int.random(in: 2...3, using: &random) {
                let team = try await store.create(Team(name: "Team \(s).\(t)", kind: .team, parent: school.id))
                teams.append(team)
                if t == 0 { teams.append(try await store.create(Team(name: "Group \(s)", kind: .team, parent: team.id))) }
            }
        }
        var groups: [StudentGroup] = [], themes: [Theme] = []
        for (index, keeper) in ([district, district, district] + schools).enumerated() {
            groups.append(try await store.create(StudentGroup(name: "Group \(index)", in: keeper.id)))
            themes.append(try await store.create(Theme(name: "Theme \(index) \(words[index])", in: keeper.id)))
        }
        var members: [Member] = []
        var homes: [Member.ID: [Team]] = [:]
        for m in 0..<14 {
            let member = try await store.create(Member(name: "Member \(m % 7) \(m)", in: district.id))
            members.append(member)
            for team in teams.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)) {
                _ = try await store.create(Membership(member: member.id, team: team.id, role: .member))
                homes[member.id, default: []].append(team)
            }
        }
        func ancestry(_ team: Team) -> Set<Team.ID> {
            var ids: Set<Team.ID> = [team.id]
            var current = team.parent
            while let id = current, let parent = teams.first(where: { $0.id == id }) { ids.insert(id); current = parent.parent }
            return ids
        }
        func below(_ team: Team) -> [Team] { teams.filter { ancestry($0).contains(team.id) } }
        var goals: [Goal] = []
        for keeper in [district] + schools + schools {
            let visible = groups.filter { ancestry(keeper).contains($0.team) }
            goals.append(try await store.create(Goal(
                team: keeper.id, title: "Goal \(goals.count) for \(keeper.name)",
                focusGroups: Array(visible.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)).map(\.id)))))
        }
        var attempts: [(attempt: Attempt, team: Team)] = []
        for school in schools {
            let question = try await store.create(LearningQuestion(team: school.id, text: "Question of \(school.name)?"))
            for a in 0..<2 {
                attempts.append((try await store.create(Attempt(question: question.id, title: "Attempt \(a) at \(school.name)")), school))
            }
        }
        let year = try Period.schoolYear(2026)
        var wins: [Win] = []
        for index in 0..<winCount {
            let author = members.randomElement(using: &random)!
            let team = below(homes[author.id]!.randomElement(using: &random)!).randomElement(using: &random)!
            let lineage = ancestry(team)
            let kind: Win.Kind = Bool.random(using: &random) ? .success : .lesson
            let text = (0..<6).map { _ in words.randomElement(using: &random)! }
            let goal = Int.random(in: 0...2, using: &random) > 0 ? goals.filter { lineage.contains($0.team) }.randomElement(using: &random) : nil
            let attempt = Bool.random(using: &random) ? attempts.filter { lineage.contains($0.team.id) }.randomElement(using: &random) : nil
            wins.append(Win(
                team: team.id, author: author.id, kind: kind, title: "Win \(index): \(text[0]) \(text[1])",
                story: text.joined(separator: " "), learned: kind == .lesson ? "Learned \(text[2])" : nil,
                day: year.first.adding(days: Int.random(in: 0..<year.dayCount, using: &random)), goal: goal?.id,
                attempt: attempt?.attempt.id,
                themes: Array(themes.filter { lineage.contains($0.team) }.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)).map(\.id)),
                groups: Array(groups.filter { lineage.contains($0.team) }.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)).map(\.id)),
                shoutOuts: Array(members.filter { $0.id != author.id }.shuffled(using: &random).prefix(Int.random(in: 0...2, using: &random)).map(\.id))))
        }
        for batch in stride(from: 0, to: wins.count, by: 100) {
            _ = try await store.record(Array(wins[batch..<min(batch + 100, wins.count)]))
        }
        let kinds = Celebration.Kind.allCases
        var given: Set<[String]> = []
        for _ in 0..<(winCount / 2) {
            let win = wins.randomElement(using: &random)!, member = members.randomElement(using: &random)!, kind = kinds.randomElement(using: &random)!
            // Nobody celebrates their own win, nor one win twice with the same kind.
            guard member.id != win.author, given.insert([win.id.description, member.id.description, kind.rawValue]).inserted else { continue }
            _ = try await store.celebrate(Celebration(win: win.id, by: member.id, kind: kind))
        }
        return RandomDistrict(district: district, schools: schools, teams: teams, members: members, themes: themes, groups: groups)
    }
}

extension StoreConformance {
    static let randomDashboardCases: [ConformanceCase] = [
        ConformanceCase("dashboards on random data equal a plain Swift computation, for many scopes and filters") { store in
            let random = try await RandomDistrict.make(in: store, seed: 2026, wins: 400)
            let reference = ReferenceDashboard(contents: try await StoreContents.load(from: store))
            let year = try Period.schoolYear(2026)
            let autumn = try Period(day("2026-09-14"), through: day("2026-12-18"))
            let cases: [(Team.ID?, DashboardQuery)] = [
                (nil, DashboardQuery(period: year)),
                (random.district.id, DashboardQuery(period: year, bucket: .month, includeNames: true)),
                (random.schools[0].id, DashboardQuery(period: autumn, equityThreshold: 0.35, brightSpotCount: 8)),
                (random.teams[3].id, DashboardQuery(period: year, bucket: .month)),
                (random.schools[1].id, DashboardQuery(period: year, filters: WinQuery(kinds: [.lesson], themes: Set(random.themes.prefix(2).map(\.id))))),
                (random.district.id, DashboardQuery(period: autumn, bucket: .month, filters: WinQuery(
                    groups: [random.groups[0].id], authors: Set(random.members.prefix(6).map(\.id)), text: "read"), includeNames: true)),
                (random.district.id, DashboardQuery(period: year, filters: WinQuery(teams: [random.schools[2].id, random.teams[2].id]))),
                (random.district.id, DashboardQuery(period: try Period(day("2027-03-01"), through: day("2027-05-31")),
                                                     filters: WinQuery(period: try Period(day("2027-04-15"), through: day("2027-09-01"))))),
                (random.district.id, DashboardQuery(period: year, includeNames: true, minimumGroupSize: 3)),
                (random.schools[0].id, DashboardQuery(period: autumn, bucket: .month, minimumGroupSize: 2)),
            ]
            for (index, (scope, query)) in cases.enumerated() {
                let scoped = try await scope.asyncMap { try await store.scoped(to: $0) } ?? store
                let actual = try await scoped.dashboard(query)
                let expected = reference.dashboard(query, scope: scope)
                try check(expected.totals.wins > 0, "case \(index) counts some wins, so the comparison means something")
                for (part, same) in [
                    ("totals", actual.totals == expected.totals), ("timeline", actual.timeline == expected.timeline),
                    ("byGoal", actual.byGoal == expected.byGoal), ("byTheme", actual.byTheme == expected.byTheme),
                    ("byGroup", actual.byGroup == expected.byGroup), ("byTeam", actual.byTeam == expected.byTeam),
                    ("equity", actual.equity == expected.equity), ("participation", actual.participation == expected.participation),
                    ("recognition", actual.recognition == expected.recognition), ("streak", actual.streak == expected.streak),
                    ("brightSpots", actual.brightSpots == expected.brightSpots), ("learningAgenda", actual.learningAgenda == expected.learningAgenda),
                ] {
                    try check(same, "case \(index): \(part) differs from the reference computation")
                }
                try checkEqual(actual, expected, "case \(index)")
            }
        },
        ConformanceCase("a bulk restore in a transaction keeps every dashboard exact: inside it, between other writes, beside another writer, after it") { store in
            let random = try await RandomDistrict.make(in: store, seed: 11, wins: 120)
            var generator = SeededGenerator(seed: 12)
            var originals: [Win] = []
            for try await win in store.allWins() { originals.append(win) }
            // New wins like the stored ones (teams, authors, links), on other days, and celebrations of half of them.
            let restored = (0..<400).map { index in
                var win = originals[index % originals.count]
                win.id = Win.ID()
                win.title = "Restored \(index)"
                win.day = win.day.adding(days: Int.random(in: -30...30, using: &generator))
                return win
            }
            let cheers = restored.shuffled(using: &generator).prefix(200).map { win in
                Celebration(win: win.id, by: random.members.randomElement(using: &generator)!.id,
                            kind: Celebration.Kind.allCases.randomElement(using: &generator)!, at: win.recordedAt)
            }
            let query = DashboardQuery(period: try Period.schoolYear(2026), bucket: .month, includeNames: true)
            @Sendable func checkAgainstReference(_ store: any WinStore, scopes: [Team.ID?], _ moment: String) async throws {
                let reference = ReferenceDashboard(contents: try await StoreContents.load(from: store))
                for scope in scopes {
                    let scoped = try await scope.asyncMap { try await store.scoped(to: $0) } ?? store
                    try checkEqual(try await scoped.dashboard(query), reference.dashboard(query, scope: scope),
                                   "\(moment), scope \(scope?.description ?? "all")")
                }
            }
            let other = Win(team: originals[0].team, author: originals[0].author, kind: .success, title: "Recorded beside the import",
                            story: "Another teacher wrote while the import ran.", day: originals[0].day)
            let beside = try await store.transaction { tx in
                var beside: Task<Win, any Error>?
                for (page, start) in stride(from: 0, to: restored.count, by: 50).enumerated() {
                    let wins = Array(restored[start..<start + 50])
                    try await tx.restore(wins)
                    try await tx.restore(cheers.filter { cheer in wins.contains { $0.id == cheer.win } })
                    switch page {
                    case 2: try await checkAgainstReference(tx, scopes: [nil, random.schools[1].id], "after three pages, inside")
                    case 4:
                        var moved = wins[0]
                        moved.day = moved.day.adding(days: 45)
                        moved.kind = moved.kind == .success ? .lesson : .success
                        moved.learned = moved.kind == .lesson ? "Learned after the move" : nil
                        _ = try await tx.update(moved)
                        try await tx.delete(wins[1].id)
                        _ = try await tx.celebrate(Celebration(win: wins[2].id, by: random.members[1].id, kind: .thanks))
                    case 5:
                        // Another writer of the same district, outside the transaction: it may wait for the commit.
                        beside = Task { try await store.record(other) }
                    default: break
                    }
                }
                return beside
            }
            try check(beside != nil, "the other writer started")
            _ = try await beside?.value
            try await checkAgainstReference(store, scopes: [nil, random.district.id] + random.schools.map(\.id), "after the commit")
            var stored = 0
            for try await _ in store.allWins() { stored += 1 }
            try checkEqual(stored, originals.count + restored.count, "wins stored (one restored deleted, one recorded beside)")
        },
        ConformanceCase("dashboards stay exact under concurrent writers of one district recording, editing, deleting and celebrating while a team moves") { store in
            let random = try await RandomDistrict.make(in: store, seed: 21, wins: 80)
            var stored: [Win] = []
            for try await win in store.allWins() { stored.append(win) }
            let existing = stored
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        var generator = SeededGenerator(seed: UInt64(100 + writer))
                        var mine: [Win] = [], writes = 0
                        for step in 0..<30 {
                            let model = existing[(writer * 31 + step * 7) % existing.count]
                            do {
                                switch Int.random(in: 0..<10, using: &generator) {
                                case 0..<5:
                                    var win = model
                                    win.id = Win.ID()
                                    win.title = "Writer \(writer) step \(step)"
                                    win.day = win.day.adding(days: Int.random(in: -20...20, using: &generator))
                                    mine.append(contentsOf: try await store.record([win]))
                                case 5...6 where !mine.isEmpty:
                                    var win = mine.randomElement(using: &generator)!
                                    win.day = win.day.adding(days: 31)
                                    win.themes = Array(win.themes.dropFirst())
                                    mine[mine.firstIndex { $0.id == win.id }!] = try await store.update(win)
                                case 7 where !mine.isEmpty:
                                    let win = mine.remove(at: Int.random(in: 0..<mine.count, using: &generator))
                                    try await store.delete(win.id)
                                default:
                                    let win = (mine + [model]).randomElement(using: &generator)!
                                    let by = random.members.filter { $0.id != win.author }.randomElement(using: &generator)!
                                    _ = try await store.celebrate(Celebration(win: win.id, by: by.id, kind: Celebration.Kind.allCases[writer % 4]))
                                }
                            } catch let error as SmallWinsError {
                                if case .storage = error { throw error }
                                continue  // refused: the team moved under the win, or another writer gave that celebration
                            }
                            writes += 1
                        }
                        return writes
                    }
                }
                group.addTask {
                    // A lead moves a team between schools while the writers write, some of them on its teams.
                    guard var moving = random.teams.first(where: { $0.name == "Team 0.0" }) else { return 0 }
                    for round in 0..<6 {
                        moving.parent = random.schools[round % 2 == 0 ? 1 : 0].id
                        moving = try await store.update(moving)
                    }
                    return 6
                }
                return try await group.reduce(0, +)
            }
            try check(counts >= 100, "the writers wrote (\(counts) writes)")
            let reference = ReferenceDashboard(contents: try await StoreContents.load(from: store))
            let year = try Period.schoolYear(2026)
            for scope in [nil, random.district.id] + random.schools.map(\.id) as [Team.ID?] {
                let scoped = try await scope.asyncMap { try await store.scoped(to: $0) } ?? store
                let query = DashboardQuery(period: year, bucket: .month, includeNames: true, brightSpotCount: 10)
                try checkEqual(try await scoped.dashboard(query), reference.dashboard(query, scope: scope),
                               "scope \(scope?.description ?? "all") after \(counts) concurrent writes")
            }
        },
        ConformanceCase("dashboards stay equal to a plain Swift computation after wins, celebrations and teams change") { store in
            let random = try await RandomDistrict.make(in: store, seed: 7, wins: 300)
            var generator = SeededGenerator(seed: 8)
            var wins: [Win] = []
            for try await win in store.allWins() { wins.append(win) }
            var changed = 0
            for var win in wins.shuffled(using: &generator).prefix(60) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: win.day = win.day.adding(days: Int.random(in: -40...40, using: &generator))
                case 1:
                    win.kind = win.kind == .success ? .lesson : .success
                    win.learned = win.kind == .lesson ? "Learned again" : nil
                case 2: win.themes = Array(win.themes.dropFirst()); win.groups = Array(win.groups.reversed().dropFirst())
                default: try await store.delete(win.id); changed += 1; continue
                }
                _ = try await store.update(win)
                changed += 1
            }
            let remaining = try await store.celebrations(ofWins: wins.map(\.id))
            for var celebration in remaining.shuffled(using: &generator).prefix(30) {
                if Bool.random(using: &generator) {
                    celebration.kind = celebration.kind == .thanks ? .applause : .thanks
                    _ = try await store.update(celebration)
                } else {
                    try await store.delete(celebration.id)
                }
                changed += 1
            }
            // Move a team with a nested team to another school, and back out one level.
            guard let moved = random.teams.first(where: { $0.name == "Team 0.0" }),
                  let nested = random.teams.first(where: { $0.name == "Group 0" }) else { return try check(false, "the random district has its teams") }
            var move = moved
            move.parent = random.schools[1].id
            move.name = "Team 0.0 (moved)"
            _ = try await store.update(move)
            var lift = nested
            lift.parent = random.schools[2].id
            _ = try await store.update(lift)
            try check(changed >= 90, "every change was made")

            let reference = ReferenceDashboard(contents: try await StoreContents.load(from: store))
            let year = try Period.schoolYear(2026)
            let scopes: [Team.ID?] = [nil, random.district.id] + random.schools.map(\.id) + [moved.id, nested.id]
            for scope in scopes {
                let scoped = try await scope.asyncMap { try await store.scoped(to: $0) } ?? store
                for query in [DashboardQuery(period: year, includeNames: true), DashboardQuery(period: year, bucket: .month, brightSpotCount: 12)] {
                    let expected = reference.dashboard(query, scope: scope)
                    try checkEqual(try await scoped.dashboard(query), expected, "scope \(scope?.description ?? "all") after the changes")
                }
            }
        },
    ]
}
