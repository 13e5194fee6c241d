import Foundation
import SmallWins

extension StoreConformance {
    static let teamCases: [ConformanceCase] = [
        ConformanceCase("teams round-trip and list by name") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.team(f.northGrade3.id), f.northGrade3, "read back")
            let names = try await store.teams().map(\.name)
            try checkEqual(names, ["Grade 3", "Grade 3", "Grade 4", "North Elementary", "Riverside District", "South Elementary"], "teams")
        },
        ConformanceCase("teams nest district > school > team") { store in
            let f = try await Fixture.make(in: store)
            try await checkInvalid("parent") { try await store.create(Team(name: "Odd", kind: .school, parent: f.northGrade3.id)) }
            try await checkInvalid("parent") { try await store.create(Team(name: "Odd", kind: .district, parent: f.district.id)) }
            try await checkInvalid("name") { try await store.create(Team(name: "  ", kind: .team, parent: f.north.id)) }
            let subTeam = try await store.create(Team(name: "Reading group", kind: .team, parent: f.northGrade3.id))
            try checkEqual(subTeam.parent, f.northGrade3.id, "a team may sit inside a team")
        },
        ConformanceCase("team names are unique among siblings, not across parents") { store in
            let f = try await Fixture.make(in: store)
            try await checkConflict("name") { try await store.create(Team(name: "Grade 4", kind: .team, parent: f.north.id)) }
            _ = try await store.create(Team(name: "Grade 4", kind: .team, parent: f.south.id))
        },
        ConformanceCase("creating a record with an existing id is a conflict") { store in
            let f = try await Fixture.make(in: store)
            try await checkConflict("id") { try await store.create(Team(id: f.north.id, name: "Copy", kind: .school, parent: f.district.id)) }
            try await checkConflict("id") { try await store.create(Theme(id: f.fluency.id, name: "Copy", in: f.district.id)) }
        },
        ConformanceCase("a team can be renamed and moved inside its district") { store in
            let f = try await Fixture.make(in: store)
            var moved = f.northGrade4
            moved.name = "Grade 4 (moved)"
            moved.parent = f.south.id
            try checkEqual(try await store.update(moved), moved, "update result")
            try checkEqual(try await store.team(moved.id), moved, "read back")
            let south = try await store.scoped(to: f.south.id)
            try check(try await south.teams().contains(moved), "the moved team is now in South's subtree")
        },
        ConformanceCase("a team cannot move inside itself or another district") { store in
            let f = try await Fixture.make(in: store)
            var looped = f.north
            looped.kind = .team
            looped.parent = f.northGrade3.id
            try await checkInvalid("parent") { try await store.update(looped) }
            let other = try await store.create(Team(name: "Lakeside District", kind: .district))
            var away = f.north
            away.parent = other.id
            try await checkInvalid("parent") { try await store.update(away) }
            try checkEqual(try await store.team(f.north.id), f.north, "unchanged")
        },
        ConformanceCase("deleting a team others refer to is refused; an empty one goes") { store in
            let f = try await Fixture.make(in: store)
            try await checkInUse(.team, f.north.id.uuid) { try await store.delete(f.north.id) }
            try await checkInUse(.team, f.northGrade3.id.uuid) { try await store.delete(f.northGrade3.id) }
            let empty = try await store.create(Team(name: "Empty", kind: .team, parent: f.south.id))
            try await store.delete(empty.id)
            try await checkThrows(.notFound(.team, id: empty.id.uuid)) { try await store.team(empty.id) }
            try await checkThrows(.notFound(.team, id: empty.id.uuid)) { try await store.delete(empty.id) }
        },
        ConformanceCase("eight writers creating the same team at once: one succeeds, the others get a conflict on name") { store in
            let f = try await Fixture.make(in: store)
            let outcomes = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await store.create(Team(name: "Grade 5", kind: .team, parent: f.north.id))
                            return "created"
                        } catch let SmallWinsError.conflict(field, _) {
                            return "conflict on \(field)"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            try checkEqual(outcomes.sorted(), Array(repeating: "conflict on name", count: 7) + ["created"], "outcomes")
            try checkEqual(try await store.teams().filter { $0.name == "Grade 5" }.count, 1, "teams named Grade 5")
        },
    ]

    static let memberCases: [ConformanceCase] = [
        ConformanceCase("members round-trip, update and list by name") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.member(f.ana.id), f.ana, "read back")
            var ana = f.ana
            ana.name = "Ana López-Ruiz"
            ana.email = nil
            try checkEqual(try await store.update(ana), ana, "update")
            try checkEqual(try await store.member(ana.id), ana, "read back after update")
            try checkEqual(try await store.members().map(\.name), ["Ana López-Ruiz", "Ben Okafor", "Cy Tran", "Dee Marsh"], "members")
        },
        ConformanceCase("member fields are validated") { store in
            let f = try await Fixture.make(in: store)
            try await checkInvalid("email") { try await store.create(Member(name: "Eve", email: "not-an-address", in: f.district.id)) }
            try await checkInvalid("name") { try await store.create(Member(name: "", in: f.district.id)) }
            try await checkInvalid("name") { try await store.create(Member(name: "Eve\u{0}", in: f.district.id)) }
            try await checkThrows(.unknownReference(field: "organization", .team, id: f.ana.id.uuid)) {
                try await store.create(Member(name: "Eve", in: Team.ID(f.ana.id.uuid)))
            }
        },
        ConformanceCase("memberships: add, refuse twice, change role, list, remove") { store in
            let f = try await Fixture.make(in: store)
            let added = try await store.create(Membership(member: f.ben.id, team: f.northGrade3.id, role: .coach))
            try await checkConflict("member") { try await store.create(Membership(member: f.ben.id, team: f.northGrade3.id)) }
            var changed = added
            changed.role = .lead
            _ = try await store.update(changed)
            let grade3 = try await store.memberships(member: nil, team: f.northGrade3.id)
            try checkEqual(Set(grade3), [Membership(member: f.ana.id, team: f.northGrade3.id, role: .lead), changed], "grade 3")
            try checkEqual(try await store.memberships(member: f.ben.id, team: nil).count, 2, "Ben's memberships")
            try await store.deleteMembership(member: f.ben.id, team: f.northGrade3.id)
            try checkEqual(try await store.memberships(member: f.ben.id, team: nil).map(\.team), [f.northGrade4.id], "after removal")
            try await checkThrows(.notFound(.membership, id: f.ben.id.uuid)) {
                try await store.deleteMembership(member: f.ben.id, team: f.northGrade3.id)
            }
        },
        ConformanceCase("a member others refer to cannot be deleted") { store in
            let f = try await Fixture.make(in: store)
            try await checkInUse(.member, f.ana.id.uuid) { try await store.delete(f.ana.id) }
            let eve = try await store.create(Member(name: "Eve", in: f.district.id))
            try await store.delete(eve.id)
            try await checkThrows(.notFound(.member, id: eve.id.uuid)) { try await store.member(eve.id) }
        },
    ]
}
