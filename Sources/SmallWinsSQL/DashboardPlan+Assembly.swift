import Foundation
import SmallWins

extension DashboardPlan {
    /// Builds the dashboard from the rows of ``statements``, in order. Only small, aggregated results arrive
    /// here; this fills empty buckets, names things, orders lists and computes shares.
    package func assemble(_ results: [[SQLRow]]) throws -> Dashboard {
        guard results.count == statements.count else {
            throw SmallWinsError.storage(.corrupt("expected \(statements.count) dashboard results, got \(results.count)"))
        }
        func rows(_ part: Part) -> [SQLRow] { results[part.rawValue] }

        let totalsRow = rows(.totals).first
        let wins = try totalsRow?.int("wins") ?? 0
        let successes = try totalsRow?.int("successes") ?? 0
        let contributors = try totalsRow?.int("contributors") ?? 0
        let members = try rows(.members).first?.int("n") ?? 0
        var kindCounts: [Celebration.Kind: Int] = [:]
        for row in rows(.celebrationKinds) { kindCounts[try row.value("kind"), default: 0] += try row.int("n") }
        let celebrations = kindCounts.values.reduce(0, +)

        // Goals, themes and groups: names and counts by kind.
        var goalTitles: [Goal.ID: String] = [:]
        var focus: [Goal.ID: [(position: Int, group: StudentGroup.ID)]] = [:]
        for row in rows(.goals) {
            let goal: Goal.ID = try row.id("id")
            goalTitles[goal] = try row.text("title")
            if let group: StudentGroup.ID = try row.optionalID("group_id") {
                focus[goal, default: []].append((try row.int("position"), group))
            }
        }
        let goalCounts = try kindCountsByID(rows(.goalCounts)) as [Goal.ID: (Int, Int)]
        let themeNames = try names(rows(.themes)) as [Theme.ID: String]
        let themeCounts = try kindCountsByID(rows(.themeCounts)) as [Theme.ID: (Int, Int)]
        let groupNames = try names(rows(.groups)) as [StudentGroup.ID: String]
        let groupCounts = try kindCountsByID(rows(.groupCounts)) as [StudentGroup.ID: (Int, Int)]

        let byGoal = goalTitles.map { goal, title in
            Dashboard.GoalCount(goal: goal, title: title, successes: goalCounts[goal]?.0 ?? 0, lessons: goalCounts[goal]?.1 ?? 0)
        }.sorted { byText($0.title, $0.goal, $1.title, $1.goal) }
        let byTheme = themeNames.map { theme, name in
            Dashboard.ThemeCount(theme: theme, name: name, successes: themeCounts[theme]?.0 ?? 0, lessons: themeCounts[theme]?.1 ?? 0)
        }.sorted { mostFirst($0.successes + $0.lessons, $0.name, $0.theme, $1.successes + $1.lessons, $1.name, $1.theme) }
        let byGroup = groupNames.map { group, name in
            Dashboard.GroupCount(group: group, name: name, successes: groupCounts[group]?.0 ?? 0, lessons: groupCounts[group]?.1 ?? 0)
        }.sorted { mostFirst($0.successes + $0.lessons, $0.name, $0.group, $1.successes + $1.lessons, $1.name, $1.group) }

        // Equity coverage against each goal's intended focus groups.
        var touching: [Goal.ID: [StudentGroup.ID: Int]] = [:]
        for row in rows(.equityCounts) {
            touching[try row.id("goal"), default: [:]][try row.id("grp")] = try row.int("n")
        }
        let equity = byGoal.map { goal -> Dashboard.GoalEquity in
            let total = goal.successes + goal.lessons
            let groups = (focus[goal.goal] ?? []).sorted { $0.position < $1.position }.map { entry -> Dashboard.GroupCoverage in
                let count = touching[goal.goal]?[entry.group] ?? 0
                let share = total == 0 ? 0 : Double(count) / Double(total)
                return Dashboard.GroupCoverage(group: entry.group, name: groupNames[entry.group] ?? entry.group.description,
                                               wins: count, share: share, belowThreshold: share < query.equityThreshold)
            }
            return Dashboard.GoalEquity(goal: goal.goal, title: goal.title, wins: total, groups: groups)
        }

        // Roll-up by child team.
        let teamNames = try names(rows(.childTeams)) as [Team.ID: String]
        var teamCelebrations: [Team.ID: Int] = [:]
        for row in rows(.teamCelebrations) { teamCelebrations[try row.id("id")] = try row.int("n") }
        var byTeam: [Dashboard.TeamCount] = []
        var counted = Set<Team.ID>()
        for row in rows(.teamCounts) {
            let team: Team.ID = try row.id("id")
            counted.insert(team)
            byTeam.append(Dashboard.TeamCount(
                team: team, name: teamNames[team] ?? team.description, successes: try row.int("successes"),
                lessons: try row.int("lessons"), celebrations: teamCelebrations[team] ?? 0, contributors: try row.int("contributors")))
        }
        for (team, name) in teamNames where !counted.contains(team) && team != scope {
            byTeam.append(Dashboard.TeamCount(team: team, name: name, successes: 0, lessons: 0, celebrations: 0, contributors: 0))
        }
        byTeam.sort { (lhs, rhs) in
            if (lhs.team == scope) != (rhs.team == scope) { return lhs.team == scope }
            return byText(lhs.name, lhs.team, rhs.name, rhs.team)
        }

        // Participation: a spread, with names only when asked.
        let distribution = try rows(.participation).map { Dashboard.Participation.Bin(wins: try $0.int("wins"), members: try $0.int("members")) }
            .sorted { $0.wins < $1.wins }
        let byMember = query.includeNames ? try rows(.memberWins).map {
            Dashboard.Participation.MemberWins(member: try $0.id("id"), name: try $0.text("name"), wins: try $0.int("n"))
        }.sorted { byText($0.name, $0.member, $1.name, $1.member) } : nil

        // Recognition pairs: each celebrating pair arrives once; shout-outs add to those pairs or make new ones.
        // Only shout-outs need a lookup by pair, so a district's tens of thousands of pairs are not hashed.
        func pair(_ row: SQLRow, celebrations: Int, shoutOuts: Int) throws -> Dashboard.Recognition.Pair {
            Dashboard.Recognition.Pair(
                from: try row.id("from_id"), to: try row.id("to_id"), fromName: query.includeNames ? try row.text("from_name") : nil,
                toName: query.includeNames ? try row.text("to_name") : nil, celebrations: celebrations, shoutOuts: shoutOuts)
        }
        var pairs = try rows(.celebrationPairs).map { try pair($0, celebrations: $0.int("n"), shoutOuts: 0) }
        var shoutOuts = 0
        if !rows(.shoutOutPairs).isEmpty {
            struct PairKey: Hashable { let from: Member.ID, to: Member.ID }
            var positions = Dictionary(uniqueKeysWithValues: pairs.enumerated().map { (PairKey(from: $1.from, to: $1.to), $0) })
            for row in rows(.shoutOutPairs) {
                let count = try row.int("n")
                shoutOuts += count
                let key = PairKey(from: try row.id("from_id"), to: try row.id("to_id"))
                if let position = positions[key] {
                    pairs[position].shoutOuts += count
                } else {
                    positions[key] = pairs.count
                    pairs.append(try pair(row, celebrations: 0, shoutOuts: count))
                }
            }
        }
        let recognition = Dashboard.Recognition(
            celebrations: Celebration.Kind.allCases.map { .init(kind: $0, count: kindCounts[$0] ?? 0) },
            shoutOuts: shoutOuts,
            pairs: pairs.sorted {
                let left = $0.celebrations + $0.shoutOuts, right = $1.celebrations + $1.shoutOuts
                if left != right { return left > right }
                return ($0.from, $0.to) < ($1.from, $1.to)
            })

        // Streak of weeks, counted back from the period's last week (or the query's asOf).
        let weeks = Set(try rows(.streakWeeks).map { try $0.day("week") })
        var streak = Dashboard.Streak(weeks: 0, latestWeek: nil)
        if let last = query.streakEnd {
            var monday = Period.week(containing: last).first
            if !weeks.contains(monday) { monday = monday.adding(days: -7) }
            if weeks.contains(monday) { streak.latestWeek = monday }
            while weeks.contains(monday) {
                streak.weeks += 1
                monday = monday.adding(days: -7)
            }
        }

        let brightSpots = try rows(.brightSpots).map { row in
            Dashboard.BrightSpot(win: try row.id("id"), title: try row.text("title"), kind: try row.value("kind"), day: try row.day("day"),
                                 team: try row.id("team"), celebrations: try row.int("n"), excerpt: Dashboard.BrightSpot.excerpt(try row.text("story")))
        }

        return Dashboard(
            scope: scope, period: query.period, bucket: query.bucket, equityThreshold: query.equityThreshold,
            totals: .init(wins: wins, successes: successes, lessons: wins - successes, celebrations: celebrations,
                          contributors: contributors, members: members),
            timeline: try timeline(rows(.timeline)), byGoal: byGoal, byTheme: byTheme, byGroup: byGroup, byTeam: byTeam,
            equity: equity,
            participation: .init(contributors: contributors, members: members, distribution: distribution, byMember: byMember),
            recognition: recognition, streak: streak, brightSpots: brightSpots,
            learningAgenda: try agenda(questions: rows(.questions), attempts: rows(.attempts), counts: rows(.attemptCounts),
                                       wins: rows(.attemptWins)))
        .suppressingSmallGroups(query.minimumGroupSize)
    }

