import Foundation
import SmallWins

/// Imports wins from CSV: the `wins` table SmallWins exports, or a response sheet from Google Forms or
/// Microsoft Forms with a mapping from its headers to fields. All or nothing, in bounded memory: the file
/// is read a row at a time inside one transaction of the store, and the wins, with every record
/// ``createMissing`` creates, are written a page of 1,000 at a time; a bad row (each is reported with its
/// line), a record the store refuses, a cancelled task or a killed process leaves the store as it was.
///
/// Teams, members, themes, student groups, goals and attempts are matched by id, or by name (a team by
/// its path, "District / School / Team", or by a name only one team has; a member by name or email).
/// With ``createMissing``, unknown teams (given by path), members (with a membership on the win's team),
/// themes, groups, goals, and attempts with their learning question are created, kept by the top team of
/// the win's team.
public struct CSVWinImporter: Sendable {
    /// The fields a column can fill.
    public enum Field: String, CaseIterable, Sendable {
        /// The win's id (a new one when empty).
        case id
        /// The day it happened, `YYYY-MM-DD` (or a Forms date such as `3/2/2026`).
        case day
        /// `success` or `lesson`.
        case kind
        /// The team, by path or by a name only one team has.
        case team
        /// The team, by id.
        case teamID = "team_id"
        /// The author, by name.
        case author
        /// The author, by id.
        case authorID = "author_id"
        /// The author, by email.
        case authorEmail = "author_email"
        /// The win in one line.
        case title
        /// The story, in the teacher's own words.
        case story
        /// What the team learned.
        case learned
        /// What the team will try next.
        case next
        /// The goal it serves, by title.
        case goal
        /// The goal it serves, by id.
        case goalID = "goal_id"
        /// The attempt it came from, by title.
        case attempt
        /// The attempt it came from, by id.
        case attemptID = "attempt_id"
        /// The learning question of the attempt, by text (for an attempt created as missing).
        case question
        /// The learning question of the attempt, by id.
        case questionID = "question_id"
        /// Themes, by name, joined with the list separator.
        case themes
        /// Themes, by id, joined with the list separator.
        case themeIDs = "theme_ids"
        /// Student groups, by name, joined with the list separator.
        case groups
        /// Student groups, by id, joined with the list separator.
        case groupIDs = "group_ids"
        /// Colleagues given a shout-out, by name, joined with the list separator.
        case shoutOuts = "shout_outs"
        /// Colleagues given a shout-out, by id, joined with the list separator.
        case shoutOutIDs = "shout_out_ids"
        /// When the win was recorded (a Forms timestamp); gives the day when no day column is mapped.
        case recordedAt = "recorded_at"
    }

    /// What an import did.
    public struct Summary: Hashable, Sendable {
        /// Wins stored.
        public var wins = 0
        /// Records created because they were missing, by kind.
        public var created: [EntityKind: Int] = [:]
    }

    /// Header (exactly as in the file) to field, for columns whose header is not the field's own name.
    public var mapping: [String: Field]
    /// Create missing teams, members, themes, groups and goals instead of refusing the rows.
    public var createMissing: Bool
    /// What separates several themes, groups or shout-outs in one cell (`;` by default; forms use `,`).
    public var listSeparator: Character
    /// The team for rows without one (for a form filled by one team).
    public var defaultTeam: Team.ID?

    /// An importer.
    public init(mapping: [String: Field] = [:], createMissing: Bool = false, listSeparator: Character = ";", defaultTeam: Team.ID? = nil) {
        self.mapping = mapping
        self.createMissing = createMissing
        self.listSeparator = listSeparator
        self.defaultTeam = defaultTeam
    }

