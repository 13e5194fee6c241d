import Foundation
import SmallWins

/// A realistic, deterministic district to explore SmallWins with: schools and teams with goals, success
/// criteria and focus groups, a learning agenda, and a school year of wins and lessons told in teachers'
/// words, celebrated by colleagues.
///
/// The data has shape worth seeing: one goal's wins rarely reach one of its focus groups (the equity
/// chart flags it), one team records a win every week since winter break (a long streak), December is quiet, and
/// attempts that start as lessons turn into successes later in the year. The same seed gives the same
/// district, on every backend.
public enum DemoDistrict {
    /// How big a district to build.
    public enum Size: String, CaseIterable, Sendable {
        /// 3 schools, 10 teams, 60 members, about 2,000 wins: seconds to build.
        case small
        /// 30 schools, 100 teams, 600 members, about 200,000 wins: minutes to build.
        case district

        var schools: Int { self == .small ? 3 : 30 }
        var wins: Int { self == .small ? 2_000 : 200_000 }
    }

    /// What was built, and where to look first.
    public struct Summary: Hashable, Sendable {
        /// The district team (the top of the tree).
        public var district: Team.ID
        /// The school year the wins fall in.
        public var schoolYear: Period
        /// The team with a win every school week.
        public var streakTeam: Team.ID
        /// A week worth a digest: a busy one in May.
        public var digestWeek: Day
        /// The last day of school: dashboards of the year count the streak back from it.
        public var lastSchoolDay: Day
        /// Schools made.
        public var schools = 0
        /// Teams made, schools and district included.
        public var teams = 0
        /// Members made.
        public var members = 0
        /// Goals made.
        public var goals = 0
        /// Learning questions made.
        public var learningQuestions = 0
        /// Attempts made.
        public var attempts = 0
        /// Wins recorded.
        public var wins = 0
        /// Of those, lessons learned.
        public var lessons = 0
        /// Celebrations made.
        public var celebrations = 0
    }

    /// Builds the district into `store`, which should be empty; `progress` hears (wins stored, wins planned).
    @discardableResult
    public static func build(
        into store: any WinStore, size: Size = .small, seed: UInt64 = 2026, schoolYear startYear: Int = 2025,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> Summary {
        var builder = DemoBuilder(store: store, size: size, random: SeededGenerator(seed: seed), year: try Period.schoolYear(startYear))
        return try await builder.build(progress: progress)
    }
}
