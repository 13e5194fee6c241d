import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins init`: creates the database, and optionally the first team.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the database (safe to run again: it only migrates).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "Also create a root team with this name.")
    var team: String?

    @Option(help: "The kind of that root team: district, school or team.")
    var kind: Team.Kind = .district

    func run() async throws {
        let store = try await global.openStore(create: true)
        let diagnostics = try await store.diagnostics()
        var created: Team?
        if let team {
            created = try await store.create(Team(name: team, kind: kind))
        }
        if global.json {
            struct Result: Encodable { let database: String; let migrations: [String]; let team: Team? }
            return try Output(json: true).printJSON(Result(database: store.path, migrations: diagnostics.appliedMigrations, team: created))
        }
        print("Database ready: \(store.path) (schema \(diagnostics.appliedMigrations.count) migration(s), SQLite \(diagnostics.sqliteVersion))")
        if let created { print("Created \(created.kind.rawValue) \"\(created.name)\" \(created.id)") }
    }
}

/// `smallwins info`: what the database holds and how it is set up.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the database's settings and integrity.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let store = try await global.openStore()
        let diagnostics = try await store.diagnostics()
        try Output(json: global.json).record(diagnostics, fields: [
            ("database", store.path), ("sqlite", diagnostics.sqliteVersion), ("journal", diagnostics.journalMode),
            ("foreign keys", diagnostics.foreignKeys ? "on" : "off"),
            ("migrations", diagnostics.appliedMigrations.joined(separator: "\n")), ("integrity", diagnostics.integrity),
        ])
    }
}

extension Team.Kind: ExpressibleByArgument {}
extension Membership.Role: ExpressibleByArgument {}
extension Goal.Status: ExpressibleByArgument {}
extension LearningQuestion.Status: ExpressibleByArgument {}
extension Attempt.Status: ExpressibleByArgument {}
extension Win.Kind: ExpressibleByArgument {}
