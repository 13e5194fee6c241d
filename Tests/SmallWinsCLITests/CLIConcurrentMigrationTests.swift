import Foundation
import Testing

/// Four processes creating and migrating the same new SQLite file at the same moment: all succeed, the
/// schema is migrated once, and the file passes its integrity check. (PostgreSQL:
/// `PostgresStoreTests.migratingTwiceAtOnceIsSafe`.)
@Suite("Concurrent migrations, SQLite", .serialized)
struct CLIConcurrentMigrationTests {
    @Test func fourProcessesMigratingOneNewFileAtOnce() throws {
        for round in 0..<5 {
            let cli = try CLIRunner()
            defer { cli.cleanUp() }
            let districts = ["North District", "South District", "East District", "West District"]
            let processes = districts.map { team -> (Process, Pipe) in
                let process = Process()
                process.executableURL = CLIRunner.binary
                process.arguments = ["init", "--database", "shared.sqlite", "--team", team, "--json"]
                process.currentDirectoryURL = cli.folder
                let errors = Pipe()
                process.standardError = errors
                process.standardOutput = FileHandle.nullDevice
                return (process, errors)
            }
            for (process, _) in processes { try process.run() }
            for (process, errors) in processes {
                process.waitUntilExit()
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(process.terminationStatus == 0, "round \(round): \(message)")
            }
            let info = try cli.ok("info", "--database", "shared.sqlite", "--json")
            let facts = try JSONSerialization.jsonObject(with: Data(info.utf8)) as? [String: Any]
            #expect((facts?["migrations"] as? [String])?.count == 7, "round \(round): \(info)")
            #expect((facts?["settings"] as? [String: String])?["integrity"] == "ok", "round \(round): \(info)")
            let teams = try cli.ok("team", "list", "--database", "shared.sqlite")
            #expect(districts.allSatisfy(teams.contains), "round \(round): every district is there")
        }
    }
}
