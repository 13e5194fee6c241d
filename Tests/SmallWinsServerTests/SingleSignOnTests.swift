import Crypto
import Foundation
import Hummingbird
import JWTKit
import SmallWins
import SmallWinsServer
import Testing

/// District single sign-on against a real identity provider stand-in: an HTTP server of its own with a discovery
/// document and a JWKS, and ID tokens signed with keys the test generates. Every way a token can be wrong is 401.
@Suite("Single sign-on")
struct SingleSignOnTests {
    /// What a district's provider puts in an ID token (each field can be made wrong).
    struct Claims: JWTPayload {
        var iss: String
        var aud: [String]
        var exp: Int
        var nbf: Int?
        var email: String?
        var email_verified: Bool?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// An identity provider on a free loopback port: `/.well-known/openid-configuration` and the JWKS it names.
    final class Provider: @unchecked Sendable {
        private let lock = NSLock()
        private var jwks = #"{"keys":[]}"#
        private(set) var fetches = 0
        private var task: Task<Void, any Error>?
        private(set) var issuer = ""

        func serve(_ keys: [(kid: String, key: ES256PrivateKey)]) {
            let entries = keys.map { kid, key in
                let (x, y) = key.publicKey.parameters!
                return #"{"kty":"EC","crv":"P-256","use":"sig","alg":"ES256","kid":"\#(kid)","x":"\#(x)","y":"\#(y)"}"#
            }
            lock.withLock { jwks = #"{"keys":[\#(entries.joined(separator: ","))]}"# }
        }

        var document: String { lock.withLock { jwks } }

        func start() async throws {
            let router = Router()
            router.get("/.well-known/openid-configuration") { _, _ in
                Response(status: .ok, headers: [.contentType: "application/json"],
                         body: .init(byteBuffer: ByteBuffer(string: #"{"issuer":"\#(self.issuer)","jwks_uri":"\#(self.issuer)/keys"}"#)))
            }
            router.get("/keys") { _, _ in
                let body = self.lock.withLock { self.fetches += 1; return self.jwks }
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: body)))
            }
            let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
            let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                                  onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) })
            task = Task { try await app.runService(gracefulShutdownSignals: []) }
            var iterator = ports.makeAsyncIterator()
            issuer = "http://127.0.0.1:\(await iterator.next() ?? 0)"
        }

