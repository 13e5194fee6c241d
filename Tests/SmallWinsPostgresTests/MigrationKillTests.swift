import Foundation
import GRDB
import SmallWins
import SmallWinsDemo
import SmallWinsSQLite
import SmallWinsStoreTesting
import Testing

/// `smallwins info` opens a copy of the first schema's file, and so upgrades it to today's schema (migration 5
/// rebuilds 16 tables), and is killed with SIGKILL at a random moment. Each migration is one transaction, so the
/// file is left at some version, whole; the next open finishes the upgrade, with every row intact and the
/// integrity check clean. `SMALLWINS_MIGRATION_KILLS` repeats more on demand. (Beside the other schema-v1 fixture
/// tests, whose fixture and snapshot it shares.)
@Suite("Migrations under SIGKILL", .serialized)
struct MigrationKillTests {
    static let kills = Int(ProcessInfo.processInfo.environment["SMALLWINS_MIGRATION_KILLS"] ?? "") ?? 16

    @Test func aKilledUpgradeLeavesAWholeVersionThatTheNextOpenFinishes() async throws {
        let fixture = MigrationFixtureTests.fixtures.appendingPathComponent("schema-v1.sqlite")
        var random = SeededGenerator(seed: 8)
        var leftAt: [Int: Int] = [:]  // migrations applied when the process died: runs
        var every = 0  // the migrations of a fresh file
        try await TemporaryFolder.with { folder in
            every = try await SQLiteStore(path: folder.appendingPathComponent("fresh.sqlite").path).diagnostics().appliedMigrations.count
            for run in 0..<Self.kills {
                let copy = folder.appendingPathComponent("run-\(run).sqlite")
                try FileManager.default.copyItem(at: fixture, to: copy)
                let process = Process()
                process.executableURL = BuiltExecutable.url("smallwins")
                process.arguments = ["info", "--database", copy.path]
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                try await Task.sleep(for: .milliseconds(Int.random(in: 20...140, using: &random)))
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                let applied = try await DatabaseQueue(path: copy.path).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") ?? 0 }
                leftAt[applied, default: 0] += 1
                let reopened = try await SQLiteStore(path: copy.path)
                #expect(try await reopened.diagnostics().integrity == "ok", "run \(run), left at \(applied) migrations")
                #expect(try await reopened.diagnostics().appliedMigrations.count == every)
                try await MigrationFixtureTests.expectSnapshot(of: reopened)
            }
        }
        print("Migrations under SIGKILL: \(Self.kills) runs; left at (migrations applied: runs) "
              + leftAt.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        #expect(leftAt.keys.contains { $0 < every }, "some kills landed before the upgrade was done")
    }
}
