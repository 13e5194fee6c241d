import Foundation
import JWTKit

/// The claims of a district ID token that signing in reads; times, issuer and email are checked by
/// ``DistrictSignIn`` after the signature.
struct DistrictIdentityClaims: JWTIdentityToken {
    var issuer: IssuerClaim
    var audience: AudienceClaim
    var expiration: ExpirationClaim
    var notBefore: NotBeforeClaim?
    var email: String?
    var emailVerified: BoolClaim?

    enum CodingKeys: String, CodingKey {
        case issuer = "iss", audience = "aud", expiration = "exp", notBefore = "nbf", email, emailVerified = "email_verified"
    }

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
