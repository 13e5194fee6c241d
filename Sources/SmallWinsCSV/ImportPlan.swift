import Foundation
import SmallWins

/// Turns rows into wins, resolving names against the directory and planning the records to create.
struct ImportPlan {
    var directory: ImportDirectory
    let createMissing: Bool
    let defaultTeam: Team.ID?
    let now = Instant.truncated(Date())
    private(set) var created = CreatedRecords()

    init(directory: ImportDirectory, createMissing: Bool, defaultTeam: Team.ID?) {
        self.directory = directory
        self.createMissing = createMissing
        self.defaultTeam = defaultTeam
    }

    /// The records planned since the last call, to write before the wins that refer to them.
    mutating func takeCreated() -> CreatedRecords {
        defer { created = created.next() }
        return created
    }

    /// The win a row describes; throws an `ImportError.Problem` naming the line and field.
    mutating func win(_ row: Row) throws -> Win {
        let team = try self.team(row)
        let root = directory.root(team)
        let author = try member(row, name: row.text(.author), email: row.text(.authorEmail), id: row.text(.authorID), field: .author,
                                idField: .authorID, emailField: .authorEmail, root: root)
        if !directory.isMember(author, of: team) {
            guard createMissing else {
                throw row.problem(.author, "\(row.text(.author) ?? row.text(.authorEmail) ?? author.description) is not on \(directory.path(team)); add them with `smallwins member join`, or use --create-missing")
            }
            let membership = Membership(member: author, team: team)
            directory.add(membership)
            created.memberships.append(membership)
        }
        guard let story = row.text(.story) else { throw row.problem(.story, "is empty; every win tells its story") }
        let learned = row.text(.learned)
        let kind = try self.kind(row, learned: learned)
        let recordedAt = try row.text(.recordedAt).map { text in
            guard let instant = Instant.parse(text) else {
                throw row.problem(.recordedAt, "\"\(text)\" is not an instant like 2026-11-18T14:03:27.512Z")
            }
            return instant
        } ?? now
        let day = try row.text(.day).map { try Self.day($0, row: row) } ?? Day(ordinal: Int((recordedAt.timeIntervalSince1970 / 86_400).rounded(.down)))
        var id = Win.ID()
        if let text = row.text(.id) {
            guard let parsed = Win.ID(text) else { throw row.problem(.id, "\"\(text)\" is not an id") }
            id = parsed
        }
        let shoutOuts = try pairs(row, .shoutOuts, .shoutOutIDs).map { try member(row, name: $0.name, id: $0.id, field: .shoutOuts, root: root) }
        let themes = try pairs(row, .themes, .themeIDs).map { try theme(row, $0, team: team) }
        let groups = try pairs(row, .groups, .groupIDs).map { try group(row, $0, team: team) }
        let win = Win(
            id: id, team: team, author: author, kind: kind, title: row.text(.title) ?? Self.title(from: story), story: story,
            learned: learned, next: row.text(.next), day: day, goal: try goal(row, root: root), attempt: try attempt(row, root: root),
            themes: themes, groups: groups, shoutOuts: shoutOuts, recordedAt: recordedAt)
        try win.validate()
        return win
    }

    // MARK: Fields

