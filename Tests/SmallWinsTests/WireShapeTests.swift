import Foundation
import SmallWins
import Testing

/// The values a client sends and receives over HTTP, decoded from the JSON a browser or a phone writes.
@Suite struct WireShapeTests {
    let decoder = Instant.jsonDecoder()
    let encoder = Instant.jsonEncoder()

    func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T { try decoder.decode(type, from: Data(json.utf8)) }

    @Test func idsAndDaysReadFromText() throws {
        let id = Win.ID()
        #expect(Win.ID(id.description) == id)
        #expect(Win.ID(id.description.uppercased()) == id)
        #expect(Win.ID("not-a-uuid") == nil)
        #expect(Day("2026-12-06") == (try Day(2026, 12, 6)))
        for text in ["2026-02-30", "26-12-06", "", "2026-12-06T00:00:00Z"] { #expect(Day(text) == nil) }
    }

    @Test func cursorsAreOpaqueAndBoundToTheirQuery() throws {
        let win = Win(team: Team.ID(), author: Member.ID(), kind: .success, title: "t", story: "s", day: try Day(2026, 10, 1))
        let query = WinQuery(kinds: [.lesson], text: "fluency")
        let cursor = WinCursor(after: win, of: query)
        #expect(cursor.token.count == 56)
        #expect(!cursor.token.contains(win.id.description))
        #expect(try WinCursor(token: cursor.token) == cursor)
        #expect(try decode(WinCursor.self, "\"\(cursor.token)\"") == cursor)
        #expect(String(decoding: try encoder.encode(WinPage(wins: [], next: cursor)), as: UTF8.self) == "{\"next\":\"\(cursor.token)\",\"wins\":[]}")
        try cursor.check(for: WinQuery(kinds: [.lesson], text: "fluency"))
        for other in [WinQuery(), WinQuery(kinds: [.success], text: "fluency"), WinQuery(kinds: [.lesson], text: "fluenc")] {
            #expect(throws: SmallWinsError.self) { try cursor.check(for: other) }
        }
        for position in cursor.token.indices {
            var tampered = cursor.token
            tampered.replaceSubrange(position...position, with: cursor.token[position] == "a" ? "b" : "a")
            #expect(throws: SmallWinsError.self) { try WinCursor(token: tampered).check(for: query) }
        }
        for garbage in ["", "2026-10-01/\(win.id)", String(repeating: "a", count: 56), String(repeating: "g", count: 56), cursor.token.uppercased(), cursor.token + "a"] {
            #expect(throws: SmallWinsError.self) { try WinCursor(token: garbage).check(for: query) }
        }
    }

    @Test func queriesDecodeWithAbsentKeysAndRefuseBackwardsPeriods() throws {
        #expect(try decode(WinQuery.self, "{}") == WinQuery())
        #expect(try decode(WinQuery.self, "{\"kinds\":[\"lesson\"],\"text\":null}") == WinQuery(kinds: [.lesson]))
        #expect(throws: SmallWinsError.invalid(field: "period", reason: "ends (2026-01-01) before it starts (2026-02-01)")) {
            try decode(WinQuery.self, "{\"period\":{\"first\":\"2026-02-01\",\"last\":\"2026-01-01\"}}")
        }
        let period = try Period(try Day(2026, 1, 1), through: try Day(2026, 1, 31))
        #expect(try decode(Period.self, String(decoding: try encoder.encode(period), as: UTF8.self)) == period)
    }

    @Test func draftsLeaveOutWhatTheServerAssignsAndValidateOnDecode() throws {
        let team = Team.ID()
        let draft = try decode(WinDraft.self, """
            {"team":"\(team)","kind":"success","title":"Pairs read aloud","story":"Every pair finished.","day":"2026-11-02"}
            """)
        #expect(draft == WinDraft(team: team, kind: .success, title: "Pairs read aloud", story: "Every pair finished.", day: try Day(2026, 11, 2)))
        let author = Member.ID()
        #expect(draft.win(by: author).author == author)
        #expect(throws: SmallWinsError.invalid(field: "learned", reason: "a lesson must say what was learned")) {
            try decode(WinDraft.self, "{\"team\":\"\(team)\",\"kind\":\"lesson\",\"title\":\"t\",\"story\":\"s\",\"day\":\"2026-11-02\"}")
        }
        #expect(throws: SmallWinsError.self) {
            try decode(WinDraft.self, "{\"team\":\"\(team)\",\"kind\":\"success\",\"title\":\"\",\"story\":\"s\",\"day\":\"2026-11-02\"}")
        }
    }

    @Test func patchesTellAbsentFromNull() throws {
        let win = Win(team: Team.ID(), author: Member.ID(), kind: .lesson, title: "t", story: "s", learned: "l", next: "n",
                      day: try Day(2026, 10, 1), goal: Goal.ID())
        let patch = try decode(WinPatch.self, "{\"title\":\"New\",\"next\":null,\"themes\":[]}")
        let changed = patch.applied(to: win)
        #expect(changed.title == "New" && changed.next == nil && changed.learned == "l" && changed.goal == win.goal)
        #expect(String(decoding: try encoder.encode(patch), as: UTF8.self) == "{\"next\":null,\"themes\":[],\"title\":\"New\"}")
        #expect(throws: SmallWinsError.invalid(field: "title", reason: "cannot be null; leave it out to keep it")) {
            try decode(WinPatch.self, "{\"title\":null}")
        }
        #expect(try decode(WinPatch.self, "{}").applied(to: win) == win)
    }

    @Test func errorsCarryAStableCodeAndRoundTrip() throws {
        let id = UUID()
        let errors: [SmallWinsError] = [
            .invalid(field: "story", reason: "must not be empty"), .notFound(.win, id: id), .unknownReference(field: "goal", .goal, id: id),
            .outOfScope(field: "team", id: id), .inUse(.theme, id: id, referencedBy: "3 wins"), .conflict(field: "name", reason: "taken"),
            .invalidCursor("stale"), .forbidden("observers record nothing"), .storage(StorageFailure(.busy, code: "40P01", "deadlock")),
        ]
        for error in errors {
            let json = try encoder.encode(error)
            #expect(try decoder.decode(SmallWinsError.self, from: json) == error)
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect(object["code"] as? String == error.code)
            #expect(object["message"] as? String == error.description)
            #expect((error as any Error).localizedDescription == error.description)
        }
        #expect(String(decoding: try encoder.encode(SmallWinsError.notFound(.win, id: id)), as: UTF8.self)
            == "{\"code\":\"not_found\",\"entity\":\"win\",\"id\":\"\(id.uuidString.lowercased())\",\"message\":\"no win with id \(id.uuidString.lowercased())\"}")
        #expect(throws: DecodingError.self) { try decode(SmallWinsError.self, "{\"code\":\"teapot\"}") }
    }
}
