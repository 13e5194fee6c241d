import Foundation
import Hummingbird
import OpenAPIRuntime
import SmallWins
import SmallWinsJSON

/// `GET /v1/exports/snapshot[?team=ID]`: everything a team keeps as a JSON snapshot (`smallwins import` reads it
/// back), streamed a page of wins at a time, for its leads and coaches. A route of its own, beside the generated
/// ones, because generated handlers hold a JSON body whole in memory; Documentation/Server.md describes it.
enum SnapshotRoute {
    static let path = "/v1/exports/snapshot"

    static func register<Context: RequestContext>(on router: Router<Context>, store: any WinStore) {
        router.get(RouterPath(path)) { request, _ -> Response in
            guard let member = SignedIn.member else { throw SmallWinsError.unauthenticated("this path needs a member's access token") }
            var team: Team.ID?
            if let text = request.uri.queryParameters["team"] {
                guard let uuid = UUID(uuidString: String(text)) else { throw SmallWinsError.invalid(field: "team", reason: "is not a team id") }
                team = Team.ID(uuid)
            }
            let content = try await MemberSession(member: member, store: store).exportContent(team: team)
            let body = StreamedExport.start(SnapshotExporter(), of: content)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(asyncSequence: body.map { ByteBuffer(bytes: $0) }))
        }
    }
}
