import Foundation
import SmallWins

/// Golden-file checks for exporters: the output must equal the committed file byte for byte.
///
/// Set `SMALLWINS_UPDATE_GOLDEN=1` to rewrite the files after a deliberate change, then review the diff
/// (and look at charts in a browser) before committing.
public enum GoldenFile {
    /// Why an output differs from its golden file.
    public struct Mismatch: Error, CustomStringConvertible {
        /// The golden file that differs.
        public let file: String
        public var description: String { "\(file) differs from its golden file; rerun with SMALLWINS_UPDATE_GOLDEN=1 and review the diff" }
    }

    /// Throws ``Mismatch`` unless `data` equals the file `name` in `folder` (or rewrites it, when asked).
    public static func check(_ data: Data, _ name: String, in folder: URL) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SMALLWINS_UPDATE_GOLDEN"] == "1" { try data.write(to: file) }
        guard let expected = try? Data(contentsOf: file), expected == data else { throw Mismatch(file: file.path) }
    }
}

/// A folder under the system's temporary directory, removed after use: for stores and exports in tests.
public enum TemporaryFolder {
    /// Runs `body` with a new, empty folder and removes it afterwards.
    public static func with<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// Runs `body` with a new, empty folder as the process's working directory, for examples that use relative
    /// paths as the docs show them. The working directory belongs to the whole process, so these sections run
    /// one at a time, and the previous directory comes back afterwards.
    public static func asWorkingDirectory(_ body: @Sendable (URL) async throws -> Void) async throws {
        try await workingDirectoryGate.run {
            try await with { folder in
                let previous = FileManager.default.currentDirectoryPath
                guard FileManager.default.changeCurrentDirectoryPath(folder.path) else {
                    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
                }
                defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
                try await body(folder)
            }
        }
    }

    private static let workingDirectoryGate = SerialGate()
}

/// Executables the package builds beside its tests (the `smallwins` tool, the crash writer).
public enum BuiltExecutable {
    /// The executable called `name` in the build folder the running tests came from.
    public static func url(_ name: String) -> URL {
        let candidates = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for directory in candidates {
            for base in [directory, directory.deletingLastPathComponent()] {
                let url = base.appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
        }
        return candidates[0].appendingPathComponent(name)
    }
}

/// Other programs the tests run to check SmallWins' output independently: Python's `csv` module, `psql`,
/// `pg_dump`.
public enum Tool {
    /// Why a tool failed: its name, exit status and what it wrote to standard error.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Runs `tool` (found on PATH) with `arguments` in `folder`, or else in the temporary directory; returns its
    /// standard output, or throws ``Failure`` when it exits non-zero. Never in the process's working directory:
    /// a concurrent ``TemporaryFolder/asWorkingDirectory(_:)`` section may have changed it to a folder it then
    /// removes, and a tool started there fails (pyenv's `python3` did, in CI).
    public static func run(_ tool: String, _ arguments: [String], in folder: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        process.currentDirectoryURL = folder ?? FileManager.default.temporaryDirectory
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let failure = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) exited \(process.terminationStatus): \(failure)")
        }
        return String(decoding: printed, as: UTF8.self)
    }
}
