import Foundation
import SmallWins

/// An error a conformance case throws on purpose, to make a transaction roll back.
struct Abandoned: Error {}

extension StoreConformance {
    static let transactionCases: [ConformanceCase] = [
        ConformanceCase("a transaction commits every write when its body returns") { store in
            let counts = try await store.transaction { tx in
                let f = try await Fixture.make(in: tx)
                let win = try await tx.record(f.success())
                _ = try await tx.celebrate(Celebration(win: win.id, by: f.ben.id, kind: .applause))
                return (try await tx.teams().count, try await tx.wins(WinQuery(), after: nil, limit: 10).wins.count)
            }
            try checkEqual(counts.0, 6, "teams seen inside")
            try checkEqual(counts.1, 1, "wins seen inside")
            try checkEqual(try await store.teams().count, 6, "teams after commit")
            let wins = try await store.wins(WinQuery(), after: nil, limit: 10).wins
            try checkEqual(wins.count, 1, "wins after commit")
            try checkEqual(try await store.celebrations(of: wins[0].id).count, 1, "celebrations after commit")
        },
        ConformanceCase("a transaction whose body throws leaves nothing, and its error comes back as thrown") { store in
            do {
                try await store.transaction { tx in
                    let f = try await Fixture.make(in: tx)
                    var wins: [Win] = []
                    for index in 0..<50 {
                        var win = f.success("Win \(index)")
                        win.recordedAt = Instant.truncated(Date(timeIntervalSince1970: 1_790_000_000 + Double(index)))
                        wins.append(win)
                    }
                    try await tx.restore(wins)
                    try await tx.restore([Celebration(win: wins[0].id, by: f.ben.id, kind: .thanks)])
                    throw Abandoned()
                }
                try check(false, "the transaction returned although its body threw")
            } catch is Abandoned {}
            try checkEqual(try await store.teams().count, 0, "teams after rollback")
            try checkEqual(try await store.members().count, 0, "members after rollback")
            try checkEqual(try await store.themes().count, 0, "themes after rollback")
            try checkEqual(try await store.wins(WinQuery(), after: nil, limit: 10).wins.count, 0, "wins after rollback")
            // The store is fully usable afterwards, and the same ids can be written again.
            let f = try await Fixture.make(in: store)
            _ = try await store.record(f.success())
        },
        ConformanceCase("a refused write inside a transaction undoes only itself") { store in
            let district = Team(name: "Riverside District", kind: .district)
            try await store.transaction { tx in
                _ = try await tx.create(district)
                try await checkConflict("id") { try await tx.create(district) }
                try await checkInvalid("name") { try await tx.create(Team(name: " ", kind: .district)) }
                _ = try await tx.create(Member(name: "Ana Lopez", in: district.id))
            }
            try checkEqual(try await store.teams().map(\.id), [district.id], "teams")
            try checkEqual(try await store.members().map(\.name), ["Ana Lopez"], "members")
        },
        ConformanceCase("nobody sees a transaction's writes before it commits") { store in
            let district = Team(name: "Riverside District", kind: .district)
            let seenOutside = try await store.transaction { tx in
                _ = try await tx.create(district)
                try checkEqual(try await tx.team(district.id), district, "the team inside")
                return try await store.teams().count
            }
            try checkEqual(seenOutside, 0, "teams seen outside before the commit")
            try checkEqual(try await store.teams().count, 1, "teams after the commit")
        },
        ConformanceCase("a transaction on a scoped store keeps its scope") { store in
            let f = try await Fixture.make(in: store)
            let north = try await store.scoped(to: f.north.id)
            try await north.transaction { tx in
                try checkEqual(tx.scope, f.north.id, "scope inside")
                try await checkThrows(.outOfScope(field: "team", id: f.southGrade3.id.uuid)) {
                    try await tx.record(Win(team: f.southGrade3.id, author: f.cy.id, kind: .success, title: "South news",
                                            story: "A newcomer read aloud.", day: day("2026-10-07")))
                }
                try await checkThrows(.notFound(.team, id: f.south.id.uuid)) { try await tx.team(f.south.id) }
                _ = try await tx.record(f.success())
            }
            try checkEqual(try await north.wins(WinQuery(), after: nil, limit: 10).wins.count, 1, "wins in North")
        },
        ConformanceCase("change notices of a transaction arrive after its commit, none of a rolled-back one") { store in
            let f = try await Fixture.make(in: store)
            let kept = [f.success("First"), f.success("Second")]
            let received = try await notices(2, from: store) {
                do {
                    try await store.transaction { tx in
                        _ = try await tx.record(f.success("Never"))
                        throw Abandoned()
                    }
                } catch is Abandoned {}
                try await store.transaction { tx in
                    for win in kept { _ = try await tx.record(win) }
                }
            }
            try checkEqual(received.map(\.id), kept.map(\.id.uuid), "notices")
        },
    ]
}
