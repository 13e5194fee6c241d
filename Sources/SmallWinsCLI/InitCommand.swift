import ArgumentParser
import Foundation
import SmallWins
import SmallWinsPostgres
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

    /// See ``PostgresStore/distribute()`` and PostgreSQL.md, "Beyond one server".
    @Flag(help: "On a Citus coordinator: also distribute every table of a district's data by tenant, before any data goes in.")
    var distributed = false

    func run() async throws {
        if distributed, !StoreLocation.isPostgres(global.location) {
            throw SmallWinsError.invalid(field: "distributed", reason: "needs a PostgreSQL database on a Citus coordinator")
        }
        let opened = try await StoreSession.shared.open(global.location, create: true)
        var distributedNow: [String] = []
        if distributed, case .postgres(let store, _) = opened {
            distributedNow = try await store.distribute()
        }
        let facts = try await DatabaseFacts(opened)
        var created: Team?
        if let team {
            created = try await opened.store.create(Team(name: team, kind: kind))
        }
        if global.json {
            struct Result: Encodable { let database: String; let migrations: [String]; let distributedNow: [String]; let team: Team? }
            return try Output(json: true).printJSON(Result(database: facts.location, migrations: facts.migrations, distributedNow: distributedNow,
                                                           team: created))
        }
        print("Database ready: \(facts.location) (schema \(facts.migrations.count) migration(s), \(facts.engine))")
        if distributed { print("Distributed by tenant: \(distributedNow.count) table(s) now, \(PostgresStore.distributedTables.count) in all") }
        if let created { print("Created \(created.kind.rawValue) \"\(created.name)\" \(created.id)") }
    }
}

/// `smallwins info`: how the database is set up.
struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Show the database's settings and integrity.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let facts = try await DatabaseFacts(try await StoreSession.shared.open(global.location, create: false))
        try Output(json: global.json).record(facts, fields: [("database", facts.location), ("engine", facts.engine)]
            + facts.settings.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 }
            + [("migrations", facts.migrations.joined(separator: "\n"))])
    }
}

/// What `init` and `info` tell about a database, whichever the backend.
struct DatabaseFacts: Encodable {
    let location: String
    let engine: String
    let migrations: [String]
    let settings: [String: String]

    init(_ opened: OpenedStore) async throws {
        switch opened {
        case .sqlite(let store):
            let diagnostics = try await store.diagnostics()
            location = store.path
            engine = "SQLite \(diagnostics.sqliteVersion)"
            migrations = diagnostics.appliedMigrations
            settings = ["journal": diagnostics.journalMode, "foreign keys": diagnostics.foreignKeys ? "on" : "off",
                        "integrity": diagnostics.integrity]
        case .postgres(let store, let configuration):
            location = configuration.redacted
            engine = "PostgreSQL \(try await store.serverVersion())"
            migrations = try await store.appliedMigrations()
            settings = ["schema": store.schema, "pool size": String(configuration.poolSize), "tls": configuration.tls.rawValue]
        }
    }
}

extension Team.Kind: ExpressibleByArgument {}
extension Membership.Role: ExpressibleByArgument {}
extension Goal.Status: ExpressibleByArgument {}
extension LearningQuestion.Status: ExpressibleByArgument {}
extension Attempt.Status: ExpressibleByArgument {}
extension Win.Kind: ExpressibleByArgument {}
