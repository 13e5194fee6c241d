import SmallWinsStoreTesting
import Testing

/// The suite itself: big enough, named uniquely, and able to fail.
@Suite("Conformance suite")
struct StoreConformanceTests {
    @Test func hasAtLeastFortyUniquelyNamedCases() {
        let names = StoreConformance.cases.map(\.name)
        #expect(names.count >= 40)
        #expect(Set(names).count == names.count)
    }
}
