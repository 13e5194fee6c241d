import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins group ...`: the student groups of the equity-focus codebook.
struct GroupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "group", abstract: "Add, list, show, edit and delete student groups (the equity-focus codebook).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a student group.")
        @OptionGroup var entry: CodebookEntryOptions
        func run() async throws {
            try await entry.add { store, name, description, team in try await store.create(StudentGroup(name: name, description: description, in: team)) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List student groups, including inherited ones.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only groups usable by this team.") var scope: String?
        func run() async throws {
            let store = try await global.scopedStore(scope)
            try await listCodebook(try await store.studentGroups(), store: store, json: global.json) { ($0.id.short, $0.name, $0.team, $0.description) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a student group.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name or id.") var group: String
        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).group(group)
            try await showCodebook(found, store: store, json: global.json, id: found.id.description, name: found.name, team: found.team, description: found.description)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename or describe a student group.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name or id.") var group: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new description (empty to clear).") var description: String?
        func run() async throws {
            let store = try await global.openStore()
            var edited = try await Resolver(store: store).group(group)
            if let name { edited.name = name }
            if let description { edited.description = description.isEmpty ? nil : description }
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated student group \"\(saved.name)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a student group no goal or win uses.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name or id.") var group: String
        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).group(group)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted student group \"\(found.name)\"", found)
        }
    }
}

/// `smallwins theme ...`: the themes of the qualitative codebook.
struct ThemeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "Add, list, show, edit and delete themes (the qualitative codebook).",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a theme.")
        @OptionGroup var entry: CodebookEntryOptions
        func run() async throws {
            try await entry.add { store, name, description, team in try await store.create(Theme(name: name, description: description, in: team)) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List themes, including inherited ones.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only themes usable by this team.") var scope: String?
        func run() async throws {
            let store = try await global.scopedStore(scope)
            try await listCodebook(try await store.themes(), store: store, json: global.json) { ($0.id.short, $0.name, $0.team, $0.description) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a theme.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name or id.") var theme: String
        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).theme(theme)
            try await showCodebook(found, store: store, json: global.json, id: found.id.description, name: found.name, team: found.team, description: found.description)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename or describe a theme.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name or id.") var theme: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new description (empty to clear).") var description: String?
        func run() async throws {
            let store = try await global.openStore()
            var edited = try await Resolver(store: store).theme(theme)
            if let name { edited.name = name }
            if let description { edited.description = description.isEmpty ? nil : description }
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated theme \"\(saved.name)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a theme no win uses.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Name or id.") var theme: String
        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).theme(theme)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted theme \"\(found.name)\"", found)
        }
    }
}

/// The arguments of `group add` and `theme add`.
struct CodebookEntryOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The name.") var name: String
    @Option(name: .customLong("in"), help: "The team that keeps it; teams inside it can use it too.") var team: String
    @Option(help: "What it means, so everyone codes the same way.") var description: String?

    func add<Entry: Encodable>(_ create: (any WinStore, String, String?, Team.ID) async throws -> Entry) async throws {
        let store = try await global.openStore()
        let keeper = try await Resolver(store: store).team(team)
        let saved = try await create(store, name, description, keeper.id)
        try Output(json: global.json).done("Added \"\(name)\" to the codebook of \(keeper.name)", saved)
    }
}

func listCodebook<Entry: Encodable>(_ entries: [Entry], store: any WinStore, json: Bool,
                                    fields: (Entry) -> (String, String, Team.ID, String?)) async throws {
    let paths = TeamPaths(try await store.teams())
    try Output(json: json).list(entries, headers: ["ID", "NAME", "KEPT BY", "DESCRIPTION"]) { entry in
        let (id, name, team, description) = fields(entry)
        return [id, name, paths.name(of: team), description ?? ""]
    }
}

func showCodebook<Entry: Encodable>(_ entry: Entry, store: any WinStore, json: Bool, id: String, name: String,
                                    team: Team.ID, description: String?) async throws {
    try Output(json: json).record(entry, fields: [
        ("id", id), ("name", name), ("kept by", TeamPaths(try await store.teams()).path(of: team)), ("description", description ?? ""),
    ])
}
