import Foundation
import SmallWins

/// The dashboard computed the plain way, in Swift, from every record of an unscoped store: the
/// reference the database's aggregates are checked against on random data.
struct ReferenceDashboard {
    let contents: StoreContents

    func dashboard(_ query: DashboardQuery, scope: Team.ID?) -> Dashboard {
        let teams = Dictionary(uniqueKeysWithValues: contents.teams.map { ($0.id, $0) })
        func ancestry(_ id: Team.ID) -> [Team.ID] {
            var chain: [Team.ID] = []
            var current: Team.ID? = id
            while let team = current.flatMap({ teams[$0] }) { chain.append(team.id); current = team.parent }
            return chain
        }
        func inSubtree(_ team: Team.ID, of root: Team.ID?) -> Bool { root.map { ancestry(team).contains($0) } ?? true }
        let lineage = Set(contents.teams.map(\.id).filter { inSubtree($0, of: scope) } + (scope.map(ancestry) ?? []))
        let filters = query.filters
        let terms = (try? filters.searchTerms()) ?? []
        let counted = query.effectivePeriod

        func matches(_ win: Win, from first: Day?, through last: Day?) -> Bool {
            guard let last, inSubtree(win.team, of: scope), win.day <= last else { return false }
            if let first, win.day < first { return false }
            if !filters.teams.isEmpty, !filters.teams.contains(where: { inSubtree(win.team, of: $0) }) { return false }
            if !filters.kinds.isEmpty, !filters.kinds.contains(win.kind) { return false }
            if !filters.goals.isEmpty, !(win.goal.map(filters.goals.contains) ?? false) { return false }
            if !filters.attempts.isEmpty, !(win.attempt.map(filters.attempts.contains) ?? false) { return false }
            if !filters.authors.isEmpty, !filters.authors.contains(win.author) { return false }
            if !filters.themes.isEmpty, filters.themes.isDisjoint(with: win.themes) { return false }
            if !filters.groups.isEmpty, filters.groups.isDisjoint(with: win.groups) { return false }
            let words = SearchText.words(win.title + " " + win.story)
            return terms.allSatisfy { term in words.contains { $0.hasPrefix(term) } }
        }
        var selected = contents.wins.filter { matches($0, from: counted?.first, through: counted?.last) }
        if query.minimumGroupSize >= 2 {
            // A team's own wins count only when at least that many people wrote them.
            let authors = Dictionary(grouping: selected, by: \.team).mapValues { Set($0.map(\.author)).count }
            selected = selected.filter { authors[$0.team, default: 0] >= query.minimumGroupSize }
        }
        /// Whether `win` counts in its breakdown's cell `key`: with suppression, only when at least that many
        /// people wrote the wins of its team with the same key.
        func keeps(by keys: (Win) -> [AnyHashable]) -> (Win, AnyHashable) -> Bool {
            guard query.minimumGroupSize >= 2 else { return { _, _ in true } }
            var writers: [[AnyHashable]: Set<Member.ID>] = [:]
            for win in selected { for key in keys(win) { writers[[win.team, key], default: []].insert(win.author) } }
            return { win, key in writers[[win.team, key], default: []].count >= query.minimumGroupSize }
        }
        let keepsGoal = keeps { win in win.goal.map { [AnyHashable($0)] } ?? [] }
        let keepsTheme = keeps { win in win.themes.map { AnyHashable($0) } }
        let keepsGroup = keeps { win in win.groups.map { AnyHashable($0) } }
        let keepsGoalGroup = keeps { win in win.goal.map { goal in win.groups.map { AnyHashable([AnyHashable(goal), AnyHashable($0)]) } } ?? [] }
        let keepsAttempt = keeps { win in win.attempt.map { [AnyHashable($0)] } ?? [] }
        let selectedIDs = Set(selected.map(\.id))
        let celebrations = contents.celebrations.filter { selectedIDs.contains($0.win) }
        let authorOf = Dictionary(uniqueKeysWithValues: selected.map { ($0.id, $0.author) })
        let names = Dictionary(uniqueKeysWithValues: contents.members.map { ($0.id, $0.name) })
        func split(_ wins: [Win]) -> (Int, Int) { (wins.filter { $0.kind == .success }.count, wins.filter { $0.kind == .lesson }.count) }
        func order<ID: Comparable>(_ a: String, _ aID: ID, _ b: String, _ bID: ID) -> Bool {
            a != b ? a.utf8.lexicographicallyPrecedes(b.utf8) : aID < bID
        }

        let subtreeTeams = Set(contents.teams.map(\.id).filter { inSubtree($0, of: scope) })
        let members = contents.members.filter { member in
            subtreeTeams.contains(member.organization)
                || contents.memberships.contains { $0.member == member.id && subtreeTeams.contains($0.team) }
        }.count
        let contributors = Set(selected.map(\.author))

        var timeline: [Dashboard.TimelinePoint] = []
        var start = query.bucket.start(containing: query.period.first)
        while start <= query.period.last {
            let next = query.bucket.start(after: start)
            let (s, l) = split(selected.filter { $0.day >= start && $0.day < next })
            timeline.append(.init(start: start, successes: s, lessons: l))
            start = next
        }

        let goals = contents.goals.filter { lineage.contains($0.team) }
        let byGoal = goals.map { goal -> Dashboard.GoalCount in
            let (s, l) = split(selected.filter { $0.goal == goal.id && keepsGoal($0, goal.id) })
            return .init(goal: goal.id, title: goal.title, successes: s, lessons: l)
        }.sorted { order($0.title, $0.goal, $1.title, $1.goal) }
        let byTheme = contents.themes.filter { lineage.contains($0.team) }.map { theme -> Dashboard.ThemeCount in
            let (s, l) = split(selected.filter { $0.themes.contains(theme.id) && keepsTheme($0, theme.id) })
            return .init(theme: theme.id, name: theme.name, successes: s, lessons: l)
        }.sorted { (a: Dashboard.ThemeCount, b: Dashboard.ThemeCount) -> Bool in
            let left = a.successes + a.lessons, right = b.successes + b.lessons
            return left != right ? left > right : order(a.name, a.theme, b.name, b.theme)
        }
        let groups = contents.studentGroups.filter { lineage.contains($0.team) }
        let byGroup = groups.map { group -> Dashboard.GroupCount in
            let (s, l) = split(selected.filter { $0.groups.contains(group.id) && keepsGroup($0, group.id) })
            return .init(group: group.id, name: group.name, successes: s, lessons: l)
        }.sorted { (a: Dashboard.GroupCount, b: Dashboard.GroupCount) -> Bool in
            let left = a.successes + a.lessons, right = b.successes + b.lessons
            return left != right ? left > right : order(a.name, a.group, b.name, b.group)
        }
        let groupNames = Dictionary(uniqueKeysWithValues: contents.studentGroups.map { ($0.id, $0.name) })
        let equity = byGoal.map { count -> Dashboard.GoalEquity in
            let goal = goals.first { $0.id == count.goal }!
            let goalWins = selected.filter { $0.goal == goal.id && keepsGoal($0, goal.id) }
            return .init(goal: goal.id, title: goal.title, wins: goalWins.count, groups: goal.focusGroups.map { group in
                let touching = goalWins.filter { $0.groups.contains(group) && keepsGoalGroup($0, AnyHashable([AnyHashable(goal.id), AnyHashable(group)])) }.count
                let share = goalWins.isEmpty ? 0 : Double(touching) / Double(goalWins.count)
                return .init(group: group, name: groupNames[group]!, wins: touching, share: share, belowThreshold: share < query.equityThreshold)
            })
        }

        let children = contents.teams.filter { $0.parent == scope }
        var byTeam = children.map { child -> Dashboard.TeamCount in
            let wins = selected.filter { inSubtree($0.team, of: child.id) }
            let (s, l) = split(wins)
            let ids = Set(wins.map(\.id))
            return .init(team: child.id, name: child.name, successes: s, lessons: l,
                         celebrations: celebrations.filter { ids.contains($0.win) }.count, contributors: Set(wins.map(\.author)).count)
        }.sorted { order($0.name, $0.team, $1.name, $1.team) }
        if let scope {
            let own = selected.filter { $0.team == scope }
            if !own.isEmpty {
                let (s, l) = split(own)
                let ids = Set(own.map(\.id))
                byTeam.insert(.init(team: scope, name: teams[scope]!.name, successes: s, lessons: l,
                                    celebrations: celebrations.filter { ids.contains($0.win) }.count,
                                    contributors: Set(own.map(\.author)).count), at: 0)
            }
        }

        var perAuthor: [Member.ID: Int] = [:]
        for win in selected { perAuthor[win.author, default: 0] += 1 }
        var bins: [Int: Int] = [:]
        for count in perAuthor.values { bins[count, default: 0] += 1 }
        let participation = Dashboard.Participation(
            contributors: contributors.count, members: members,
            distribution: bins.map { .init(wins: $0.key, members: $0.value) }.sorted { $0.wins < $1.wins },
            byMember: query.includeNames ? perAuthor.map { .init(member: $0.key, name: names[$0.key]!, wins: $0.value) }
                .sorted { order($0.name, $0.member, $1.name, $1.member) } : nil)

        var pairs: [[Member.ID]: (Int, Int)] = [:]
        for celebration in celebrations { pairs[[celebration.by, authorOf[celebration.win]!], default: (0, 0)].0 += 1 }
        var shoutOuts = 0
        for win in selected {
            for member in win.shoutOuts {
                pairs[[win.author, member], default: (0, 0)].1 += 1
                shoutOuts += 1
            }
        }
        let recognition = Dashboard.Recognition(
            celebrations: Celebration.Kind.allCases.map { kind in .init(kind: kind, count: celebrations.filter { $0.kind == kind }.count) },
            shoutOuts: shoutOuts,
            pairs: pairs.map { key, counts in
                Dashboard.Recognition.Pair(from: key[0], to: key[1], fromName: query.includeNames ? names[key[0]] : nil,
                                           toName: query.includeNames ? names[key[1]] : nil, celebrations: counts.0, shoutOuts: counts.1)
            }.sorted { (a: Dashboard.Recognition.Pair, b: Dashboard.Recognition.Pair) -> Bool in
                let left = a.celebrations + a.shoutOuts, right = b.celebrations + b.shoutOuts
                return left != right ? left > right : (a.from, a.to) < (b.from, b.to)
            })

        var streak = Dashboard.Streak(weeks: 0, latestWeek: nil)
        if let last = query.streakEnd {
            let weeks = Set(contents.wins.filter { matches($0, from: nil, through: last) }.map { Period.week(containing: $0.day).first })
            var monday = Period.week(containing: last).first
            if !weeks.contains(monday) { monday = monday.adding(days: -7) }
            while weeks.contains(monday) {
                if streak.latestWeek == nil { streak.latestWeek = monday }
                streak.weeks += 1
                monday = monday.adding(days: -7)
            }
        }

        var celebrationCounts: [Win.ID: Int] = [:]
        for celebration in celebrations { celebrationCounts[celebration.win, default: 0] += 1 }
        let brightSpots = selected.filter { celebrationCounts[$0.id] != nil }
            .sorted { a, b in
                let ca = celebrationCounts[a.id]!, cb = celebrationCounts[b.id]!
                return ca != cb ? ca > cb : (a.day, a.id) > (b.day, b.id)
            }
            .prefix(query.brightSpotCount)
            .map { Dashboard.BrightSpot(win: $0.id, title: $0.title, kind: $0.kind, day: $0.day, team: $0.team,
                                        celebrations: celebrationCounts[$0.id]!, excerpt: Dashboard.BrightSpot.excerpt($0.story)) }

        let agenda = contents.learningQuestions.filter { lineage.contains($0.team) }.map { question in
            Dashboard.AgendaQuestion(
                question: question.id, text: question.text, status: question.status, goal: question.goal,
                attempts: contents.attempts.filter { $0.question == question.id }.map { attempt in
                    let wins = selected.filter { $0.attempt == attempt.id && keepsAttempt($0, attempt.id) }
                    let (s, l) = split(wins)
                    return Dashboard.AgendaAttempt(attempt: attempt.id, title: attempt.title, status: attempt.status, successes: s, lessons: l,
                                                   latestWins: wins.sorted { ($0.day, $0.id) > ($1.day, $1.id) }.prefix(5).map(\.id))
                }.sorted { order($0.title, $0.attempt, $1.title, $1.attempt) })
        }.sorted { order($0.text, $0.question, $1.text, $1.question) }

        return Dashboard(
            scope: scope, period: query.period, bucket: query.bucket, equityThreshold: query.equityThreshold,
            totals: .init(wins: selected.count, successes: split(selected).0, lessons: split(selected).1, celebrations: celebrations.count,
                          contributors: contributors.count, members: members),
            timeline: timeline, byGoal: byGoal, byTheme: byTheme, byGroup: byGroup, byTeam: byTeam, equity: equity,
            participation: participation, recognition: recognition, streak: streak, brightSpots: Array(brightSpots),
            learningAgenda: agenda)
        .suppressingSmallGroups(query.minimumGroupSize)
    }
}
