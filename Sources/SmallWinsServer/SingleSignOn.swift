import Foundation

/// District single sign-on (OpenID Connect): the server also accepts the ID tokens the district's identity provider
/// signs, and signs in the member whose email the token verifies.
///
/// A token is accepted when its signature checks against a key of the provider's JWKS (RSA, EC or EdDSA; the token
/// names the key by `kid`), `iss` is ``issuer``, `aud` names ``audience`` and nothing untrusted, it is within its
/// `nbf`...`exp` (with ``clockSkew``), `email_verified` is `true`, and exactly one member in the store has its
/// `email` (ASCII letters compared without case). Anything else is 401.
public struct SingleSignOn: Sendable {
    /// Where the provider's signing keys come from.
    public enum Keys: Sendable, Equatable {
        /// The `jwks_uri` of the issuer's `/.well-known/openid-configuration`.
        case discovery
        /// A JWKS at this address (fetched again hourly, and when a token names a key it has not seen).
        case url(URL)
        /// A JWKS in this file (read again when a token names a key it has not seen).
        case file(String)
    }

    /// The provider's issuer identifier, exactly as tokens carry it in `iss` (`https://login.district.org`).
    public var issuer: String
    /// This server's client id at the provider, which tokens must name in `aud`.
    public var audience: String
    /// Where the signing keys come from.
    public var keys: Keys
    /// How far clocks may disagree when checking `exp` and `nbf`.
    public var clockSkew: TimeInterval
    /// The least time between two loads of the keys for tokens naming a key not seen (the provider rotated its keys),
    /// so made-up key ids cannot make the server fetch without end. Keys are loaded again hourly in any case.
    public var keyRefetchDelay: TimeInterval

    /// Single sign-on with the provider `issuer` for the client `audience`.
    public init(issuer: String, audience: String, keys: Keys = .discovery, clockSkew: TimeInterval = 60, keyRefetchDelay: TimeInterval = 60) {
        self.issuer = issuer
        self.audience = audience
        self.keys = keys
        self.clockSkew = clockSkew
        self.keyRefetchDelay = keyRefetchDelay
    }
}
