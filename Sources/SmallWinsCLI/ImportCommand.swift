import ArgumentParser
import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsJSON

/// `smallwins import FILE`: a JSON snapshot into an empty store, or wins from a CSV file.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a JSON snapshot, or wins from a CSV file or a form's response sheet.",
        discussion: """
            A .json file is a snapshot from `smallwins export json`; it goes into an empty store with every id kept.
            A .csv file holds wins: the columns of `smallwins export csv --table wins`, or any headers mapped to
            those fields with --map, for example a Google Forms or Microsoft Forms response sheet:
              smallwins import responses.csv --team "Riverside / Village Elementary / Grade 3" \\
                --map "Timestamp=day" --map "Email Address=author_email" --map "Your name=author" --map "What happened?=story" \\
                --map "What did you learn?=learned" --map "Themes=themes" --list-separator ","
            Fields: \(CSVWinImporter.Field.allCases.map(\.rawValue).joined(separator: ", ")).
            People are matched by email, then by name; map both (author_email and author) so each person is one member.
            Rows without a kind are lessons when they say what was learned, successes otherwise.
            Nothing is written unless every row is good; each bad row is reported with its line.
            """)

    /// The file formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, csv
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file to import.") var file: String
    @Option(help: "json or csv (default: from the file's extension).") var format: Format?
    @Option(help: ArgumentHelp("A CSV header and the field it fills (repeat).", valueName: "header=field")) var map: [String] = []
    @Flag(help: "Create missing teams (given by path), members, themes, groups, goals and attempts.") var createMissing = false
    @Option(help: "The team of CSV rows that name none (name, path or id).") var team: String?
    @Option(help: "What separates several themes, groups or shout-outs in a CSV cell.") var listSeparator = ";"

    func run() async throws {
        let format = try self.format ?? Format(rawValue: URL(fileURLWithPath: file).pathExtension.lowercased())
            ?? { throw ValidationError("cannot tell the format of \(file); give --format json or --format csv") }()
        _ = try ByteReader(path: file)  // A path that cannot be read is refused before a store is created.
        let store = try await global.openStore(create: format == .json || createMissing)
        switch format {
        case .json:
            let line = ProgressLine("import", unit: "wins")
            let counts = try await SnapshotImporter().import(contentsOf: file, into: store) { line.update($0.wins) }
            line.finish()
            if global.json { return try Output(json: true).printJSON(counts) }
            print("Imported " + counts.summary + ".")
        case .csv:
            guard listSeparator.count == 1, let separator = listSeparator.first else {
                throw ValidationError("--list-separator must be one character")
            }
            let defaultTeam = try await team.asyncMap { try await Resolver(store: store).team($0).id }
            let importer = CSVWinImporter(mapping: try CSVWinImporter.mapping(map), createMissing: createMissing,
                                          listSeparator: separator, defaultTeam: defaultTeam)
            let line = ProgressLine("import", unit: "wins")
            let summary = try await importer.import(contentsOf: file, into: store) { line.update($0) }
            line.finish()
            let created = summary.created.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { Markdown.count($0.value, $0.key.label) }.joined(separator: ", ")
            print("Imported \(Markdown.count(summary.wins, "win"))\(created.isEmpty ? "" : "; created \(created)").")
        }
    }
}
