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
