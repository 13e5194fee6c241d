import Foundation
import OpenAPIRuntime
import SmallWins

/// Goals, the learning agenda and codebooks: created, replaced (`PUT`, the path naming the record) and deleted by
/// leads and coaches of the team that keeps them (``MemberSession``).
extension APIHandler {
    func createGoal(_ input: Operations.CreateGoal.Input) async throws -> Operations.CreateGoal.Output {
        guard case let .json(goal) = input.body else { throw Self.unsupportedBody }
        return .created(.init(body: .json(try await session().create(goal))))
    }

    func updateGoal(_ input: Operations.UpdateGoal.Input) async throws -> Operations.UpdateGoal.Output {
        guard case var .json(goal) = input.body else { throw Self.unsupportedBody }
        goal.id = Goal.ID(input.path.id)
        return .ok(.init(body: .json(try await session().update(goal))))
    }

    func deleteGoal(_ input: Operations.DeleteGoal.Input) async throws -> Operations.DeleteGoal.Output {
        try await session().deleteGoal(Goal.ID(input.path.id))
        return .noContent(.init())
    }

    func createLearningQuestion(_ input: Operations.CreateLearningQuestion.Input) async throws -> Operations.CreateLearningQuestion.Output {
        guard case let .json(question) = input.body else { throw Self.unsupportedBody }
        return .created(.init(body: .json(try await session().create(question))))
    }

    func updateLearningQuestion(_ input: Operations.UpdateLearningQuestion.Input) async throws -> Operations.UpdateLearningQuestion.Output {
        guard case var .json(question) = input.body else { throw Self.unsupportedBody }
        question.id = LearningQuestion.ID(input.path.id)
        return .ok(.init(body: .json(try await session().update(question))))
    }

    func deleteLearningQuestion(_ input: Operations.DeleteLearningQuestion.Input) async throws -> Operations.DeleteLearningQuestion.Output {
        try await session().deleteLearningQuestion(LearningQuestion.ID(input.path.id))
        return .noContent(.init())
    }

    func createAttempt(_ input: Operations.CreateAttempt.Input) async throws -> Operations.CreateAttempt.Output {
        guard case let .json(attempt) = input.body else { throw Self.unsupportedBody }
        return .created(.init(body: .json(try await session().create(attempt))))
    }

    func updateAttempt(_ input: Operations.UpdateAttempt.Input) async throws -> Operations.UpdateAttempt.Output {
        guard case var .json(attempt) = input.body else { throw Self.unsupportedBody }
        attempt.id = Attempt.ID(input.path.id)
        return .ok(.init(body: .json(try await session().update(attempt))))
    }

    func deleteAttempt(_ input: Operations.DeleteAttempt.Input) async throws -> Operations.DeleteAttempt.Output {
        try await session().deleteAttempt(Attempt.ID(input.path.id))
        return .noContent(.init())
    }

    func createTheme(_ input: Operations.CreateTheme.Input) async throws -> Operations.CreateTheme.Output {
        guard case let .json(theme) = input.body else { throw Self.unsupportedBody }
        return .created(.init(body: .json(try await session().create(theme))))
    }

    func updateTheme(_ input: Operations.UpdateTheme.Input) async throws -> Operations.UpdateTheme.Output {
        guard case var .json(theme) = input.body else { throw Self.unsupportedBody }
        theme.id = Theme.ID(input.path.id)
        return .ok(.init(body: .json(try await session().update(theme))))
    }

    func deleteTheme(_ input: Operations.DeleteTheme.Input) async throws -> Operations.DeleteTheme.Output {
        try await session().deleteTheme(Theme.ID(input.path.id))
        return .noContent(.init())
    }

    func createStudentGroup(_ input: Operations.CreateStudentGroup.Input) async throws -> Operations.CreateStudentGroup.Output {
        guard case let .json(group) = input.body else { throw Self.unsupportedBody }
        return .created(.init(body: .json(try await session().create(group))))
    }

    func updateStudentGroup(_ input: Operations.UpdateStudentGroup.Input) async throws -> Operations.UpdateStudentGroup.Output {
        guard case var .json(group) = input.body else { throw Self.unsupportedBody }
        group.id = StudentGroup.ID(input.path.id)
        return .ok(.init(body: .json(try await session().update(group))))
    }

    func deleteStudentGroup(_ input: Operations.DeleteStudentGroup.Input) async throws -> Operations.DeleteStudentGroup.Output {
        try await session().deleteStudentGroup(StudentGroup.ID(input.path.id))
        return .noContent(.init())
    }
}
