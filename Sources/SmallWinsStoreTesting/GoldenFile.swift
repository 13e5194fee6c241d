import Foundation

/// Golden-file checks for exporters: the output must equal the committed file byte for byte.
///
/// Set `SMALLWINS_UPDATE_GOLDEN=1` to rewrite the files after a deliberate change, then review the diff
/// (and look at charts in a browser) before committing.
public enum GoldenFile {
    /// Why an output differs from its golden file.
    public struct Mismatch: Error, CustomStringConvertible {
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
