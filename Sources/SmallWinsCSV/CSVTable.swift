import Foundation
import SmallWins

/// A table's column as the data dictionary describes it.
public struct CSVColumn: Hashable, Sendable {
    /// What a column holds, so analysts can type it on import.
    public enum ValueType: String, Hashable, Sendable {
        /// Free text, exactly as stored.
        case text
        /// A lowercase UUID.
        case id
        /// A whole number.
        case integer
        /// A decimal number with a dot.
        case number
        /// `true` or `false`.
        case boolean
        /// A calendar day, `YYYY-MM-DD`.
        case date
        /// An instant in UTC, `YYYY-MM-DDTHH:MM:SS.sssZ`.
        case timestamp
        /// Several values joined with `; `.
        case list
    }

    /// The column's header.
    public var name: String
    /// What the column holds.
    public var type: ValueType
    /// What the column means, for the data dictionary.
    public var description: String

    /// A column.
    public init(_ name: String, _ type: ValueType, _ description: String) {
        self.name = name
        self.type = type
        self.description = description
    }
}

/// A CSV table definition: its name (the file name without `.csv`), what one row is, and its columns.
public struct CSVTable: Hashable, Sendable {
    /// The table's name: its file is `name.csv`.
    public var name: String
    /// What one row stands for.
    public var description: String
    /// Its columns, in order.
    public var columns: [CSVColumn]

    /// A table.
    public init(name: String, description: String, columns: [CSVColumn]) {
        self.name = name
        self.description = description
        self.columns = columns
    }
}

/// A table's definition with the function that turns its input into rows; the header and the data
/// dictionary come from the same definition, so they cannot drift apart.
struct TableRows<Record> {
    let columns: [CSVColumn]
    let cells: [(Record) -> String]

    init(_ fields: [(CSVColumn, (Record) -> String)]) {
        columns = fields.map(\.0)
        cells = fields.map(\.1)
    }

    func row(_ record: Record) -> [String] { cells.map { $0(record) } }
}

/// Text forms of values in cells.
enum Cell {
    static func id<Subject>(_ id: Identifier<Subject>?) -> String { id?.description ?? "" }
    static func ids<Subject>(_ ids: [Identifier<Subject>]) -> String { UUID.joinedText(ids.map(\.uuid), separator: CSVFormat.listSeparator) }
    static func list(_ values: [String?]) -> String { values.map { $0 ?? "" }.joined(separator: CSVFormat.listSeparator) }
    static func day(_ day: Day?) -> String { day?.iso ?? "" }
    static func instant(_ date: Date) -> String { Instant.iso(date) }
    static func share(_ value: Double) -> String { String(format: "%.4f", value) }
}
