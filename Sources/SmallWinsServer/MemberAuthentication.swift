import Foundation
import Hummingbird
import SmallWins

/// The member a request under `/v1` signs in, for the handlers (a task-local value: the OpenAPI handlers see no
/// request context).
enum SignedIn {
    @TaskLocal static var member: Member.ID?
}

/// Signs in every request under `/v1` by its `Authorization: Bearer` token: a personal access token
/// (``WinStore/member(signedInBy:at:)``), or with single sign-on a district ID token (``DistrictSignIn``). A request
/// without a valid one ends in 401 before any handler runs. No token is ever logged.
struct MemberAuthentication<Context: RequestContext>: RouterMiddleware {
    let store: any WinStore
    let district: DistrictSignIn?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/v1" || request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw SmallWinsError.unauthenticated("send the header Authorization: Bearer and a member's access token")
        }
        let credential = String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        let member = if let district, !credential.hasPrefix("sw1_") {
            try await district.member(signedInBy: credential, store: store)
        } else {
            try await store.member(signedInBy: credential)
        }
        return try await SignedIn.$member.withValue(member) { try await next(request, context) }
    }
}
