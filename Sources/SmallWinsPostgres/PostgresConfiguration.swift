import Foundation
import NIOSSL
import PostgresNIO
import SmallWins

/// Where and how to reach PostgreSQL: from a `postgres://` URL, the standard `PG*` variables, or by hand.
///
/// ```swift
/// let configuration = try PostgresConfiguration(url: "postgres://smallwins:secret@db.district.org:5432/smallwins?sslmode=verify-full")
/// ```
public struct PostgresConfiguration: Sendable, Hashable {
    /// How the connection is encrypted, with libpq's `sslmode` meanings.
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never encrypt.
        case disable
        /// Encrypt when the server offers it; do not check its certificate.
        case prefer
        /// Always encrypt; do not check the certificate.
        case require
        /// Always encrypt; check the certificate chain but not the host name.
        case verifyCA = "verify-ca"
        /// Always encrypt; check the certificate chain and the host name.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to log in as.
    public var username: String
    /// Its password, if the server asks for one.
    public var password: String?
    /// The database; `nil` for the role's default.
    public var database: String?
    /// The PostgreSQL schema holding this installation, so one database can host several.
    public var schema: String
    /// Transport encryption.
    public var tls: TLSMode
    /// A PEM file of certificate authorities to trust instead of the system's (libpq's `sslrootcert`).
    public var rootCertificatePath: String?
    /// The most connections the pool opens.
    public var poolSize: Int
    /// How long to wait for a connection before giving up (URL `connect_timeout`, default 10 s).
    public var connectTimeout: Duration
    /// How long the server lets one statement run before cancelling it (URL `statement_timeout`, default 30 s;
    /// migrations run without it). With ``connectTimeout`` it also bounds how long a call waits for a server that
    /// stopped answering.
    public var statementTimeout: Duration
    /// How long the server lets a session sit idle inside a transaction before ending it, and how long an unused
    /// pooled connection stays open (URL `idle_timeout`, default 60 s).
    public var idleTimeout: Duration

    /// A configuration given field by field.
    public init(
        host: String = "127.0.0.1", port: Int = 5432, username: String = "postgres", password: String? = nil,
        database: String? = nil, schema: String = "public", tls: TLSMode = .prefer, rootCertificatePath: String? = nil,
        poolSize: Int = 10, connectTimeout: Duration = .seconds(10), statementTimeout: Duration = .seconds(30),
        idleTimeout: Duration = .seconds(60)
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.schema = schema
        self.tls = tls
        self.rootCertificatePath = rootCertificatePath
        self.poolSize = poolSize
        self.connectTimeout = connectTimeout
        self.statementTimeout = statementTimeout
        self.idleTimeout = idleTimeout
    }

