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
    @Option(help: "District single sign-on: the identity provider's issuer (its tokens' iss), e.g. https://login.district.org.")
    var oidcIssuer: String?
    @Option(help: "This server's client id at the identity provider, which its tokens name in aud.") var oidcAudience: String?
    @Option(help: "The provider's signing keys: a JWKS file or http(s) address (default: the issuer's discovery document).")
    var oidcJwks: String?

    func validate() throws {
        if (oidcIssuer == nil) != (oidcAudience == nil) { throw ValidationError("--oidc-issuer and --oidc-audience go together") }
        if oidcJwks != nil && oidcIssuer == nil { throw ValidationError("--oidc-jwks needs --oidc-issuer and --oidc-audience") }
    }

    func run() async throws {
        let store = try await global.openStore(memoryMapped: true)
        var singleSignOn: SingleSignOn?
        if let oidcIssuer, let oidcAudience {
            let keys: SingleSignOn.Keys = switch oidcJwks {
            case nil: .discovery
            case let address? where address.hasPrefix("https://") || address.hasPrefix("http://"): URL(string: address).map { .url($0) } ?? .file(address)
            case let path?: .file(path)
            }
            singleSignOn = SingleSignOn(issuer: oidcIssuer, audience: oidcAudience, keys: keys)
        }
        try await Self.serve(store, host: host, port: port, singleSignOn: singleSignOn)
    }

    /// Serves `store` until SIGTERM or Ctrl-C, saying where once it listens.
    static func serve(_ store: any WinStore, host: String, port: Int, singleSignOn: SingleSignOn? = nil) async throws {
        let server = SmallWinsServer(store: store, configuration: .init(host: host, port: port, singleSignOn: singleSignOn))
        try await server.run(handlesSignals: true) { port in
            FileHandle.standardOutput.write(Data("Serving SmallWins on http://\(host):\(port)/ (Ctrl-C to stop)\n".utf8))
        }
    }
}
