import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins celebrate WIN --confetti`: celebrate a colleague's win.
struct CelebrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "celebrate", abstract: "Celebrate a win: --confetti, --applause, --thanks or --shout-out.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The win's id or short id.") var win: String
    @Option(help: "Who celebrates (name, email or id).") var by: String
    @Flag(help: "How to celebrate.") var kind: Celebration.Kind = .confetti
    @Option(help: "A short message.") var message: String?

    func run() async throws {
        let store = try await global.openStore()
        let resolver = Resolver(store: store)
        let celebrated = try await resolver.win(win)
        let member = try await resolver.member(by)
        let saved = try await store.celebrate(Celebration(win: celebrated.id, by: member.id, kind: kind, message: message))
        try Output(json: global.json).done("\(member.name) celebrated \"\(celebrated.title)\" with \(saved.kind.phrase)", saved)
    }
}

/// `smallwins celebration ...`: list and remove celebrations.
struct CelebrationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "celebration", abstract: "List a win's celebrations, or delete one.",
        subcommands: [List.self, Delete.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a win's celebrations, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The win's id or short id.") var win: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).win(win)
            let labels = try await WinLabels(store: store)
            try Output(json: global.json).list(try await store.celebrations(of: found.id), headers: ["ID", "KIND", "BY", "AT", "MESSAGE"]) {
                [$0.id.description, $0.kind.rawValue, labels.member($0.by), Instant.iso($0.at), $0.message ?? ""]
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a celebration by its id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The celebration's id, as listed.") var celebration: String

        func run() async throws {
            let store = try await global.openStore()
            guard let id = Celebration.ID(celebration) else { throw CLIError("\"\(celebration)\" is not a celebration id") }
            let found = try await store.celebration(id)
            try await store.delete(id)
            try Output(json: global.json).done("Deleted a celebration", found)
        }
    }
}

extension Celebration.Kind: EnumerableFlag {
    /// The flag spelling: `--confetti`, `--applause`, `--thanks`, `--shout-out`.
    public static func name(for value: Celebration.Kind) -> NameSpecification {
        value == .shoutOut ? .customLong("shout-out") : .long
    }
}
