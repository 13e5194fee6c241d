import Foundation
import SmallWins

extension StoreConformance {
    static let codebookCases: [ConformanceCase] = [
        ConformanceCase("student groups round-trip; names are unique per team") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.studentGroup(f.iep.id), f.iep, "read back")
            try await checkConflict("name") { try await store.create(StudentGroup(name: "Students with IEPs", in: f.district.id)) }
            var renamed = f.iep
            renamed.name = "Students with IEPs or 504 plans"
            try checkEqual(try await store.update(renamed), renamed, "update")
            try checkEqual(try await store.studentGroups().map(\.name),
                           ["Multilingual learners", "Newcomers", "Students with IEPs or 504 plans"], "groups")
        },
        ConformanceCase("themes round-trip, update, and delete when unused") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.theme(f.discourse.id), f.discourse, "read back")
            var theme = f.family
            theme.description = "Families as partners in reading"
            try checkEqual(try await store.update(theme), theme, "update")
            try checkEqual(try await store.theme(theme.id), theme, "read back after update")
            try await store.delete(theme.id)
            try checkEqual(try await store.themes().map(\.name), ["Discourse", "Fluency"], "after delete")
        },
        ConformanceCase("codebook entries in use cannot be deleted") { store in
            let f = try await Fixture.make(in: store)
            _ = try await store.record(f.success(themes: [f.fluency.id], groups: [f.iep.id]))
            try await checkInUse(.theme, f.fluency.id.uuid) { try await store.delete(f.fluency.id) }
            try await checkInUse(.studentGroup, f.iep.id.uuid) { try await store.delete(f.iep.id) }
            try await checkInUse(.studentGroup, f.multilingual.id.uuid) { try await store.delete(f.multilingual.id) }
        },
        ConformanceCase("codebooks are inherited down the tree, never across") { store in
            let f = try await Fixture.make(in: store)
            let grade3 = try await store.scoped(to: f.northGrade3.id)
            try checkEqual(Set(try await grade3.themes().map(\.id)), [f.fluency.id, f.discourse.id, f.family.id], "north grade 3 themes")
            let south = try await store.scoped(to: f.south.id)
            try checkEqual(Set(try await south.themes().map(\.id)), [f.fluency.id, f.discourse.id], "south themes")
            try await checkThrows(.notFound(.theme, id: f.family.id.uuid)) { try await south.theme(f.family.id) }
            try checkEqual(Set(try await grade3.studentGroups().map(\.id)), [f.multilingual.id, f.iep.id], "north grade 3 groups")
            try await checkThrows(.outOfScope(field: "team", id: f.district.id.uuid)) {
                try await grade3.update(f.fluency)
            }
        },
    ]

    static let goalCases: [ConformanceCase] = [
        ConformanceCase("goals round-trip with success criteria and ordered focus groups") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.goal(f.readingGoal.id), f.readingGoal, "read back")
            var goal = f.readingGoal
            goal.focusGroups = [f.iep.id, f.multilingual.id]
            goal.success.feelsLike.append("proud")
            goal.status = .achieved
            goal.end = nil
            try checkEqual(try await store.update(goal), goal, "update")
            try checkEqual(try await store.goal(goal.id), goal, "read back after update")
            try checkEqual(try await store.goals(), [goal], "goals")
        },
        ConformanceCase("goal focus groups must be visible from the goal's team") { store in
            let f = try await Fixture.make(in: store)
            try await checkThrows(.unknownReference(field: "focusGroups", .studentGroup, id: f.newcomers.id.uuid)) {
                try await store.create(Goal(team: f.north.id, title: "Welcome newcomers", focusGroups: [f.newcomers.id]))
            }
            try await checkInvalid("focusGroups") {
                try await store.create(Goal(team: f.north.id, title: "Twice", focusGroups: [f.iep.id, f.iep.id]))
            }
        },
        ConformanceCase("goal days and texts are validated") { store in
            let f = try await Fixture.make(in: store)
            try await checkInvalid("end") {
                try await store.create(Goal(team: f.north.id, title: "Backwards", start: day("2027-01-01"), end: day("2026-01-01")))
            }
            try await checkInvalid("success.looksLike") {
                try await store.create(Goal(team: f.north.id, title: "Blank", success: SuccessCriteria(looksLike: [" "])))
            }
            try await checkInvalid("title") {
                try await store.create(Goal(team: f.north.id, title: String(repeating: "x", count: 201)))
            }
        },
        ConformanceCase("goals in use cannot be deleted") { store in
            let f = try await Fixture.make(in: store)
            try await checkInUse(.goal, f.readingGoal.id.uuid) { try await store.delete(f.readingGoal.id) }
            let spare = try await store.create(Goal(team: f.south.id, title: "Spare"))
            try await store.delete(spare.id)
            try await checkThrows(.notFound(.goal, id: spare.id.uuid)) { try await store.goal(spare.id) }
        },
        ConformanceCase("learning questions and attempts round-trip") { store in
            let f = try await Fixture.make(in: store)
            try checkEqual(try await store.learningQuestion(f.question.id), f.question, "question")
            try checkEqual(try await store.attempt(f.partnerReading.id), f.partnerReading, "attempt")
            var question = f.question
            question.status = .answered
            question.answer = "Yes, when pairs are mixed by fluency."
            try checkEqual(try await store.update(question), question, "answered")
            var attempt = f.partnerReading
            attempt.status = .adopted
            try checkEqual(try await store.update(attempt), attempt, "adopted")
            let second = try await store.create(Attempt(question: f.question.id, title: "Echo reading"))
            try checkEqual(try await store.attempts(question: f.question.id).map(\.id), [second.id, attempt.id], "attempts by title")
            try checkEqual(try await store.learningQuestions(), [question], "questions")
        },
        ConformanceCase("the learning agenda refuses deletes in use and unknown questions") { store in
            let f = try await Fixture.make(in: store)
            try await checkInUse(.learningQuestion, f.question.id.uuid) { try await store.delete(f.question.id) }
            var win = f.success()
            win.attempt = f.partnerReading.id
            _ = try await store.record(win)
            try await checkInUse(.attempt, f.partnerReading.id.uuid) { try await store.delete(f.partnerReading.id) }
            let missing = LearningQuestion.ID()
            try await checkThrows(.unknownReference(field: "question", .learningQuestion, id: missing.uuid)) {
                try await store.create(Attempt(question: missing, title: "Nothing"))
            }
        },
    ]
}
