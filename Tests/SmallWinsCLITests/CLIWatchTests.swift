import Foundation
import SmallWins
import SmallWinsStoreTesting
import Testing

/// `smallwins watch` as a person runs it: in one terminal it prints the changes other processes commit, as
/// they commit; `--after` goes on from a sequence.
@Suite("smallwins watch", .serialized)
struct CLIWatchTests {
    @Test func watchPrintsOtherProcessesChangesAsTheyCommitAndResumesAfterASequence() async throws {
        let cli = try CLIEndToEndTests().districtFolder()
        defer { cli.cleanUp() }
        try cli.ok("member", "add", "Cy Tran", "--in", "South Elementary", "--team", "South Elementary/Grade 3")
        let watcher = try Watcher(cli, ["watch", "--json", "--team", "North Elementary"])
        try await Task.sleep(for: .seconds(1))
        try cli.ok("win", "add", "--team", "South Elementary/Grade 3", "--author", "Cy Tran", "--title", "South only",
                   "--story", "Not North's.", "--day", "2026-11-18")
        let north = try cli.ok("win", "add", "--team", "North Elementary/Grade 3", "--author", "Ana Lopez",
                               "--title", "Partners reread", "--story", "My pairs reread the passage.", "--day", "2026-11-18", "--json")
        let lines = try await watcher.lines(1)
        watcher.stop()
        let recorded = try Instant.jsonDecoder().decode(Win.self, from: Data(north.utf8))
        let notice = try #require(lines.first.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(Set(notice.keys) == ["sequence", "entity", "action", "id", "team", "at"])
        #expect(notice["entity"] as? String == "win" && notice["action"] as? String == "created")
        #expect(notice["id"] as? String == recorded.id.description, "the id, in lower case: \(lines)")
        #expect(notice["team"] as? String == recorded.team.description)
        #expect(lines.count == 1, "the South win is outside the watched school: \(lines)")

        // Going on after the notice before it prints it again first, then nothing else (South is not in scope).
        let sequence = try #require(notice["sequence"] as? Int)
        let resumed = try Watcher(cli, ["watch", "--json", "--team", "North Elementary", "--after", String(sequence - 1)])
        let again = try await resumed.lines(1)
        resumed.stop()
        #expect(again == [lines[0]])

        let refused = try cli.run(["watch", "--after", "-3"])
        #expect(refused.status != 0 && refused.error.contains("after"))
    }
}

/// A `smallwins watch` process and the lines it has printed so far.
private final class Watcher: @unchecked Sendable {
    // @unchecked: `printed` is read and written under `lock`.
    private let process = Process()
    private let lock = NSLock()
    private var printed = ""

    init(_ cli: CLIRunner, _ arguments: [String]) throws {
        let output = Pipe()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = cli.folder
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        output.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The first `count` lines, waiting up to 10 s for them.
    func lines(_ count: Int) async throws -> [String] {
        for _ in 0..<100 {
            let lines = lock.withLock { printed.split(separator: "\n").map(String.init) }
            if lines.count >= count {
                try await Task.sleep(for: .milliseconds(300))  // and anything that should not come
                return lock.withLock { printed.split(separator: "\n").map(String.init) }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return lock.withLock { printed.split(separator: "\n").map(String.init) }
    }

    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}
