import ArgumentParser
import Foundation
import SmallWins

/// `smallwins token ...`: members' personal access tokens for the HTTP server.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke members' access tokens for the HTTP server.",
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for a member; its text is printed once, on the last line, and never stored.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Name, email or id of the member it signs in.") var member: String
        @Option(help: "What it is for, so its owner can tell tokens apart.") var name: String = "access token"
        @Option(help: "Days until it stops working (default: never).") var expires: Int?

        func run() async throws {
            let store = try await global.openStore()
            let member = try await Resolver(store: store).member(member)
            let issued = try await store.issueToken(for: member.id, name: name, expiresAfterDays: expires)
            let until = issued.token.expiresAt.map { "until \(Instant.iso($0))" } ?? "with no expiry"
            if global.json {
                try Output(json: true).printJSON(Issued(token: issued.token, text: issued.text))
            } else {
                print("Created token \(issued.token.id.short) \"\(issued.token.name)\" for \(member.name), \(until).")
                print("Copy it now: it is not shown again.")
                print(issued.text)
            }
        }

        /// The JSON form: the record and, this once, the text.
        struct Issued: Encodable {
            let token: AccessToken
            let text: String
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List tokens (never their text).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this member's tokens.") var member: String?

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            let owner = try await member.asyncMap { try await resolver.member($0) }
            let tokens = try await store.accessTokens(member: owner?.id)
            let names = Dictionary(try await store.members().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            try Output(json: global.json).list(tokens, headers: ["ID", "MEMBER", "NAME", "CREATED", "EXPIRES"]) {
                [$0.id.short, names[$0.member] ?? $0.member.description, $0.name, Instant.iso($0.createdAt), $0.expiresAt.map(Instant.iso) ?? "never"]
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token: it signs nobody in from now on.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The token's id, or the last 8 characters of it as listed.") var token: String

        func run() async throws {
            let store = try await global.openStore()
            let tokens = try await store.accessTokens(member: nil)
            let matches = tokens.filter { $0.id.description == token.lowercased() || $0.id.short == token.lowercased() }
            guard matches.count == 1 else {
                throw ValidationError(matches.isEmpty ? "no access token with id \(token)" : "\(token) matches \(matches.count) tokens; give the full id")
            }
            try await store.delete(matches[0].id)
            try Output(json: global.json).done("Revoked token \(matches[0].id.short) \"\(matches[0].name)\"", matches[0])
        }
    }
}
