import Foundation
import SmallWinsStoreTesting

/// Runs the built `smallwins` binary in its own temporary folder, as a person would.
struct CLIRunner {
    /// What one run printed and how it ended.
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("smallwins-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Runs a bash command line in the folder.
    func shell(_ command: String) throws -> Result {
        try run(["-c", command], bytes: nil, executable: URL(fileURLWithPath: "/bin/bash"))
    }

    /// Removes the folder and its database.
    func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    /// The `smallwins` executable next to the test bundle.
    static var binary: URL { BuiltExecutable.url("smallwins") }

    /// Runs `smallwins arguments...` in the folder, with `environment` added, feeding `input` to standard input.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Result {
        try run(arguments, environment: environment, bytes: input.map { Data($0.utf8) })
    }

    /// Runs `executable arguments...` (`smallwins` unless another is given) in the folder, with `environment`
    /// added, feeding `bytes` to standard input.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], bytes input: Data?, executable: URL = CLIRunner.binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "SMALLWINS_DATABASE")
        process.environment = env.merging(environment) { $1 }
        let output = Pipe(), error = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = standardInput
        try process.run()
        if let input { standardInput.fileHandleForWriting.write(input) }
        try standardInput.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }

    /// Runs and requires success, returning standard output.
    @discardableResult
    func ok(_ arguments: String..., input: String? = nil) throws -> String {
        try ok(arguments, input: input)
    }

    /// Runs and requires success, returning standard output.
    @discardableResult
    func ok(_ arguments: [String], input: String? = nil) throws -> String {
        let result = try run(arguments, input: input)
        guard result.status == 0 else {
            throw CLIFailure(description: "smallwins \(arguments.joined(separator: " ")) exited \(result.status): \(result.error)")
        }
        return result.output
    }
}

struct CLIFailure: Error, CustomStringConvertible {
    let description: String
}
