import Foundation
import SmallWins

/// Members' access tokens: a token signs in its member until it expires or is revoked; anything else, a changed
/// digit, a made-up id, is refused alike; the store keeps only a hash of the secret.
extension StoreConformance {
    static let accessTokenCases: [ConformanceCase] = [
        ConformanceCase("a token signs in its member; the store keeps only the hash of its secret") { store in
            let f = try await Fixture.make(in: store)
            let issued = try await store.issueToken(for: f.ben.id, name: "Ben's phone", expiresAfterDays: 30)
            try check(issued.text.hasPrefix("sw1_") && issued.text.count == 101, "a token's text: \(issued.text)")
            try checkEqual(try await store.member(signedInBy: issued.text), f.ben.id, "signed in")
            try checkEqual(try await store.accessTokens(member: f.ben.id), [issued.token], "Ben's tokens")
            let stored = try await store.accessToken(issued.token.id)
            let secret = String(issued.text.suffix(64))
            try check(stored.secretHash.count == 64 && stored.secretHash != secret, "a hash, not the secret")
            try check(!stored.secretHash.contains(secret) && !issued.text.contains(stored.secretHash), "the hash does not reveal the text")
            try checkEqual(stored.token.name, "Ben's phone", "name")
            try await checkInvalid("name") { try await store.issueToken(for: f.ben.id, name: " ") }
            try await checkInvalid("expires") { try await store.issueToken(for: f.ben.id, name: "x", expiresAfterDays: 0) }
            try await checkThrows(.unknownReference(field: "member", .member, id: f.north.id.uuid)) {
                try await store.issueToken(for: Member.ID(f.north.id.uuid), name: "nobody")
            }
        },
        ConformanceCase("a changed, made-up, expired or revoked token signs nobody in") { store in
            let f = try await Fixture.make(in: store)
            let issued = try await store.issueToken(for: f.ana.id, name: "laptop", expiresAfterDays: 1)
            var refused = 0
            func refuses(_ text: String, at now: Date = Date(), line: Int = #line) async throws {
                do {
                    let member = try await store.member(signedInBy: text, at: now)
                    throw ConformanceFailure(message: "\"\(text)\" signed in \(member)", filePath: #filePath, line: line)
                } catch SmallWinsError.unauthenticated { refused += 1 }
            }
            for position in issued.text.indices.dropFirst(4) where issued.text[position] != "_" {
                var changed = issued.text
                changed.replaceSubrange(position...position, with: issued.text[position] == "a" ? "b" : "a")
                try await refuses(changed)
            }
            let madeUp = "sw1_" + String(repeating: "0", count: 32) + "_" + String(issued.text.suffix(64))
            for text in ["", "sw1_", madeUp, issued.text.uppercased(), issued.text + "0", " " + issued.text, "Bearer " + issued.text,
                         String(issued.text.dropLast()), "sw2" + issued.text.dropFirst(3)] {
                try await refuses(text)
            }
            try await refuses(issued.text, at: Date().addingTimeInterval(2 * 86_400))
            try checkEqual(try await store.member(signedInBy: issued.text), f.ana.id, "still valid today")
            try await store.delete(issued.token.id)
            try await refuses(issued.text)
            try await checkThrows(.notFound(.accessToken, id: issued.token.id.uuid)) { try await store.delete(issued.token.id) }
            print("access tokens: \(refused) changed, made-up, expired or revoked texts refused, 0 accepted")
        },
        ConformanceCase("tokens are seen where their member is, and go with them") { store in
            let f = try await Fixture.make(in: store)
            let ben = try await store.issueToken(for: f.ben.id, name: "Ben's")
            let south = try await store.scoped(to: f.south.id)
            try checkEqual(try await south.accessTokens(member: nil), [], "a sibling school sees no token of North's people")
            try await checkThrows(.unknownReference(field: "member", .member, id: f.ben.id.uuid)) { try await south.issueToken(for: f.ben.id, name: "x") }
            try await checkThrows(.notFound(.accessToken, id: ben.token.id.uuid)) { try await south.delete(ben.token.id) }
            let north = try await store.scoped(to: f.north.id)
            try checkEqual(try await north.accessTokens(member: nil).map(\.id), [ben.token.id], "North sees its member's token")
            let newcomer = try await store.create(Member(name: "New Hire", in: f.south.id))
            let theirs = try await store.issueToken(for: newcomer.id, name: "first day")
            try await store.delete(newcomer.id)
            try await checkThrows(.notFound(.accessToken, id: theirs.token.id.uuid)) { try await store.accessToken(theirs.token.id) }
        },
        ConformanceCase("a verified email finds its member in scope, ASCII case aside, and nothing else") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.members(withEmail: "ana@riverside.org").map(\.id), [f.ana.id], "exact")
            try checkEqual(try await store.members(withEmail: "ANA@Riverside.ORG").map(\.id), [f.ana.id], "ASCII case aside")
            let accented = try await store.create(Member(name: "Zoë", email: "zoë@riverside.org", in: f.south.id))
            try checkEqual(try await store.members(withEmail: "ZOË@riverside.org").map(\.id), [], "only ASCII letters fold, alike on every backend")
            try checkEqual(try await store.members(withEmail: "zoë@riverside.org").map(\.id), [accented.id], "non-ASCII as typed")
            for hostile in ["", "%", "ana@%", "_na@riverside.org", "ana@riverside.org' OR '1'='1", "ana@riverside.org\u{0}"] {
                try checkEqual(try await store.members(withEmail: hostile), [], "no wildcard or quote matches: \(hostile.debugDescription)")
            }
            let south = try await store.scoped(to: f.south.id)
            try checkEqual(try await south.members(withEmail: "ana@riverside.org"), [], "a school does not find a member beside it")
            try checkEqual(try await south.members(withEmail: "zoë@riverside.org").map(\.id), [accented.id], "its own")
        },
    ]
}
