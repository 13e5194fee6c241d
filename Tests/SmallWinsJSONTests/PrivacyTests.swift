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

    @Test func aPseudonymizedSnapshotImportsAsAWorkingInstallation() async throws {
        let pseudonyms = Pseudonyms(salt: "2026")
        let hidden = try await SnapshotExporter().data(ExportContent(contents).pseudonymized(pseudonyms))
        try await withStore(nil) { store in
            try await SnapshotImporter().import(hidden, into: store)
            let members = try await store.members()
            #expect(Set(members.map(\.id)) == Set(contents.members.map { pseudonyms.member($0.id) }))
            #expect(members.allSatisfy { $0.name.hasPrefix("Member ") && ($0.email ?? "x@pseudonym.invalid").hasSuffix("@pseudonym.invalid") })
            #expect(try await StoreContents.load(from: store).wins.count == contents.wins.count)
        }
    }

    @Test func dashboardNamesArePseudonymizedAndSmallCellsSuppressed() async throws {
        try await withStore(contents) { store in
            let period = try Period.schoolYear(2026)
            let named = try await store.dashboard(DashboardQuery(period: period, includeNames: true))
            let pseudonyms = Pseudonyms(salt: "2026")
            let hidden = named.pseudonymized(pseudonyms)
            #expect(!named.recognition.pairs.isEmpty)
            for (pair, original) in zip(hidden.recognition.pairs, named.recognition.pairs) {
                #expect(pair.from == pseudonyms.member(original.from) && pair.fromName == pseudonyms.name(of: original.from))
                #expect(pair.to == pseudonyms.member(original.to) && pair.toName == pseudonyms.name(of: original.to))
            }
            #expect(hidden.participation.byMember?.allSatisfy { $0.name.hasPrefix("Member ") } == true)
            let small = try await store.dashboard(DashboardQuery(period: period, includeNames: true, minimumGroupSize: 5))
            #expect(small.participation.distribution.isEmpty && small.recognition.pairs.isEmpty && small.participation.byMember == nil,
                    "two members are fewer than five: no member-level breakdown")
            #expect(small.totals.wins == 0 && small.totals.members == named.totals.members,
                    "one person wrote every win: with a minimum of five people, none is counted")
        }
    }
}
