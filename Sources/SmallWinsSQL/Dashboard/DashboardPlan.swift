import Foundation
import SmallWins

/// A dashboard as SQL: the statements a backend runs (all in one read transaction, in order), and the
/// assembly of their rows into a ``Dashboard``. Written once for every SQL backend; each supplies an
/// ``SQLDialect``. Every statement aggregates in the database; only counts and the names of the codebook,
/// goals and the learning agenda come back. Each statement is a ``DashboardPart``, in a file of its own section.
package struct DashboardPlan: Sendable {
    /// The query planned.
    package let query: DashboardQuery
    /// The store's scope.
    package let scope: Team.ID?
    /// Statements to run first, in the same transaction: they gather the counted wins once into the
    /// temporary table `dashboard_selected` (see ``SQLDialect/createSelectedTable()``), which every statement reads.
    package let setup: [SQLStatement]
    /// The statements to run, one per part of ``parts``, in order; pass their rows to ``assemble(_:)`` in the same order.
    package let statements: [SQLStatement]
    /// Whether the statements read the maintained aggregates (the `dash_*` tables) rather than the wins:
    /// so they do for every dashboard without filters whose days are whole months.
    package let readsAggregates: Bool

    /// The parts of every dashboard, in the order their statements run.
    static let parts: [any DashboardPart.Type] = [
        TotalsPart.self, CelebrationKindsPart.self, MembersPart.self, TimelinePart.self,
        GoalsPart.self, GoalCountsPart.self, ThemesPart.self, ThemeCountsPart.self, GroupsPart.self, GroupCountsPart.self,
        EquityCountsPart.self, ChildTeamsPart.self, TeamCountsPart.self, TeamCelebrationsPart.self,
        ParticipationPart.self, MemberWinsPart.self, CelebrationPairsPart.self, ShoutOutPairsPart.self,
        StreakWeeksPart.self, BrightSpotsPart.self,
        QuestionsPart.self, AttemptsPart.self, AttemptCountsPart.self, AttemptWinsPart.self,
    ]

    /// Plans `query` for a store scoped to `scope` (`nil`: the whole installation), of `tenant` when known: the
    /// statements then name it on the tables they read, so a distributed PostgreSQL routes them to one node.
    package init(query: DashboardQuery, scope: Team.ID?, tenant: UUID?, dialect: any SQLDialect) throws {
        try query.validate()
        self.query = query
        self.scope = scope
        // Suppression by people reads the counted wins: the aggregates do not know who wrote each team's wins.
        let counted = Self.aggregatesAnswer(query) && query.minimumGroupSize < 2 ? query.effectivePeriod : nil
        readsAggregates = counted != nil
        let sql = DashboardSQL(query: query, scope: scope, tenant: tenant, dialect: dialect, terms: try query.filters.searchTerms(), aggregated: readsAggregates)
        setup = readsAggregates ? [] : sql.setup()
        statements = Self.parts.map { part in
            if let counted, let counting = part as? any CountingPart.Type {
                return counting.aggregated(AggregateSQL(sql: sql, counted: counted))
            }
            return part.direct(sql)
        }
    }

    /// Whether the aggregates hold the answer: no filter but days, and the days whole months.
    static func aggregatesAnswer(_ query: DashboardQuery) -> Bool {
        var others = query.filters
        others.period = nil
        guard others == WinQuery(), let days = query.effectivePeriod else { return false }
        return days.first == Period.month(containing: days.first).first && days.last == Period.month(containing: days.last).last
    }
}
