import Foundation
import SmallWins
import SmallWinsStoreTesting

/// A deterministic district of any size, built through the `WinStore` API.
struct DistrictGenerator {
    var schools = 10
    var teamsPerSchool = 5
    var members = 300
    var wins = 100_000
    var seed: UInt64 = 42

    static let words = ["reading", "fluency", "partners", "math", "talk", "families", "feedback", "writing", "science", "circle",
                        "exit", "tickets", "coaching", "newcomers", "labs", "routines", "students", "practice", "questions", "growth"]

    /// Fills `store`; returns the district, one school and one team to look at.
    func fill(_ store: any WinStore, progress: (Int) -> Void) async throws -> (district: Team, school: Team, team: Team) {
        var random = SeededGenerator(seed: seed)
        let district = try await store.create(Team(name: "Benchmark District", kind: .district))
        var schoolTeams: [Team] = [], teams: [Team] = []
        for s in 0..<schools {
            let school = try await store.create(Team(name: "School \(s)", kind: .school, parent: district.id))
            schoolTeams.append(school)
            for t in 0..<teamsPerSchool { teams.append(try await store.create(Team(name: "Team \(s).\(t)", kind: .team, parent: school.id))) }
        }
        var groups: [StudentGroup] = [], themes: [Theme] = []
        for g in 0..<8 { groups.append(try await store.create(StudentGroup(name: "Group \(g)", in: district.id))) }
        for t in 0..<20 { themes.append(try await store.create(Theme(name: "Theme \(t) \(Self.words[t])", in: district.id))) }
        var goals: [Team.ID: [Goal]] = [:]
        for school in schoolTeams {
            for g in 0..<2 {
                let goal = try await store.create(Goal(team: school.id, title: "Goal \(g) of \(school.name)",
                                                       focusGroups: [groups[g * 2].id, groups[g * 2 + 1].id]))
                goals[school.id, default: []].append(goal)
            }
        }
        var people: [(Member, Team)] = []
        for m in 0..<members {
            let team = teams[m % teams.count]
            let member = try await store.create(Member(name: "Member \(m)", in: district.id))
            _ = try await store.create(Membership(member: member.id, team: team.id))
            people.append((member, team))
        }
        let year = try Period.schoolYear(2026)
        var batch: [Win] = []
        var recorded: [Win.ID] = []
        for index in 0..<wins {
            let (author, team) = people.randomElement(using: &random)!
            let kind: Win.Kind = Int.random(in: 0..<3, using: &random) == 0 ? .lesson : .success
            let text = (0..<12).map { _ in Self.words.randomElement(using: &random)! }
            batch.append(Win(
                team: team.id, author: author.id, kind: kind, title: "Win \(index): \(text[0]) and \(text[1])",
                story: String(repeating: text.joined(separator: " ") + ". ", count: 5), learned: kind == .lesson ? "We learned about \(text[2])." : nil,
                day: year.first.adding(days: Int.random(in: 0..<year.dayCount, using: &random)),
                goal: Bool.random(using: &random) ? goals[team.parent!]!.randomElement(using: &random)!.id : nil,
                themes: Array(themes.shuffled(using: &random).prefix(2).map(\.id)),
                groups: [groups.randomElement(using: &random)!.id]))
            if batch.count == 1000 || index == wins - 1 {
                recorded += try await store.record(batch).map(\.id)
                batch.removeAll(keepingCapacity: true)
                progress(recorded.count)
            }
        }
        var celebrations: [Celebration] = []
        for _ in 0..<(wins / 2) {
            celebrations.append(Celebration(win: recorded.randomElement(using: &random)!, by: people.randomElement(using: &random)!.0.id,
                                            kind: Celebration.Kind.allCases.randomElement(using: &random)!))
            if celebrations.count == 1000 {
                try await store.restore(celebrations)
                celebrations.removeAll(keepingCapacity: true)
            }
        }
        try await store.restore(celebrations)
        return (district, schoolTeams[0], teams[0])
    }
}
