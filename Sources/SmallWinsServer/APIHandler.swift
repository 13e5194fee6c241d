import Foundation
import OpenAPIRuntime
import ServiceLifecycle
import SmallWins

/// The operations of the contract (`openapi.json`, generated into `APIProtocol`), each run as the signed-in member
/// through a ``MemberSession``: the policy lives there, so the server adds no rule of its own. Errors are thrown and
/// become problem documents in ``ProblemMiddleware``.
struct APIHandler: APIProtocol {
    let store: any WinStore
    /// The quiet after which an event stream sends a heartbeat.
    let heartbeat: Duration

    /// The session of the member the request signed in (``MemberAuthentication``).
    func session() async throws -> MemberSession {
        guard let member = SignedIn.member else { throw SmallWinsError.unauthenticated("this path needs a member's access token") }
        return try await MemberSession(member: member, store: store)
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let session = try await session()
        return .ok(.init(body: .json(.init(member: session.member, memberships: session.memberships, teams: session.teams))))
    }

    func listTeams(_ input: Operations.ListTeams.Input) async throws -> Operations.ListTeams.Output {
        .ok(.init(body: .json(try await session().teams)))
    }

    func listMembers(_ input: Operations.ListMembers.Input) async throws -> Operations.ListMembers.Output {
        .ok(.init(body: .json(try await session().members())))
    }

    func listWins(_ input: Operations.ListWins.Input) async throws -> Operations.ListWins.Output {
        let query = input.query
        func ids<Subject>(_ values: [UUID]?) -> Set<Identifier<Subject>> { Set((values ?? []).map(Identifier.init)) }
        var period: Period?
        if query.from != nil || query.to != nil {
            period = try Period(query.from ?? Day.earliest, through: query.to ?? Day.latest)
        }
        let filters = WinQuery(
            period: period, kinds: Set(query.kind ?? []), goals: ids(query.goal), attempts: ids(query.attempt), themes: ids(query.theme),
            groups: ids(query.group), authors: ids(query.author), teams: ids(query.team), text: query.text)
        let cursor = try query.cursor.map(WinCursor.init(token:))
        return .ok(.init(body: .json(try await session().winItems(filters, after: cursor, limit: query.limit ?? 50))))
    }

    func recordWin(_ input: Operations.RecordWin.Input) async throws -> Operations.RecordWin.Output {
        guard case let .json(draft) = input.body else { throw Self.unsupportedBody }
        return .created(.init(body: .json(try await session().record(draft))))
    }

    func getWin(_ input: Operations.GetWin.Input) async throws -> Operations.GetWin.Output {
        .ok(.init(body: .json(try await session().winItem(Win.ID(input.path.id)))))
    }

    func updateWin(_ input: Operations.UpdateWin.Input) async throws -> Operations.UpdateWin.Output {
        guard case let .json(patch) = input.body else { throw Self.unsupportedBody }
        return .ok(.init(body: .json(try await session().update(Win.ID(input.path.id), with: patch))))
    }

    func deleteWin(_ input: Operations.DeleteWin.Input) async throws -> Operations.DeleteWin.Output {
        try await session().deleteWin(Win.ID(input.path.id))
        return .noContent(.init())
    }

    func listCelebrations(_ input: Operations.ListCelebrations.Input) async throws -> Operations.ListCelebrations.Output {
        .ok(.init(body: .json(try await session().celebrations(of: Win.ID(input.path.id)))))
    }

    func celebrateWin(_ input: Operations.CelebrateWin.Input) async throws -> Operations.CelebrateWin.Output {
        guard case let .json(draft) = input.body else { throw Self.unsupportedBody }
        let celebration = try await session().celebrate(Win.ID(input.path.id), draft.kind, message: draft.message)
        return .created(.init(body: .json(celebration)))
    }

    func deleteCelebration(_ input: Operations.DeleteCelebration.Input) async throws -> Operations.DeleteCelebration.Output {
        try await session().deleteCelebration(Celebration.ID(input.path.id))
        return .noContent(.init())
    }

    func listGoals(_ input: Operations.ListGoals.Input) async throws -> Operations.ListGoals.Output {
        .ok(.init(body: .json(try await session().goals())))
    }

    func listLearningQuestions(_ input: Operations.ListLearningQuestions.Input) async throws -> Operations.ListLearningQuestions.Output {
        .ok(.init(body: .json(try await session().learningQuestions())))
    }

    func listAttempts(_ input: Operations.ListAttempts.Input) async throws -> Operations.ListAttempts.Output {
        .ok(.init(body: .json(try await session().attempts(question: input.query.question.map(LearningQuestion.ID.init)))))
    }

    func listThemes(_ input: Operations.ListThemes.Input) async throws -> Operations.ListThemes.Output {
        .ok(.init(body: .json(try await session().themes())))
    }

    func listStudentGroups(_ input: Operations.ListStudentGroups.Input) async throws -> Operations.ListStudentGroups.Output {
        .ok(.init(body: .json(try await session().studentGroups())))
    }

    func getDashboard(_ input: Operations.GetDashboard.Input) async throws -> Operations.GetDashboard.Output {
        let query = input.query
        let period = try Self.period(from: query.from, to: query.to)
        let bucket: DashboardQuery.Bucket = query.bucket == .month ? .month : .week
        let dashboardQuery = DashboardQuery(period: period, bucket: bucket, includeNames: query.names ?? false, asOf: Day.today(),
                                            minimumGroupSize: query.minimumGroupSize ?? 0)
        try dashboardQuery.validate()
        return .ok(.init(body: .json(try await session().dashboard(dashboardQuery, team: query.team.map(Team.ID.init)))))
    }

    func streamChanges(_ input: Operations.StreamChanges.Input) async throws -> Operations.StreamChanges.Output {
        var after: Int64?
        if let header = input.headers.lastEventID {
            guard let sequence = Int64(header), sequence >= 0 else {
                throw SmallWinsError.invalid(field: "Last-Event-ID", reason: "must be the id of an event this stream sent")
            }
            after = sequence
        }
        // A stream ends when the server shuts down gracefully (SIGTERM), so an open one does not hold the server up.
        let events = try await session().changes(after: after).serverSentEvents(heartbeat: heartbeat).cancelOnGracefulShutdown()
        return .ok(.init(body: .textEventStream(HTTPBody(events.asEncodedServerSentEventsWithJSONData(encoder: Instant.jsonEncoder()), length: .unknown, iterationBehavior: .single))))
    }

    static let unsupportedBody = SmallWinsError.invalid(field: "body", reason: "send it as application/json")
}
