import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// Options every command takes: where the data is, and how to print it.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The SQLite database file (default: $SMALLWINS_DATABASE, else ./smallwins.sqlite).", valueName: "path"))
    var database: String?

    @Flag(name: .long, help: "Print JSON for machines instead of tables.")
    var json = false

    /// The database path this run uses.
    var databasePath: String {
        database ?? ProcessInfo.processInfo.environment["SMALLWINS_DATABASE"] ?? "smallwins.sqlite"
    }

    /// Opens the store; unless `create` is set, refuses to make a new file (so a typo in a path
    /// does not silently start an empty database).
    func openStore(create: Bool = false) async throws -> SQLiteStore {
        let path = databasePath
        if !create, !FileManager.default.fileExists(atPath: path) {
            throw CLIError("no database at \(path); run `smallwins init` first, or pass --database")
        }
        return try await SQLiteStore(path: path)
    }
}

/// A command-line error: one line for the person at the terminal.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
