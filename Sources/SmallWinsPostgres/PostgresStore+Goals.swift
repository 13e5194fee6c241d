import Foundation
import PostgresNIO
import SmallWins

extension PostgresStore {
    private var goalColumns: String {
        """
        goal.id, goal.team_id, goal.title, goal.summary, goal.looks_like, goal.sounds_like, goal.feels_like,
        \(PGText.day("goal.start_day")) AS start_day, \(PGText.day("goal.end_day")) AS end_day, goal.status,
        ARRAY(SELECT group_id FROM \(s)goal_focus_group WHERE goal_id = goal.id ORDER BY position) AS focus_group_ids
        """
    }

    public func create(_ goal: Goal) async throws -> Goal {
        try goal.validate()
        return try await write { context in
            try await context.requireNew(goal.id.uuid, in: "goal")
            let tenant = try await context.checkReferences(of: goal)
            try await context.execute("""
                INSERT INTO \(raw: s)goal (id, tenant_id, team_id, title, summary, looks_like, sounds_like, feels_like, start_day, end_day, status)
                VALUES (\(goal.id.uuid), \(tenant), \(goal.team.uuid), \(goal.title), \(goal.summary), \(goal.success.looksLike),
                        \(goal.success.soundsLike), \(goal.success.feelsLike), \(goal.start?.iso)::date, \(goal.end?.iso)::date,
                        \(goal.status.rawValue))
                """)
            try await context.insertFocusGroups(of: goal)
            try await context.log(.goal, .created, id: goal.id.uuid, team: goal.team.uuid, tenant: tenant)
            return goal
        }
    }

    public func goal(_ id: Goal.ID) async throws -> Goal {
        let columns = goalColumns
        return try await read { context in
            guard let row = try await context.row("SELECT \(raw: columns) FROM \(raw: s)goal WHERE id = \(id.uuid)"),
                  try await context.isInLineage(try row.uuid("team_id"))
            else { throw SmallWinsError.notFound(.goal, id: id.uuid) }
            return try Goal(row: row)
        }
    }

    public func goals() async throws -> [Goal] {
        let columns = goalColumns
        return try await read { context in
            try await context.scopedRows("""
                SELECT \(raw: columns) FROM \(raw: s)goal WHERE team_id IN (SELECT id FROM lineage) ORDER BY title COLLATE "C", id
                """).map(Goal.init(row:))
        }
    }

    public func update(_ goal: Goal) async throws -> Goal {
        try goal.validate()
        return try await write { context in
            let tenant = try await context.requireWritableOwned("goal", goal.id.uuid, kind: .goal)
            if try await context.checkReferences(of: goal) != tenant {
                throw SmallWinsError.invalid(field: "team", reason: "cannot move to another district")
            }
            try await context.execute("""
                UPDATE \(raw: s)goal SET team_id = \(goal.team.uuid), title = \(goal.title), summary = \(goal.summary),
                looks_like = \(goal.success.looksLike), sounds_like = \(goal.success.soundsLike), feels_like = \(goal.success.feelsLike),
                start_day = \(goal.start?.iso)::date, end_day = \(goal.end?.iso)::date, status = \(goal.status.rawValue)
                WHERE id = \(goal.id.uuid)
                """)
            try await context.execute("DELETE FROM \(raw: s)goal_focus_group WHERE goal_id = \(goal.id.uuid)")
            try await context.insertFocusGroups(of: goal)
            try await context.log(.goal, .updated, id: goal.id.uuid, team: goal.team.uuid, tenant: tenant)
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
            try await context.requireNew(question.id.uuid, in: "learning_question")
            let tenant = try await context.checkReferences(of: question)
            try await context.execute("""
                INSERT INTO \(raw: s)learning_question (id, tenant_id, team_id, goal_id, text, status, answer)
                VALUES (\(question.id.uuid), \(tenant), \(question.team.uuid), \(question.goal?.uuid), \(question.text),
                        \(question.status.rawValue), \(question.answer))
                """)
            try await context.log(.learningQuestion, .created, id: question.id.uuid, team: question.team.uuid, tenant: tenant)
            return question
        }
    }

