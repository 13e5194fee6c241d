import Foundation

/// What a dashboard covers: a period cut into weekly or monthly buckets, the same filters as a win
/// query, and a few choices about what to show.
public struct DashboardQuery: Hashable, Sendable, Codable {
    /// How the timeline is cut.
    public enum Bucket: String, Hashable, Sendable, Codable, CaseIterable {
        /// Weeks, Monday to Sunday.
        case week
        /// Calendar months.
        case month
    }

    /// The days covered.
    public var period: Period
    /// Weekly or monthly timeline.
    public var bucket: Bucket
    /// Which wins count; its own `period`, when set, narrows ``period``.
    public var filters: WinQuery
    /// A focus group whose share of a goal's wins is below this (0...1) is flagged; 20% by default.
    public var equityThreshold: Double
    /// Whether participation and recognition name the members; off by default (a spread, not a leaderboard).
    public var includeNames: Bool
    /// How many bright spots (most celebrated wins) to show.
    public var brightSpotCount: Int
    /// The day the streak counts back from (its week, or the week before while that week has no win
    /// yet); `nil` means the period's last day. Pass today for the current school year, so the streak
    /// does not wait for the year's end.
    public var asOf: Day?
    /// Small-cell suppression for privacy: when above 1, a team's own wins count only when at least this many
    /// people wrote them (in the period and filters), in every part and every scope alike, so no dashboard
    /// minus others isolates fewer people; in the counts by goal, theme, student group, goal and group (equity)
    /// and attempt, a team's wins count in a cell only when at least this many people wrote that team's wins
    /// in that cell; and member-level breakdowns (the participation spread, members'
    /// counts, who recognised whom) leave out every cell of fewer than this many, and are left out entirely
    /// when the scope has fewer members than this. 0 (the default) shows everything.
    public var minimumGroupSize: Int

    /// A dashboard query.
    public init(
        period: Period, bucket: Bucket = .week, filters: WinQuery = WinQuery(), equityThreshold: Double = 0.2,
        includeNames: Bool = false, brightSpotCount: Int = 5, asOf: Day? = nil, minimumGroupSize: Int = 0
    ) {
        self.asOf = asOf
        self.minimumGroupSize = minimumGroupSize
        self.period = period
        self.bucket = bucket
        self.filters = filters
        self.equityThreshold = equityThreshold
        self.includeNames = includeNames
        self.brightSpotCount = brightSpotCount
    }

    /// The days the dashboard counts: ``period``, narrowed by the filters' period; `nil` when they do not meet.
    public var effectivePeriod: Period? {
        guard let narrow = filters.period else { return period }
        let first = max(period.first, narrow.first), last = min(period.last, narrow.last)
        return first <= last ? try? Period(first, through: last) : nil
    }

    /// The last day the streak looks at: the counted period's last day, or ``asOf`` when earlier.
    public var streakEnd: Day? {
        guard let last = effectivePeriod?.last else { return nil }
        return asOf.map { min($0, last) } ?? last
    }

    /// Throws for a threshold outside 0...1, a bright-spot count outside 0...50, or text with no word.
    public func validate() throws {
        guard (0...1).contains(equityThreshold) else {
            throw SmallWinsError.invalid(field: "equityThreshold", reason: "must be between 0 and 1, got \(equityThreshold)")
        }
        guard (0...1_000).contains(minimumGroupSize) else {
            throw SmallWinsError.invalid(field: "minimumGroupSize", reason: "must be 0...1000, got \(minimumGroupSize)")
        }
        guard (0...50).contains(brightSpotCount) else {
            throw SmallWinsError.invalid(field: "brightSpotCount", reason: "must be 0...50, got \(brightSpotCount)")
        }
        _ = try filters.searchTerms()
    }
}

extension Period {
    /// Term `number` (1-based) of a school year split into `count` terms of equal months: 2 semesters,
    /// 3 trimesters, 4 quarters or 6 bimesters.
    public static func term(_ number: Int, of count: Int, schoolYear startYear: Int, startMonth: Int = 8) throws -> Period {
        guard [1, 2, 3, 4, 6, 12].contains(count) else {
            throw SmallWinsError.invalid(field: "terms", reason: "a school year splits into 1, 2, 3, 4, 6 or 12 terms, not \(count)")
        }
        guard (1...count).contains(number) else {
            throw SmallWinsError.invalid(field: "term", reason: "must be 1...\(count), got \(number)")
        }
        let year = try schoolYear(startYear, startMonth: startMonth)
        let months = 12 / count
        func firstDay(ofTerm index: Int) throws -> Day {
            let monthIndex = startMonth - 1 + index * months
            return try Day(startYear + monthIndex / 12, monthIndex % 12 + 1, 1, field: "term")
        }
        let first = try firstDay(ofTerm: number - 1)
        let last = number == count ? year.last : try firstDay(ofTerm: number).adding(days: -1)
        return try Period(first, through: last)
    }
}

extension DashboardQuery.Bucket {
    /// The first day of the bucket holding `day`: its week's Monday or its month's first day.
    package func start(containing day: Day) -> Day {
        self == .week ? Period.week(containing: day).first : Period.month(containing: day).first
    }

    /// The first day of the bucket after the one starting at `start`.
    package func start(after start: Day) -> Day {
        self == .week ? start.adding(days: 7) : Period.month(containing: start).last.adding(days: 1)
    }
}
