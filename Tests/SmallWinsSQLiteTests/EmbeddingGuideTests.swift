import Foundation
import Observation
import SmallWins
import SmallWinsDemo
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

// Embedding guide feed begin
/// The newest wins of a scope, kept current as colleagues record and celebrate: what a SwiftUI list
/// shows (`List(feed.wins) { Text($0.title) }` with `.task { try? await feed.follow() }`).
@MainActor @Observable
final class WinsFeed {
    private(set) var wins: [Win] = []
    private let store: any WinStore

    init(store: any WinStore) { self.store = store }

    /// Loads the newest page, then reloads whenever a win or a celebration in scope changes,
    /// until the task running it is cancelled.
    func follow() async throws {
        let changes = try await store.changes()  // listening before the first read, so nothing is missed
        try await reload()
        for try await change in changes where change.entity == .win || change.entity == .celebration {
            try await reload()
        }
    }

    private func reload() async throws {
        wins = try await store.wins(WinQuery(), after: nil, limit: 20).wins
    }
}
// Embedding guide feed end

/// Keeps Documentation/Embedding.md's example compiling, running and shown verbatim.
@Suite("Embedding guide")
struct EmbeddingGuideTests {
    @Test func theFeedFollowsNewWins() async throws {
        try await TemporaryFolder.with { folder in
            let store = try await SQLiteStore(path: folder.appendingPathComponent("feed.sqlite").path)
            let district = try await store.create(Team(name: "Riverside", kind: .district))
            let grade3 = try await store.create(Team(name: "Grade 3", kind: .team, parent: try await store.create(
                Team(name: "Village", kind: .school, parent: district.id)).id))
            let maria = try await store.create(Member(name: "Maria", in: district.id))
            _ = try await store.create(Membership(member: maria.id, team: grade3.id))

            let scoped = try await store.scoped(to: grade3.id)
            let feed = await WinsFeed(store: scoped)
            let following = Task { @MainActor in try await feed.follow() }
            defer { following.cancel() }
            let win = try await store.record(Win(team: grade3.id, author: maria.id, kind: .success, title: "Coach cards worked",
                                                 story: "Every pair stayed on task.", day: try Day(2026, 11, 24)))
            for _ in 0..<200 where await feed.wins.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
            #expect(await feed.wins.map(\.id) == [win.id])
        }
        try DocumentedExample.check("Embedding guide feed", in: #filePath, shownIn: "Documentation/Embedding.md")
    }

    @Test func aTransactionLandsWhole() async throws {
        try await TemporaryFolder.with { folder in
            let store = try await SQLiteStore(path: folder.appendingPathComponent("form.sqlite").path)
            let districtID = try await store.create(Team(name: "Riverside", kind: .district)).id
            let schoolID = try await store.create(Team(name: "Village", kind: .school, parent: districtID)).id
            // Embedding guide transaction begin
            let imported = try await store.transaction { tx in
                let team = try await tx.create(Team(name: "Grade 4", kind: .team, parent: schoolID))
                let member = try await tx.create(Member(name: "Ana Lopez", in: districtID))
                _ = try await tx.create(Membership(member: member.id, team: team.id))
                return try await tx.record(wins(for: team.id, by: member.id))   // any throw here undoes all of it
            }
            // Embedding guide transaction end
            #expect(imported.count == 2)
            #expect(try await store.teams().count == 3)
        }
        try DocumentedExample.check("Embedding guide transaction", in: #filePath, shownIn: "Documentation/Embedding.md")
    }

    /// The first wins of a new team, for the transaction example.
    func wins(for team: Team.ID, by member: Member.ID) -> [Win] {
        ["Coach cards worked", "Pairs read twice"].map { title in
            Win(team: team, author: member, kind: .success, title: title, story: "Every pair stayed on task.", day: try! Day(2026, 11, 24))
        }
    }

    @Test func aDemoDistrictForPreviews() async throws {
        try await TemporaryFolder.with { folder in
            let previewPath = folder.appendingPathComponent("preview.sqlite").path
            // Embedding guide demo begin
            let store = try await SQLiteStore(path: previewPath)
            let summary = try await DemoDistrict.build(into: store, size: .small, seed: 2026)
            let cedar = try await store.scoped(to: summary.streakTeam)
            let board = try await cedar.dashboard(DashboardQuery(period: summary.schoolYear, asOf: summary.lastSchoolDay))
            // Embedding guide demo end
            #expect(board.streak.weeks >= 20)
        }
        for document in ["Documentation/Embedding.md", "Sources/SmallWinsDemo/SmallWinsDemo.docc/SmallWinsDemo.md"] {
            try DocumentedExample.check("Embedding guide demo", in: #filePath, shownIn: document)
        }
    }
}
