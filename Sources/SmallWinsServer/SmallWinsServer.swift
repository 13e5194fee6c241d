import Foundation
import Hummingbird
import Logging
import OpenAPIHummingbird
import OpenAPIRuntime
import SmallWins

/// The HTTP API of a store, for web and phone front ends: the contract is `/openapi.json` (Documentation/Server.md).
///
/// Every path under `/v1` needs a member's access token; what the member may do follows their roles
/// (`MemberSession`). Errors are RFC 9457 problem documents with the stable `SmallWinsError.code`.
/// `/healthz` and `/metrics` (Prometheus text) answer without a token.
public struct SmallWinsServer: Sendable {
    /// Where the server listens.
    public struct Configuration: Sendable {
        /// The address to bind, `127.0.0.1` by default: put a TLS proxy in front to serve other machines.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// The district's identity provider, whose ID tokens sign members in beside access tokens; `nil` for none.
        public var singleSignOn: SingleSignOn?
        /// The quiet after which an open `/v1/changes` stream sends an `event: heartbeat` with no data.
        public var heartbeat: Duration

        /// A configuration; loopback on port 8080 by default, access tokens only, a heartbeat every 15 s.
        public init(host: String = "127.0.0.1", port: Int = 8080, singleSignOn: SingleSignOn? = nil, heartbeat: Duration = .seconds(15)) {
            self.host = host
            self.port = port
            self.singleSignOn = singleSignOn
            self.heartbeat = heartbeat
        }
    }

    private let store: any WinStore
    private let configuration: Configuration
    private let logger: Logger

    /// A server of `store` (usually unscoped: each request sees what its member may see).
    public init(store: any WinStore, configuration: Configuration = Configuration(), logger: Logger = Logger(label: "smallwins.server")) {
        self.store = store
        self.configuration = configuration
        self.logger = logger
    }

    /// Serves until the task is cancelled, or until SIGTERM or SIGINT when `handlesSignals`; `onRunning` hears the
    /// port it listens on once requests are accepted. Throws before listening when single sign-on's keys cannot be loaded.
    public func run(handlesSignals: Bool = false, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var district: DistrictSignIn?
        if let singleSignOn = configuration.singleSignOn { district = try await DistrictSignIn(singleSignOn, logger: logger) }
        let metrics = ServerMetrics()
        let router = Router()
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: MemberAuthentication(store: store, district: district))
        router.get("/healthz") { _, _ in "ok\n" }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.text)))
        }
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                     body: .init(byteBuffer: ByteBuffer(string: Contract.openAPIDocument)))
        }
        WebPage.register(on: router)
        SnapshotRoute.register(on: router, store: store)
        let api = APIHandler(store: store, heartbeat: configuration.heartbeat)
        try api.registerHandlers(on: router, serverURL: URL(string: "/v1")!, configuration: .init(dateTranscoder: InstantTranscoder()))
        let port = configuration.port
        let app = Application(
            router: router, configuration: .init(address: .hostname(configuration.host, port: port), serverName: "SmallWins"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: logger)
        if handlesSignals { try await app.runService() } else { try await app.runService(gracefulShutdownSignals: []) }
    }
}