    /// Every bucket from the one holding the period's first day to the one holding its last, filled.
    private func timeline(_ rows: [SQLRow]) throws -> [Dashboard.TimelinePoint] {
        var counts: [Day: (Int, Int)] = [:]
        for row in rows { counts[try row.day("bucket")] = (try row.int("successes"), try row.int("lessons")) }
        var points: [Dashboard.TimelinePoint] = []
        var start = query.bucket.start(containing: query.period.first)
        while start <= query.period.last {
            points.append(.init(start: start, successes: counts[start]?.0 ?? 0, lessons: counts[start]?.1 ?? 0))
            start = query.bucket.start(after: start)
        }
        return points
    }

    private func agenda(questions: [SQLRow], attempts: [SQLRow], counts: [SQLRow], wins: [SQLRow]) throws -> [Dashboard.AgendaQuestion] {
        let attemptCounts = try kindCountsByID(counts) as [Attempt.ID: (Int, Int)]
        var latest: [Attempt.ID: [(Int, Win.ID)]] = [:]
        for row in wins { latest[try row.id("id"), default: []].append((try row.int("r"), try row.id("win"))) }
        var byQuestion: [LearningQuestion.ID: [Dashboard.AgendaAttempt]] = [:]
        for row in attempts {
            let attempt: Attempt.ID = try row.id("id")
            byQuestion[try row.id("question_id"), default: []].append(Dashboard.AgendaAttempt(
                attempt: attempt, title: try row.text("title"), status: try row.value("status"),
                successes: attemptCounts[attempt]?.0 ?? 0, lessons: attemptCounts[attempt]?.1 ?? 0,
                latestWins: (latest[attempt] ?? []).sorted { $0.0 < $1.0 }.map(\.1)))
        }
        return try questions.map { row in
            let question: LearningQuestion.ID = try row.id("id")
            return Dashboard.AgendaQuestion(
                question: question, text: try row.text("text"), status: try row.value("status"), goal: try row.optionalID("goal_id"),
                attempts: (byQuestion[question] ?? []).sorted { byText($0.title, $0.attempt, $1.title, $1.attempt) })
        }.sorted { byText($0.text, $0.question, $1.text, $1.question) }
    }

