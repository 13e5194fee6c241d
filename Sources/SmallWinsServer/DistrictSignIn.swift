import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import JWTKit
import Logging
import SmallWins

/// Signs members in by their district's ID tokens (``SingleSignOn``): keeps the provider's keys, fetched at start
/// and again hourly or when a token names a key not seen (``SingleSignOn/keyRefetchDelay``), and maps a verified
/// email to a member.
actor DistrictSignIn {
    private let settings: SingleSignOn
    private let logger: Logger
    private var keys = JWTKeyCollection()
    private var keyIDs: Set<String> = []
    private var loadedAt: ContinuousClock.Instant?
    private var loading: Task<(JWTKeyCollection, Set<String>), any Error>?

    /// The algorithms a district token may be signed with: asymmetric only, so no public key can sign.
    private static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]

    /// Sign-in for `settings`, with the keys loaded: throws when they cannot be, so a server does not start half-configured.
    init(_ settings: SingleSignOn, logger: Logger) async throws {
        self.settings = settings
        self.logger = logger
        try await reload()
    }

    /// The member a district ID token signs in; ``SmallWinsError/unauthenticated(_:)`` for any token that is not
    /// valid, current, for this server, with a verified email of exactly one member.
    func member(signedInBy token: String, store: any WinStore, at now: Date = Date()) async throws -> Member.ID {
        let refused = SmallWinsError.unauthenticated("the sign-in token is not valid, expired, or not for this server")
        guard let header = Self.header(of: token), let alg = header.alg, Self.algorithms.contains(alg), let kid = header.kid else {
            throw refused
        }
        if !keyIDs.contains(kid) || isStale(after: .seconds(3_600)) {
            if isStale(after: .milliseconds(Int64(settings.keyRefetchDelay * 1_000))) {
                do { try await reload() } catch { logger.warning("district keys could not be fetched again: \(error)") }
            }
            guard keyIDs.contains(kid) else { throw refused }
        }
        let claims: DistrictIdentityClaims
        do {
            claims = try await keys.verify(token, as: DistrictIdentityClaims.self, expectedAudience: settings.audience)
        } catch {
            logger.info("district sign-in refused: \(error)")
            throw refused
        }
        guard claims.issuer.value == settings.issuer,
              claims.expiration.value.addingTimeInterval(settings.clockSkew) > now,
              (claims.notBefore?.value.addingTimeInterval(-settings.clockSkew) ?? now) <= now else { throw refused }
        guard let email = claims.email, claims.emailVerified?.value == true else {
            throw SmallWinsError.unauthenticated("the sign-in token carries no verified email")
        }
        let members = try await store.members(withEmail: email)
        guard members.count == 1 else {
            throw SmallWinsError.unauthenticated(members.isEmpty ? "no member has the email this sign-in verified; ask a lead to add it"
                                                                 : "several members have the email this sign-in verified; ask a lead to keep one")
        }
        return members[0].id
    }

    private func isStale(after age: Duration) -> Bool {
        loadedAt.map { ContinuousClock.now - $0 > age } ?? true
    }

    /// Loads the keys again; concurrent callers share one load.
    private func reload() async throws {
        let task = loading ?? Task { [settings] in try await Self.load(settings) }
        loading = task
        defer { loading = nil }
        loadedAt = ContinuousClock.now
        (keys, keyIDs) = try await task.value
    }

    private static func load(_ settings: SingleSignOn) async throws -> (JWTKeyCollection, Set<String>) {
        let document: Data
        switch settings.keys {
        case .file(let path):
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw SmallWinsError.invalid(field: "oidc-jwks", reason: "cannot read the file \(path)")
            }
            document = contents
        case .url(let url):
            document = try await fetch(url, what: "the JWKS")
        case .discovery:
            guard let base = URL(string: settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer),
                  let configuration = URL(string: base.absoluteString + "/.well-known/openid-configuration") else {
                throw SmallWinsError.invalid(field: "oidc-issuer", reason: "is not a URL")
            }
            struct Discovery: Decodable { var jwks_uri: URL }
            let discovery = try await fetch(configuration, what: "the OpenID configuration")
            guard let jwksURL = try? JSONDecoder().decode(Discovery.self, from: discovery).jwks_uri else {
                throw SmallWinsError.invalid(field: "oidc-issuer", reason: "\(configuration) has no jwks_uri")
            }
            document = try await fetch(jwksURL, what: "the JWKS")
        }
        let set: JWKS
        do { set = try JSONDecoder().decode(JWKS.self, from: document) } catch {
            throw SmallWinsError.invalid(field: "oidc-jwks", reason: "is not a JSON Web Key Set")
        }
        let collection = JWTKeyCollection()
        var ids: Set<String> = []
        for key in set.keys {
            guard let id = key.keyIdentifier?.string else { continue }  // a token must name its key
            do { try await collection.add(jwk: key) } catch {
                throw SmallWinsError.invalid(field: "oidc-jwks", reason: "key \"\(id)\" is not a usable signing key")
            }
            ids.insert(id)
        }
        guard !ids.isEmpty else { throw SmallWinsError.invalid(field: "oidc-jwks", reason: "holds no signing key with a kid") }
        return (collection, ids)
    }

    private static func fetch(_ url: URL, what: String) async throws -> Data {
        guard url.scheme == "https" || url.scheme == "http" else {
            throw SmallWinsError.invalid(field: "oidc-jwks", reason: "\(url) is not an http(s) address")
        }
        var request = URLRequest(url: url, timeoutInterval: 10)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw SmallWinsError.invalid(field: "oidc-jwks", reason: "\(url) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
            }
            return data
        } catch let error as SmallWinsError { throw error } catch {
            throw SmallWinsError.invalid(field: "oidc-jwks", reason: "cannot fetch \(what) from \(url): \(error.localizedDescription)")
        }
    }

    /// The `alg` and `kid` of a token's header, or `nil` when it is not a JWT carrying district claims (jwt-kit's parser).
    private static func header(of token: String) -> (alg: String?, kid: String?)? {
        guard let header = try? DefaultJWTParser().parse(Array(token.utf8), as: DistrictIdentityClaims.self).header else { return nil }
        return (header.alg, header.kid)
    }
}
