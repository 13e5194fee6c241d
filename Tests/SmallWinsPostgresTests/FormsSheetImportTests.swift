import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// A Google Forms response sheet (Fixtures/google-forms-responses.csv: accents, a multi-line quoted story,
/// several groups, themes and shout-outs by name, an email in another case) imports with the command
/// Documentation/Exporting.md gives, on both backends, into a district whose teams and goals exist: one member
/// per person (matched by email, then by name; a colleague thanked before their own first row gets their
/// email then), and every field where it belongs.
@Suite("A Google Forms sheet")
struct FormsSheetImportTests {
    static let sheet = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/google-forms-responses.csv")

    /// The mapping of the documented command.
    static let importer = CSVWinImporter(
        mapping: try! CSVWinImporter.mapping([
            "Timestamp=day", "Email Address=author_email", "Your name=author", "Team=team", "Goal=goal",
            "Success or lesson learned?=kind", "Title=title", "What happened?=story", "What did you learn? (lessons only)=learned",
            "Student groups=groups", "Themes=themes", "Shout-out to colleagues=shout_outs",
        ]),
        createMissing: true, listSeparator: ",")

    @Test func everyFieldLandsAndEachPersonIsOneMember() async throws {
        try await TemporaryFolder.with { folder in
            try await Self.check(try await SQLiteStore(path: folder.appendingPathComponent("forms.sqlite").path))
        }
        try await PostgresTestServer.withFreshStore { try await Self.check($0) }
    }

    @Test func aColleagueThankedOnAnEarlierPageGetsTheirEmailLater() async throws {
        try await TemporaryFolder.with { folder in
            try await Self.checkAcrossPages(try await SQLiteStore(path: folder.appendingPathComponent("pages.sqlite").path))
        }
        try await PostgresTestServer.withFreshStore { try await Self.checkAcrossPages($0) }
    }

    /// The district the sheet's team answers name: two teams called Grade 3, a goal, codebooks, two members.
    struct District {
        let grade3: Team.ID, goal: Goal.ID, claire: Member.ID, rosa: Member.ID
        let groups: [String: StudentGroup.ID], themes: [String: Theme.ID]
    }

    static func district(in store: any WinStore) async throws -> District {
        let district = try await store.create(Team(name: "Riverbend Unified", kind: .district))
        let cedar = try await store.create(Team(name: "Cedar Elementary", kind: .school, parent: district.id))
        let maple = try await store.create(Team(name: "Maple Elementary", kind: .school, parent: district.id))
        let grade3 = try await store.create(Team(name: "Grade 3", kind: .team, parent: cedar.id))
        _ = try await store.create(Team(name: "Grade 3", kind: .team, parent: maple.id))
        let goal = try await store.create(Goal(team: cedar.id, title: "Every reader reads fluently by spring"))
        var groups: [String: StudentGroup.ID] = [:], themes: [String: Theme.ID] = [:]
        for name in ["Multilingual learners", "Newcomers"] { groups[name] = try await store.create(StudentGroup(name: name, in: district.id)).id }
        for name in ["Feedback", "Belonging", "Fluency practice"] { themes[name] = try await store.create(Theme(name: name, in: district.id)).id }
        let claire = try await store.create(Member(name: "Claire Murphy", email: "claire.murphy@riverbend.org", in: district.id))
        let rosa = try await store.create(Member(name: "Rosa Baptiste", in: district.id))
        for member in [claire, rosa] { _ = try await store.create(Membership(member: member.id, team: grade3.id)) }
        return District(grade3: grade3.id, goal: goal.id, claire: claire.id, rosa: rosa.id, groups: groups, themes: themes)
    }

    static func check(_ store: any WinStore) async throws {
        let district = try await district(in: store)
        let summary = try await importer.import(contentsOf: sheet.path, into: store)
        #expect(summary.wins == 4)
        #expect(summary.created == [.member: 2, .membership: 2], "Zoë and Tomás, each once, each on Grade 3")
        let members = try await store.members()
        #expect(members.count == 4)
        let zoe = try #require(members.first { $0.name == "Zoë Ngata" }), tomas = try #require(members.first { $0.name == "Tomás Díaz" })
        #expect(zoe.email == "zoe.ngata@riverbend.org" && tomas.email == "Tomas.Diaz@Riverbend.org")
        let wins = try await store.wins(WinQuery(), after: nil, limit: 10).wins.sorted { $0.day < $1.day }
        #expect(wins.map(\.day.iso) == ["2025-11-20", "2025-11-21", "2025-11-22", "2025-11-24"])
        #expect(wins.allSatisfy { $0.team == district.grade3 })
        #expect(wins.map(\.author) == [district.claire, zoe.id, tomas.id, tomas.id])
        #expect(wins.map(\.kind) == [.success, .lesson, .success, .success])
        #expect(wins.map(\.title) == ["Exit tickets with evidence", "Read-alouds ran long", "Partner reading", "Word wall"])
        #expect(wins[0].story == "Every student wrote one sentence of evidence.\nEven the quiet ones.")
        #expect(wins[2].story == "Pairs read twice, then swapped roles: \"coach\" and \"reader\".")
        #expect(wins.map(\.learned) == [nil, "Keep them to ten minutes.", nil, nil])
        #expect(wins.map(\.goal) == [district.goal, nil, district.goal, nil])
        #expect(wins[0].groups == [district.groups["Multilingual learners"]!, district.groups["Newcomers"]!])
        #expect(wins[0].themes == [district.themes["Feedback"]!, district.themes["Belonging"]!])
        #expect(wins[1].themes == [district.themes["Fluency practice"]!] && wins[3].themes == [district.themes["Feedback"]!])
        #expect(wins.map(\.shoutOuts) == [[zoe.id, district.rosa], [district.claire], [district.claire, zoe.id], []])
    }

    /// Zoë is thanked on the first row; her own row, with her email, comes on the second page of 1,000.
    static func checkAcrossPages(_ store: any WinStore) async throws {
        _ = try await district(in: store)
        var lines = ["Timestamp,Email Address,Your name,Team,What happened?,Shout-out to colleagues",
                     "11/20/2025 14:03:11,claire.murphy@riverbend.org,Claire Murphy,Cedar Elementary / Grade 3,Thanks to Zoë.,Zoë Ngata"]
        lines += (0..<1_000).map { "11/20/2025 14:03:11,claire.murphy@riverbend.org,Claire Murphy,Cedar Elementary / Grade 3,Row \($0).," }
        lines.append("11/21/2025 09:15:00,zoe.ngata@riverbend.org,Zoë Ngata,Cedar Elementary / Grade 3,My first row.,")
        let summary = try await importer.import(Data(lines.joined(separator: "\n").utf8), into: store)
        #expect(summary.wins == 1_002 && summary.created[.member] == 1)
        let zoe = try await store.members().filter { $0.name == "Zoë Ngata" }
        #expect(zoe.count == 1 && zoe.first?.email == "zoe.ngata@riverbend.org")
    }
}
