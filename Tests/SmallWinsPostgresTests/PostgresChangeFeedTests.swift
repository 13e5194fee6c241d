import Foundation
import SmallWins
import SmallWinsPostgres
import SmallWinsStoreTesting
import Testing

/// The change feed's promises on PostgreSQL, attacked: transactions that take their sequence numbers in one
/// order and commit in another, and a thousand listeners on one store.
@Suite("PostgreSQL change feed", .serialized)
struct PostgresChangeFeedTests {
    @Test func delayedCommitsLoseAndRepeatNothing() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let result = try await ChangeFeedCheck.outOfOrderCommits(on: store, writers: 8, rounds: 50)
            print("PostgreSQL change feed, 8 writers with delayed commits: \(result)")
            #expect(result.held, "\(result)")
        }
    }

    @Test func aThousandListenersDoNotSlowWriters() async throws {
        try await PostgresTestServer.withFreshStore { store in
            let cost = try await ChangeFeedCheck.listenerCost(on: store, listeners: 1000)
            print("PostgreSQL change feed: median write \(cost.none) with no listener, \(cost.many) with 1,000 listeners; "
                  + "\(cost.delivered) notices delivered to them")
            #expect(cost.delivered == 1000 * 40)
        }
    }
}