    private func names<Subject>(_ rows: [SQLRow]) throws -> [Identifier<Subject>: String] {
        var names: [Identifier<Subject>: String] = [:]
        for row in rows { names[try row.id("id")] = try row.text("name") }
        return names
    }

    /// `id`, `successes`, `lessons` rows by id.
    private func kindCountsByID<Subject>(_ rows: [SQLRow]) throws -> [Identifier<Subject>: (Int, Int)] {
        var counts: [Identifier<Subject>: (Int, Int)] = [:]
        for row in rows { counts[try row.id("id")] = (try row.int("successes"), try row.int("lessons")) }
        return counts
    }
}

/// Byte order of the text, then the id: the order every SmallWins list uses.
func byText<Subject>(_ leftText: String, _ leftID: Identifier<Subject>, _ rightText: String, _ rightID: Identifier<Subject>) -> Bool {
    if leftText != rightText { return leftText.utf8.lexicographicallyPrecedes(rightText.utf8) }
    return leftID < rightID
}

/// Largest count first, then by text and id.
func mostFirst<Subject>(_ leftCount: Int, _ leftText: String, _ leftID: Identifier<Subject>,
                        _ rightCount: Int, _ rightText: String, _ rightID: Identifier<Subject>) -> Bool {
    if leftCount != rightCount { return leftCount > rightCount }
    return byText(leftText, leftID, rightText, rightID)
}
