import ArgumentParser
import Foundation
import SmallWins
import SmallWinsCSV
import SmallWinsJSON
import SmallWinsSVG

/// `smallwins export csv|json|jsonl|svg`: data for analysts and charts for people.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export wins, tables and charts as CSV, JSON, JSON Lines or SVG.",
        discussion: """
            csv    one table (--table, default wins) to standard output or --out FILE.csv; with --out DIR and no
                   --table, every table (records, the dashboard's parts and data_dictionary) into DIR.
            json   a snapshot of everything in scope (import it with `smallwins import`); --dashboard for the dashboard.
            jsonl  the wins, one JSON object per line.
            svg    a chart (--chart, default dashboard); with --out DIR and no --chart, every chart into DIR.
            Dashboards cover the current school year unless --year or --from/--to say otherwise.
            """)

    /// The formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, jsonl, svg
    }

    @Argument(help: "csv, json, jsonl or svg.") var format: Format
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DashboardOptions
    @Option(name: .customLong("table"), help: ArgumentHelp("A CSV table (repeat): \(ExportCommand.tableNames.joined(separator: ", ")).", valueName: "name"))
    var tables: [String] = []
    @Option(name: .customLong("chart"), help: ArgumentHelp("An SVG chart (repeat): \(DashboardChart.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var charts: [DashboardChart] = []
    @Option(help: ArgumentHelp("A file, or a folder for several tables or charts (default: standard output).", valueName: "path"))
    var out: String?
    @Flag(help: "Start CSV files with a UTF-8 byte order mark, for Excel.") var bom = false
    @Flag(help: "Write CSV cells exactly, without guarding formula-looking text with a leading '.") var raw = false
    @Flag(help: "With json: the dashboard instead of a snapshot.") var dashboard = false
    @Option(help: "SVG width in pixels (default 1200 for the dashboard, 720 for a chart).") var width: Double?
    @Flag(help: "Replace members' ids, names and emails, and win and celebration ids, with keyed stand-ins (stories stay as written).")
    var pseudonymize = false
    @Option(help: "With --pseudonymize: a secret; exports with the same salt share stand-ins, so they join. Without it, each export's are new.")
    var salt: String?

    static var tableNames: [String] {
        ContentTable.allCases.map(\.rawValue) + DashboardTable.allCases.map(\.rawValue) + [DataDictionaryExporter.definition.name]
    }

    func run() async throws {
        let (all, store) = try await global.stores(scopedTo: options.team)
        // Counts wins as they stream out, on standard error so standard output stays the data.
        let progress = ProgressLine("export", unit: "wins")
        defer { progress.finish() }
        let outputs = try await plan(store: store, all: all, progress: progress)
        if outputs.count == 1, !isFolder {
            let sink: any ExportSink = try out.map { try FileSink(creating: $0) } ?? FileSink(FileHandle.standardOutput)
            try await outputs[0].write(sink)
            if let out { print("Wrote \(out)") }
            return
        }
        guard let out else {
            throw ValidationError("several outputs need --out with a folder")
        }
        for output in outputs {
            let path = URL(fileURLWithPath: out).appendingPathComponent(output.name).path
            try await output.write(try FileSink(creating: path))
            print("Wrote \(path)")
        }
    }

    /// Whether --out names a folder: an existing one, or a path without a file extension.
    private var isFolder: Bool {
        guard let out else { return false }
        var directory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &directory) { return directory.boolValue }
        return out.hasSuffix("/") || URL(fileURLWithPath: out).pathExtension.isEmpty
    }

    /// One file to write: its name in a folder, and how to write it.
    struct Planned {
        let name: String
        let write: (any ExportSink) async throws -> Void
    }

    /// The files to write from `store` (scoped or not); `all` is the whole store, for the teams above a scope.
    private func plan(store: any WinStore, all: any WinStore, progress: ProgressLine) async throws -> [Planned] {
        let format = CSVFormat(byteOrderMark: bom, guardsFormulas: !raw)
        let pseudonyms = Pseudonyms(salt: salt)  // one key for every file of this export
        let content = {
            let content = try await ExportContent.load(from: store, query: try await options.winQuery(global: global)) { progress.update($0) }
            return pseudonymize ? content.pseudonymized(pseudonyms) : content
        }
        let board = {
            let board = try await options.dashboard(store: store, global: global)
            return pseudonymize ? board.pseudonymized(pseudonyms) : board
        }
        switch self.format {
        case .csv:
            let names = tables.isEmpty ? (isFolder ? Self.tableNames : [ContentTable.wins.rawValue]) : tables
            if let name = names.first(where: { !Self.tableNames.contains($0) }) {
                throw ValidationError("--table \(name) is not a table; use one of \(Self.tableNames.joined(separator: ", "))")
            }
            // Loaded once for every table that needs them (each table streams the wins again).
            let loaded = try await names.contains { ContentTable(rawValue: $0) != nil } ? content() : nil
            let dashboard = try await names.contains { DashboardTable(rawValue: $0) != nil } ? board() : nil
            var planned: [Planned] = []
            for name in names {
                if let table = ContentTable(rawValue: name), let loaded {
                    planned.append(Planned(name: name + ".csv") { try await CSVExporter(table, format: format).export(loaded, to: $0) })
                } else if let table = DashboardTable(rawValue: name), let dashboard {
                    planned.append(Planned(name: name + ".csv") { try await DashboardCSVExporter(table, format: format).export(dashboard, to: $0) })
                } else {
                    planned.append(Planned(name: name + ".csv") { try await DataDictionaryExporter(format: format).export(DataDictionaryExporter.allTables, to: $0) })
                }
            }
            return planned
        case .json where dashboard:
            let dashboard = try await board()
            return [Planned(name: "dashboard.json") { try await DashboardJSONExporter().export(dashboard, to: $0) }]
        case .json:
            // With the teams above its scope, so a snapshot of one school imports as a working installation.
            return [Planned(name: "snapshot.json") { try await SnapshotExporter().export(try await content().withAncestors(from: all), to: $0) }]
        case .jsonl:
            return [Planned(name: "wins.jsonl") { try await JSONLinesExporter().export(try await content(), to: $0) }]
        case .svg:
            let dashboard = try await board()
            let heading = try await store.scope.asyncMap { try await store.team($0).name } ?? "Small wins"
            let chosen = charts.isEmpty ? (isFolder ? DashboardChart.allCases : [.dashboard]) : charts
            return chosen.map { chart in
                Planned(name: chart.rawValue + ".svg") {
                    try await SVGExporter(chart, width: width, heading: heading).export(dashboard, to: $0)
                }
            }
        }
    }
}

extension DashboardChart: ExpressibleByArgument {}
