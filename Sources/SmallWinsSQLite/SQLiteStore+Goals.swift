import Foundation
import GRDB
import SmallWins

private let goalColumns = """
    goal.*, (SELECT group_concat(group_id, ',') FROM
        (SELECT group_id FROM goal_focus_group WHERE goal_id = goal.id ORDER BY position)) AS focus_group_ids
    """

extension SQLiteStore {
    public func create(_ goal: Goal) async throws -> Goal {
        try goal.validate()
        return try await write { context in
            try context.requireNew(goal.id.uuid, in: "goal")
            let tenant = try context.checkReferences(of: goal)
            try context.db.execute(sql: """
                INSERT INTO goal (id, tenant_id, team_id, title, summary, looks_like, sounds_like, feels_like, start_day, end_day, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    goal.id.description, tenant, goal.team.description, goal.title, goal.summary,
                    jsonText(goal.success.looksLike), jsonText(goal.success.soundsLike), jsonText(goal.success.feelsLike),
                    goal.start?.iso, goal.end?.iso, goal.status.rawValue,
                ])
            try context.insertFocusGroups(of: goal)
            try context.log(.goal, .created, id: goal.id.uuid, team: goal.team.description, tenant: tenant)
            return goal
        }
    }

    public func goal(_ id: Goal.ID) async throws -> Goal {
        try await read { context in
            guard let row = try Row.fetchOne(context.db, sql: "SELECT \(goalColumns) FROM goal WHERE id = ?",
                                             arguments: [id.description]),
                  try context.isInLineage(row["team_id"])
            else { throw SmallWinsError.notFound(.goal, id: id.uuid) }
            return try Goal(row: row)
        }
    }

    public func goals() async throws -> [Goal] {
        try await read { context in
            try context.scopedRows(
                "SELECT \(goalColumns) FROM goal WHERE team_id IN (SELECT id FROM lineage) ORDER BY title, id"
            ).map(Goal.init(row:))
        }
    }

    public func update(_ goal: Goal) async throws -> Goal {
        try goal.validate()
        return try await write { context in
            let tenant = try context.requireWritableOwned("goal", goal.id.uuid, kind: .goal)
            if try context.checkReferences(of: goal) != tenant {
                throw SmallWinsError.invalid(field: "team", reason: "cannot move to another district")
            }
            try context.db.execute(sql: """
                UPDATE goal SET team_id = ?, title = ?, summary = ?, looks_like = ?, sounds_like = ?, feels_like = ?,
                start_day = ?, end_day = ?, status = ? WHERE id = ?
                """, arguments: [
                    goal.team.description, goal.title, goal.summary, jsonText(goal.success.looksLike),
                    jsonText(goal.success.soundsLike), jsonText(goal.success.feelsLike), goal.start?.iso, goal.end?.iso,
                    goal.status.rawValue, goal.id.description,
                ])
            try context.db.execute(sql: "DELETE FROM goal_focus_group WHERE goal_id = ?", arguments: [goal.id.description])
            try context.insertFocusGroups(of: goal)
            try context.log(.goal, .updated, id: goal.id.uuid, team: goal.team.description, tenant: tenant)
            return goal
        }
    }

    public func delete(_ id: Goal.ID) async throws {
        try await deleteOwned(.goal, id: id.uuid)
    }

    // MARK: Learning questions

    public func create(_ question: LearningQuestion) async throws -> LearningQuestion {
        try question.validate()
        return try await write { context in
            try context.requireNew(question.id.uuid, in: "learning_question")
            let tenant = try context.checkReferences(of: question)
            try context.db.execute(sql: """
                INSERT INTO learning_question (id, tenant_id, team_id, goal_id, text, status, answer) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [question.id.description, tenant, question.team.description, question.goal?.description,
                                 question.text, question.status.rawValue, question.answer])
            try context.log(.learningQuestion, .created, id: question.id.uuid, team: question.team.description, tenant: tenant)
            return question
        }
    }

