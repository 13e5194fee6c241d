import Foundation

/// What a team, a school or a district looks at in its weekly meeting and at year end, for one scope
/// and period. Every count comes from the database; equal data gives an equal dashboard on every backend.
public struct Dashboard: Hashable, Sendable, Codable {
    /// The team whose subtree it covers (`nil`: the whole installation).
    public var scope: Team.ID?
    /// The days it covers.
    public var period: Period
    /// How the timeline is cut.
    public var bucket: DashboardQuery.Bucket
    /// The share of a goal's wins below which a focus group is flagged in ``equity``.
    public var equityThreshold: Double
    /// The headline numbers.
    public var totals: Totals
    /// Successes and lessons per bucket, every bucket of the period, empty ones too.
    public var timeline: [TimelinePoint]
    /// Wins per goal visible in the scope (goals with none too), by title.
    public var byGoal: [GoalCount]
    /// Wins per theme of the codebook, most used first.
    public var byTheme: [ThemeCount]
    /// Wins per student group, most touched first.
    public var byGroup: [GroupCount]
    /// Wins per child team of the scope, each rolled up over its subtree (plus the scope team's own wins).
    public var byTeam: [TeamCount]
    /// For each goal, how its wins reach the student groups it intends to serve.
    public var equity: [GoalEquity]
    /// How many voices contribute, and how wins spread across them.
    public var participation: Participation
    /// Celebrations and shout-outs, and who recognised whom.
    public var recognition: Recognition
    /// Consecutive weeks with at least one win, up to the period's end.
    public var streak: Streak
    /// The most celebrated wins of the period.
    public var brightSpots: [BrightSpot]
    /// Each learning question with its attempts and the wins and lessons that came from them.
    public var learningAgenda: [AgendaQuestion]

    /// The headline numbers.
    public struct Totals: Hashable, Sendable, Codable {
        /// Counted wins: successes and lessons.
        public var wins: Int
        /// Counted wins that are successes.
        public var successes: Int
        /// Counted wins that are lessons learned.
        public var lessons: Int
        /// Celebrations of the counted wins.
        public var celebrations: Int
        /// Members who told at least one counted win.
        public var contributors: Int
        /// Members visible in the scope.
        public var members: Int
        /// A value with every field given.
        public init(wins: Int, successes: Int, lessons: Int, celebrations: Int, contributors: Int, members: Int) {
            self.wins = wins
            self.successes = successes
            self.lessons = lessons
            self.celebrations = celebrations
            self.contributors = contributors
            self.members = members
        }
    }

    /// One bucket of the timeline.
    public struct TimelinePoint: Hashable, Sendable, Codable {
        /// The bucket's first day (a Monday, or the first of a month).
        public var start: Day
        /// Successes in the bucket.
        public var successes: Int
        /// Lessons learned in the bucket.
        public var lessons: Int
        /// Successes and lessons together.
        public var wins: Int { successes + lessons }
        /// A value with every field given.
        public init(start: Day, successes: Int, lessons: Int) {
            self.start = start
            self.successes = successes
            self.lessons = lessons
        }
    }

    /// Wins serving one goal (JSON keys `goal`, `title`, `successes`, `lessons`).
    public typealias GoalCount = Tally<Goal>
    /// Wins coded with one theme (JSON keys `theme`, `name`, `successes`, `lessons`).
    public typealias ThemeCount = Tally<Theme>
    /// Wins touching one student group (JSON keys `group`, `name`, `successes`, `lessons`).
    public typealias GroupCount = Tally<StudentGroup>

    /// Wins of one team and everything inside it.
    public struct TeamCount: Hashable, Sendable, Codable {
        /// The child team (or the scope itself, for wins recorded on it).
        public var team: Team.ID
        /// The team's name when the dashboard was read.
        public var name: String
        /// Successes of the team and everything inside it.
        public var successes: Int
        /// Lessons learned of the team and everything inside it.
        public var lessons: Int
        /// Celebrations of those wins.
        public var celebrations: Int
        /// Members who told at least one of those wins.
        public var contributors: Int
        /// A value with every field given.
        public init(team: Team.ID, name: String, successes: Int, lessons: Int, celebrations: Int, contributors: Int) {
            self.team = team
            self.name = name
            self.successes = successes
            self.lessons = lessons
            self.celebrations = celebrations
            self.contributors = contributors
        }
    }

