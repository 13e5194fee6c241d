import Foundation
import OpenAPIRuntime
import SmallWins

/// An error as an HTTP response: an RFC 9457 problem document with the error's stable code, the field and the
/// record it names, and the status a client acts on.
struct Problem: Encodable, Sendable {
    let type: String
    let title: String
    let status: Int
    let detail: String
    let code: String
    let field: String?
    let entity: String?
    let id: String?

    /// The problem for `error`: a ``SmallWinsError`` keeps its code and fields; a request the contract refuses (a
    /// malformed id, a missing key) is `invalid`; anything else is an internal error whose text is not shown. `override`
    /// replaces the case's usual status.
    init(_ error: any Error, status override: Int? = nil) {
        var underlying = error, fromTheRuntime = false
        while let server = underlying as? ServerError {
            underlying = server.underlyingError
            fromTheRuntime = true
        }
        let known: SmallWinsError
        if let smallWins = underlying as? SmallWinsError {
            known = smallWins
        } else if let decoding = underlying as? DecodingError {
            known = Problem.invalid(decoding)
        } else if fromTheRuntime {
            // The runtime refused the request before any handler ran: a malformed parameter or body.
            known = .invalid(field: "request", reason: "does not match the API's contract (see /openapi.json)")
        } else {
            known = .storage(StorageFailure(.internal, "the server could not answer this request"))
        }
        let status = override ?? Problem.status(of: known)
        self.type = "https://smallwins.dev/problems/\(known.code)"
        self.title = Problem.titles[status] ?? "Error"
        self.status = status
        self.detail = known.description
        self.code = known.code
        self.field = known.field
        self.entity = known.entity?.rawValue
        self.id = known.id?.lowercaseText
    }

    /// The reason phrase of each status the server answers with.
    private static let titles = [
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 409: "Conflict",
        413: "Content Too Large", 415: "Unsupported Media Type", 500: "Internal Server Error", 503: "Service Unavailable",
    ]

    /// The HTTP status a client acts on for each case.
    static func status(of error: SmallWinsError) -> Int {
        switch error {
        case .invalid, .invalidCursor, .unknownReference: return 400
        case .unauthenticated: return 401
        case .forbidden, .outOfScope: return 403
        case .notFound: return 404
        case .conflict, .inUse: return 409
        case let .storage(failure):
            switch failure.kind {
            case .busy, .unavailable: return 503
            case .conflict: return 409
            case .internal: return 500
            }
        }
    }

    private static func invalid(_ error: DecodingError) -> SmallWinsError {
        let (path, reason): ([any CodingKey], String) = switch error {
        case let .keyNotFound(key, context): (context.codingPath + [key], "is required")
        case let .valueNotFound(_, context): (context.codingPath, "must not be null")
        case let .typeMismatch(_, context): (context.codingPath, "has the wrong type")
        case let .dataCorrupted(context): (context.codingPath, context.debugDescription.isEmpty ? "is malformed" : context.debugDescription)
        @unknown default: ([], "is malformed")
        }
        let field = path.map(\.stringValue).filter { Int($0) == nil }.joined(separator: ".")
        return .invalid(field: field.isEmpty ? "body" : field, reason: String(reason.prefix(200)))
    }
}