    /// Parses `postgres://user:password@host:port/database?sslmode=...&schema=...&pool_size=...&sslrootcert=...`,
    /// with `connect_timeout`, `statement_timeout` and `idle_timeout` in whole seconds.
    /// Missing parts fall back to the `PG*` variables in `environment`, then to the defaults.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let components = URLComponents(string: text),
              components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw SmallWinsError.invalid(field: "database", reason: "expected a URL like postgres://user:password@host:5432/database")
        }
        try self.init(environment: environment)
        let authority = try PostgresURLAuthority(text)
        if let host = authority.host { self.host = host }
        if let port = authority.port { self.port = port }
        if let user = authority.user { username = user }
        if let password = authority.password { self.password = password }
        let path = components.path.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        if !path.isEmpty { database = path.removingPercentEncoding ?? path }
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode": tls = try Self.tlsMode(value)
            case "sslrootcert": rootCertificatePath = value
            case "schema": schema = value
            case "pool_size":
                guard let size = Int(value), (1...500).contains(size) else {
                    throw SmallWinsError.invalid(field: "pool_size", reason: "must be 1...500, got \(value)")
                }
                poolSize = size
            case "connect_timeout": connectTimeout = try Self.seconds(value, item.name)
            case "statement_timeout": statementTimeout = try Self.seconds(value, item.name)
            case "idle_timeout": idleTimeout = try Self.seconds(value, item.name)
            default:
                throw SmallWinsError.invalid(field: "database", reason: "unknown URL parameter \(item.name)")
            }
        }
        try PostgresSchema.validate(schema: schema)
    }

    /// Reads `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE` and `PGSSLROOTCERT`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.init(host: "127.0.0.1")
        if let host = environment["PGHOST"], !host.isEmpty { self.host = host }
        if let port = environment["PGPORT"], !port.isEmpty {
            guard let number = Int(port), (1...65535).contains(number) else {
                throw SmallWinsError.invalid(field: "PGPORT", reason: "\"\(port)\" is not a port number")
            }
            self.port = number
        }
        if let user = environment["PGUSER"], !user.isEmpty { username = user }
        password = environment["PGPASSWORD"]
        database = environment["PGDATABASE"].flatMap { $0.isEmpty ? nil : $0 }
        if let mode = environment["PGSSLMODE"], !mode.isEmpty { tls = try Self.tlsMode(mode) }
        rootCertificatePath = environment["PGSSLROOTCERT"]
    }

    /// A description safe to print: everything but the password.
    public var redacted: String {
        "postgres://\(username)@\(host):\(port)/\(database ?? "")?sslmode=\(tls.rawValue)&schema=\(schema)"
    }

    /// The longest one store call may take: a connection, then a statement.
    var callTimeout: Duration { connectTimeout + statementTimeout + .seconds(5) }

    private static func seconds(_ text: String, _ name: String) throws -> Duration {
        guard let seconds = Int(text), (1...86_400).contains(seconds) else {
            throw SmallWinsError.invalid(field: name, reason: "must be a whole number of seconds from 1 to 86400, got \(text)")
        }
        return .seconds(seconds)
    }

    private static func tlsMode(_ text: String) throws -> TLSMode {
        if text == "allow" { return .prefer }
        guard let mode = TLSMode(rawValue: text) else {
            throw SmallWinsError.invalid(field: "sslmode", reason: "must be disable, allow, prefer, require, verify-ca or verify-full; got \(text)")
        }
        return mode
    }

    /// The NIOSSL settings for ``tls``.
    func tlsConfiguration() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tls {
        case .disable, .prefer, .require: configuration.certificateVerification = .none
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        if let rootCertificatePath { configuration.trustRoots = .file(rootCertificatePath) }
        return configuration
    }

    /// Settings every session starts with (the server takes startup parameters as settings).
    private var sessionSettings: [(String, String)] {
        [
            ("application_name", "smallwins"),
            ("statement_timeout", "\(statementTimeout.components.seconds * 1000)"),
            ("idle_in_transaction_session_timeout", "\(idleTimeout.components.seconds * 1000)"),
        ]
    }

    /// The PostgresNIO pool configuration.
    func client() -> PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(tlsConfiguration())
        case .require, .verifyCA, .verifyFull: mode = .require(tlsConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        configuration.options.maximumConnections = poolSize
        configuration.options.connectTimeout = connectTimeout
        configuration.options.connectionIdleTimeout = idleTimeout
        configuration.options.additionalStartupParameters = sessionSettings
        return configuration
    }

    /// The PostgresNIO single-connection configuration, for the reachability check.
    func connection() throws -> PostgresConnection.Configuration {
        let mode: PostgresConnection.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .prefer: mode = .prefer(try NIOSSLContext(configuration: tlsConfiguration()))
        case .require, .verifyCA, .verifyFull: mode = .require(try NIOSSLContext(configuration: tlsConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        configuration.options.connectTimeout = .seconds(Int64(connectTimeout.components.seconds))
        configuration.options.additionalStartupParameters = sessionSettings
        return configuration
    }
}
