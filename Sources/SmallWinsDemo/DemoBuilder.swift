import Foundation
import SmallWins

/// Builds the demo district step by step; see ``DemoDistrict``.
struct DemoBuilder {
    let store: any WinStore
    let size: DemoDistrict.Size
    var random: SeededGenerator
    let year: Period

    /// A team of the demo and what it works on.
    struct DemoTeam {
        let team: Team
        let school: Team
        let domains: [Strategy.Domain]
        var members: [Member] = []
        /// How often each member records (some never do).
        var voices: [Double] = []
        var weight = 1.0
        var attempts: [(attempt: Attempt, strategy: Strategy, status: Attempt.Status)] = []
    }

    /// A goal and how its wins reach its focus groups.
    struct DemoGoal {
        let goal: Goal
        let domains: [Strategy.Domain]
        /// Chance that a win of the goal touches each focus group.
        let reach: [StudentGroup.ID: Double]
    }

    mutating func build(progress: (@Sendable (Int, Int) -> Void)?) async throws -> DemoDistrict.Summary {
        let district = try await store.create(Team(id: id(), name: "Riverbend Unified", kind: .district))
        var themes: [String: Theme.ID] = [:]
        for (name, about) in DemoPlan.themes { themes[name] = try await store.create(Theme(id: id(), name: name, description: about, in: district.id)).id }
        var groups: [String: StudentGroup.ID] = [:]
        for (name, about) in DemoPlan.groups {
            groups[name] = try await store.create(StudentGroup(id: id(), name: name, description: about, in: district.id)).id
        }
        let districtGoal = try await goal(DemoPlan.districtGoal, team: district, groups: groups, underServed: nil)
        var goalsBySchool: [Team.ID: [DemoGoal]] = [:]
        var teams: [DemoTeam] = []
        var people = Self.names(count: size.schools * 20 + 20, random: &random)

        for index in 0..<size.schools {
            let kind = [DemoPlan.elementary, DemoPlan.middle, DemoPlan.high][index % 3]
            let school = try await store.create(Team(id: id(), name: "\(DemoPlan.schoolNames[index % DemoPlan.schoolNames.count]) \(kind.suffix)",
                                                     kind: .school, parent: district.id))
            var schoolGoals: [DemoGoal] = []
            for (number, plan) in kind.goals.enumerated() {
                // The first elementary school's fluency goal rarely reaches students with IEPs: the equity flag.
                let underServed = index == 0 && number == 0 ? "Students with IEPs" : nil
                schoolGoals.append(try await goal(plan, team: school, groups: groups, underServed: underServed))
            }
            goalsBySchool[school.id] = schoolGoals
            for plan in kind.teams {
                let team = try await store.create(Team(id: id(), name: plan.name, kind: .team, parent: school.id))
                var demo = DemoTeam(team: team, school: school, domains: plan.domains)
                demo.weight = index == 0 && plan.name == "Grade 3" ? 1.8 : Double.random(in: 0.5...1.4, using: &random)
                for seat in 0..<6 {
                    let name = people.removeFirst()
                    let member = try await store.create(Member(
                        id: id(), name: name, email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@riverbend.org", in: district.id))
                    _ = try await store.create(Membership(member: member.id, team: team.id, role: seat == 0 ? .lead : .member))
                    demo.members.append(member)
                    demo.voices.append(seat == 5 ? 0 : Double.random(in: 0.3...3, using: &random))
                }
                demo.attempts = try await agenda(for: team, domain: plan.domains[0], goals: schoolGoals)
                teams.append(demo)
            }
        }

        var summary = DemoDistrict.Summary(
            district: district.id, schoolYear: year, streakTeam: teams.first { $0.team.name == "Grade 3" }!.team.id,
            digestWeek: Period.week(containing: try Day(year.first.year + 1, 5, 14)).first,
            lastSchoolDay: try Day(year.first.year + 1, 6, 12))
        summary.schools = size.schools
        summary.teams = teams.count
        summary.members = teams.reduce(0) { $0 + $1.members.count }
        summary.goals = 1 + goalsBySchool.values.reduce(0) { $0 + $1.count }
        summary.learningQuestions = teams.count
        summary.attempts = teams.reduce(0) { $0 + $1.attempts.count }

        var staff: [Team.ID: [Member]] = [:]
        for team in teams { staff[team.school.id, default: []] += team.members }
        let weeks = schoolWeeks()
        let plannedWins = size.wins
        let totalWeight = teams.reduce(0) { $0 + $1.weight } * weeks.reduce(0) { $0 + $1.weight }
        var pending: [(Win, [Celebration])] = []
        for (weekIndex, week) in weeks.enumerated() {
            for team in teams {
                let expected = Double(plannedWins) * team.weight * week.weight / totalWeight
                var count = Int(expected) + (Double.random(in: 0..<1, using: &random) < expected.truncatingRemainder(dividingBy: 1) ? 1 : 0)
                if team.team.id == summary.streakTeam, week.weight > 0 { count = max(count, 1) }
                for _ in 0..<count {
                    let goals = (goalsBySchool[team.school.id] ?? []) + [districtGoal]
                    let win = makeWin(team: team, week: week.monday, weekIndex: weekIndex, goals: goals, themes: themes, groups: groups)
                    pending.append((win, celebrations(of: win, team: team, school: staff[team.school.id] ?? [])))
                }
            }
            if pending.count >= 500 || weekIndex == weeks.count - 1 {
                try await store.restore(pending.map(\.0))
                let cheers = pending.flatMap(\.1)
                try await store.restore(cheers)
                summary.wins += pending.count
                summary.lessons += pending.filter { $0.0.kind == .lesson }.count
                summary.celebrations += cheers.count
                pending.removeAll(keepingCapacity: true)
                progress?(summary.wins, plannedWins)
            }
        }
        return summary
    }

    /// A fresh id from the seeded generator, so the same seed gives the same ids.
    mutating func id<Subject>() -> Identifier<Subject> { Identifier(random.uuid()) }

    // MARK: Goals and the learning agenda

    private mutating func goal(
        _ plan: DemoPlan.GoalPlan, team: Team, groups: [String: StudentGroup.ID], underServed: String?
    ) async throws -> DemoGoal {
        let focus = plan.focus.compactMap { groups[$0] }
        let goal = try await store.create(Goal(
            id: id(), team: team.id, title: plan.title, summary: plan.summary,
            success: SuccessCriteria(looksLike: plan.looksLike, soundsLike: plan.soundsLike, feelsLike: plan.feelsLike),
            focusGroups: focus, start: year.first.adding(days: 17), end: year.first.adding(days: 315)))
        var reach: [StudentGroup.ID: Double] = [:]
        for name in plan.focus { reach[groups[name]!] = name == underServed ? 0.05 : Double.random(in: 0.35...0.6, using: &random) }
        return DemoGoal(goal: goal, domains: plan.domains, reach: reach)
    }

    private static let questions: [Strategy.Domain: String] = [
        .reading: "Which partner routines get every student reading more?",
        .math: "How do we get more voices into math talk?",
        .writing: "What helps students move from sentence frames to their own arguments?",
        .family: "How do we reach the families we have not met yet?",
        .attendance: "What brings chronically absent students back every day?",
        .science: "How much structure do students need to design a fair test?",
        .advisory: "What makes advisory a place students want to be?",
    ]

    /// One question for the team's main subject, with its attempts: one dropped in the fall, one that
    /// starts as lessons and is adopted, and (when there is a third strategy) one underway.
    private mutating func agenda(
        for team: Team, domain: Strategy.Domain, goals: [DemoGoal]
    ) async throws -> [(attempt: Attempt, strategy: Strategy, status: Attempt.Status)] {
        let question = try await store.create(LearningQuestion(
            id: id(), team: team.id, text: Self.questions[domain]!, goal: goals.first { $0.domains.contains(domain) }?.goal.id))
        let strategies = Strategy.all.filter { $0.domain == domain }.shuffled(using: &random)
        let statuses: [Attempt.Status] = strategies.count == 1 ? [.adopted] : [.dropped, .adopted, .underway]
        var attempts: [(attempt: Attempt, strategy: Strategy, status: Attempt.Status)] = []
        for (strategy, status) in zip(strategies, statuses) {
            let attempt = try await store.create(Attempt(
                id: id(), question: question.id, title: strategy.name, description: strategy.actions[0],
                start: year.first.adding(days: 31 + 14 * attempts.count), status: status))
            attempts.append((attempt, strategy, status))
        }
        return attempts
    }

    // MARK: Wins

    /// School weeks with how busy each is: August starts slowly, December is quiet, winter and spring
    /// breaks have none.
    private mutating func schoolWeeks() -> [(monday: Day, weight: Double)] {
        var weeks: [(monday: Day, weight: Double)] = []
        var monday = Period.week(containing: year.first.adding(days: 17)).first
        let last = Period.week(containing: (try? Day(year.first.year + 1, 6, 12)) ?? year.last).first
        while monday <= last {
            var weight = Double.random(in: 0.8...1.2, using: &random)
            switch (monday.month, monday.day) {
            case (8, _): weight *= 0.5
            case (12, 1...19): weight *= 0.3
            case (12, _), (1, 1...2): weight = 0
            case (4, 6...12): weight *= 0.15
            default: break
            }
            weeks.append((monday, weight))
            monday = monday.adding(days: 7)
        }
        return weeks
    }

    private mutating func makeWin(
        team: DemoTeam, week: Day, weekIndex: Int, goals: [DemoGoal], themes: [String: Theme.ID], groups: [String: StudentGroup.ID]
    ) -> Win {
        let author = team.members[pick(team.voices)]
        let domain = team.domains.randomElement(using: &random)!
        var strategy = Strategy.all.filter { $0.domain == domain }.randomElement(using: &random)!
        var kind: Win.Kind = Double.random(in: 0..<1, using: &random) < 0.22 ? .lesson : .success
        var attempt: Attempt.ID?
        if domain == team.domains[0], Double.random(in: 0..<1, using: &random) < 0.4,
           let chosen = team.attempts.first(where: { weekIndex < 9 ? $0.status == .dropped : $0.status != .dropped }) ?? team.attempts.first {
            attempt = chosen.attempt.id
            strategy = chosen.strategy
            // Attempts teach before they work: lessons in the fall, successes once adopted.
            switch chosen.status {
            case .dropped: kind = .lesson
            case .adopted: kind = weekIndex < 10 ? .lesson : (Double.random(in: 0..<1, using: &random) < 0.88 ? .success : .lesson)
            default: break
            }
        }
        let goal = goals.filter { $0.domains.contains(domain) }.randomElement(using: &random)
            .flatMap { Double.random(in: 0..<1, using: &random) < 0.8 ? $0 : nil }
        var touched: [StudentGroup.ID] = []
        for focus in goal?.goal.focusGroups ?? [] where Double.random(in: 0..<1, using: &random) < goal!.reach[focus, default: 0] {
            touched.append(focus)
        }
        if Double.random(in: 0..<1, using: &random) < 0.12, let other = groups.values.sorted(by: { $0.description < $1.description }).randomElement(using: &random),
           !touched.contains(other) {
            touched.append(other)
        }
        var codes = strategy.themes.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)).compactMap { themes[$0] }
        if Double.random(in: 0..<1, using: &random) < 0.2, let extra = themes.values.sorted(by: { $0.description < $1.description }).randomElement(using: &random),
           !codes.contains(extra) {
            codes.append(extra)
        }
        let student = Strategy.students.randomElement(using: &random)!
        func say(_ text: String) -> String { text.replacingOccurrences(of: "{student}", with: student) }
        let action = say(strategy.actions.randomElement(using: &random)!)
        let day = week.adding(days: Int.random(in: 0...4, using: &random))
        let recorded = Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + Double(Int.random(in: 54_000...72_000, using: &random)))
        var shoutOuts: [Member.ID] = []
        if Double.random(in: 0..<1, using: &random) < 0.2, let colleague = team.members.filter({ $0.id != author.id }).randomElement(using: &random) {
            shoutOuts.append(colleague.id)
        }
        if kind == .success {
            let opener = ["By Friday, ", "This week ", "To my surprise, ", "Today ", "After two weeks, "].randomElement(using: &random)!
            let thanks = shoutOuts.isEmpty ? "" : " Thank you for the idea, and for cheering us on."
            return Win(id: id(), team: team.team.id, author: author.id, kind: .success, title: say(strategy.titles.randomElement(using: &random)!),
                       story: action + " " + opener + say(strategy.successes.randomElement(using: &random)!) + thanks,
                       day: day, goal: goal?.goal.id, attempt: attempt, themes: codes, groups: touched, shoutOuts: shoutOuts,
                       recordedAt: recorded)
        }
        return Win(id: id(), team: team.team.id, author: author.id, kind: .lesson, title: strategy.lessonTitles.randomElement(using: &random)!,
                   story: action + " But " + say(strategy.problems.randomElement(using: &random)!),
                   learned: strategy.lessons.randomElement(using: &random)!, next: strategy.nextSteps.randomElement(using: &random)!,
                   day: day, goal: goal?.goal.id, attempt: attempt, themes: codes, groups: touched, shoutOuts: shoutOuts, recordedAt: recorded)
    }

    private static let messages = ["So proud of this!", "Stealing this for my class.", "This made my day.",
                                   "Can you show us at the next meeting?", "Thank you for sharing what didn't work.", "Yes!!"]

    /// Colleagues celebrating a win, teammates first: most wins get none or one, a few become bright spots
    /// that the whole school celebrates.
    private mutating func celebrations(of win: Win, team: DemoTeam, school: [Member]) -> [Celebration] {
        let roll = Double.random(in: 0..<1, using: &random)
        let count = roll < 0.5 ? 0 : roll < 0.75 ? 1 : roll < 0.9 ? 2 : roll < 0.985 ? Int.random(in: 3...5, using: &random)
            : Int.random(in: 6...14, using: &random)
        let teammates = team.members.filter { $0.id != win.author }.shuffled(using: &random)
        let others = school.filter { member in member.id != win.author && !teammates.contains { $0.id == member.id } }.shuffled(using: &random)
        let colleagues = teammates + others
        return (0..<min(count, colleagues.count)).map { index in
            let kind = Celebration.Kind.allCases.randomElement(using: &random)!
            return Celebration(id: id(), win: win.id, by: colleagues[index].id, kind: kind,
                               message: Double.random(in: 0..<1, using: &random) < 0.35 ? Self.messages.randomElement(using: &random) : nil,
                               at: win.recordedAt.addingTimeInterval(Double(Int.random(in: 600...200_000, using: &random))))
        }
    }

    /// An index drawn with the given weights.
    private mutating func pick(_ weights: [Double]) -> Int {
        var roll = Double.random(in: 0..<weights.reduce(0, +), using: &random)
        for (index, weight) in weights.enumerated() {
            if roll < weight { return index }
            roll -= weight
        }
        return weights.count - 1
    }

    /// `count` distinct staff names in a shuffled but fixed order.
    static func names(count: Int, random: inout SeededGenerator) -> [String] {
        var all: [String] = []
        for last in DemoPlan.lastNames { for first in DemoPlan.firstNames { all.append("\(first) \(last)") } }
        return Array(all.shuffled(using: &random).prefix(count))
    }
}