    public func learningQuestion(_ id: LearningQuestion.ID) async throws -> LearningQuestion {
        try await read { context in
            guard let row = try Row.fetchOne(context.db, sql: "SELECT * FROM learning_question WHERE id = ?",
                                             arguments: [id.description]),
                  try context.isInLineage(row["team_id"])
            else { throw SmallWinsError.notFound(.learningQuestion, id: id.uuid) }
            return try LearningQuestion(row: row)
        }
    }

    public func learningQuestions() async throws -> [LearningQuestion] {
        try await read { context in
            try context.scopedRows(
                "SELECT * FROM learning_question WHERE team_id IN (SELECT id FROM lineage) ORDER BY text, id"
            ).map(LearningQuestion.init(row:))
        }
    }

    public func update(_ question: LearningQuestion) async throws -> LearningQuestion {
        try question.validate()
        return try await write { context in
            let tenant = try context.requireWritableOwned("learning_question", question.id.uuid, kind: .learningQuestion)
            let stored = try String.fetchOne(context.db, sql: "SELECT team_id FROM learning_question WHERE id = ?",
                                             arguments: [question.id.description])
            if stored != question.team.description {
                throw SmallWinsError.invalid(field: "team", reason: "a learning question stays with its team")
            }
            _ = try context.checkReferences(of: question)
            try context.db.execute(sql: """
                UPDATE learning_question SET goal_id = ?, text = ?, status = ?, answer = ? WHERE id = ?
                """, arguments: [question.goal?.description, question.text, question.status.rawValue, question.answer,
                                 question.id.description])
            try context.log(.learningQuestion, .updated, id: question.id.uuid, team: question.team.description, tenant: tenant)
            return question
        }
    }

    public func delete(_ id: LearningQuestion.ID) async throws {
        try await deleteOwned(.learningQuestion, id: id.uuid)
    }

    // MARK: Attempts