    public func learningQuestion(_ id: LearningQuestion.ID) async throws -> LearningQuestion {
        try await read { context in
            guard let row = try await context.row("SELECT * FROM \(raw: s)learning_question WHERE id = \(id.uuid)"),
                  try await context.isInLineage(try row.uuid("team_id"))
            else { throw SmallWinsError.notFound(.learningQuestion, id: id.uuid) }
            return try LearningQuestion(row: row)
        }
    }

    public func learningQuestions() async throws -> [LearningQuestion] {
        try await read { context in
            try await context.scopedRows("""
                SELECT * FROM \(raw: s)learning_question WHERE team_id IN (SELECT id FROM lineage) ORDER BY text COLLATE "C", id
                """).map(LearningQuestion.init(row:))
        }
    }

    public func update(_ question: LearningQuestion) async throws -> LearningQuestion {
        try question.validate()
        return try await write { context in
            let tenant = try await context.requireWritableOwned("learning_question", question.id.uuid, kind: .learningQuestion)
            let stored = try await context.row("SELECT team_id FROM \(raw: s)learning_question WHERE id = \(question.id.uuid)")!
            if try stored.uuid("team_id") != question.team.uuid {
                throw SmallWinsError.invalid(field: "team", reason: "a learning question stays with its team")
            }
            _ = try await context.checkReferences(of: question)
            try await context.execute("""
                UPDATE \(raw: s)learning_question SET goal_id = \(question.goal?.uuid), text = \(question.text),
                status = \(question.status.rawValue), answer = \(question.answer) WHERE id = \(question.id.uuid)
                """)
            try await context.log(.learningQuestion, .updated, id: question.id.uuid, team: question.team.uuid, tenant: tenant)
            return question
        }
    }

    public func delete(_ id: LearningQuestion.ID) async throws {
        try await deleteOwned(.learningQuestion, id: id.uuid)
    }

    // MARK: Attempts

    private var attemptColumns: String {
        "id, question_id, title, description, \(PGText.day("start_day")) AS start_day, status, team_id"
    }

    public func create(_ attempt: Attempt) async throws -> Attempt {
        try attempt.validate()
        return try await write { context in
            try await context.requireNew(attempt.id.uuid, in: "attempt")
            let (team, tenant) = try await context.questionTeam(attempt.question)
            try await context.execute("""
                INSERT INTO \(raw: s)attempt (id, tenant_id, team_id, question_id, title, description, start_day, status)
                VALUES (\(attempt.id.uuid), \(tenant), \(team), \(attempt.question.uuid), \(attempt.title), \(attempt.description),
                        \(attempt.start?.iso)::date, \(attempt.status.rawValue))
                """)
            try await context.log(.attempt, .created, id: attempt.id.uuid, team: team, tenant: tenant)
            return attempt
        }
    }

    public func attempt(_ id: Attempt.ID) async throws -> Attempt {
        let columns = attemptColumns
        return try await read { context in
            guard let row = try await context.row("SELECT \(raw: columns) FROM \(raw: s)attempt WHERE id = \(id.uuid)"),
                  try await context.isInLineage(try row.uuid("team_id"))
            else { throw SmallWinsError.notFound(.attempt, id: id.uuid) }
            return try Attempt(row: row)
        }
    }

    public func attempts(question: LearningQuestion.ID?) async throws -> [Attempt] {
        let columns = attemptColumns
        return try await read { context in
            var query: PGQuery = "SELECT \(raw: columns) FROM \(raw: s)attempt WHERE team_id IN (SELECT id FROM lineage)"
            if let question { query += " AND question_id = \(question.uuid)" }
            return try await context.scopedRows(query + " ORDER BY title COLLATE \"C\", id").map(Attempt.init(row:))
        }
    }

