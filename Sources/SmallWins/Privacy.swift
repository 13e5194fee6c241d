import Foundation

extension Dashboard {
    /// The dashboard with small cells of member-level breakdowns left out: participation bins, members'
    /// counts and recognition pairs of fewer than `minimumGroupSize`; all of them when the scope has fewer
    /// members than that. Totals, timelines and counts by goal, theme, group and team stay as they are (a store
    /// also leaves out, before this, the wins of teams, and of a team's cells, written by fewer people:
    /// ``DashboardQuery/minimumGroupSize``).
    public func suppressingSmallGroups(_ minimumGroupSize: Int) -> Dashboard {
        guard minimumGroupSize > 1 else { return self }
        var board = self
        let tooFew = participation.members < minimumGroupSize
        let bins = board.participation.distribution
        board.participation.distribution = tooFew ? [] : bins.filter { $0.members >= minimumGroupSize }
        board.participation.suppressedMembers = bins.map(\.members).reduce(0, +)
            - board.participation.distribution.map(\.members).reduce(0, +)
        board.participation.byMember = tooFew ? nil : board.participation.byMember?.filter { $0.wins >= minimumGroupSize }
        let pairs = board.recognition.pairs
        board.recognition.pairs = tooFew ? [] : pairs.filter { $0.celebrations + $0.shoutOuts >= minimumGroupSize }
        board.recognition.suppressedPairs = pairs.count - board.recognition.pairs.count
        return board
    }

    /// The dashboard with every member id, name, win id and celebration id replaced by its stand-in from
    /// `pseudonyms` (counts unchanged).
    public func pseudonymized(_ pseudonyms: Pseudonyms) -> Dashboard {
        var board = self
        board.participation.byMember = board.participation.byMember?.map {
            Participation.MemberWins(member: pseudonyms.member($0.member), name: pseudonyms.name(of: $0.member), wins: $0.wins)
        }
        board.recognition.pairs = board.recognition.pairs.map { original in
            var pair = original
            pair.fromName = original.fromName.map { _ in pseudonyms.name(of: original.from) }
            pair.toName = original.toName.map { _ in pseudonyms.name(of: original.to) }
            (pair.from, pair.to) = (pseudonyms.member(original.from), pseudonyms.member(original.to))
            return pair
        }
        board.brightSpots = board.brightSpots.map {
            var spot = $0
            spot.win = pseudonyms.win($0.win)
            return spot
        }
        board.learningAgenda = board.learningAgenda.map {
            var question = $0
            question.attempts = $0.attempts.map {
                var attempt = $0
                attempt.latestWins = $0.latestWins.map(pseudonyms.win)
                return attempt
            }
            return question
        }
        return board
    }
}

extension ExportContent {
    /// The content with every member id, name and email, and every win and celebration id, replaced by its
    /// stand-in from `pseudonyms`, consistently in every list (see ``Pseudonyms``). Stories, titles and
    /// messages are exported as written: names typed inside them stay.
    public func pseudonymized(_ pseudonyms: Pseudonyms) -> ExportContent {
        var content = self
        content.members = members.map { original in
            var member = original
            member.id = pseudonyms.member(original.id)
            member.name = pseudonyms.name(of: original.id)
            member.email = original.email.map { _ in pseudonyms.email(of: original.id) }
            return member
        }
        content.memberships = memberships.map {
            var membership = $0
            membership.member = pseudonyms.member($0.member)
            return membership
        }
        content.winPages = winPages.map { batch in
            WinBatch(
                wins: batch.wins.map {
                    var win = $0
                    win.id = pseudonyms.win($0.id)
                    win.author = pseudonyms.member($0.author)
                    win.shoutOuts = $0.shoutOuts.map(pseudonyms.member)
                    return win
                },
                celebrations: batch.celebrations.map {
                    var celebration = $0
                    celebration.id = pseudonyms.celebration($0.id)
                    celebration.win = pseudonyms.win($0.win)
                    celebration.by = pseudonyms.member($0.by)
                    return celebration
                })
        }
        return content
    }
}
