import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-wins [--output FILE] [smallwins win list options]`
///
/// Writes every matching win as a JSON array, using the package's own `smallwins` tool.
/// Options other than `--output` go to `smallwins win list` (for example `--database`, `--theme`, `--from`).
@main
struct ExportWins: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let output = extractor.extractOption(named: "output").last ?? "wins.json"
        let passOn = extractor.remainingArguments
        let tool = try buildTool()

        let destination = URL(fileURLWithPath: output, relativeTo: context.package.directoryURL).standardizedFileURL
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: destination.path, contents: nil)
        let file = try FileHandle(forWritingTo: destination)
        defer { try? file.close() }

        let process = Process()
        process.executableURL = tool
        process.arguments = ["win", "list", "--all", "--json"] + passOn
        process.currentDirectoryURL = context.package.directoryURL
        process.standardOutput = file
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: destination)
            throw ExportError(message: message.isEmpty ? "smallwins exited with status \(process.terminationStatus)" : message)
        }
        print("Exported wins to \(destination.path)")
    }

    /// Builds the package's `smallwins` product and returns the executable.
    ///
    /// The plugin asks the package manager to build the product instead of declaring a dependency on
    /// the executable target: SwiftPM 6.3 looks a target dependency's tool up by the *target* name
    /// (`SmallWinsCLI`), which differs from the product's (`smallwins`) (swift-package-manager #6524).
    private func buildTool() throws -> URL {
        let result = try packageManager.build(.product("smallwins"), parameters: .init(configuration: .debug, logging: .concise))
        guard result.succeeded else { throw ExportError(message: "building smallwins failed:\n\(result.logText)") }
        guard let tool = result.builtArtifacts.first(where: { $0.kind == .executable && $0.url.lastPathComponent == "smallwins" }) else {
            throw ExportError(message: "building smallwins produced no executable")
        }
        return tool.url
    }
}

/// The tool's own one-line error, passed on to the person who ran the plugin.
struct ExportError: Error, CustomStringConvertible {
    let message: String
    var description: String { message.trimmingCharacters(in: .whitespacesAndNewlines) }
}
