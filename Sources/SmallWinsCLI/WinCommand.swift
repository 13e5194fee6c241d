import ArgumentParser
import Foundation
import SmallWins
import SmallWinsSQLite

/// `smallwins win ...`: record, find and tell small wins and lessons learned.
struct WinCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "win", abstract: "Record, list, show, edit and delete wins and lessons learned.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Delete.self])

    /// The fields `win add` and `win edit` share; every one is optional here.
    struct Fields: ParsableArguments {
        @Option(help: "The team the win belongs to.") var team: String?
        @Option(help: "Who tells it (name, email or id).") var author: String?
        @Option(help: "success or lesson.") var kind: Win.Kind?
        @Option(help: "The win in one line.") var title: String?
        @Option(help: "The story in your own words; - reads it from standard input.") var story: String?
        @Option(help: "For a lesson: what was learned.") var learned: String?
        @Option(help: "What to try next.") var next: String?
        @Option(help: "The day it happened, YYYY-MM-DD (default: today).") var day: String?
        @Option(help: "The goal it serves (title or id).") var goal: String?
        @Option(help: "The attempt it came from (title or id).") var attempt: String?
        @Option(name: .customLong("theme"), help: "A theme (repeat for more).") var themes: [String] = []
        @Option(name: .customLong("group"), help: "A student group it touched (repeat for more).") var groups: [String] = []
        @Option(name: .customLong("shout-out"), help: "A colleague to thank (repeat for more).") var shoutOuts: [String] = []

        /// Applies the given fields to `win`; lists replace what was there.
        func apply(to win: inout Win, resolver: Resolver) async throws {
            if let team { win.team = try await resolver.team(team).id }
            if let author { win.author = try await resolver.member(author).id }
            if let kind { win.kind = kind }
            if let title { win.title = title }
            if let story { win.story = story == "-" ? try readStandardInput() : story }
            if let learned { win.learned = learned.isEmpty ? nil : learned }
            if let next { win.next = next.isEmpty ? nil : next }
            if let day { win.day = try Day(iso: day, field: "--day") }
            if let goal { win.goal = goal.isEmpty ? nil : try await resolver.goal(goal).id }
            if let attempt { win.attempt = attempt.isEmpty ? nil : try await resolver.attempt(attempt).id }
            if !themes.isEmpty { win.themes = try await resolve(themes) { try await resolver.theme($0).id } }
            if !groups.isEmpty { win.groups = try await resolve(groups) { try await resolver.group($0).id } }
            if !shoutOuts.isEmpty { win.shoutOuts = try await resolve(shoutOuts) { try await resolver.member($0).id } }
        }

        private func resolve<ID>(_ references: [String], _ lookUp: (String) async throws -> ID) async throws -> [ID] {
            var ids: [ID] = []
            for reference in references { ids.append(try await lookUp(reference)) }
            return ids
        }

        /// The story from standard input; throws naming the byte offset of the first byte that is not UTF-8.
        private func readStandardInput() throws -> String {
            let bytes = FileHandle.standardInput.readDataToEndOfFile()
            guard let text = UTF8Text.decode(bytes) else {
                let offset = UTF8Text.firstInvalidOffset(in: bytes) ?? 0
                throw SmallWinsError.invalid(field: "story", reason: "standard input is not UTF-8 text (byte \(offset) is not); save it as UTF-8")
            }
            return text.trimmingCharacters(in: .newlines)
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a win or a lesson learned.",
            discussion: """
                smallwins win add --team "Grade 3" --author "Ana Lopez" --title "Partners reread" \\
                  --story "My pairs reread without prompting." --theme Fluency
                smallwins win add --kind lesson --team "Grade 3" --author Ana --title "Too long" \\
                  --story "The passage lost them." --learned "Shorter texts first." --next "Try 150 words."
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var fields: Fields

        func validate() throws {
            for (value, flag) in [(fields.team, "--team"), (fields.author, "--author"), (fields.title, "--title"), (fields.story, "--story")]
            where value == nil {
                throw ValidationError("\(flag) is required to record a win")
            }
        }

        func run() async throws {
            let store = try await global.openStore()
            var win = Win(team: Team.ID(), author: Member.ID(), kind: .success, title: "", story: "", day: Day.today())
            try await fields.apply(to: &win, resolver: Resolver(store: store))
            let saved = try await store.record(win)
            try Output(json: global.json).done("Recorded \(saved.kind.rawValue) \"\(saved.title)\" \(saved.id.short)", saved)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List wins, newest first, with filters.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only this team and the teams inside it.") var scope: String?
        @OptionGroup var filters: WinFilterOptions
        @Option(help: "How many wins per page (1-1000).") var limit = 20
        @Option(help: "Continue after this cursor (printed at the end of a page).") var after: String?
        @Flag(help: "Every matching win, not one page.") var all = false

        func run() async throws {
            let store = try await global.scopedStore(scope)
            let resolver = Resolver(store: try await global.openStore())
            let query = try await filters.query(resolver: resolver)
            let labels = try await WinLabels(store: resolver.store)
            if all {
                try await printAll(store.allWins(query), labels: labels)
            } else {
                let page = try await store.wins(query, after: try after.map(WinCursor.init(token:)), limit: limit)
                if global.json { return try Output(json: true).printJSON(page) }
                try Output(json: false).list(page.wins, headers: labels.headers, row: labels.row)
                if let next = page.next { print("\nMore: add --after \(next.token)") }
            }
        }

        /// Streams every win, one row (or one JSON element) at a time.
        private func printAll(_ wins: WinSequence, labels: WinLabels) async throws {
            if global.json {
                var first = true
                print("[")
                for try await win in wins {
                    let text = String(decoding: try Output.encoder.encode(win), as: UTF8.self)
                    print((first ? "" : ",\n") + text, terminator: "")
                    first = false
                }
                print("\n]")
            } else {
                var rows: [[String]] = []
                for try await win in wins { rows.append(labels.row(win)) }
                print(rows.isEmpty ? "(none)" : Output.table(headers: labels.headers, rows: rows))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a win's whole story and its celebrations.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The win's id or short id.") var win: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).win(win)
            let celebrations = try await store.celebrations(of: found.id)
            if global.json {
                struct Shown: Encodable { let win: Win; let celebrations: [Celebration] }
                return try Output(json: true).printJSON(Shown(win: found, celebrations: celebrations))
            }
            let labels = try await WinLabels(store: store)
            let goal = try await found.goal.asyncMap { try await store.goal($0).title }
            let attempt = try await found.attempt.asyncMap { try await store.attempt($0).title }
            try Output(json: false).record(found, fields: [
                ("id", found.id.description), ("kind", found.kind.rawValue), ("title", found.title), ("day", found.day.iso),
                ("team", labels.paths.path(of: found.team)), ("author", labels.member(found.author)), ("story", found.story),
                ("learned", found.learned ?? ""), ("next", found.next ?? ""), ("goal", goal ?? ""), ("attempt", attempt ?? ""),
                ("themes", found.themes.map(labels.theme).joined(separator: ", ")),
                ("groups", found.groups.map(labels.group).joined(separator: ", ")),
                ("shout-outs", found.shoutOuts.map(labels.member).joined(separator: ", ")),
                ("celebrations", celebrations.map { celebration in
                    "\(celebration.kind.phrase) from \(labels.member(celebration.by))" + (celebration.message.map { ": \($0)" } ?? "")
                }.joined(separator: "\n")),
                ("recorded", Instant.iso(found.recordedAt)),
            ])
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a win; lists given replace the old ones.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The win's id or short id.") var win: String
        @OptionGroup var fields: Fields

        func run() async throws {
            let store = try await global.openStore()
            let resolver = Resolver(store: store)
            var edited = try await resolver.win(win)
            try await fields.apply(to: &edited, resolver: resolver)
            let saved = try await store.update(edited)
            try Output(json: global.json).done("Updated \"\(saved.title)\" \(saved.id.short)", saved)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a win and its celebrations.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The win's id or short id.") var win: String

        func run() async throws {
            let store = try await global.openStore()
            let found = try await Resolver(store: store).win(win)
            try await store.delete(found.id)
            try Output(json: global.json).done("Deleted \"\(found.title)\" \(found.id.short)", found)
        }
    }
}

/// Names for the ids in a win, looked up once per command.
struct WinLabels {
    let paths: TeamPaths
    private let members: [Member.ID: String]
    private let themes: [Theme.ID: String]
    private let groups: [StudentGroup.ID: String]

    init(store: any WinStore) async throws {
        paths = TeamPaths(try await store.teams())
        members = Dictionary(uniqueKeysWithValues: try await store.members().map { ($0.id, $0.name) })
        themes = Dictionary(uniqueKeysWithValues: try await store.themes().map { ($0.id, $0.name) })
        groups = Dictionary(uniqueKeysWithValues: try await store.studentGroups().map { ($0.id, $0.name) })
    }

    let headers = ["ID", "DAY", "KIND", "TEAM", "AUTHOR", "TITLE"]

    func row(_ win: Win) -> [String] {
        [win.id.short, win.day.iso, win.kind.rawValue, paths.name(of: win.team), member(win.author), win.title]
    }

    func member(_ id: Member.ID) -> String { members[id] ?? id.short }
    func theme(_ id: Theme.ID) -> String { themes[id] ?? id.short }
    func group(_ id: StudentGroup.ID) -> String { groups[id] ?? id.short }
}