        func stop() { task?.cancel() }
    }

    /// `claims` signed with `key` under `kid`.
    func sign(_ claims: Claims, with key: ES256PrivateKey, kid: String) async throws -> String {
        try await JWTKeyCollection().add(ecdsa: key, kid: JWKIdentifier(string: kid)).sign(claims, kid: JWKIdentifier(string: kid))
    }

    func base64URL(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test func theProvidersVerifiedEmailSignsInItsMemberAndEveryWrongTokenIsRefused() async throws {
        let district = try await ServerTests.District.make()
        defer { try? FileManager.default.removeItem(at: district.folder) }
        let provider = Provider()
        try await provider.start()
        defer { provider.stop() }
        let key = ES256PrivateKey(), stranger = ES256PrivateKey()
        provider.serve([("k1", key)])
        let settings = SingleSignOn(issuer: provider.issuer, audience: "smallwins-test", keyRefetchDelay: 0.5)
        let server = try await RunningServer.start(district.store, singleSignOn: settings)
        defer { server.stop() }

        let now = Int(Date().timeIntervalSince1970)
        let good = Claims(iss: provider.issuer, aud: ["smallwins-test"], exp: now + 600, nbf: now - 10, email: "Ana.Lopez@Riverside.org", email_verified: true)
        let token = try await sign(good, with: key, kid: "k1")
        let me = try await server.send("GET", "/v1/me", token: token)
        #expect(me.status == 200, "\(me.text)")
        #expect(me.text.contains("\"Ana Lopez\""))
        #expect(try await server.send("GET", "/v1/me", token: district.token(district.ben)).text.contains("Ben Okafor"), "access tokens still sign in")

        _ = try await district.store.create(Member(name: "Ana's Twin", email: "ana.lopez@riverside.org", in: district.south.parent!))
        var wrong: [(String, String)] = []
        func variant(_ change: (inout Claims) -> Void) -> Claims { var claims = good; change(&claims); return claims }
        for (what, claims) in [("another issuer", variant { $0.iss += "/other" }), ("another audience", variant { $0.aud = ["other-app"] }),
                               ("an untrusted second audience", variant { $0.aud.append("other-app") }),
                               ("expired", variant { $0.exp = now - 120 }), ("not yet valid", variant { $0.nbf = now + 600 }),
                               ("email not verified", variant { $0.email_verified = false }), ("no email_verified", variant { $0.email_verified = nil }),
                               ("no email", variant { $0.email = nil }), ("nobody's email", variant { $0.email = "nobody@riverside.org" }),
                               ("an email two members have", variant { $0.email = "ana.lopez@riverside.org" }),
                               ("a SQL wildcard email", variant { $0.email = "%@riverside.org" })] {
            wrong.append((what, try await sign(claims, with: key, kid: "k1")))
        }
        wrong.append(("signed by a stranger under the known kid", try await sign(good, with: stranger, kid: "k1")))
        wrong.append(("a kid the provider never had", try await sign(good, with: stranger, kid: "k9")))
        let parts = token.split(separator: ".").map(String.init)
        let forged = base64URL(#"{"iss":"\#(provider.issuer)","aud":["smallwins-test"],"exp":\#(now + 600),"email":"ben.okafor@riverside.org","email_verified":true}"#)
        wrong.append(("another member's email under Ana's signature", [parts[0], forged, parts[2]].joined(separator: ".")))
        wrong.append(("alg none", [base64URL(#"{"alg":"none","kid":"k1"}"#), parts[1], ""].joined(separator: ".")))
        let secret = SymmetricKey(data: Data(key.publicKey.parameters!.x.utf8))
        let hs256 = try await JWTKeyCollection().add(hmac: HMACKey(key: secret), digestAlgorithm: .sha256, kid: "k1").sign(good, kid: "k1")
        wrong.append(("HS256 keyed with the public key", hs256))
        wrong.append(("garbage", "eyJ.eyJ.sig"))
        wrong.append(("an empty bearer", ""))
        var refused = 0
        for (what, text) in wrong {
            let reply = try await server.send("GET", "/v1/wins", token: text)
            #expect(reply.status == 401, "\(what): \(reply.status) \(reply.text)")
            #expect(reply.problem["code"] as? String == "unauthenticated", "\(what)")
            #expect(!reply.text.contains(text) || text.isEmpty, "\(what): the token is not echoed")
            if reply.status == 401 { refused += 1 }
        }
        print("single sign-on: \(refused) of \(wrong.count) wrong tokens refused, 0 accepted")
        #expect(refused == wrong.count)

        // The provider rotates its keys: a token under the new kid is accepted once the keys are fetched again.
        let fetchesBefore = provider.fetches
        let rotated = ES256PrivateKey()
        var ben = good
        ben.email = "ben.okafor@riverside.org"
        provider.serve([("k2", rotated)])
        try await Task.sleep(for: .milliseconds(600))
        let afterRotation = try await server.send("GET", "/v1/me", token: try await sign(ben, with: rotated, kid: "k2"))
        #expect(afterRotation.status == 200 && afterRotation.text.contains("Ben Okafor"), "\(afterRotation.text)")
        #expect(provider.fetches == fetchesBefore + 1)
        try await Task.sleep(for: .milliseconds(600))
        let fetchesAfterRotation = provider.fetches, started = ContinuousClock.now
        for _ in 0..<20 { _ = try await server.send("GET", "/v1/me", token: try await sign(good, with: stranger, kid: "k\(Int.random(in: 10...99))")) }
        let allowed = 1 + Int((ContinuousClock.now - started) / .milliseconds(500))  // one fetch per keyRefetchDelay at most
        let fetched = provider.fetches - fetchesAfterRotation
        print("single sign-on: 20 made-up kids caused \(fetched) fetches (at most \(allowed) allowed)")
        #expect(fetched <= allowed, "made-up kids do not make the server fetch without end")
    }

    @Test func keysFromAFileAndAServerThatCannotLoadThemDoesNotStart() async throws {
        let district = try await ServerTests.District.make()
        defer { try? FileManager.default.removeItem(at: district.folder) }
        let provider = Provider()
        let key = ES256PrivateKey()
        provider.serve([("file-key", key)])
        let file = district.folder.appendingPathComponent("jwks.json")
        try Data(provider.document.utf8).write(to: file)
        let issuer = "https://login.riverside.example"
        let server = try await RunningServer.start(district.store, singleSignOn: SingleSignOn(issuer: issuer, audience: "app", keys: .file(file.path)))
        defer { server.stop() }
        let now = Int(Date().timeIntervalSince1970)
        let token = try await sign(Claims(iss: issuer, aud: ["app"], exp: now + 60, email: "cy.tran@riverside.org", email_verified: true), with: key, kid: "file-key")
        let me = try await server.send("GET", "/v1/me", token: token)
        #expect(me.status == 200 && me.text.contains("Cy Tran"), "\(me.text)")

        let broken = district.folder.appendingPathComponent("broken.json")
        try Data("<html>not keys</html>".utf8).write(to: broken)
        for keys in [SingleSignOn.Keys.file(broken.path), .file("/nonexistent/jwks.json"), .file("/dev/null"), .file(district.folder.path),
                     .url(URL(string: "http://127.0.0.1:9/keys")!), .url(URL(string: "file:///etc/passwd")!), .discovery] {
            do {
                let started = try await RunningServer.start(district.store, singleSignOn: SingleSignOn(issuer: "http://127.0.0.1:9", audience: "app", keys: keys))
                started.stop()
                Issue.record("\(keys): the server started without keys")
            } catch let error as SmallWinsError {
                guard case .invalid(let field, let reason) = error else { Issue.record("\(keys): \(error)"); continue }
                #expect(field == "oidc-jwks", "\(keys): \(field)")
                print("no keys, no server: \(field): \(reason)")
            }
        }
    }
}
