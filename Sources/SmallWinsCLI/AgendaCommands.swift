import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins question ...`: the questions of a team's learning agenda.
struct QuestionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "question", abstract: "Add, list, show, edit and delete learning questions.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a question to a team's learning agenda.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The question.") var text: String
        @Option(help: "The team asking.") var team: String
        @Option(help: "The goal it serves.") var goal: String?

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            let question = LearningQuestion(team: try await resolver.team(team).id, text: text,
                                            goal: try await goal.asyncMap { try await resolver.goal($0).id })
            let saved = try await store.create(question)
            try Output(json: global.json).done("Added question \(saved.id)", saved)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List learning questions.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only questions visible to this team.") var scope: String?

        func run() async throws {
            let store = try await global.scopedStore(scope)
            try Output(json: global.json).list(try await store.learningQuestions(), headers: ["ID", "STATUS", "QUESTION"]) {
                [$0.id.short, $0.status.rawValue, $0.text]
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a question and its attempts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Text or id.") var question: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).question(question)
            let attempts = try await store.attempts(question: found.id)
            try Output(json: global.json).record(found, fields: [
                ("id", found.id.description), ("question", found.text), ("status", found.status.rawValue),
                ("answer", found.answer ?? ""),
                ("attempts", attempts.map { "\($0.title) (\($0.status.rawValue))" }.joined(separator: "\n")),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reword, answer or reopen a question.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Text or id.") var question: String
        @Option(help: "New wording.") var text: String?
        @Option(help: "open or answered.") var status: LearningQuestion.Status?
        @Option(help: "What the team concluded.") var answer: String?

        func run() async throws {
            let store = try await global.openStore()
            var edited = try await Resolver(store: store).question(question)
            if let text { edited.text = text }
            if let status { edited.status = status }
            if let answer { edited.answer = answer.isEmpty ? nil : answer }
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated question \(saved.id.short)", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a question with no attempts.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Text or id.") var question: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).question(question)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted question \(found.id.short)", found)
        }
    }
}

/// `smallwins attempt ...`: what a team tries to learn about its questions.
struct AttemptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attempt", abstract: "Add, list, show, edit and delete attempts.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an attempt at a learning question.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "What is tried.") var title: String
        @Option(help: "The question it helps answer (text or id).") var question: String
        @Option(help: "How it is tried.") var description: String?
        @Option(help: "When it starts, YYYY-MM-DD.") var start: String?
        @Option(help: "planned, underway, adopted or dropped.") var status: Attempt.Status = .planned

        func run() async throws {
            let store = try await global.openStore()
            let attempt = Attempt(question: try await Resolver(store: store).question(question).id, title: title,
                                  description: description, start: try start.map { try Day(iso: $0, field: "--start") },
                                  status: status)
            let saved = try await store.create(attempt)
            try Output(json: global.json).done("Added attempt \"\(saved.title)\" \(saved.id)", saved)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List attempts.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only attempts at this question.") var question: String?

        func run() async throws {
            let store = try await global.openStore()
            let questionID = try await question.asyncMap { try await Resolver(store: store).question($0).id }
            try Output(json: global.json).list(try await store.attempts(question: questionID), headers: ["ID", "STATUS", "START", "ATTEMPT"]) {
                [$0.id.short, $0.status.rawValue, $0.start?.iso ?? "", $0.title]
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an attempt.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Title or id.") var attempt: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).attempt(attempt)
            let question = try await store.learningQuestion(found.question)
            try Output(json: global.json).record(found, fields: [
                ("id", found.id.description), ("attempt", found.title), ("question", question.text),
                ("status", found.status.rawValue), ("start", found.start?.iso ?? ""), ("description", found.description ?? ""),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change an attempt, e.g. mark it adopted or dropped.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Title or id.") var attempt: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "A new description.") var description: String?
        @Option(help: "A new start day.") var start: String?
        @Option(help: "planned, underway, adopted or dropped.") var status: Attempt.Status?

        func run() async throws {
            let store = try await global.openStore()
            var edited = try await Resolver(store: store).attempt(attempt)
            if let title { edited.title = title }
            if let description { edited.description = description.isEmpty ? nil : description }
            if let start { edited.start = try Day(iso: start, field: "--start") }
            if let status { edited.status = status }
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated attempt \"\(saved.title)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete an attempt no win came from.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Title or id.") var attempt: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).attempt(attempt)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted attempt \"\(found.title)\"", found)
        }
    }
}
