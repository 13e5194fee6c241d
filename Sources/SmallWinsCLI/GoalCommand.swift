import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins goal ...`: big goals with their success criteria and focus groups.
struct GoalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goal", abstract: "Add, list, show, edit and delete goals.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    /// The fields `goal add` and `goal edit` share.
    struct Fields: ParsableArguments {
        @Option(help: "A longer statement of the goal.") var summary: String?
        @Option(name: .customLong("looks-like"), help: "What success looks like (repeat for more).") var looksLike: [String] = []
        @Option(name: .customLong("sounds-like"), help: "What success sounds like (repeat for more).") var soundsLike: [String] = []
        @Option(name: .customLong("feels-like"), help: "What success feels like (repeat for more).") var feelsLike: [String] = []
        @Option(name: .customLong("focus"), help: "A student group the goal intends to serve (repeat for more).") var focus: [String] = []
        @Option(help: "First day, YYYY-MM-DD.") var start: String?
        @Option(help: "Target day, YYYY-MM-DD.") var end: String?
        @Option(help: "draft, active, achieved or retired.") var status: Goal.Status?

        /// Applies the given fields to `goal`; lists replace what was there.
        func apply(to goal: inout Goal, resolver: Resolver) async throws {
            if let summary { goal.summary = summary.isEmpty ? nil : summary }
            if !looksLike.isEmpty { goal.success.looksLike = looksLike }
            if !soundsLike.isEmpty { goal.success.soundsLike = soundsLike }
            if !feelsLike.isEmpty { goal.success.feelsLike = feelsLike }
            if !focus.isEmpty {
                var groups: [StudentGroup.ID] = []
                for reference in focus { groups.append(try await resolver.group(reference).id) }
                goal.focusGroups = groups
            }
            if let start { goal.start = try Day(iso: start, field: "--start") }
            if let end { goal.end = try Day(iso: end, field: "--end") }
            if let status { goal.status = status }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a goal.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The goal in one line.") var title: String
        @Option(help: "The team that owns it.") var team: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            var goal = Goal(team: try await resolver.team(team).id, title: title)
            try await fields.apply(to: &goal, resolver: resolver)
            let saved = try await store.create(goal)
            try Output(json: global.json).done("Added goal \"\(saved.title)\" \(saved.id)", saved)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List goals, including those of teams above the scope.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only goals visible to this team.") var scope: String?

        func run() async throws {
            let store = try await global.scopedStore(scope)
            let paths = TeamPaths(try await global.openStore().teams())
            try Output(json: global.json).list(try await store.goals(), headers: ["ID", "STATUS", "TEAM", "TITLE"]) {
                [$0.id.short, $0.status.rawValue, paths.name(of: $0.team), $0.title]
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a goal with its success criteria.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Title or id.") var goal: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).goal(goal)
            let groups = Dictionary(uniqueKeysWithValues: try await store.studentGroups().map { ($0.id, $0.name) })
            try Output(json: global.json).record(found, fields: [
                ("id", found.id.description), ("title", found.title), ("team", TeamPaths(try await store.teams()).path(of: found.team)),
                ("status", found.status.rawValue), ("summary", found.summary ?? ""),
                ("looks like", found.success.looksLike.joined(separator: "\n")),
                ("sounds like", found.success.soundsLike.joined(separator: "\n")),
                ("feels like", found.success.feelsLike.joined(separator: "\n")),
                ("focus groups", found.focusGroups.map { groups[$0] ?? $0.short }.joined(separator: "\n")),
                ("days", "\(found.start?.iso ?? "…") to \(found.end?.iso ?? "…")"),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a goal.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Title or id.") var goal: String
        @Option(help: "A new title.") var title: String?
        @OptionGroup var fields: Fields

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            var edited = try await resolver.goal(goal)
            if let title { edited.title = title }
            try await fields.apply(to: &edited, resolver: resolver)
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated goal \"\(saved.title)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a goal no win or question refers to.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Title or id.") var goal: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).goal(goal)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted goal \"\(found.title)\"", found)
        }
    }
}
