import Foundation
import SmallWins
import Testing

@Suite("Validation")
struct ValidationTests {
    let team = Team.ID()
    let author = Member.ID()

    func win(_ change: (inout Win) -> Void = { _ in }) throws -> Win {
        var win = Win(team: team, author: author, kind: .success, title: "Exit tickets worked",
                      story: "Every student wrote one line.", day: try Day(2026, 10, 2))
        change(&win)
        return win
    }

    func field(of value: some Validatable) -> String? {
        do {
            try value.validate()
            return nil
        } catch let SmallWinsError.invalid(field, _) {
            return field
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func aPlainWinIsValid() throws {
        #expect(field(of: try win()) == nil)
        #expect(field(of: try win { $0.story = "Line one\r\nLine two\twith a tab" }) == nil)
    }

    @Test(arguments: [
        ("title", "", "empty"), ("title", "a\nb", "two lines"), ("title", String(repeating: "t", count: 201), "too long"),
        ("story", " \n\t ", "blank"), ("story", "nul\u{0}byte", "NUL"), ("story", "esc\u{1B}[31m", "escape"),
        ("story", "c1\u{85}", "C1 control"), ("story", "non\u{FFFF}char", "noncharacter"),
        ("learned", "", "empty lesson text"), ("next", "\u{7F}", "DEL"),
    ])
    func badTextIsRefusedNamingTheField(_ example: (field: String, text: String, why: String)) throws {
        let value = try win {
            switch example.field {
            case "title": $0.title = example.text
            case "story": $0.story = example.text
            case "learned": $0.learned = example.text
            default: $0.next = example.text
            }
        }
        #expect(field(of: value) == example.field, "\(example.why)")
    }

    @Test func lessonsNeedWhatWasLearned() throws {
        #expect(field(of: try win { $0.kind = .lesson }) == "learned")
        #expect(field(of: try win { $0.kind = .lesson; $0.learned = "Shorter texts." }) == nil)
    }

    @Test func linksAreDistinctAndNoSelfShoutOut() throws {
        let theme = Theme.ID()
        #expect(field(of: try win { $0.themes = [theme, theme] }) == "themes")
        #expect(field(of: try win { $0.groups = Array(repeating: StudentGroup.ID(), count: 1) + [StudentGroup.ID()] }) == nil)
        #expect(field(of: try win { $0.shoutOuts = [author] }) == "shoutOuts")
        #expect(field(of: try win { $0.themes = (0..<51).map { _ in Theme.ID() } }) == "themes")
    }

    @Test func teamsAndMembers() {
        #expect(field(of: Team(name: "Riverside", kind: .district, parent: team)) == "parent")
        let lone = Team.ID()
        #expect(field(of: Team(id: lone, name: "Loop", kind: .team, parent: lone)) == "parent")
        #expect(field(of: Team(name: String(repeating: "n", count: 121), kind: .school)) == "name")
        #expect(field(of: Member(name: "Ana", email: "ana@school.org", in: team)) == nil)
        for email in ["ana", "ana@", "@school.org", "ana @school.org", "ana@school"] {
            #expect(field(of: Member(name: "Ana", email: email, in: team)) == "email", "\(email)")
        }
    }

    @Test func goalsAndCriteria() throws {
        #expect(field(of: Goal(team: team, title: "Readers", start: try Day(2026, 9, 1), end: try Day(2026, 8, 1))) == "end")
        #expect(field(of: Goal(team: team, title: "Readers", success: SuccessCriteria(soundsLike: ["ok", "\u{0}"]))) == "success.soundsLike")
        let group = StudentGroup.ID()
        #expect(field(of: Goal(team: team, title: "Readers", focusGroups: [group, group])) == "focusGroups")
        #expect(field(of: LearningQuestion(team: team, text: "")) == "text")
        #expect(field(of: Attempt(question: LearningQuestion.ID(), title: "Try", description: "")) == "description")
        #expect(field(of: Celebration(win: Win.ID(), by: Member.ID(), kind: .thanks, message: String(repeating: "!", count: 1001))) == "message")
        #expect(field(of: Theme(name: "Discourse", description: "  ", in: team)) == "description")
    }
}
