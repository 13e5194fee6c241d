import Foundation
import SmallWins

extension DashboardPlan {
    /// Builds the dashboard from the rows of ``statements``, in order. Only small, aggregated results arrive
    /// here; each part's section fills empty buckets, names things, orders lists and computes shares.
    package func assemble(_ results: [[SQLRow]]) throws -> Dashboard {
        guard results.count == statements.count else {
            throw SmallWinsError.storage(.corrupt("expected \(statements.count) dashboard results, got \(results.count)"))
        }
        let rows = DashboardRows(query: query, scope: scope, results: results)
        let celebrations = try rows.celebrationKinds()
        let totals = try rows.totals(celebrations: celebrations)
        let byGoal = try rows.byGoal(), byGroup = try rows.byGroup()
        return Dashboard(
            scope: scope, period: query.period, bucket: query.bucket, equityThreshold: query.equityThreshold,
            totals: totals, timeline: try rows.timeline(), byGoal: byGoal, byTheme: try rows.byTheme(), byGroup: byGroup,
            byTeam: try rows.byTeam(), equity: try rows.equity(byGoal: byGoal, byGroup: byGroup), participation: try rows.participation(totals),
            recognition: try rows.recognition(celebrations: celebrations), streak: try rows.streak(), brightSpots: try rows.brightSpots(),
            learningAgenda: try rows.learningAgenda())
        .suppressingSmallGroups(query.minimumGroupSize)
    }
}

/// Byte order of the text, then the id: the order every SmallWins list uses.
func byText<Subject>(_ leftText: String, _ leftID: Identifier<Subject>, _ rightText: String, _ rightID: Identifier<Subject>) -> Bool {
    if leftText != rightText { return leftText.utf8.lexicographicallyPrecedes(rightText.utf8) }
    return leftID < rightID
}

/// Largest count first, then by text and id.
func mostFirst<Subject>(_ leftCount: Int, _ leftText: String, _ leftID: Identifier<Subject>,
                        _ rightCount: Int, _ rightText: String, _ rightID: Identifier<Subject>) -> Bool {
    if leftCount != rightCount { return leftCount > rightCount }
    return byText(leftText, leftID, rightText, rightID)
}
