import ArgumentParser
import Foundation
import SmallWins

/// `smallwins watch`: prints every change notice as it commits, until interrupted.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Print every change as it commits, until interrupted.",
        discussion: """
            One line per change, from any process writing to the store: its sequence, when it committed, what \
            happened, the record's id and its team. With --json, one JSON object per line (sequence, entity, \
            action, id, team, at), for another program to read. --after SEQ first prints every change after that \
            sequence, so a watcher that stopped can go on exactly where it left off.

              smallwins watch --team "Village Elementary" --json
            """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only changes this team's subtree sees (name, path or id).") var team: String?
    @Option(help: ArgumentHelp("Start with the changes after this sequence number.", valueName: "seq")) var after: Int64?

    func run() async throws {
        let store = try await global.scopedStore(team)
        let changes = try await store.changes(after: after)
        let encoder = Instant.jsonEncoder()
        var names = try await Self.teamNames(store)
        for try await change in changes {
            var line: String
            if global.json {
                line = String(decoding: try encoder.encode(change), as: UTF8.self)
            } else {
                if change.entity == .team { names.merge(try await Self.teamNames(store)) { _, fresh in fresh } }
                let team = names[change.team] ?? change.team.description
                line = "\(change.sequence)  \(Instant.iso(change.at))  \(change.action.rawValue) \(change.entity.label) "
                    + "\(change.id.lowercaseText)  in \(team)"
            }
            // Written at once, not buffered, so a program reading the pipe gets each change as it commits.
            line += "\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }

    /// Team names by id, in the store's scope.
    private static func teamNames(_ store: any WinStore) async throws -> [Team.ID: String] {
        Dictionary(try await store.teams().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
