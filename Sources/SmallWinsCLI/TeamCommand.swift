import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins team ...`: districts, schools and teams.
struct TeamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "team", abstract: "Add, list, show, edit and delete teams (district > school > team).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a team.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The team's name.") var name: String
        @Option(help: "district, school or team.") var kind: Team.Kind = .team
        @Option(help: "The team it sits inside (name, path or id).") var parent: String?

        func run() async throws {
            let store = try await global.openStore()
            let parentID = try await parent.asyncMap { try await Resolver(store: store).team($0).id }
            let team = try await store.create(Team(name: name, kind: kind, parent: parentID))
            try Output(json: global.json).done("Added \(team.kind.rawValue) \"\(team.name)\" \(team.id)", team)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List teams, each with its path.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this team and the teams inside it.") var scope: String?

        func run() async throws {
            let store = try await global.scopedStore(scope)
            let teams = try await store.teams()
            let paths = TeamPaths(teams)
            let sorted = teams.sorted { paths.path(of: $0.id) < paths.path(of: $1.id) }
            try Output(json: global.json).list(sorted, headers: ["ID", "KIND", "PATH"]) {
                [$0.id.short, $0.kind.rawValue, paths.path(of: $0.id)]
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a team and its members.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, path or id.") var team: String

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            let found = try await resolver.team(team)
            let memberships = try await store.memberships(member: nil, team: found.id)
            let names = Dictionary(uniqueKeysWithValues: try await store.members().map { ($0.id, $0.name) })
            try Output(json: global.json).record(found, fields: [
                ("id", found.id.description), ("name", found.name), ("kind", found.kind.rawValue),
                ("path", TeamPaths(try await store.teams()).path(of: found.id)),
                ("members", memberships.map { "\(names[$0.member] ?? $0.member.short) (\($0.role.rawValue))" }.joined(separator: "\n")),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename a team, change its kind or move it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, path or id.") var team: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new kind.") var kind: Team.Kind?
        @Option(help: "A new parent team.") var parent: String?

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            var edited = try await resolver.team(team)
            if let name { edited.name = name }
            if let kind { edited.kind = kind }
            if let parent { edited.parent = try await resolver.team(parent).id }
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated team \"\(saved.name)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a team nothing refers to.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name, path or id.") var team: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).team(team)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted team \"\(found.name)\"", found)
        }
    }
}
