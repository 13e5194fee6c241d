import Foundation
import PostgresNIO
import SmallWins

/// Typed reads of stored columns; a value that does not parse is reported, never guessed.
extension PostgresRandomAccessRow {
    func uuid(_ column: String) throws -> UUID { try self[column].decode(UUID.self) }

    func id<Subject>(_ column: String) throws -> Identifier<Subject> { Identifier(try uuid(column)) }

    func string(_ column: String) throws -> String { try self[column].decode(String.self) }

    func int64(_ column: String) throws -> Int64 { try self[column].decode(Int64.self) }

    func value<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        let text = try string(column)
        guard let value = Value(rawValue: text) else { throw corrupt(column, text) }
        return value
    }

    /// A `timestamptz` column, to the millisecond every store keeps.
    func instant(_ column: String) throws -> Date { Instant.truncated(try self[column].decode(Date.self)) }

    private func corrupt(_ column: String, _ text: String) -> SmallWinsError {
        .storage(.corrupt("column \(column) holds \"\(text.prefix(60))\", which is not valid"))
    }
}
