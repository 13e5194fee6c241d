import Foundation
import SmallWins
import SmallWinsDemo

/// A deterministic district, built through the `WinStore` API: 50 schools of 10 teams, 2,500 members (5 per
/// team), 20 themes and 8 student groups kept by the district, 2 goals per school with 2 focus groups each, and
/// `wins` wins over three school years (2024-25 to 2026-27), each with 2 themes and 1 student group and half of
/// them serving a goal, plus `wins / 2` celebrations, mostly from the author's team. The same seed and size
/// always give the same district, ids included.
public struct DistrictGenerator: Sendable {
    /// Schools in the district.
    public var schools = 50
    /// Teams in each school.
    public var teamsPerSchool = 10
    /// Members of each team.
    public var membersPerTeam = 5
    /// Wins recorded.
    public var wins: Int
    /// The seed of every random choice.
    public var seed: UInt64 = 2026
    /// Wins per `record` call: large batches, as a bulk load sends them.
    public var batchSize = 10_000

    /// The school years the wins fall in (starting years).
    public static let years = [2024, 2025, 2026]

    static let words = ["reading", "fluency", "partners", "math", "talk", "families", "feedback", "writing", "science", "circle",
                        "exit", "tickets", "coaching", "newcomers", "labs", "routines", "students", "practice", "questions", "growth"]

    /// A district of `wins` wins.
    public init(wins: Int) { self.wins = wins }

    /// The names of the scopes the benchmarks look at.
    public static let districtName = "Benchmark District", schoolName = "School 0", teamName = "Team 0.0"

    /// Fills an empty `store`; `progress` hears how many wins are recorded after each batch.
    public func fill(_ store: any WinStore, progress: (Int) -> Void = { _ in }) async throws {
        var random = SeededGenerator(seed: seed)
        func id<Subject>() -> Identifier<Subject> { Identifier(random.uuid()) }
        let district = try await store.create(Team(id: id(), name: Self.districtName, kind: .district))
        var schoolTeams: [Team] = [], teams: [Team] = []
        for s in 0..<schools {
            let school = try await store.create(Team(id: id(), name: "School \(s)", kind: .school, parent: district.id))
            schoolTeams.append(school)
            for t in 0..<teamsPerSchool {
                teams.append(try await store.create(Team(id: id(), name: "Team \(s).\(t)", kind: .team, parent: school.id)))
            }
        }
        var groups: [StudentGroup] = [], themes: [Theme] = []
        for g in 0..<8 { groups.append(try await store.create(StudentGroup(id: id(), name: "Group \(g)", in: district.id))) }
        for t in 0..<20 { themes.append(try await store.create(Theme(id: id(), name: "Theme \(t) \(Self.words[t])", in: district.id))) }
        var goals: [Team.ID: [Goal]] = [:]
        for school in schoolTeams {
            for g in 0..<2 {
                goals[school.id, default: []].append(try await store.create(Goal(
                    id: id(), team: school.id, title: "Goal \(g) of \(school.name)", focusGroups: [groups[g * 2].id, groups[g * 2 + 1].id])))
            }
        }
        var membersOf: [Team.ID: [Member.ID]] = [:]
        for (index, team) in teams.enumerated() {
            for m in 0..<membersPerTeam {
                let member = try await store.create(Member(id: id(), name: "Member \(index * membersPerTeam + m)", in: team.parent!))
                _ = try await store.create(Membership(member: member.id, team: team.id))
                membersOf[team.id, default: []].append(member.id)
                membersOf[team.parent!, default: []].append(member.id)
            }
        }
        let days = try Self.years.map { try Period.schoolYear($0) }
        var batch: [Win] = []
        var recorded: [(id: Win.ID, team: Team)] = []
        recorded.reserveCapacity(wins)
        for index in 0..<wins {
            let team = teams.randomElement(using: &random)!
            let year = days.randomElement(using: &random)!
            let kind: Win.Kind = Int.random(in: 0..<3, using: &random) == 0 ? .lesson : .success
            let text = (0..<12).map { _ in Self.words.randomElement(using: &random)! }
            batch.append(Win(
                id: id(), team: team.id, author: membersOf[team.id]!.randomElement(using: &random)!, kind: kind,
                title: "Win \(index): \(text[0]) and \(text[1])", story: String(repeating: text.joined(separator: " ") + ". ", count: 4),
                learned: kind == .lesson ? "We learned about \(text[2])." : nil,
                day: year.first.adding(days: Int.random(in: 0..<year.dayCount, using: &random)),
                goal: Bool.random(using: &random) ? goals[team.parent!]!.randomElement(using: &random)!.id : nil,
                themes: Array(themes.shuffled(using: &random).prefix(2).map(\.id)),
                groups: [groups.randomElement(using: &random)!.id]))
            recorded.append((batch.last!.id, team))
            if batch.count == batchSize || index == wins - 1 {
                _ = try await store.record(batch)
                batch.removeAll(keepingCapacity: true)
                progress(index + 1)
            }
        }
        var celebrations: [Celebration] = []
        // One celebration per member, kind and win, as `celebrate` keeps them (a distributed installation's key does too).
        struct Given: Hashable { let win: Win.ID, member: Member.ID, kind: Celebration.Kind }
        var given = Set<Given>()
        for index in 0..<(wins / 2) {
            var celebration: Celebration
            repeat {
                let (win, team) = recorded.randomElement(using: &random)!
                let from = Int.random(in: 0..<10, using: &random) < 7 ? membersOf[team.id]! : membersOf[team.parent!]!
                celebration = Celebration(id: id(), win: win, by: from.randomElement(using: &random)!,
                                          kind: Celebration.Kind.allCases.randomElement(using: &random)!)
            } while !given.insert(Given(win: celebration.win, member: celebration.by, kind: celebration.kind)).inserted
            celebrations.append(celebration)
            if celebrations.count == batchSize || index == wins / 2 - 1 {
                try await store.restore(celebrations)
                celebrations.removeAll(keepingCapacity: true)
            }
        }
    }
}
