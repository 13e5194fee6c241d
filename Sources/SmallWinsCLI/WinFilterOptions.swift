import ArgumentParser
import Foundation
import SmallWins

/// The win filters `win list` and `dashboard` share.
struct WinFilterOptions: ParsableArguments {
    @Option(help: "From this day, YYYY-MM-DD.") var from: String?
    @Option(help: "Through this day, YYYY-MM-DD.") var to: String?
    @Option(help: "success or lesson.") var kind: Win.Kind?
    @Option(name: .customLong("goal"), help: "Serving this goal (repeat for any of several).") var goals: [String] = []
    @Option(name: .customLong("attempt"), help: "From this attempt (repeat).") var attempts: [String] = []
    @Option(name: .customLong("theme"), help: "Coded with this theme (repeat).") var themes: [String] = []
    @Option(name: .customLong("group"), help: "Touching this student group (repeat).") var groups: [String] = []
    @Option(name: .customLong("author"), help: "Told by this member (repeat).") var authors: [String] = []
    @Option(name: .customLong("within"), help: "Of this team and the teams inside it (repeat).") var teams: [String] = []
    @Option(help: "Words that must appear in the title or story.") var text: String?

    /// The filters as a query, names resolved.
    func query(resolver: Resolver) async throws -> WinQuery {
        var query = WinQuery(kinds: kind.map { [$0] } ?? [], text: text)
        if from != nil || to != nil {
            query.period = try Period(try from.map { try Day(iso: $0, field: "--from") } ?? Day.earliest,
                                      through: try to.map { try Day(iso: $0, field: "--to") } ?? Day.latest)
        }
        for goal in goals { query.goals.insert(try await resolver.goal(goal).id) }
        for attempt in attempts { query.attempts.insert(try await resolver.attempt(attempt).id) }
        for theme in themes { query.themes.insert(try await resolver.theme(theme).id) }
        for group in groups { query.groups.insert(try await resolver.group(group).id) }
        for author in authors { query.authors.insert(try await resolver.member(author).id) }
        for team in teams { query.teams.insert(try await resolver.team(team).id) }
        return query
    }
}
