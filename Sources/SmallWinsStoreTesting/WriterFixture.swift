import Foundation
import SmallWins

/// The smallest district a writing process needs: a district, a school, a team and a member of it, for the
/// crash-safety and change-feed tests that run `SmallWinsCrashWriter` against a store.
public enum WriterFixture {
    /// Creates the records in `store`; returns the team to write in and the member to write as.
    public static func prepare(_ store: any WinStore) async throws -> (team: Team.ID, member: Member.ID) {
        let district = try await store.create(Team(name: "Crash District", kind: .district))
        let school = try await store.create(Team(name: "Crash School", kind: .school, parent: district.id))
        let team = try await store.create(Team(name: "Crash Team", kind: .team, parent: school.id))
        let member = try await store.create(Member(name: "Writer", in: district.id))
        _ = try await store.create(Membership(member: member.id, team: team.id))
        return (team.id, member.id)
    }
}