    public func create(_ attempt: Attempt) async throws -> Attempt {
        try attempt.validate()
        return try await write { context in
            try context.requireNew(attempt.id.uuid, in: "attempt")
            let (team, tenant) = try context.questionTeam(attempt.question)
            try context.db.execute(sql: """
                INSERT INTO attempt (id, tenant_id, team_id, question_id, title, description, start_day, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [attempt.id.description, tenant, team, attempt.question.description, attempt.title,
                                 attempt.description, attempt.start?.iso, attempt.status.rawValue])
            try context.log(.attempt, .created, id: attempt.id.uuid, team: team, tenant: tenant)
            return attempt
        }
    }

    public func attempt(_ id: Attempt.ID) async throws -> Attempt {
        try await read { context in
            guard let row = try Row.fetchOne(context.db, sql: "SELECT * FROM attempt WHERE id = ?", arguments: [id.description]),
                  try context.isInLineage(row["team_id"])
            else { throw SmallWinsError.notFound(.attempt, id: id.uuid) }
            return try Attempt(row: row)
        }
    }

    public func attempts(question: LearningQuestion.ID?) async throws -> [Attempt] {
        try await read { context in
            var sql = "SELECT * FROM attempt WHERE team_id IN (SELECT id FROM lineage)"
            var arguments: StatementArguments = []
            if let question {
                sql += " AND question_id = ?"
                arguments += [question.description]
            }
            return try context.scopedRows(sql + " ORDER BY title, id", arguments: arguments).map(Attempt.init(row:))
        }
    }

    public func update(_ attempt: Attempt) async throws -> Attempt {
        try attempt.validate()
        return try await write { context in
            let tenant = try context.requireWritableOwned("attempt", attempt.id.uuid, kind: .attempt)
            let (team, _) = try context.questionTeam(attempt.question)
            try context.db.execute(sql: """
                UPDATE attempt SET team_id = ?, question_id = ?, title = ?, description = ?, start_day = ?, status = ? WHERE id = ?
                """, arguments: [team, attempt.question.description, attempt.title, attempt.description, attempt.start?.iso,
                                 attempt.status.rawValue, attempt.id.description])
            try context.log(.attempt, .updated, id: attempt.id.uuid, team: team, tenant: tenant)
            return attempt
        }
    }

    public func delete(_ id: Attempt.ID) async throws {
        try await deleteOwned(.attempt, id: id.uuid)
    }

    /// Deletes a record kept by a team (its table has a `team_id`) after the scope and reference checks.
    func deleteOwned(_ kind: EntityKind, id: UUID) async throws {
        let table = kind.table
        try await write { context in
            let tenant = try context.requireWritableOwned(table, id, kind: kind)
            let team = try String.fetchOne(context.db, sql: "SELECT team_id FROM \(table) WHERE id = ?",
                                           arguments: [id.lowercaseText])!
            try context.refuseIfReferenced(kind, id: id)
            try context.db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id.lowercaseText])
            try context.log(kind, .deleted, id: id, team: team, tenant: tenant)
        }
    }
}

extension SQLiteContext {
    /// Checks a goal's team and focus groups; returns its tenant.
    func checkReferences(of goal: Goal) throws -> String {
        let chain = try requireWritable(team: goal.team, field: "team")
        try requireKept(goal.focusGroups.map(\.uuid), in: "student_group", by: chain, field: "focusGroups", kind: .studentGroup)
        return try tenant(of: chain)
    }

    /// Checks a learning question's team and goal; returns its tenant.
    func checkReferences(of question: LearningQuestion) throws -> String {
        let chain = try requireWritable(team: question.team, field: "team")
        if let goal = question.goal {
            try requireKept([goal.uuid], in: "goal", by: chain, field: "goal", kind: .goal)
        }
        return try tenant(of: chain)
    }

    /// The team and tenant of a learning question that attempts may be added to.
    func questionTeam(_ question: LearningQuestion.ID) throws -> (team: String, tenant: String) {
        guard let row = try Row.fetchOne(db, sql: "SELECT team_id, tenant_id FROM learning_question WHERE id = ?",
                                         arguments: [question.description]),
              try isInLineage(row["team_id"])
        else { throw SmallWinsError.unknownReference(field: "question", .learningQuestion, id: question.uuid) }
        let team: String = row["team_id"]
        if !(try isInSubtree(team)) { throw SmallWinsError.outOfScope(field: "question", id: question.uuid) }
        return (team, row["tenant_id"])
    }

    func insertFocusGroups(of goal: Goal) throws {
        for (position, group) in goal.focusGroups.enumerated() {
            try db.execute(sql: "INSERT INTO goal_focus_group (goal_id, group_id, position) VALUES (?, ?, ?)",
                           arguments: [goal.id.description, group.description, position])
        }
    }
}

extension Goal {
    init(row: Row) throws {
        self.init(
            id: try row.id("id"), team: try row.id("team_id"), title: row["title"], summary: row["summary"],
            success: SuccessCriteria(looksLike: try row.lines("looks_like"), soundsLike: try row.lines("sounds_like"),
                                     feelsLike: try row.lines("feels_like")),
            focusGroups: try row.ids("focus_group_ids"), start: try row.optionalDay("start_day"),
            end: try row.optionalDay("end_day"), status: try row.value("status"))
    }
}

extension LearningQuestion {
    init(row: Row) throws {
        self.init(id: try row.id("id"), team: try row.id("team_id"), text: row["text"], goal: try row.optionalID("goal_id"),
                  status: try row.value("status"), answer: row["answer"])
    }
}

extension Attempt {
    init(row: Row) throws {
        self.init(id: try row.id("id"), question: try row.id("question_id"), title: row["title"],
                  description: row["description"], start: try row.optionalDay("start_day"), status: try row.value("status"))
    }
}
