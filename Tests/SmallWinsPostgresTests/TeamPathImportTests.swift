import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// A team named by its path, written as the CSV export prints it ("A / B / C") or without spaces ("A/B/C"),
/// is found by a CSV import on both backends, even when the store lists the team before its parent (its id
/// sorts first); --create-missing then creates nothing twice.
@Suite("Team paths in imports")
struct TeamPathImportTests {
    @Test func pathsFindTeamsListedBeforeTheirParents() async throws {
        try await TemporaryFolder.with { folder in
            try await Self.check(try await SQLiteStore(path: folder.appendingPathComponent("paths.sqlite").path))
        }
        try await PostgresTestServer.withFreshStore { try await Self.check($0) }
    }

    static func check(_ store: any WinStore) async throws {
        // Ids in the reverse of the nesting: the grade team sorts first, the district last.
        let district = try await store.create(Team(id: GoldenContents.id(903), name: "Riverbend Unified", kind: .district))
        let school = try await store.create(Team(id: GoldenContents.id(902), name: "Cedar Elementary", kind: .school, parent: district.id))
        let grade = try await store.create(Team(id: GoldenContents.id(901), name: "Grade 3", kind: .team, parent: school.id))
        _ = try await store.create(Team(id: GoldenContents.id(900), name: "Grade 3", kind: .team,
                                        parent: try await store.create(Team(name: "Oak Elementary", kind: .school, parent: district.id)).id))
        let ana = try await store.create(Member(name: "Ana Núñez", email: "ana@riverbend.org", in: district.id))
        _ = try await store.create(Membership(member: ana.id, team: grade.id))
        let csv = """
            day,team,author,story
            2026-11-18,Riverbend Unified / Cedar Elementary / Grade 3,Ana Núñez,Exit tickets worked.
            2026-11-19,Riverbend Unified/Cedar Elementary/Grade 3,ana@riverbend.org,Read-alouds ran long.
            2026-11-20, riverbend unified /cedar elementary/ grade 3 ,Ana Núñez,Pairs read twice.

            """
        for createMissing in [false, true] {
            let summary = try await CSVWinImporter(createMissing: createMissing).import(Data(csv.utf8), into: store)
            #expect(summary.wins == 3 && summary.created.isEmpty, "\(summary)")
        }
        let wins = try await store.wins(WinQuery(), after: nil, limit: 10).wins
        #expect(wins.count == 6 && wins.allSatisfy { $0.team == grade.id })
        let teams = try await store.teams()
        #expect(teams.count == 5, "nothing was created twice")
        // "Grade 3" alone names two teams: refused, naming the way out.
        let ambiguous = await #expect(throws: ImportError.self) {
            try await CSVWinImporter().import(Data("day,team,author,story\n2026-11-18,Grade 3,Ana Núñez,x\n".utf8), into: store)
        }
        #expect(ambiguous?.problems.first?.reason.contains("give its path") == true)
    }
}
