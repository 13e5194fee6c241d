import ArgumentParser
import Foundation
import SmallWins

/// `smallwins copy --from SOURCE --to DESTINATION`: moves a whole installation between stores.
struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a whole installation between stores, keeping every id and timestamp.",
        discussion: """
            SOURCE and DESTINATION are SQLite files or postgres:// URLs; the usual path is SQLite to PostgreSQL:
              smallwins copy --from school.sqlite --to postgres://smallwins@db.district.org/smallwins
            The destination must be empty unless --allow-non-empty is given.
            """)

    @Option(help: ArgumentHelp("The store to copy from.", valueName: "path-or-url")) var from: String
    @Option(help: ArgumentHelp("The store to copy into (a SQLite file is created).", valueName: "path-or-url")) var to: String
    @Flag(help: "Copy into a store that already holds teams (ids must not collide).") var allowNonEmpty = false
    @Flag(help: "Print the counts as JSON.") var json = false

    func run() async throws {
        let source = try await StoreSession.shared.open(from, create: false).store
        let destination = try await StoreSession.shared.open(to, create: true).store
        let line = ProgressLine("copy", unit: "wins")
        let counts = try await StoreCopy.copy(from: source, to: destination, allowNonEmpty: allowNonEmpty) { line.update($0.wins) }
        line.finish()
        if json { return try Output(json: true).printJSON(counts) }
        print("Copied " + counts.summary + ".")
    }
}
