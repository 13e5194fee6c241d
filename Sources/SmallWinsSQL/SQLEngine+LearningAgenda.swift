import Foundation
import SmallWins

extension SQLStore {
    public func create(_ goal: Goal) async throws -> Goal {
        try goal.validate()
        return try await run(engine.create(goal))
    }

    public func goal(_ id: Goal.ID) async throws -> Goal { try await run(engine.goal(id)) }

    public func goals() async throws -> [Goal] { try await run(engine.goals()) }

    public func update(_ goal: Goal) async throws -> Goal {
        try goal.validate()
        return try await run(engine.update(goal))
    }

    public func delete(_ id: Goal.ID) async throws { try await run(engine.deleteOwned(.goal, id: id.uuid)) }

    public func create(_ question: LearningQuestion) async throws -> LearningQuestion {
        try question.validate()
        return try await run(engine.create(question))
    }

    public func learningQuestion(_ id: LearningQuestion.ID) async throws -> LearningQuestion {
        try await run(engine.learningQuestion(id))
    }

    public func learningQuestions() async throws -> [LearningQuestion] { try await run(engine.learningQuestions()) }

    public func update(_ question: LearningQuestion) async throws -> LearningQuestion {
        try question.validate()
        return try await run(engine.update(question))
    }

    public func delete(_ id: LearningQuestion.ID) async throws {
        try await run(engine.deleteOwned(.learningQuestion, id: id.uuid))
    }

    public func create(_ attempt: Attempt) async throws -> Attempt {
        try attempt.validate()
        return try await run(engine.create(attempt))
    }

    public func attempt(_ id: Attempt.ID) async throws -> Attempt { try await run(engine.attempt(id)) }

    public func attempts(question: LearningQuestion.ID?) async throws -> [Attempt] { try await run(engine.attempts(question: question)) }

    public func update(_ attempt: Attempt) async throws -> Attempt {
        try attempt.validate()
        return try await run(engine.update(attempt))
    }

    public func delete(_ id: Attempt.ID) async throws { try await run(engine.deleteOwned(.attempt, id: id.uuid)) }
}

/// Goals, learning questions and attempts: records a team keeps, with references checked against the team's
/// lineage.
extension SQLEngine {
    // MARK: Goals

    func create(_ goal: Goal) -> SQLPlan<Goal> {
        SQLPlan(writes: true, reads: [existing(goal.id.uuid, in: "goal")] + referenceFacts(of: goal)) { rows in
            try requireNew(goal.id.uuid, found: rows[0])
            let tenant = try checkReferences(of: goal, facts: rows[1...])
            let insert = statement("""
                INSERT INTO \(table: "goal") (id, tenant_id, team_id, title, summary, looks_like, sounds_like, feels_like, start_day, end_day, status)
                VALUES (\(goal.id), \(tenant), \(goal.team), \(goal.title), \(goal.summary), \(.lines(goal.success.looksLike)),
                        \(.lines(goal.success.soundsLike)), \(.lines(goal.success.feelsLike)), \(.day(goal.start)), \(.day(goal.end)),
                        \(goal.status.rawValue))
                """)
            return .write([.statement(insert)] + focusGroupInserts(of: goal, tenant: tenant) + log(.goal, .created, id: goal.id.uuid, team: goal.team.uuid, tenant: tenant),
                          then: goal)
        }
    }

    func goal(_ id: Goal.ID) -> SQLPlan<Goal> {
        SQLPlan(writes: false, reads: storedOwned(.goal, id: id.uuid, columns: goalColumns)) { rows in
            guard let row = try visibleOwned(facts: rows[0...]) else { throw SmallWinsError.notFound(.goal, id: id.uuid) }
            return .done(try Goal(row: row))
        }
    }

