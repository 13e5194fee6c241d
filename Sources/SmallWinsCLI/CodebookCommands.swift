import ArgumentParser
import Foundation
import SmallWins

/// `smallwins group ...`: the student groups of the equity-focus codebook.
struct GroupCommand: AsyncParsableCommand {
    static let configuration = CodebookCommands<StudentGroup>.configuration
}

/// `smallwins theme ...`: the themes of the qualitative codebook.
struct ThemeCommand: AsyncParsableCommand {
    static let configuration = CodebookCommands<Theme>.configuration
}

/// A codebook's entries as the CLI handles them: student groups and themes alike.
protocol CodebookEntry: Encodable, Sendable {
    /// What one entry is called: "student group", "theme".
    static var noun: String { get }
    /// The codebook: "the equity-focus codebook".
    static var codebook: String { get }
    /// What may still use an entry, which stops its deletion: "goal or win".
    static var users: String { get }
    /// The command's name: "group", "theme".
    static var command: String { get }
    var id: Identifier<Self> { get }
    var name: String { get set }
    var description: String? { get set }
    var team: Team.ID { get }
    init(id: Identifier<Self>, name: String, description: String?, in team: Team.ID)
    /// Every entry the store sees, inherited ones included.
    static func all(in store: any WinStore) async throws -> [Self]
    static func create(_ entry: Self, in store: any WinStore) async throws -> Self
    static func update(_ entry: Self, in store: any WinStore) async throws -> Self
    static func delete(_ entry: Self, in store: any WinStore) async throws
}

extension StudentGroup: CodebookEntry {
    static let noun = "student group", codebook = "the equity-focus codebook", users = "goal or win", command = "group"
    static func all(in store: any WinStore) async throws -> [StudentGroup] { try await store.studentGroups() }
    static func create(_ entry: StudentGroup, in store: any WinStore) async throws -> StudentGroup { try await store.create(entry) }
    static func update(_ entry: StudentGroup, in store: any WinStore) async throws -> StudentGroup { try await store.update(entry) }
    static func delete(_ entry: StudentGroup, in store: any WinStore) async throws { try await store.delete(entry.id) }
}

extension Theme: CodebookEntry {
    static let noun = "theme", codebook = "the qualitative codebook", users = "win", command = "theme"
    static func all(in store: any WinStore) async throws -> [Theme] { try await store.themes() }
    static func create(_ entry: Theme, in store: any WinStore) async throws -> Theme { try await store.create(entry) }
    static func update(_ entry: Theme, in store: any WinStore) async throws -> Theme { try await store.update(entry) }
    static func delete(_ entry: Theme, in store: any WinStore) async throws { try await store.delete(entry.id) }
}

/// The subcommands of `group` and `theme`, written once.
enum CodebookCommands<Entry: CodebookEntry> {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Entry.command, abstract: "Add, list, show, edit and delete \(Entry.noun)s (\(Entry.codebook)).",
            subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])
    }

    struct Add: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Add a \(Entry.noun).") }
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The name.") var name: String
        @Option(name: .customLong("in"), help: "The team that keeps it; teams inside it can use it too.") var team: String
        @Option(help: "What it means, so everyone codes the same way.") var description: String?

        func run() async throws {
            let store = try await global.openStore()
            let keeper = try await Resolver(store: store).team(team)
            let saved = try await Entry.create(Entry(id: Identifier(), name: name, description: description, in: keeper.id), in: store)
            try Output(json: global.json).done("Added \"\(name)\" to the codebook of \(keeper.name)", saved)
        }
    }

    struct List: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "List \(Entry.noun)s, including inherited ones.") }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("Only \(Entry.noun)s usable by this team.")) var scope: String?

        func run() async throws {
            let store = try await global.scopedStore(scope)
            let paths = TeamPaths(try await store.teams())
            try Output(json: global.json).list(try await Entry.all(in: store), headers: ["ID", "NAME", "KEPT BY", "DESCRIPTION"]) {
                [$0.id.short, $0.name, paths.name(of: $0.team), $0.description ?? ""]
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Show a \(Entry.noun).") }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Name or id.", valueName: Entry.command)) var entry: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).entry(entry) as Entry
            try Output(json: global.json).record(found, fields: [
                ("id", found.id.description), ("name", found.name), ("kept by", TeamPaths(try await store.teams()).path(of: found.team)),
                ("description", found.description ?? ""),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Rename or describe a \(Entry.noun).") }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Name or id.", valueName: Entry.command)) var entry: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new description (empty to clear).") var description: String?

        func run() async throws {
            let store = try await global.openStore()
            var edited = try await Resolver(store: store).entry(entry) as Entry
            if let name { edited.name = name }
            if let description { edited.description = description.isEmpty ? nil : description }
            let saved = try await Entry.update(edited, in: store)
            try Output(json: global.json).done("Updated \(Entry.noun) \"\(saved.name)\"", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(abstract: "Delete a \(Entry.noun) no \(Entry.users) uses.") }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("Name or id.", valueName: Entry.command)) var entry: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).entry(entry) as Entry
            try await Entry.delete(found, in: store)
            try Output(json: global.json).done("Deleted \(Entry.noun) \"\(found.name)\"", found)
        }
    }
}
