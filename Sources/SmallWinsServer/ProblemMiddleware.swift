import Foundation
import Hummingbird
import Logging
import SmallWins

/// The outermost middleware: whatever a request ends in, a client gets a response it can map, never a stack trace
/// or an engine's text. Errors become ``Problem`` documents; server errors are logged without the request's body.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            let path = request.uri.path
            if error.status.code == 404, let methods = ContractPaths.methods(of: path) {
                var response = Problem(SmallWinsError.invalid(field: "method", reason: "\(request.method) is not a method of \(path.prefix(200)); use \(methods.joined(separator: " or "))"), status: 405).response
                response.headers[.allow] = methods.joined(separator: ", ")
                return response
            }
            let known: SmallWinsError = error.status.code == 404
                ? .invalid(field: "path", reason: "\(path.prefix(200)) is not a path of this API (see /openapi.json)")
                : .invalid(field: "request", reason: error.status.reasonPhrase)
            return Problem(known, status: error.status.code).response
        } catch {
            let problem = Problem(error)
            if problem.status >= 500 {
                context.logger.error("\(request.method) \(request.uri.path): \(problem.code): \(String(describing: error).prefix(300))")
            }
            return problem.response
        }
    }
}

extension Problem {
    /// The problem as an `application/problem+json` response; 401 says how to sign in, 503 when to retry.
    var response: Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if status == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"smallwins\"" }
        if status == 503 { headers[.retryAfter] = "1" }
        let body = (try? Instant.jsonEncoder().encode(self)) ?? Data()
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
