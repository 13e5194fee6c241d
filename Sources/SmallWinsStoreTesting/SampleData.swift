import Foundation
import SmallWins

/// A small but complete installation for tests beyond the suite (copies, exports): every kind of record,
/// with hostile text, links in a given order, and celebrations with messages.
public enum SampleData {
    /// Fills an empty, unscoped `store`; returns how many wins it recorded.
    @discardableResult
    public static func fill(_ store: any WinStore) async throws -> Int {
        let data = try await QueryData.make(in: store)
        let f = data.f
        let more = try await StoreConformance.manyWins(120, in: store, f: f)
        let tricky = try await store.record(Win(
            team: f.northGrade4.id, author: f.ben.id, kind: .lesson, title: "=SUM(A1) \"quoted\", <b>bold</b>",
            story: "Line one\nLine two\twith a tab — «ça» 👩🏽‍🏫\r\nback\\slash", learned: "Commas, quotes; and \\N",
            next: "Try again", day: day("2026-12-01"), goal: f.readingGoal.id, themes: [f.discourse.id, f.fluency.id],
            groups: [f.iep.id], shoutOuts: [f.dee.id, f.ana.id]))
        let kinds = Celebration.Kind.allCases
        for (index, win) in (data.wins + more.prefix(20) + [tricky]).enumerated() {
            let (first, second) = index % 2 == 0 ? (f.ben.id, f.dee.id) : (f.dee.id, f.ben.id)
            _ = try await store.celebrate(Celebration(win: win.id, by: win.author == first ? second : first,
                                                      kind: kinds[index % kinds.count], message: index % 3 == 0 ? "Well done #\(index)" : nil))
        }
        _ = try await store.create(Membership(member: f.dee.id, team: f.northGrade3.id, role: .coach))
        _ = try await store.create(Attempt(question: f.question.id, title: "Echo reading", status: .dropped))
        return data.wins.count + more.count + 1
    }
}
