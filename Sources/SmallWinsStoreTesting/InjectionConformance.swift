import Foundation
import SmallWins

extension StoreConformance {
    static let injectionCases: [ConformanceCase] = [
        ConformanceCase("hostile text in every field is stored and returned exactly; control characters are refused") { store in
            let f = try await Fixture.make(in: store)
            for (index, line) in HostileText.lines.enumerated() {
                let paragraph = HostileText.paragraphs[(index + HostileText.lines.count) % HostileText.paragraphs.count]
                let long = HostileText.paragraphs.last!
                let unique = "\(line) #\(index)"
                let team = try await store.create(Team(name: unique, kind: .team, parent: f.northGrade3.id))
                try checkEqual(try await store.team(team.id), team, "team name \(index)")
                let member = try await store.create(Member(name: unique, in: f.district.id))
                _ = try await store.create(Membership(member: member.id, team: team.id))
                try checkEqual(try await store.member(member.id), member, "member name \(index)")
                let theme = try await store.create(Theme(name: unique, description: paragraph, in: team.id))
                try checkEqual(try await store.theme(theme.id), theme, "theme \(index)")
                let group = try await store.create(StudentGroup(name: unique, description: long, in: team.id))
                try checkEqual(try await store.studentGroup(group.id), group, "student group \(index)")
                let goal = try await store.create(Goal(
                    team: team.id, title: line, summary: paragraph,
                    success: SuccessCriteria(looksLike: [line], soundsLike: [line], feelsLike: [line]), focusGroups: [group.id]))
                try checkEqual(try await store.goal(goal.id), goal, "goal \(index)")
                let question = try await store.create(LearningQuestion(team: team.id, text: line, goal: goal.id, status: .answered, answer: paragraph))
                try checkEqual(try await store.learningQuestion(question.id), question, "question \(index)")
                let attempt = try await store.create(Attempt(question: question.id, title: line, description: long))
                try checkEqual(try await store.attempt(attempt.id), attempt, "attempt \(index)")
                let win = try await store.record(Win(
                    team: team.id, author: member.id, kind: .lesson, title: line, story: long + "\n" + line, learned: paragraph,
                    next: line, day: day("2026-11-02"), goal: goal.id, attempt: attempt.id, themes: [theme.id], groups: [group.id]))
                try checkEqual(try await store.win(win.id), win, "win \(index)")
                let cheer = try await store.celebrate(Celebration(win: win.id, by: f.ana.id, kind: .thanks, message: line))
                try checkEqual(try await store.celebration(cheer.id), cheer, "celebration \(index)")
                _ = try await store.wins(WinQuery(text: line.filter { $0.isLetter || $0 == " " }.isEmpty ? nil : line), after: nil, limit: 10)
            }
            for text in HostileText.refused {
                try await checkInvalid("name") { try await store.create(Team(name: text, kind: .team, parent: f.northGrade3.id)) }
                try await checkInvalid("story") {
                    try await store.record(Win(team: f.northGrade3.id, author: f.ana.id, kind: .success, title: "Fine", story: text, day: day("2026-11-02")))
                }
                try await checkInvalid("message") {
                    try await store.celebrate(Celebration(win: try await store.record(f.success()).id, by: f.ben.id, kind: .thanks, message: text))
                }
            }
            let teams = try await store.teams()
            try check(teams.contains { $0.name.hasPrefix("Robert'); DROP TABLE win;--") }, "the tables are all still there")
        },
    ]
}