    public func update(_ attempt: Attempt) async throws -> Attempt {
        try attempt.validate()
        return try await write { context in
            let tenant = try await context.requireWritableOwned("attempt", attempt.id.uuid, kind: .attempt)
            let (team, _) = try await context.questionTeam(attempt.question)
            try await context.execute("""
                UPDATE \(raw: s)attempt SET team_id = \(team), question_id = \(attempt.question.uuid), title = \(attempt.title),
                description = \(attempt.description), start_day = \(attempt.start?.iso)::date, status = \(attempt.status.rawValue)
                WHERE id = \(attempt.id.uuid)
                """)
            try await context.log(.attempt, .updated, id: attempt.id.uuid, team: team, tenant: tenant)
            return attempt
        }
    }

    public func delete(_ id: Attempt.ID) async throws {
        try await deleteOwned(.attempt, id: id.uuid)
    }
}

extension PostgresContext {
    /// Checks a goal's team and focus groups; returns its tenant.
    func checkReferences(of goal: Goal) async throws -> UUID {
        let chain = try await requireWritable(team: goal.team, field: "team")
        try await requireKept(goal.focusGroups.map(\.uuid), in: "student_group", by: chain, field: "focusGroups", kind: .studentGroup)
        return try tenant(of: chain)
    }

    /// Checks a learning question's team and goal; returns its tenant.
    func checkReferences(of question: LearningQuestion) async throws -> UUID {
        let chain = try await requireWritable(team: question.team, field: "team")
        if let goal = question.goal {
            try await requireKept([goal.uuid], in: "goal", by: chain, field: "goal", kind: .goal)
        }
        return try tenant(of: chain)
    }

    /// The team and tenant of a learning question that attempts may be added to.
    func questionTeam(_ question: LearningQuestion.ID) async throws -> (team: UUID, tenant: UUID) {
        guard let row = try await row("SELECT team_id, tenant_id FROM \(raw: s)learning_question WHERE id = \(question.uuid)"),
              try await isInLineage(try row.uuid("team_id"))
        else { throw SmallWinsError.unknownReference(field: "question", .learningQuestion, id: question.uuid) }
        let team = try row.uuid("team_id")
        if !(try await isInSubtree(team)) { throw SmallWinsError.outOfScope(field: "question", id: question.uuid) }
        return (team, try row.uuid("tenant_id"))
    }

    func insertFocusGroups(of goal: Goal) async throws {
        guard !goal.focusGroups.isEmpty else { return }
        try await execute("""
            INSERT INTO \(raw: s)goal_focus_group (goal_id, group_id, position)
            SELECT \(goal.id.uuid), g.id, g.position - 1 FROM unnest(\(goal.focusGroups.map(\.uuid))::uuid[]) WITH ORDINALITY AS g(id, position)
            """)
    }
}

extension Goal {
    init(row: PostgresRandomAccessRow) throws {
        self.init(
            id: try row.id("id"), team: try row.id("team_id"), title: try row.string("title"), summary: try row.optionalString("summary"),
            success: SuccessCriteria(looksLike: try row.strings("looks_like"), soundsLike: try row.strings("sounds_like"),
                                     feelsLike: try row.strings("feels_like")),
            focusGroups: try row.ids("focus_group_ids"), start: try row.optionalDay("start_day"), end: try row.optionalDay("end_day"),
            status: try row.value("status"))
    }
}

extension LearningQuestion {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), team: try row.id("team_id"), text: try row.string("text"), goal: try row.optionalID("goal_id"),
                  status: try row.value("status"), answer: try row.optionalString("answer"))
    }
}

extension Attempt {
    init(row: PostgresRandomAccessRow) throws {
        self.init(id: try row.id("id"), question: try row.id("question_id"), title: try row.string("title"),
                  description: try row.optionalString("description"), start: try row.optionalDay("start_day"),
                  status: try row.value("status"))
    }
}
