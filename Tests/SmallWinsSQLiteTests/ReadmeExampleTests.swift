import Foundation
import SmallWins
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// Keeps the README's library example true: the code between the markers is the README's,
/// character for character, and it runs here against a real SQLite file.
@Suite("README example")
struct ReadmeExampleTests {
    @Test func theExampleRunsAndTheReadmeShowsItVerbatim() async throws {
        try await TemporaryFolder.asWorkingDirectory { _ in
            // README example begin
            let store = try await SQLiteStore(path: "smallwins.sqlite")  // creates and migrates the file
            let district = try await store.create(Team(name: "Gorham Schools", kind: .district))
            let school = try await store.create(Team(name: "Village Elementary", kind: .school, parent: district.id))
            let grade3 = try await store.create(Team(name: "Grade 3", kind: .team, parent: school.id))
            let maria = try await store.create(Member(name: "Maria Lopez", in: district.id))
            _ = try await store.create(Membership(member: maria.id, team: grade3.id, role: .lead))
            let sam = try await store.create(Member(name: "Sam Reed", in: district.id))
            _ = try await store.create(Membership(member: sam.id, team: grade3.id))
            let fluency = try await store.create(Theme(name: "Fluency", in: district.id))
            let multilingual = try await store.create(StudentGroup(name: "Multilingual learners", in: district.id))
            let goal = try await store.create(Goal(
                team: school.id, title: "Every reader reads fluently by spring",
                success: SuccessCriteria(looksLike: ["students reread to a partner"], soundsLike: ["I can read this!"]),
                focusGroups: [multilingual.id]))

            let lesson = try await store.record(Win(
                team: grade3.id, author: maria.id, kind: .lesson, title: "Partner reading fell flat",
                story: "The stronger reader did all the reading.", learned: "Pairs need roles.",
                next: "Try reader/coach cards.", day: try Day(2026, 11, 18), goal: goal.id,
                themes: [fluency.id], groups: [multilingual.id]))
            _ = try await store.celebrate(Celebration(win: lesson.id, by: sam.id, kind: .thanks))

            let village = try await store.scoped(to: school.id)  // reads and writes limited to this subtree
            let page = try await village.wins(WinQuery(kinds: [.lesson], text: "partner"), after: nil, limit: 50)
            for win in page.wins { print(win.day, win.title) }
            // README example end

            #expect(page.wins.map(\.id) == [lesson.id])
            #expect(page.next == nil)
        }

        for document in ["README.md", "Sources/SmallWins/SmallWins.docc/SmallWins.md", "Sources/SmallWinsSQLite/SmallWinsSQLite.docc/SmallWinsSQLite.md"] {
            try DocumentedExample.check("README example", in: #filePath, shownIn: document)
        }
    }
}
