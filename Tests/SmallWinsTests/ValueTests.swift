import Foundation
import SmallWins
import Testing

@Suite("Identifiers, instants and queries")
struct ValueTests {
    @Test func newIdentifiersAreTimeOrderedVersion7() {
        let ids = (0..<200).map { _ in Win.ID() }
        for id in ids {
            let text = id.description
            #expect(text == text.lowercased())
            #expect(Array(text)[14] == "7")
        }
        let early = UUID.version7(at: Date(timeIntervalSince1970: 1_700_000_000))
        let late = UUID.version7(at: Date(timeIntervalSince1970: 1_700_000_001))
        #expect(Win.ID(early) < Win.ID(late))
    }

    @Test func identifiersCodeAsLowercaseText() throws {
        let id = Team.ID(UUID(uuidString: "0191F0C4-AAAA-7BBB-8CCC-DDDDDDDDDDDD")!)
        let data = try JSONEncoder().encode(id)
        #expect(String(decoding: data, as: UTF8.self) == #""0191f0c4-aaaa-7bbb-8ccc-dddddddddddd""#)
        #expect(try JSONDecoder().decode(Team.ID.self, from: data) == id)
        #expect(Team.ID("not a uuid") == nil)
    }

    @Test func instantsRoundTripAtMillisecondPrecision() {
        for seconds in [0.0, 1.0005, 1_764_000_000.123, 1_764_000_000.9999, -86_400.25, 4_102_444_799.999] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Instant.iso(date)
            #expect(text.count == 24)
            #expect(Instant.parse(text) == Instant.truncated(date), "\(text)")
            #expect(Instant.truncated(Instant.truncated(date)) == Instant.truncated(date))
        }
        #expect(Instant.iso(Date(timeIntervalSince1970: 1_764_000_000.123)) == "2025-11-24T16:00:00.123Z")
        #expect(Instant.parse("2025-11-24T16:00:00Z") == nil)
        #expect(Instant.parse("2025-11-24T25:00:00.000Z") == nil)
        for text in ["2025-11-24T+6:00:00.000Z", "2025-11-24T16:00:00.+23Z", "2025-11-24 16:00:00.000Z", "2025-11-24T16:00:00.000z",
                     "2025-02-30T16:00:00.000Z", "2025-11-24T16:60:00.000Z", "2025-11-24T16:00:0１.000Z", "2025-11-24T16:00:00.000Z "] {
            #expect(Instant.parse(text) == nil, "\(text)")
        }
    }

    @Test func instantsPrintAsFoundationsISO8601WithMilliseconds() {
        let foundation = ISO8601DateFormatter()
        foundation.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        foundation.timeZone = TimeZone(identifier: "UTC")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            // Whole milliseconds from 1900 to 2200, where Foundation's formatter and ours must agree byte for byte.
            let milliseconds = Int64.random(in: -2_208_988_800_000...7_289_654_399_999, using: &generator)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            #expect(Instant.iso(date) == foundation.string(from: date), "\(milliseconds)")
            #expect(Instant.parse(Instant.iso(date)) == date)
        }
    }

    @Test func searchTermsAreLowercasedWordsOnly() throws {
        #expect(try WinQuery(text: "Fluency, \"pairs\" OR task*").searchTerms() == ["fluency", "pairs", "or", "task"])
        #expect(try WinQuery(text: "Débat élève ÇA").searchTerms() == ["debat", "eleve", "ca"])
        #expect(SearchText.words("3rd-grade (ELL) kids—day 2") == ["3rd", "grade", "ell", "kids", "day", "2"])
        #expect(try WinQuery().searchTerms() == [])
        #expect(throws: SmallWinsError.invalid(field: "text", reason: "holds no word to search for")) {
            try WinQuery(text: " *\"-- ").searchTerms()
        }
    }

    @Test func errorsReadAsOneLine() {
        let id = UUID(uuidString: "0191F0C4-AAAA-7BBB-8CCC-DDDDDDDDDDDD")!
        #expect(SmallWinsError.invalid(field: "story", reason: "must not be empty").description == "invalid story: must not be empty")
        #expect(SmallWinsError.notFound(.learningQuestion, id: id).description
            == "no learning question with id 0191f0c4-aaaa-7bbb-8ccc-dddddddddddd")
        #expect(SmallWinsError.inUse(.theme, id: id, referencedBy: "wins").description.contains("still referenced by wins"))
    }
}
