import ArgumentParser
import Foundation
import SmallWins
import SmallWinsPostgres

/// `smallwins access grant|revoke`: read-only database roles limited to some schools (PostgreSQL).
struct AccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access", abstract: "Let a PostgreSQL role (a BI tool, an analyst) read some schools directly, and nothing else.",
        discussion: """
            Row-level security limits the role to the teams given and everything inside them, in every table.
            The role must exist: CREATE ROLE analyst LOGIN PASSWORD '…';
            """,
        subcommands: [Grant.self, Revoke.self])

    /// `access grant ROLE --team T…`.
    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Let ROLE read these teams (and everything inside them).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The PostgreSQL role.") var role: String
        @Option(name: .customLong("team"), help: "A team, school or district the role may read (repeat).") var teams: [String] = []

        func run() async throws {
            let store = try await postgresStore(global)
            guard !teams.isEmpty else { throw ValidationError("give at least one --team") }
            var ids: [Team.ID] = []
            for team in teams { ids.append(try await Resolver(store: store).team(team).id) }
            try await store.grantReadOnlyAccess(to: role, teams: ids)
            print("\(role) may now read \(teams.joined(separator: ", ")), and nothing else.")
        }
    }

    /// `access revoke ROLE`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Take back everything granted to ROLE.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The PostgreSQL role.") var role: String

        func run() async throws {
            try await postgresStore(global).revokeReadOnlyAccess(from: role)
            print("\(role) can no longer read this installation.")
        }
    }
}

/// The PostgreSQL store `--database` names; read-only roles are a PostgreSQL feature.
private func postgresStore(_ global: GlobalOptions) async throws -> PostgresStore {
    guard case .postgres(let store, _) = try await StoreSession.shared.open(global.location, create: false) else {
        throw CLIError("read-only roles need PostgreSQL; --database must be a postgres:// URL")
    }
    return store
}
