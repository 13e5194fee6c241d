import ArgumentParser
import Foundation
import SmallWins
import SmallWinsServer

/// `smallwins serve`: the HTTP API for web and phone front ends.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the HTTP API (/v1, /openapi.json, /healthz) until Ctrl-C or SIGTERM.",
        discussion: "Members sign in with a token from `smallwins token create`. Put a TLS proxy in front to serve other machines.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080

    func run() async throws {
        let store = try await global.openStore()
        let server = SmallWinsServer(store: store, configuration: .init(host: host, port: port))
        let host = host
        try await server.run(handlesSignals: true) { port in
            FileHandle.standardOutput.write(Data("Serving SmallWins on http://\(host):\(port)/ (Ctrl-C to stop)\n".utf8))
        }
    }
}
