import Foundation
import SmallWins

/// A small district every case can start from:
///
/// ```
/// Riverside District            groups: Multilingual learners, Students with IEPs; themes: Fluency, Discourse
/// ├── North Elementary          theme: Family partnership; goal: "Every reader reads fluently" (focus: both groups)
/// │   ├── North Grade 3         question "Does partner reading help?" with attempt "Partner reading"
/// │   └── North Grade 4
/// └── South Elementary          group: Newcomers
///     └── South Grade 3
/// ```
/// Members: Ana (North Grade 3, lead), Ben (North Grade 4), Cy (South Grade 3), Dee (North Elementary, principal).
struct Fixture {
    let district: Team, north: Team, northGrade3: Team, northGrade4: Team, south: Team, southGrade3: Team
    let ana: Member, ben: Member, cy: Member, dee: Member
    let multilingual: StudentGroup, iep: StudentGroup, newcomers: StudentGroup
    let fluency: Theme, discourse: Theme, family: Theme
    let readingGoal: Goal
    let question: LearningQuestion
    let partnerReading: Attempt

    static func make(in store: any WinStore) async throws -> Fixture {
        let district = try await store.create(Team(name: "Riverside District", kind: .district))
        let north = try await store.create(Team(name: "North Elementary", kind: .school, parent: district.id))
        let south = try await store.create(Team(name: "South Elementary", kind: .school, parent: district.id))
        let northGrade3 = try await store.create(Team(name: "Grade 3", kind: .team, parent: north.id))
        let northGrade4 = try await store.create(Team(name: "Grade 4", kind: .team, parent: north.id))
        let southGrade3 = try await store.create(Team(name: "Grade 3", kind: .team, parent: south.id))

        let ana = try await store.create(Member(name: "Ana Lopez", email: "ana@riverside.org", in: district.id))
        let ben = try await store.create(Member(name: "Ben Okafor", in: district.id))
        let cy = try await store.create(Member(name: "Cy Tran", in: south.id))
        let dee = try await store.create(Member(name: "Dee Marsh", in: north.id))
        _ = try await store.create(Membership(member: ana.id, team: northGrade3.id, role: .lead))
        _ = try await store.create(Membership(member: ben.id, team: northGrade4.id))
        _ = try await store.create(Membership(member: cy.id, team: southGrade3.id))
        _ = try await store.create(Membership(member: dee.id, team: north.id, role: .lead))

        let multilingual = try await store.create(StudentGroup(name: "Multilingual learners", in: district.id))
        let iep = try await store.create(StudentGroup(name: "Students with IEPs", description: "Any active IEP", in: district.id))
        let newcomers = try await store.create(StudentGroup(name: "Newcomers", in: south.id))
        let fluency = try await store.create(Theme(name: "Fluency", in: district.id))
        let discourse = try await store.create(Theme(name: "Discourse", description: "Students talking to learn", in: district.id))
        let family = try await store.create(Theme(name: "Family partnership", in: north.id))

        let readingGoal = try await store.create(Goal(
            team: north.id, title: "Every reader reads fluently", summary: "By spring, every third and fourth grader reads grade-level text fluently.",
            success: SuccessCriteria(looksLike: ["students reread to a partner"], soundsLike: ["I can read this!"], feelsLike: ["confident"]),
            focusGroups: [multilingual.id, iep.id], start: day("2026-08-24"), end: day("2027-06-11")))
        let question = try await store.create(LearningQuestion(
            team: northGrade3.id, text: "Does partner reading help our multilingual learners?", goal: readingGoal.id))
        let partnerReading = try await store.create(Attempt(
            question: question.id, title: "Partner reading", description: "Ten minutes a day in mixed pairs",
            start: day("2026-09-07"), status: .underway))
        return Fixture(
            district: district, north: north, northGrade3: northGrade3, northGrade4: northGrade4, south: south,
            southGrade3: southGrade3, ana: ana, ben: ben, cy: cy, dee: dee, multilingual: multilingual, iep: iep,
            newcomers: newcomers, fluency: fluency, discourse: discourse, family: family, readingGoal: readingGoal,
            question: question, partnerReading: partnerReading)
    }

    /// A success by Ana in North Grade 3, with overridable details.
    func success(
        _ title: String = "Partners reread without prompting", story: String = "Today my pairs reread the passage twice without me asking.",
        on date: String = "2026-10-05", themes: [Theme.ID] = [], groups: [StudentGroup.ID] = []
    ) -> Win {
        Win(team: northGrade3.id, author: ana.id, kind: .success, title: title, story: story, day: day(date),
            themes: themes, groups: groups)
    }
}