    func goals() -> SQLPlan<[Goal]> {
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(goalColumns) FROM \(table: "goal") WHERE \(kept(in: "lineage", by: "goal")) ORDER BY \(raw: dialect.binaryOrder("title")), id
            """)]) { rows in .done(try rows[0].map(Goal.init(row:))) }
    }

    func update(_ goal: Goal) -> SQLPlan<Goal> {
        SQLPlan(writes: true, reads: storedOwned(.goal, id: goal.id.uuid) + referenceFacts(of: goal)) { rows in
            let (tenant, _) = try requireWritableOwned(.goal, id: goal.id.uuid, facts: rows[0...])
            if try checkReferences(of: goal, facts: rows[3...]) != tenant {
                throw SmallWinsError.invalid(field: "team", reason: "cannot move to another district")
            }
            let change = statement("""
                UPDATE \(table: "goal") SET team_id = \(goal.team), title = \(goal.title), summary = \(goal.summary),
                looks_like = \(.lines(goal.success.looksLike)), sounds_like = \(.lines(goal.success.soundsLike)),
                feels_like = \(.lines(goal.success.feelsLike)), start_day = \(.day(goal.start)), end_day = \(.day(goal.end)),
                status = \(goal.status.rawValue)
                WHERE id = \(goal.id)
                """)
            let clear = statement("DELETE FROM \(table: "goal_focus_group") WHERE goal_id = \(goal.id)")
            let notice = log(.goal, .updated, id: goal.id.uuid, team: goal.team.uuid, tenant: tenant)
            return .write([.statement(change), .statement(clear)] + focusGroupInserts(of: goal, tenant: tenant) + notice, then: goal)
        }
    }

    /// What ``checkReferences(of:facts:)-goal`` reads: the team's ancestry and the focus groups' keepers.
    private func referenceFacts(of goal: Goal) -> [SQLStatement] {
        [ancestry(of: goal.team.uuid), keepers(of: goal.focusGroups.map(\.uuid), in: "student_group")]
    }

    /// Checks a goal's team and focus groups; returns its tenant.
    private func checkReferences(of goal: Goal, facts rows: ArraySlice<[SQLRow]>) throws -> UUID {
        let chain = try rows[rows.startIndex].ids()
        try requireWritable(goal.team.uuid, ancestry: chain, field: "team")
        try requireKept(goal.focusGroups.map(\.uuid), owners: owners(rows[rows.startIndex + 1]), by: chain, field: "focusGroups", kind: .studentGroup)
        return try tenant(of: chain)
    }

    private func focusGroupInserts(of goal: Goal, tenant: UUID) -> [SQLWrite] {
        let columns = [SQLColumn("goal_id", .id), SQLColumn("group_id", .id), SQLColumn("position", .integer), SQLColumn("tenant_id", .id)]
        let rows = goal.focusGroups.enumerated().map { [SQLValue.id(goal.id.uuid), .id($1.uuid), .integer(Int64($0)), .id(tenant)] }
        return rows.isEmpty ? [] : [.rows(SQLRowsInsert(table: "goal_focus_group", columns: columns, rows: rows))]
    }

    private var goalColumns: SQLText {
        """
        id, tenant_id, team_id, title, summary, \(raw: dialect.linesText("looks_like")) AS looks_like,
        \(raw: dialect.linesText("sounds_like")) AS sounds_like, \(raw: dialect.linesText("feels_like")) AS feels_like,
        start_day, end_day, status,
        \(dialect.joinedIDs("""
            SELECT group_id AS item FROM \(table: "goal_focus_group") f
            WHERE f.goal_id = \(table: "goal").id AND f.tenant_id = \(table: "goal").tenant_id\(inTenant("f")) ORDER BY position
            """)) AS focus_group_ids
        """
    }

    // MARK: Learning questions

    func create(_ question: LearningQuestion) -> SQLPlan<LearningQuestion> {
        SQLPlan(writes: true, reads: [existing(question.id.uuid, in: "learning_question")] + referenceFacts(of: question)) { rows in
            try requireNew(question.id.uuid, found: rows[0])
            let tenant = try checkReferences(of: question, facts: rows[1...])
            let insert = statement("""
                INSERT INTO \(table: "learning_question") (id, tenant_id, team_id, goal_id, text, status, answer)
                VALUES (\(question.id), \(tenant), \(question.team), \(question.goal), \(question.text), \(question.status.rawValue), \(question.answer))
                """)
            let notice = log(.learningQuestion, .created, id: question.id.uuid, team: question.team.uuid, tenant: tenant)
            return .write([.statement(insert)] + notice, then: question)
        }
    }

    func learningQuestion(_ id: LearningQuestion.ID) -> SQLPlan<LearningQuestion> {
        SQLPlan(writes: false, reads: storedOwned(.learningQuestion, id: id.uuid, columns: questionColumns)) { rows in
            guard let row = try visibleOwned(facts: rows[0...]) else { throw SmallWinsError.notFound(.learningQuestion, id: id.uuid) }
            return .done(try LearningQuestion(row: row))
        }
    }

    func learningQuestions() -> SQLPlan<[LearningQuestion]> {
        SQLPlan(writes: false, reads: [scoped("""
            SELECT \(questionColumns) FROM \(table: "learning_question") WHERE \(kept(in: "lineage", by: "learning_question"))
            ORDER BY \(raw: dialect.binaryOrder("text")), id
            """)]) { rows in .done(try rows[0].map(LearningQuestion.init(row:))) }
    }

    func update(_ question: LearningQuestion) -> SQLPlan<LearningQuestion> {
        SQLPlan(writes: true, reads: storedOwned(.learningQuestion, id: question.id.uuid) + referenceFacts(of: question)) { rows in
            let (tenant, team) = try requireWritableOwned(.learningQuestion, id: question.id.uuid, facts: rows[0...])
            if team != question.team.uuid { throw SmallWinsError.invalid(field: "team", reason: "a learning question stays with its team") }
            _ = try checkReferences(of: question, facts: rows[3...])
            let change = statement("""
                UPDATE \(table: "learning_question") SET goal_id = \(question.goal), text = \(question.text), status = \(question.status.rawValue),
                answer = \(question.answer) WHERE id = \(question.id)
                """)
            let notice = log(.learningQuestion, .updated, id: question.id.uuid, team: question.team.uuid, tenant: tenant)
            return .write([.statement(change)] + notice, then: question)
        }
    }

    private func referenceFacts(of question: LearningQuestion) -> [SQLStatement] {
        [ancestry(of: question.team.uuid), keepers(of: question.goal.map { [$0.uuid] } ?? [], in: "goal")]
    }

    /// Checks a learning question's team and goal; returns its tenant.
    private func checkReferences(of question: LearningQuestion, facts rows: ArraySlice<[SQLRow]>) throws -> UUID {
        let chain = try rows[rows.startIndex].ids()
        try requireWritable(question.team.uuid, ancestry: chain, field: "team")
        try requireKept(question.goal.map { [$0.uuid] } ?? [], owners: owners(rows[rows.startIndex + 1]), by: chain, field: "goal", kind: .goal)
        return try tenant(of: chain)
    }

    private var questionColumns: SQLText { "id, tenant_id, team_id, goal_id, text, status, answer" }

    // MARK: Attempts

    func create(_ attempt: Attempt) -> SQLPlan<Attempt> {
        SQLPlan(writes: true, reads: [existing(attempt.id.uuid, in: "attempt")] + storedOwned(.learningQuestion, id: attempt.question.uuid)) { rows in
            try requireNew(attempt.id.uuid, found: rows[0])
            let (team, tenant) = try questionTeam(attempt.question, facts: rows[1...])
            let insert = statement("""
                INSERT INTO \(table: "attempt") (id, tenant_id, team_id, question_id, title, description, start_day, status)
                VALUES (\(attempt.id), \(tenant), \(team), \(attempt.question), \(attempt.title), \(attempt.description),
                        \(.day(attempt.start)), \(attempt.status.rawValue))
                """)
            return .write([.statement(insert)] + log(.attempt, .created, id: attempt.id.uuid, team: team, tenant: tenant), then: attempt)
        }
    }

    func attempt(_ id: Attempt.ID) -> SQLPlan<Attempt> {
        SQLPlan(writes: false, reads: storedOwned(.attempt, id: id.uuid, columns: attemptColumns)) { rows in
            guard let row = try visibleOwned(facts: rows[0...]) else { throw SmallWinsError.notFound(.attempt, id: id.uuid) }
            return .done(try Attempt(row: row))
        }
    }

    func attempts(question: LearningQuestion.ID?) -> SQLPlan<[Attempt]> {
        var text: SQLText = "SELECT \(attemptColumns) FROM \(table: "attempt") WHERE \(kept(in: "lineage", by: "attempt"))"
        if let question { text = text + " AND question_id = \(question)" }
        return SQLPlan(writes: false, reads: [scoped(text + " ORDER BY \(raw: dialect.binaryOrder("title")), id")]) { rows in
            .done(try rows[0].map(Attempt.init(row:)))
        }
    }

    func update(_ attempt: Attempt) -> SQLPlan<Attempt> {
        SQLPlan(writes: true, reads: storedOwned(.attempt, id: attempt.id.uuid) + storedOwned(.learningQuestion, id: attempt.question.uuid)) { rows in
            let (tenant, _) = try requireWritableOwned(.attempt, id: attempt.id.uuid, facts: rows[0...])
            let (team, _) = try questionTeam(attempt.question, facts: rows[3...])
            let change = statement("""
                UPDATE \(table: "attempt") SET team_id = \(team), question_id = \(attempt.question), title = \(attempt.title),
                description = \(attempt.description), start_day = \(.day(attempt.start)), status = \(attempt.status.rawValue)
                WHERE id = \(attempt.id)
                """)
            return .write([.statement(change)] + log(.attempt, .updated, id: attempt.id.uuid, team: team, tenant: tenant), then: attempt)
        }
    }

    /// The team and tenant of a learning question attempts may be added to, from its ``storedOwned(_:id:columns:)``.
    private func questionTeam(_ question: LearningQuestion.ID, facts rows: ArraySlice<[SQLRow]>) throws -> (team: UUID, tenant: UUID) {
        guard let row = try visibleOwned(facts: rows) else {
            throw SmallWinsError.unknownReference(field: "question", .learningQuestion, id: question.uuid)
        }
        if !isInSubtree(try rows[rows.startIndex + 1].ids()) { throw SmallWinsError.outOfScope(field: "question", id: question.uuid) }
        return (try row.uuid("team_id"), try row.uuid("tenant_id"))
    }

    private var attemptColumns: SQLText {
        "id, tenant_id, team_id, question_id, title, description, start_day, status"
    }
}

extension Goal {
    /// A goal from a row of the engine's goal columns.
    init(row: SQLRow) throws {
        self.init(
            id: try row.id("id"), team: try row.id("team_id"), title: try row.text("title"), summary: try row.optionalText("summary"),
            success: SuccessCriteria(looksLike: try row.lines("looks_like"), soundsLike: try row.lines("sounds_like"),
                                     feelsLike: try row.lines("feels_like")),
            focusGroups: try row.ids("focus_group_ids"), start: try row.optionalDay("start_day"), end: try row.optionalDay("end_day"),
            status: try row.value("status"))
    }
}

extension LearningQuestion {
    /// A learning question from a row of the engine's question columns.
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), team: try row.id("team_id"), text: try row.text("text"), goal: try row.optionalID("goal_id"),
                  status: try row.value("status"), answer: try row.optionalText("answer"))
    }
}

extension Attempt {
    /// An attempt from a row of the engine's attempt columns.
    init(row: SQLRow) throws {
        self.init(id: try row.id("id"), question: try row.id("question_id"), title: try row.text("title"),
                  description: try row.optionalText("description"), start: try row.optionalDay("start_day"), status: try row.value("status"))
    }
}