    /// How one goal's wins reach its intended focus groups.
    public struct GoalEquity: Hashable, Sendable, Codable {
        /// The goal.
        public var goal: Goal.ID
        /// The goal's title when the dashboard was read.
        public var title: String
        /// The goal's counted wins.
        public var wins: Int
        /// One entry per focus group, in the goal's order.
        public var groups: [GroupCoverage]
        /// A value with every field given.
        public init(goal: Goal.ID, title: String, wins: Int, groups: [GroupCoverage]) {
            self.goal = goal
            self.title = title
            self.wins = wins
            self.groups = groups
        }
    }

    /// One focus group's share of a goal's wins.
    public struct GroupCoverage: Hashable, Sendable, Codable {
        /// The focus group.
        public var group: StudentGroup.ID
        /// The group's name when the dashboard was read.
        public var name: String
        /// The goal's wins that touch the group.
        public var wins: Int
        /// `wins` over the goal's wins (0 when the goal has none).
        public var share: Double
        /// Whether the share is below the query's threshold: effort not yet matching intent.
        public var belowThreshold: Bool
        /// A value with every field given.
        public init(group: StudentGroup.ID, name: String, wins: Int, share: Double, belowThreshold: Bool) {
            self.group = group
            self.name = name
            self.wins = wins
            self.share = share
            self.belowThreshold = belowThreshold
        }
    }

    /// How many members contribute and how wins spread across them.
    public struct Participation: Hashable, Sendable, Codable {
        /// Members who told at least one counted win.
        public var contributors: Int
        /// Members visible in the scope.
        public var members: Int
        /// For each number of wins, how many members told that many, fewest wins first.
        public var distribution: [Bin]
        /// Each contributor's count, by name; only when the query asks for names.
        public var byMember: [MemberWins]?
        /// Members left out of ``distribution`` by small-cell suppression (``DashboardQuery/minimumGroupSize``).
        public var suppressedMembers: Int

        /// How many members told `wins` wins.
        public struct Bin: Hashable, Sendable, Codable {
            /// A number of counted wins.
            public var wins: Int
            /// Members who told exactly that many.
            public var members: Int
            /// A value with every field given.
            public init(wins: Int, members: Int) {
                self.wins = wins
                self.members = members
            }
        }

        /// One member's count.
        public struct MemberWins: Hashable, Sendable, Codable {
            /// The member.
            public var member: Member.ID
            /// The member's name.
            public var name: String
            /// Counted wins the member told.
            public var wins: Int
            /// A value with every field given.
            public init(member: Member.ID, name: String, wins: Int) {
                self.member = member
                self.name = name
                self.wins = wins
            }
        }
        /// A value with every field given.
        public init(contributors: Int, members: Int, distribution: [Bin], byMember: [MemberWins]? = nil, suppressedMembers: Int = 0) {
            self.contributors = contributors
            self.members = members
            self.distribution = distribution
            self.byMember = byMember
            self.suppressedMembers = suppressedMembers
        }
    }

    /// Celebrations and shout-outs of the counted wins.
    public struct Recognition: Hashable, Sendable, Codable {
        /// Celebrations by kind, every kind listed.
        public var celebrations: [KindCount]
        /// Shout-outs given in the counted wins.
        public var shoutOuts: Int
        /// Who recognised whom: celebrations (celebrating member to author) and shout-outs (author to colleague).
        public var pairs: [Pair]
        /// Pairs left out by small-cell suppression (``DashboardQuery/minimumGroupSize``).
        public var suppressedPairs: Int

        /// Celebrations of one kind.
        public struct KindCount: Hashable, Sendable, Codable {
            /// The kind of celebration.
            public var kind: Celebration.Kind
            /// Celebrations of that kind.
            public var count: Int
            /// A value with every field given.
            public init(kind: Celebration.Kind, count: Int) {
                self.kind = kind
                self.count = count
            }
        }

        /// Recognition from one member to another.
        public struct Pair: Hashable, Sendable, Codable {
            /// Who recognised: the celebrating member, or the author giving a shout-out.
            public var from: Member.ID
            /// Who was recognised: the win's author, or the colleague named in a shout-out.
            public var to: Member.ID
            /// Names, only when the query asks for them.
            public var fromName: String?
            /// The recognised member's name, only when the query asks for names.
            public var toName: String?
            /// Celebrations from `from` of wins `to` told.
            public var celebrations: Int
            /// Shout-outs `from` gave `to` in counted wins.
            public var shoutOuts: Int
            /// A value with every field given.
            public init(from: Member.ID, to: Member.ID, fromName: String? = nil, toName: String? = nil, celebrations: Int, shoutOuts: Int) {
                self.from = from
                self.to = to
                self.fromName = fromName
                self.toName = toName
                self.celebrations = celebrations
                self.shoutOuts = shoutOuts
            }
        }
        /// A value with every field given.
        public init(celebrations: [KindCount], shoutOuts: Int, pairs: [Pair], suppressedPairs: Int = 0) {
            self.celebrations = celebrations
            self.shoutOuts = shoutOuts
            self.pairs = pairs
            self.suppressedPairs = suppressedPairs
        }
    }

