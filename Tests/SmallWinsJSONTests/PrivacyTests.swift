import Foundation
import SmallWins
import SmallWinsJSON
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Pseudonymized exports name nobody, stay linkable across exports with the same salt, and import cleanly.
@Suite("Privacy")
struct PrivacyTests {
    let contents = GoldenContents.make()

    @Test func pseudonymsReplaceNamesAndEmailsStably() async throws {
        let plain = String(decoding: try await SnapshotExporter().data(ExportContent(contents)), as: UTF8.self)
        let hidden = String(decoding: try await SnapshotExporter().data(ExportContent(contents).pseudonymized(salt: "2026")), as: UTF8.self)
        for member in contents.members {
            #expect(plain.contains(member.name.replacingOccurrences(of: "\"", with: "\\\"")))
            #expect(!hidden.contains(member.name.replacingOccurrences(of: "\"", with: "\\\"")), "\(member.name)")
            if let email = member.email { #expect(!hidden.contains(email)) }
            #expect(hidden.contains(Member.pseudonym(of: member.id, salt: "2026")))
        }
        let again = String(decoding: try await SnapshotExporter().data(ExportContent(contents).pseudonymized(salt: "2026")), as: UTF8.self)
        #expect(again == hidden, "the same salt gives the same pseudonyms")
        #expect(Member.pseudonym(of: contents.members[0].id, salt: "other") != Member.pseudonym(of: contents.members[0].id, salt: "2026"))
        #expect(Set(contents.members.map { Member.pseudonym(of: $0.id) }).count == contents.members.count)

        try await withStore(nil) { store in
            try await SnapshotImporter().import(Data(hidden.utf8), into: store)
            let members = try await store.members()
            #expect(members.allSatisfy { $0.name.hasPrefix("Member ") && ($0.email ?? "x@pseudonym.invalid").hasSuffix("@pseudonym.invalid") })
        }
    }

    @Test func dashboardNamesArePseudonymizedAndSmallCellsSuppressed() async throws {
        try await withStore(contents) { store in
            let period = try Period.schoolYear(2026)
            let named = try await store.dashboard(DashboardQuery(period: period, includeNames: true))
            let hidden = named.pseudonymized()
            #expect(!named.recognition.pairs.isEmpty)
            for pair in hidden.recognition.pairs {
                #expect(pair.fromName == Member.pseudonym(of: pair.from) && pair.toName == Member.pseudonym(of: pair.to))
            }
            #expect(hidden.participation.byMember?.allSatisfy { $0.name.hasPrefix("Member ") } == true)
            let small = try await store.dashboard(DashboardQuery(period: period, includeNames: true, minimumGroupSize: 5))
            #expect(small.participation.distribution.isEmpty && small.recognition.pairs.isEmpty && small.participation.byMember == nil,
                    "two members are fewer than five: no member-level breakdown")
            #expect(small.totals == named.totals)
        }
    }
}
