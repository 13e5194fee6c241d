import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-wins [--format csv|json|jsonl|svg] [--out PATH] [smallwins export options]`
///
/// Runs the package's own `smallwins export` and reports the files it wrote. `--out` defaults to `Exports/`
/// (every table or chart of the format, or one file for json and jsonl); every other option goes to
/// `smallwins export`, for example `--database`, `--team`, `--year`, `--table`, `--chart`.
@main
struct ExportWins: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let format = extractor.extractOption(named: "format").last ?? "csv"
        guard ["csv", "json", "jsonl", "svg"].contains(format) else {
            throw ExportError(message: "--format must be csv, json, jsonl or svg, not \(format)")
        }
        var out = extractor.extractOption(named: "out").last ?? "Exports/"
        if ["json", "jsonl"].contains(format), out.hasSuffix("/") { out += format == "json" ? "snapshot.json" : "wins.jsonl" }
        let destination = URL(fileURLWithPath: out, relativeTo: context.package.directoryURL).standardizedFileURL
        let tool = try buildTool()

        let process = Process()
        process.executableURL = tool
        process.arguments = ["export", format, "--out", destination.path + (out.hasSuffix("/") ? "/" : "")] + extractor.remainingArguments
        process.currentDirectoryURL = context.package.directoryURL
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let written = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExportError(message: message.isEmpty ? "smallwins exited with status \(process.terminationStatus)" : message)
        }
        let files = written.split(separator: "\n").filter { $0.hasPrefix("Wrote ") }.map { $0.dropFirst("Wrote ".count) }
        print("export-wins wrote \(files.count) file\(files.count == 1 ? "" : "s"):")
        for file in files { print("  \(file)") }
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

/// The tool's own error, passed on to the person who ran the plugin.
struct ExportError: Error, CustomStringConvertible {
    let message: String
    var description: String { message.trimmingCharacters(in: .whitespacesAndNewlines) }
}