    /// Consecutive weeks with at least one win.
    public struct Streak: Hashable, Sendable, Codable {
        /// How many weeks in a row, ending with the period's last week (or the week before it, while the
        /// last week has no win yet).
        public var weeks: Int
        /// The Monday of the streak's latest week, if there is a streak.
        public var latestWeek: Day?
        /// A value with every field given.
        public init(weeks: Int, latestWeek: Day? = nil) {
            self.weeks = weeks
            self.latestWeek = latestWeek
        }
    }

    /// A much-celebrated win.
    public struct BrightSpot: Hashable, Sendable, Codable {
        /// The win.
        public var win: Win.ID
        /// The win's title.
        public var title: String
        /// Success or lesson learned.
        public var kind: Win.Kind
        /// The day it happened.
        public var day: Day
        /// The team it belongs to.
        public var team: Team.ID
        /// Its celebrations.
        public var celebrations: Int
        /// The story's beginning, at most 280 characters, cut at a word.
        public var excerpt: String
        /// A value with every field given.
        public init(win: Win.ID, title: String, kind: Win.Kind, day: Day, team: Team.ID, celebrations: Int, excerpt: String) {
            self.win = win
            self.title = title
            self.kind = kind
            self.day = day
            self.team = team
            self.celebrations = celebrations
            self.excerpt = excerpt
        }
    }

    /// A learning question and what was tried.
    public struct AgendaQuestion: Hashable, Sendable, Codable {
        /// The learning question.
        public var question: LearningQuestion.ID
        /// The question as the team wrote it.
        public var text: String
        /// Whether the team is still learning about it.
        public var status: LearningQuestion.Status
        /// The goal it serves, if any.
        public var goal: Goal.ID?
        /// What the team tried to answer it, by title.
        public var attempts: [AgendaAttempt]
        /// A value with every field given.
        public init(question: LearningQuestion.ID, text: String, status: LearningQuestion.Status, goal: Goal.ID? = nil, attempts: [AgendaAttempt]) {
            self.question = question
            self.text = text
            self.status = status
            self.goal = goal
            self.attempts = attempts
        }
    }

    /// An attempt and the counted wins and lessons that came from it.
    public struct AgendaAttempt: Hashable, Sendable, Codable {
        /// The attempt.
        public var attempt: Attempt.ID
        /// The attempt's title.
        public var title: String
        /// Where the attempt stands.
        public var status: Attempt.Status
        /// Counted successes that came from it.
        public var successes: Int
        /// Counted lessons learned that came from it.
        public var lessons: Int
        /// The latest of those wins (at most five), newest first.
        public var latestWins: [Win.ID]
        /// A value with every field given.
        public init(attempt: Attempt.ID, title: String, status: Attempt.Status, successes: Int, lessons: Int, latestWins: [Win.ID]) {
            self.attempt = attempt
            self.title = title
            self.status = status
            self.successes = successes
            self.lessons = lessons
            self.latestWins = latestWins
        }
    }
    /// A value with every field given.
    public init(
        scope: Team.ID? = nil, period: Period, bucket: DashboardQuery.Bucket, equityThreshold: Double = 0.2, totals: Totals,
        timeline: [TimelinePoint],
        byGoal: [GoalCount], byTheme: [ThemeCount], byGroup: [GroupCount], byTeam: [TeamCount], equity: [GoalEquity],
        participation: Participation, recognition: Recognition, streak: Streak, brightSpots: [BrightSpot],
        learningAgenda: [AgendaQuestion]
    ) {
        self.scope = scope
        self.period = period
        self.bucket = bucket
        self.equityThreshold = equityThreshold
        self.totals = totals
        self.timeline = timeline
        self.byGoal = byGoal
        self.byTheme = byTheme
        self.byGroup = byGroup
        self.byTeam = byTeam
        self.equity = equity
        self.participation = participation
        self.recognition = recognition
        self.streak = streak
        self.brightSpots = brightSpots
        self.learningAgenda = learningAgenda
    }
}

extension Dashboard.BrightSpot {
    /// The story's beginning: at most 280 characters, on one line, cut at a word.
    package static func excerpt(_ story: String) -> String {
        let line = story.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard line.count > 280 else { return line }
        let cut = line.prefix(280)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .whitespaces) + "…"
    }
}
