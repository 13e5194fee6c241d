import Foundation
import SmallWins
import SmallWinsPostgres
import Testing

/// The HTTP API on PostgreSQL, as a district runs it: two servers, each with its own connection pool, on one database.
@Suite("HTTP API on PostgreSQL")
struct PostgresServerTests {
    @Test func twoServersShareOneDatabaseAndItsChanges() async throws {
        let server = try #require(ProcessInfo.processInfo.environment["SMALLWINS_TEST_POSTGRES_URL"],
                                  "SMALLWINS_TEST_POSTGRES_URL is not set: run `bash Scripts/with-postgres.sh swift test`")
        let schema = "http_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let configuration = try PostgresConfiguration(url: server + (server.contains("?") ? "&" : "?") + "schema=\(schema)")
        try await PostgresStore.withStore(configuration) { first in
            try await PostgresStore.withStore(configuration) { second in
                let district = try await ServerTests.District.make(in: first, folder: FileManager.default.temporaryDirectory)
                let one = try await RunningServer.start(first), other = try await RunningServer.start(second)
                defer {
                    one.stop()
                    other.stop()
                }
                let ben = district.token(district.ben), ana = district.token(district.ana)
                let draft = #"{"team":"\#(district.grade3.id)","kind":"success","title":"Across servers","story":"Told to one server.","day":"2026-11-02"}"#
                let recorded = ServerTests.Box()
                let heard = try await other.events("/v1/changes", token: ana, until: { text in
                    recorded.win.map { text.contains($0.id.description) } ?? false
                }) {
                    recorded.win = try (try await one.send("POST", "/v1/wins", token: ben, json: draft)).json(Win.self)
                }
                let win = try #require(recorded.win)
                #expect(heard.contains("event: change") && heard.contains(win.id.description), "a change made on one server reaches the other's stream: \(heard)")
                let item = try await other.send("GET", "/v1/wins/\(win.id)", token: ana)
                #expect(try item.json(WinItem.self).authorName == "Ben Okafor", "\(item.text)")
                let own = try await other.send("POST", "/v1/wins/\(win.id)/celebrations", token: ben, json: #"{"kind":"confetti"}"#)
                #expect(own.status == 403, "\(own.text)")
                let observed = try await one.send("POST", "/v1/wins", token: district.token(district.oli), json: draft)
                #expect(observed.status == 403, "\(observed.text)")
                let sibling = try await other.send("GET", "/v1/wins/\(win.id)", token: district.token(district.cy))
                #expect(sibling.status == 404, "\(sibling.text)")
            }
        }
    }
}
