import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsJSON
import SmallWinsPostgres
import SmallWinsSQLite
import SmallWinsStoreTesting
import SmallWinsSVG
import Testing

/// A pseudonymized export, in every format, holds no real member id, name or email, and no real win or
/// celebration id, on both backends; the same salt gives the same stand-ins, another salt or none other ones.
@Suite("Pseudonymized exports")
struct PseudonymTests {
    @Test func everyFormatHidesEveryPersonalKey() async throws {
        try await TemporaryFolder.with { folder in
            let store = try await SQLiteStore(path: folder.appendingPathComponent("people.sqlite").path)
            try await Self.check(store, backend: "SQLite")
        }
        try await PostgresTestServer.withFreshStore { try await Self.check($0, backend: "PostgreSQL") }
    }

    /// Every export of `store` (holding the golden installation), pseudonymized with `salt`, by file name.
    static func exports(of store: any WinStore, _ pseudonyms: Pseudonyms) async throws -> [String: String] {
        let board = try await store.dashboard(DashboardQuery(period: try Period.schoolYear(2026), includeNames: true)).pseudonymized(pseudonyms)
        func content() async throws -> ExportContent { try await ExportContent.load(from: store).pseudonymized(pseudonyms) }
        var files: [String: Data] = [:]
        for table in ContentTable.allCases { files["\(table.rawValue).csv"] = try await CSVExporter(table).data(try await content()) }
        for table in DashboardTable.allCases { files["\(table.rawValue).csv"] = try await DashboardCSVExporter(table).data(board) }
        files["snapshot.json"] = try await SnapshotExporter().data(try await content())
        files["wins.jsonl"] = try await JSONLinesExporter().data(try await content())
        files["dashboard.json"] = try await DashboardJSONExporter().data(board)
        for chart in DashboardChart.allCases { files["\(chart.rawValue).svg"] = try await SVGExporter(chart).data(board) }
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static func check(_ store: any WinStore, backend: String) async throws {
        let contents = GoldenContents.make()
        try await StoreCopy.copy(ExportContent(contents), to: store)
        // What must not appear: ids as stored (lower case) and as Foundation prints them, names as written and
        // as CSV and JSON escape them, emails.
        var secrets: [String] = []
        for id in contents.members.map(\.id.uuid) + contents.wins.map(\.id.uuid) + contents.celebrations.map(\.id.uuid) {
            secrets += [id.uuidString.lowercased(), id.uuidString]
        }
        for member in contents.members {
            secrets += [member.name, member.name.replacingOccurrences(of: "\"", with: "\"\""), member.name.replacingOccurrences(of: "\"", with: "\\\"")]
            secrets += member.email.map { [$0] } ?? []
        }
        let files = try await exports(of: store, Pseudonyms(salt: "alpha"))
        var checks = 0
        for (name, text) in files {
            for secret in secrets {
                checks += 1
                #expect(!text.contains(secret), "\(backend) \(name) holds \(secret)")
            }
        }
        // The stand-ins join across tables and formats: every author of wins.csv is a member of members.csv.
        let members = try CSVReader.records(Data(files["members.csv"]!.utf8))
        let wins = try CSVReader.records(Data(files["wins.csv"]!.utf8))
        let memberIDs = Set(members.dropFirst().map { $0.fields[members[0].fields.firstIndex(of: "id")!] })
        let authorColumn = try #require(wins[0].fields.firstIndex(of: "author_id"))
        #expect(wins.dropFirst().allSatisfy { memberIDs.contains($0.fields[authorColumn]) } && !memberIDs.isEmpty)
        #expect(files["snapshot.json"]!.contains(Pseudonyms(salt: "alpha").name(of: contents.members[0].id)))

        #expect(try await exports(of: store, Pseudonyms(salt: "alpha")) == files, "the same salt gives the same bytes")
        let beta = try await exports(of: store, Pseudonyms(salt: "beta"))
        #expect(Set(beta.keys) == Set(files.keys))
        let alphaMembers = try CSVReader.records(Data(beta["members.csv"]!.utf8)).dropFirst().map { $0.fields[members[0].fields.firstIndex(of: "id")!] }
        #expect(Set(alphaMembers).isDisjoint(with: memberIDs), "another salt unlinks the stand-ins")
        let unsalted = try await exports(of: store, Pseudonyms(salt: nil)), again = try await exports(of: store, Pseudonyms(salt: nil))
        #expect(unsalted["members.csv"] != again["members.csv"], "with no salt, every export has new stand-ins")
        print("\(backend): \(files.count) pseudonymized files searched for \(secrets.count) real ids, names and emails (\(checks) checks)")
    }
}