    private func kind(_ row: Row, learned: String?) throws -> Win.Kind {
        guard let text = row.text(.kind) else { return learned == nil ? .success : .lesson }
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "success", "win", "it worked", "worked": return .success
        case "lesson", "lesson learned", "it did not work", "didn't work", "did not work": return .lesson
        default: throw row.problem(.kind, "\"\(text)\" is neither success nor lesson")
        }
    }

    /// A day as `YYYY-MM-DD` (a time after it is ignored) or as a form's `M/D/YYYY`.
    static func day(_ text: String, row: Row) throws -> Day {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let datePart = String(trimmed.prefix { $0 != " " && $0 != "T" })
        if let day = try? Day(iso: datePart) { return day }
        let parts = datePart.split(separator: "/").map { Int($0) }
        if parts.count == 3, let month = parts[0], let day = parts[1], let year = parts[2], let value = try? Day(year, month, day) {
            return value
        }
        throw row.problem(.day, "\"\(text)\" is not a day like 2026-11-18 (or 11/18/2026)")
    }

    /// The story's first sentence or line, cut to fit a title.
    static func title(from story: String) -> String {
        let firstLine = story.split(whereSeparator: \.isNewline).first.map(String.init) ?? story
        let sentence = firstLine.split(separator: ".", maxSplits: 1).first.map(String.init) ?? firstLine
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > TextRules.titleLength else { return trimmed }
        return String(trimmed.prefix(TextRules.titleLength - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Names and ids of a list field, position by position.
    private func pairs(_ row: Row, _ names: CSVWinImporter.Field, _ ids: CSVWinImporter.Field) throws -> [(name: String?, id: String?)] {
        var nameList = row.list(names)
        let idList = row.list(ids)
        if !idList.isEmpty, nameList.count != idList.count {
            // A name holding the separator splits in two: the ids decide, names cannot be paired.
            nameList = []
        }
        return (0..<max(nameList.count, idList.count)).map { (nameList.indices.contains($0) ? nameList[$0] : nil, idList.indices.contains($0) ? idList[$0] : nil) }
    }

    // MARK: References

    private mutating func team(_ row: Row) throws -> Team.ID {
        let name = row.text(.team)
        if let text = row.text(.teamID) {
            guard let id = Team.ID(text) else { throw row.problem(.teamID, "\"\(text)\" is not an id") }
            if directory.teams[id] != nil { return id }
            guard let name, createMissing else { throw row.problem(.teamID, "no team has id \(text)") }
            return try createTeam(path: name, id: id, row: row)
        }
        guard let name else {
            if let defaultTeam { return defaultTeam }
            throw row.problem(.team, "is empty")
        }
        switch directory.team(atPath: name) {
        case .one(let id): return id
        case .many(let count): throw row.problem(.team, "\"\(name)\" names \(count) teams; give its path, like District / School / Team")
        case .none:
            guard createMissing else { throw row.problem(.team, "no team \"\(name)\"; check the name, or create it with --create-missing") }
            return try createTeam(path: name, id: nil, row: row)
        }
    }

    /// Creates the teams of `path` that are missing below the last one that exists (a district at the top, a
    /// school below a district, teams below); a single name that is no team is refused unless the store is empty.
    private mutating func createTeam(path: String, id: Team.ID?, row: Row) throws -> Team.ID {
        let names = TeamTree.pathKey(path).split(separator: "/").map(String.init)
        var parent: Team.ID?
        for (depth, name) in names.enumerated() {
            switch directory.team(atPath: names[...depth].joined(separator: "/")) {
            case .one(let existing):
                parent = existing
                continue
            case .many:
                throw row.problem(.team, "\"\(names[...depth].joined(separator: " / "))\" names several teams; give the path from the top, like District / School / Team")
            case .none where names.count == 1 && !directory.isEmpty:
                throw row.problem(.team, "no team \"\(path)\"; to create it, give its path from the top, like District / School / Team")
            case .none:
                break
            }
            let above = parent.flatMap { directory.teams[$0]?.kind }
            let kind: Team.Kind = above == nil ? .district : above == .district ? .school : .team
            let team = Team(id: depth == names.count - 1 ? id ?? Team.ID() : Team.ID(), name: name, kind: kind, parent: parent)
            try team.validate()
            directory.add(team)
            created.teams.append(team)
            parent = team.id
        }
        return parent!
    }

    /// The member a row names: by id, then by email (an address in a name column counts as one), then by name.
    /// A name found with another email is another person. A member this import created by name alone gets the
    /// email a later row gives them, so one person is one member.
    private mutating func member(
        _ row: Row, name: String?, email: String? = nil, id text: String?, field: CSVWinImporter.Field,
        idField: CSVWinImporter.Field? = nil, emailField: CSVWinImporter.Field? = nil, root: Team.ID
    ) throws -> Member.ID {
        var (name, email) = (name, email)
        if email == nil, let address = name, address.contains("@") { (name, email) = (nil, address) }
        var newID: Member.ID?
        if let text {
            guard let parsed = Member.ID(text) else { throw row.problem(idField ?? field, "\"\(text)\" is not an id") }
            if directory.members.contains(parsed) { return parsed }
            newID = parsed
        }
        if let email {
            switch directory.memberEmails.find(email.lowercased()) {
            case .one(let found): return found
            case .many(let count): throw row.problem(emailField ?? field, "\"\(email)\" is the email of \(count) members; use the id")
            case .none: break
            }
        }
        if let name {
            switch directory.memberNames.find(name) {
            case .one(let found):
                guard let email else { return found }
                // Found without an email: the same person (who gets it, when this import created them).
                if directory.memberEmail[found] == nil {
                    if created.adoptEmail(email, of: found) { directory.setEmail(email, of: found) }
                    return found
                }
            case .many(let count):
                throw row.problem(field, "\"\(name)\" names \(count) members; give their email or id")
            case .none:
                break
            }
        }
        guard let shown = name ?? email else {
            if let text { throw row.problem(idField ?? field, "no member has id \(text), and no name is paired with it (does a name hold the list separator?)") }
            throw row.problem(field, "is empty")
        }
        guard createMissing else { throw row.problem(field, "no member \"\(shown)\"; check the name, or create it with --create-missing") }
        let member = Member(id: newID ?? Member.ID(), name: name ?? String(shown.prefix { $0 != "@" }), email: email, in: root)
        try member.validate()
        directory.add(member)
        created.members.append(member)
        return member.id
    }

    private mutating func theme(_ row: Row, _ pair: (name: String?, id: String?), team: Team.ID) throws -> Theme.ID {
        let directory = self.directory
        switch try resolve(row, name: pair.name, id: pair.id, field: .themes, noun: "theme",
                           known: { directory.themes[$0] != nil }, find: { directory.theme($0, visibleFrom: team) }) {
        case .found(let found): return found
        case .absent: throw row.problem(.themes, "lists an empty theme")
        case .missing(let newID, let name):
            let theme = Theme(id: newID, name: name, in: directory.root(team))
            try theme.validate()
            self.directory.add(theme)
            created.themes.append(theme)
            return newID
        }
    }

    private mutating func group(_ row: Row, _ pair: (name: String?, id: String?), team: Team.ID) throws -> StudentGroup.ID {
        let directory = self.directory
        switch try resolve(row, name: pair.name, id: pair.id, field: .groups, noun: "student group",
                           known: { directory.groups[$0] != nil }, find: { directory.group($0, visibleFrom: team) }) {
        case .found(let found): return found
        case .absent: throw row.problem(.groups, "lists an empty student group")
        case .missing(let newID, let name):
            let group = StudentGroup(id: newID, name: name, in: directory.root(team))
            try group.validate()
            self.directory.add(group)
            created.groups.append(group)
            return newID
        }
    }

    private mutating func goal(_ row: Row, root: Team.ID) throws -> Goal.ID? {
        let directory = self.directory
        switch try resolve(row, name: row.text(.goal), id: row.text(.goalID), field: .goal, idField: .goalID, noun: "goal",
                           known: directory.goals.contains, find: directory.goalTitles.find) {
        case .found(let found): return found
        case .absent: return nil
        case .missing(let newID, let title):
            let goal = Goal(id: newID, team: root, title: title)
            try goal.validate()
            self.directory.add(goal)
            created.goals.append(goal)
            return newID
        }
    }

    private mutating func attempt(_ row: Row, root: Team.ID) throws -> Attempt.ID? {
        let directory = self.directory
        switch try resolve(row, name: row.text(.attempt), id: row.text(.attemptID), field: .attempt, idField: .attemptID, noun: "attempt",
                           known: directory.attempts.contains, find: directory.attemptTitles.find) {
        case .found(let found): return found
        case .absent: return nil
        case .missing(let newID, let title):
            let attempt = Attempt(id: newID, question: try question(row, root: root), title: title)
            try attempt.validate()
            self.directory.add(attempt)
            created.attempts.append(attempt)
            return newID
        }
    }

    /// The learning question a new attempt belongs to, created when missing too.
    private mutating func question(_ row: Row, root: Team.ID) throws -> LearningQuestion.ID {
        let directory = self.directory
        switch try resolve(row, name: row.text(.question), id: row.text(.questionID), field: .question, idField: .questionID,
                           noun: "learning question", known: directory.questions.contains, find: directory.questionTexts.find) {
        case .found(let found): return found
        case .absent: throw row.problem(.question, "is empty; a new attempt needs the learning question it belongs to")
        case .missing(let newID, let text):
            let question = LearningQuestion(id: newID, team: root, text: text)
            try question.validate()
            self.directory.add(question)
            created.questions.append(question)
            return newID
        }
    }

    /// What a reference by id and name comes to.
    private enum Resolution<Subject> {
        case found(Identifier<Subject>)
        /// Not there; may be created with this id and name.
        case missing(Identifier<Subject>, String)
        /// Neither an id nor a name given.
        case absent
    }

    /// Resolves a reference: a known id first, then a name (exact, then ignoring case); a missing record may
    /// be created only with `createMissing`. Throws naming the field for a malformed id, an unknown id with
    /// no name, an ambiguous name, or a missing record.
    private func resolve<Subject>(
        _ row: Row, name: String?, id text: String?, field: CSVWinImporter.Field, idField: CSVWinImporter.Field? = nil, noun: String,
        known: (Identifier<Subject>) -> Bool, find: (String) -> NameIndex<Identifier<Subject>>.Match
    ) throws -> Resolution<Subject> {
        let idField = idField ?? field
        var id: Identifier<Subject>?
        if let text {
            guard let parsed = Identifier<Subject>(text) else { throw row.problem(idField, "\"\(text)\" is not an id") }
            if known(parsed) { return .found(parsed) }
            id = parsed
        }
        guard let name else {
            guard let text else { return .absent }
            throw row.problem(idField, "no \(noun) has id \(text)\(idField == field ? ", and no name is paired with it (does a name hold the list separator?)" : "")")
        }
        switch find(name) {
        case .one(let found): return .found(found)
        case .many(let count): throw row.problem(field, "\"\(name)\" names \(count) of them; use the id")
        case .none:
            guard createMissing else { throw row.problem(field, "no \(noun) \"\(name)\"; check the name, or create it with --create-missing") }
            return .missing(id ?? Identifier<Subject>(), name)
        }
    }
}

/// The records an import creates before storing its wins, in the order they are written.
struct CreatedRecords {
    var teams: [Team] = []
    var members: [Member] = []
    /// Members an earlier page created, now with an email: written as updates.
    var memberUpdates: [Member] = []
    /// Every member this import created, kept after a page is written, so a later row can add an email.
    private var createdBefore: [Member.ID: Member] = [:]
    var memberships: [Membership] = []
    var groups: [StudentGroup] = []
    var themes: [Theme] = []
    var goals: [Goal] = []
    var questions: [LearningQuestion] = []
    var attempts: [Attempt] = []

    /// Gives `email` to a member this import created without one; `false` for any other member.
    mutating func adoptEmail(_ email: String, of id: Member.ID) -> Bool {
        if let index = members.firstIndex(where: { $0.id == id }) {
            members[index].email = email
            return true
        }
        guard var member = createdBefore[id], member.email == nil else { return false }
        member.email = email
        createdBefore[id] = member
        memberUpdates.append(member)
        return true
    }

    /// The records for the next page: none planned yet, and every member created so far remembered.
    func next() -> CreatedRecords {
        var next = CreatedRecords()
        next.createdBefore = createdBefore
        for member in members { next.createdBefore[member.id] = member }
        return next
    }

    /// Writes them, parents first.
    func write(into store: any WinStore) async throws {
        for team in teams { _ = try await store.create(team) }
        for member in members { _ = try await store.create(member) }
        for member in memberUpdates { _ = try await store.update(member) }
        for membership in memberships { _ = try await store.create(membership) }
        for group in groups { _ = try await store.create(group) }
        for theme in themes { _ = try await store.create(theme) }
        for goal in goals { _ = try await store.create(goal) }
        for question in questions { _ = try await store.create(question) }
        for attempt in attempts { _ = try await store.create(attempt) }
    }

    /// How many of each kind.
    var counts: [EntityKind: Int] {
        [
            .team: teams.count, .member: members.count, .membership: memberships.count, .studentGroup: groups.count,
            .theme: themes.count, .goal: goals.count, .learningQuestion: questions.count, .attempt: attempts.count,
        ]
            .filter { $0.value > 0 }
    }
}
