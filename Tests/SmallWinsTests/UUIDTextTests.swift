import Foundation
import SmallWins
import Testing

@Suite("UUID text")
struct UUIDTextTests {
    @Test func formatsAndParsesLikeFoundation() throws {
        for _ in 0..<1000 {
            let uuid = UUID()
            #expect(uuid.lowercaseText == uuid.uuidString.lowercased())
            #expect(UUID(canonicalText: uuid.uuidString) == uuid)
            #expect(UUID(canonicalText: uuid.lowercaseText) == uuid)
        }
    }

    @Test func listsParseAndJoinAsTheirParts() throws {
        for count in 0..<6 {
            let uuids = (0..<count).map { _ in UUID() }
            let joined = uuids.map(\.lowercaseText).joined(separator: ",")
            #expect(UUID.list(joined) == uuids)
            #expect(UUID.joinedText(uuids, separator: "; ") == uuids.map(\.lowercaseText).joined(separator: "; "))
        }
        let one = UUID()
        #expect(UUID.list(",\(one.lowercaseText),,") == [one])
        #expect(UUID.list("\(one.lowercaseText),x") == nil)
        #expect(UUID.list("\(one.lowercaseText);\(one.lowercaseText)") == nil)
    }

    @Test(arguments: ["", "0190f3c2-7b1a-7c3d-8e4f-5a6b7c8d9e0", "0190f3c2-7b1a-7c3d-8e4f-5a6b7c8d9e0ff",
                      "0190f3c2x7b1a-7c3d-8e4f-5a6b7c8d9e0f", "0190f3c2-7b1a-7c3d-8e4f-5a6b7c8d9e0g",
                      "{0190f3c2-7b1a-7c3d-8e4f-5a6b7c8d9e0f}", "0190f3c27b1a7c3d8e4f5a6b7c8d9e0f0000",
                      "0190f3c2-7b1a-7c3d-8e4f-5a6b7c8d9é0"])
    func rejectsAnythingButTheCanonicalForm(_ text: String) {
        #expect(UUID(canonicalText: text) == nil)
        #expect(UUID(uuidString: text) == nil)
        #expect(Win.ID(text) == nil)
    }
}
