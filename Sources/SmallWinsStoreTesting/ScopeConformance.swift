import Foundation
import SmallWins

extension StoreConformance {
    static let scopeCases: [ConformanceCase] = [
        ConformanceCase("a scope reads its subtree and nothing of its siblings") { store in
            let data = try await QueryData.make(in: store)
            let f = data.f
            let north = try await store.scoped(to: f.north.id)
            try checkEqual(north.scope, f.north.id, "scope")
            try checkEqual(Set(try await north.teams().map(\.id)), [f.north.id, f.northGrade3.id, f.northGrade4.id], "teams")
            try await data.expect(north, WinQuery(), [0, 1, 2, 3, 4, 7])
            try await data.expect(north, WinQuery(teams: [f.southGrade3.id]), [])
            try await data.expect(north, WinQuery(themes: [f.fluency.id]), [0, 1])
            let southWin = data.wins[5]
            try await checkThrows(.notFound(.win, id: southWin.id.uuid)) { try await north.win(southWin.id) }
            try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await north.team(f.south.id) }
            try await checkThrows(.notFound(.team, id: f.district.id.uuid)) { try await north.team(f.district.id) }
            try await checkThrows(.notFound(.win, id: southWin.id.uuid)) { try await north.celebrations(of: southWin.id) }
            _ = try await store.celebrate(Celebration(win: southWin.id, by: southWin.author == f.cy.id ? f.ana.id : f.cy.id, kind: .thanks))
            try checkEqual(try await north.celebrations(ofWins: [southWin.id]), [], "celebrations of a win outside the scope")
            let grade4 = try await north.scoped(to: f.northGrade4.id)
            try await data.expect(grade4, WinQuery(), [2, 3])
            try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await north.scoped(to: f.south.id) }
        },
        ConformanceCase("a scope sees its members, inherited codebooks and goals, not siblings'") { store in
            let f = try await Fixture.make(in: store)
            let south = try await store.scoped(to: f.south.id)
            try checkEqual(try await south.members().map(\.id), [f.cy.id], "south members")
            try await checkThrows(.notFound(.member, id: f.ana.id.uuid)) { try await south.member(f.ana.id) }
            try checkEqual(try await south.goals(), [], "the north goal is not south's")
            try await checkThrows(.notFound(.goal, id: f.readingGoal.id.uuid)) { try await south.goal(f.readingGoal.id) }
            try checkEqual(try await south.learningQuestions(), [], "questions")
            try checkEqual(try await south.attempts(question: nil), [], "attempts")
            try checkEqual(Set(try await south.studentGroups().map(\.id)), [f.multilingual.id, f.iep.id, f.newcomers.id], "groups")
            let grade3 = try await store.scoped(to: f.northGrade3.id)
            try checkEqual(try await grade3.goals().map(\.id), [f.readingGoal.id], "grade 3 sees its school's goal")
            try checkEqual(try await grade3.memberships(member: nil, team: nil).map(\.member), [f.ana.id], "grade 3 memberships")
        },
        ConformanceCase("writes outside the scope are refused and change nothing") { store in
            let f = try await Fixture.make(in: store)
            let north = try await store.scoped(to: f.north.id)
            var southWin = f.success()
            southWin.team = f.southGrade3.id
            southWin.author = f.cy.id
            try await checkThrows(.outOfScope(field: "team", id: f.southGrade3.id.uuid)) { try await north.record(southWin) }
            try await checkThrows(.outOfScope(field: "parent", id: f.south.id.uuid)) {
                try await north.create(Team(name: "Grade 5", kind: .team, parent: f.south.id))
            }
            try await checkThrows(.outOfScope(field: "team", id: f.south.id.uuid)) {
                try await north.create(Theme(name: "Circles", in: f.south.id))
            }
            try await checkThrows(.outOfScope(field: "organization", id: f.district.id.uuid)) {
                try await north.create(Member(name: "Fay", in: f.district.id))
            }
            let stored = try await store.record(southWin)
            var moved = stored
            moved.title = "Taken over"
            try await checkThrows(.notFound(.win, id: stored.id.uuid)) { try await north.update(moved) }
            try await checkThrows(.notFound(.win, id: stored.id.uuid)) { try await north.delete(stored.id) }
            try await checkThrows(.unknownReference(field: "win", .win, id: stored.id.uuid)) {
                try await north.celebrate(Celebration(win: stored.id, by: f.ana.id, kind: .confetti))
            }
            var northWin = try await north.record(f.success())
            northWin.team = f.southGrade3.id
            northWin.author = f.cy.id
            try await checkThrows(.outOfScope(field: "team", id: f.southGrade3.id.uuid)) { try await north.update(northWin) }
            try checkEqual(try await store.win(stored.id), stored, "the south win is unchanged")
            try checkEqual(try await store.teams().count, 6, "no team added")
        },
        ConformanceCase("a scope cannot delete or escape its own root") { store in
            let f = try await Fixture.make(in: store)
            let grade4 = try await store.scoped(to: f.northGrade4.id)
            try await checkThrows(.outOfScope(field: "id", id: f.northGrade4.id.uuid)) { try await grade4.delete(f.northGrade4.id) }
            try await checkThrows(.notFound(.team, id: f.north.id.uuid)) { try await grade4.scoped(to: f.north.id) }
            let empty = try await store.create(Team(name: "Empty", kind: .team, parent: f.south.id))
            let emptyScope = try await store.scoped(to: empty.id)
            try await checkThrows(.outOfScope(field: "id", id: empty.id.uuid)) { try await emptyScope.delete(empty.id) }
            try await checkThrows(.notFound(.team, id: f.ana.id.uuid)) { _ = try await store.scoped(to: Team.ID(f.ana.id.uuid)) }
        },
    ]
}