    /// Parses `--map` arguments like `"What happened?=story"`.
    public static func mapping(_ pairs: [String]) throws -> [String: Field] {
        var mapping: [String: Field] = [:]
        for pair in pairs {
            guard let equals = pair.lastIndex(of: "=") else {
                throw SmallWinsError.invalid(field: "map", reason: "\"\(pair)\" is not HEADER=field")
            }
            let name = String(pair[pair.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard let field = Field(rawValue: name) else {
                throw SmallWinsError.invalid(field: "map", reason: "\"\(name)\" is not a field; use one of \(Field.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            mapping[String(pair[..<equals])] = field
        }
        return mapping
    }

    /// Imports the wins of the CSV file at `path` into `store`; throws `ImportError` (nothing written) when
    /// any row is bad, or `SmallWinsError` when the file cannot be read or the store fails. `progress` hears
    /// the number of wins written so far (inside the transaction) after each page.
    @discardableResult
    public func `import`(
        contentsOf path: String, into store: any WinStore, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> Summary {
        try await `import`(try ByteReader(path: path), into: store, progress: progress)
    }

    /// Imports the wins in `data` into `store`; throws `ImportError` (nothing written) when any row is bad.
    @discardableResult
    public func `import`(_ data: Data, into store: any WinStore, progress: (@Sendable (Int) -> Void)? = nil) async throws -> Summary {
        try await `import`(ByteReader(data: data), into: store, progress: progress)
    }

    /// Reads the rows one at a time inside one transaction, writing a page of wins (and the records created
    /// for them) at a time; after the first bad row nothing more is written, the rest are checked, and the
    /// problems thrown, so the transaction rolls back.
    private func `import`(_ reader: ByteReader, into store: any WinStore, progress: (@Sendable (Int) -> Void)?) async throws -> Summary {
        var records = CSVReader(reader)
        guard let header = try records.next() else { throw ImportError(location: "line 1", reason: "the file is empty") }
        let columns = try self.columns(header)
        let body = records
        // One transaction: the directory the rows are matched against cannot change before they are written,
        // and what --create-missing creates lands together with the wins or not at all.
        return try await store.transaction { store in
            var plan = ImportPlan(directory: try await ImportDirectory(store: store), createMissing: createMissing, defaultTeam: defaultTeam)
            var problems: [ImportError.Problem] = []
            var summary = Summary()
            var page = ImportPage()
            var (records, rows) = (body, 0)
            reading: do {
                while let record = try records.next() {
                    rows += 1
                    let row = Row(record: record, columns: columns, separator: listSeparator)
                    do {
                        guard record.fields.count == header.fields.count else {
                            throw row.problem(nil, "has \(record.fields.count) fields; the header has \(header.fields.count)")
                        }
                        let win = try plan.win(row)
                        // After a bad row the rest are only checked: the page stops growing.
                        if problems.isEmpty { try page.add(win, line: record.line) }
                    } catch let problem as ImportError.Problem {
                        problems.append(problem)
                    } catch let error as SmallWinsError {
                        problems.append(row.problem(error))
                    }
                    if problems.count >= ImportError.checkLimit { break reading }
                    if page.isFull, problems.isEmpty {
                        try await page.write(plan.takeCreated(), into: store, summary: &summary)
                        progress?(summary.wins)
                    }
                }
            } catch let error as ImportError {
                problems += error.problems
            }
            if rows == 0, problems.isEmpty { problems.append(.init(location: "line 1", reason: "the file has a header but no rows")) }
            guard problems.isEmpty else { throw ImportError(problems) }
            try await page.write(plan.takeCreated(), into: store, summary: &summary)
            return summary
        }
    }

    /// Which field each column fills; throws when a field is named twice or a required one is missing.
    private func columns(_ header: CSVReader.Record) throws -> [Field: Int] {
        var columns: [Field: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            let normalized = name.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "_")
            guard let field = mapping[name] ?? Field(rawValue: normalized) else { continue }
            if columns[field] != nil {
                throw ImportError(location: "line 1", field: field.rawValue, reason: "two columns fill this field; map only one")
            }
            columns[field] = index
        }
        var missing: [String] = []
        if columns[.story] == nil { missing.append("story") }
        if columns[.day] == nil, columns[.recordedAt] == nil { missing.append("day") }
        if columns[.author] == nil, columns[.authorID] == nil, columns[.authorEmail] == nil { missing.append("author") }
        if columns[.team] == nil, columns[.teamID] == nil, defaultTeam == nil { missing.append("team (or --team)") }
        if !missing.isEmpty {
            let mapped = mapping.isEmpty ? "" : " after mapping"
            throw ImportError(location: "line 1", reason: "no column for \(missing.joined(separator: ", "))\(mapped); name the columns after fields or map them with --map \"Header=field\"")
        }
        return columns
    }
}

/// One row's cells by field, with formula guards removed from text.
struct Row {
    let record: CSVReader.Record
    let columns: [CSVWinImporter.Field: Int]
    let separator: Character

    /// The trimmed cell of `field`, `nil` when absent or empty.
    func text(_ field: CSVWinImporter.Field) -> String? {
        guard let index = columns[field], index < record.fields.count else { return nil }
        let value = Row.unguarded(record.fields[index])
        return value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : value
    }

    /// The cell of `field` split into a list.
    func list(_ field: CSVWinImporter.Field) -> [String] {
        guard let text = text(field) else { return [] }
        return text.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A problem of this row.
    func problem(_ field: CSVWinImporter.Field?, _ reason: String) -> ImportError.Problem {
        .init(location: "line \(record.line)", field: field?.rawValue, reason: reason)
    }

    /// A store error as a problem of this row.
    func problem(_ error: SmallWinsError) -> ImportError.Problem {
        switch error {
        case let .invalid(field, reason): .init(location: "line \(record.line)", field: field, reason: reason)
        case let .conflict(field, reason): .init(location: "line \(record.line)", field: field, reason: reason)
        default: .init(location: "line \(record.line)", reason: error.description)
        }
    }

    /// `cell` without the `'` SmallWins puts before formula-looking text on export.
    static func unguarded(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.dropFirst().first, CSVFormat.formulaTriggers.contains(second) else { return cell }
        return String(cell.dropFirst())
    }
}
