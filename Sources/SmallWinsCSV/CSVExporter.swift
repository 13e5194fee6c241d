import Foundation
import SmallWins

/// Writes one table of records as CSV, streaming the wins a page at a time so memory stays constant
/// however many there are.
public struct CSVExporter: Exporter {
    /// The table written.
    public var table: ContentTable
    /// How cells are written: a byte order mark for Excel, and formulas guarded.
    public var format: CSVFormat

    /// An exporter of `table`.
    public init(_ table: ContentTable, format: CSVFormat = CSVFormat()) {
        self.table = table
        self.format = format
    }

    public var fileExtension: String { "csv" }

    public func write(_ content: ExportContent, to output: ExportWriter) async throws {
        try format.begin(table.definition, output)
        let names = content.names
        guard table.perWin else {
            for row in table.directoryRows(content, names) { try output.write(format.record(row)) }
            return
        }
        for try await batch in content.winPages {
            for row in table.rows(batch, names) { try output.write(format.record(row)) }
        }
    }
}

/// Writes one part of a dashboard as a CSV table.
public struct DashboardCSVExporter: Exporter {
    /// The dashboard table written.
    public var table: DashboardTable
    /// How cells are written: a byte order mark for Excel, and formulas guarded.
    public var format: CSVFormat

    /// An exporter of `table`.
    public init(_ table: DashboardTable, format: CSVFormat = CSVFormat()) {
        self.table = table
        self.format = format
    }

    public var fileExtension: String { "csv" }

    public func write(_ dashboard: Dashboard, to output: ExportWriter) async throws {
        try format.begin(table.definition, output)
        for row in table.rows(dashboard) { try output.write(format.record(row)) }
    }
}

/// Writes the data dictionary: one row per column of each table, with its type and meaning.
public struct DataDictionaryExporter: Exporter {
    /// How cells are written: a byte order mark for Excel, and formulas guarded.
    public var format: CSVFormat

    /// The dictionary's own columns.
    public static let definition = CSVTable(name: "data_dictionary", description: "One column of one exported table.", columns: [
        CSVColumn("table", .text, "The table (its file is table.csv)."),
        CSVColumn("table_description", .text, "What one row of the table stands for."),
        CSVColumn("column", .text, "The column's header."),
        CSVColumn("type", .text, "text, id, integer, number, boolean, date, timestamp or list ('; '-joined)."),
        CSVColumn("description", .text, "What the column holds."),
    ])

    /// A dictionary exporter.
    public init(format: CSVFormat = CSVFormat()) { self.format = format }

    public var fileExtension: String { "csv" }

    /// Describes `tables`.
    public func write(_ tables: [CSVTable], to output: ExportWriter) async throws {
        try format.begin(Self.definition, output)
        for table in tables {
            for column in table.columns {
                try output.write(format.record([table.name, table.description, column.name, column.type.rawValue, column.description]))
            }
        }
    }

    /// Every table SmallWins exports, records first, then the dashboard's parts, then this dictionary.
    public static var allTables: [CSVTable] {
        ContentTable.allCases.map(\.definition) + DashboardTable.allCases.map(\.definition) + [definition]
    }
}

extension CSVFormat {
    /// Writes the byte order mark if asked, then the header row.
    func begin(_ table: CSVTable, _ output: ExportWriter) throws {
        if byteOrderMark { try output.write("\u{FEFF}") }
        try output.write(record(table.columns.map(\.name)))
    }
}
