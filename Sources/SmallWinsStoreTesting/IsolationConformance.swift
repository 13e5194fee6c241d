import Foundation
import SmallWins

extension StoreConformance {
    static let isolationCases: [ConformanceCase] = [
        ConformanceCase("random districts: no scope reads, counts, exports or changes anything outside its subtree") { store in
            _ = try await RandomDistrict.make(in: store, seed: 7, wins: 150)
            _ = try await RandomDistrict.make(in: store, seed: 8, wins: 150)
            let all = try await StoreContents.load(from: store)
            let tree = TeamTree(all.teams)
            func lineage(_ team: Team.ID) -> [Team.ID] { tree.lineage(of: team) }
            let year = try Period.schoolYear(2026)
            var outsideChecks = 0
            for scope in all.teams {
                let subtree = Set(all.teams.map(\.id).filter { lineage($0).contains(scope.id) })
                let visibleKeepers = subtree.union(lineage(scope.id))
                let scoped = try await store.scoped(to: scope.id)
                let name = "scope \(scope.name)"

                try checkEqual(Set(try await scoped.teams().map(\.id)), subtree, "\(name): teams")
                let wins = all.wins.filter { subtree.contains($0.team) }
                var seen: [Win.ID] = []
                for try await win in scoped.allWins(pageSize: 37) { seen.append(win.id) }
                try checkEqual(seen, wins.map(\.id), "\(name): wins")
                let cheers = try await scoped.celebrations(ofWins: all.wins.map(\.id))
                try checkEqual(Set(cheers.map(\.id)), Set(all.celebrations.filter { celebration in wins.contains { $0.id == celebration.win } }.map(\.id)),
                               "\(name): celebrations")
                try check(try await scoped.memberships(member: nil, team: nil).allSatisfy { subtree.contains($0.team) }, "\(name): memberships")
                let expectedMembers = all.members.filter { member in
                    subtree.contains(member.organization) || all.memberships.contains { $0.member == member.id && subtree.contains($0.team) }
                }
                try checkEqual(Set(try await scoped.members().map(\.id)), Set(expectedMembers.map(\.id)), "\(name): members")
                try check(try await scoped.themes().allSatisfy { visibleKeepers.contains($0.team) }, "\(name): themes")
                try check(try await scoped.studentGroups().allSatisfy { visibleKeepers.contains($0.team) }, "\(name): groups")
                try check(try await scoped.goals().allSatisfy { visibleKeepers.contains($0.team) }, "\(name): goals")
                try check(try await scoped.learningQuestions().allSatisfy { visibleKeepers.contains($0.team) }, "\(name): questions")

                let board = try await scoped.dashboard(DashboardQuery(period: year))
                try checkEqual(board.totals.wins, wins.filter { year.contains($0.day) }.count, "\(name): dashboard total")
                try check(board.byTeam.allSatisfy { subtree.contains($0.team) }, "\(name): dashboard teams")
                let export = try await ExportContent.load(from: scoped, pageSize: 50)
                var exported: [Win.ID] = []
                for try await page in export.winPages { exported += page.wins.map(\.id) }
                try checkEqual(exported, wins.map(\.id), "\(name): exported wins")
                try checkEqual(Set(export.teams.map(\.id)), subtree, "\(name): exported teams")

                if let outside = all.wins.first(where: { !subtree.contains($0.team) }) {
                    try await checkThrows(.notFound(.win, id: outside.id.uuid)) { try await scoped.win(outside.id) }
                    try await checkThrows(.notFound(.win, id: outside.id.uuid)) { try await scoped.delete(outside.id) }
                    try await checkThrows(.notFound(.win, id: outside.id.uuid)) { try await scoped.update(outside) }
                    var copy = outside
                    copy.id = Win.ID()
                    try await checkThrows(.outOfScope(field: "team", id: outside.team.uuid)) { try await scoped.record(copy) }
                    outsideChecks += 1
                }
            }
            try check(outsideChecks > 10, "writes outside were tried from many scopes")
            try checkEqual(try await StoreContents.load(from: store), all, "nothing outside any scope changed")
        },
    ]
}
