import Foundation
import GRDB
import SmallWins

/// Typed reads of stored columns; a value that does not parse is reported, never guessed.
extension Row {
    func id<Subject>(_ column: String) throws -> Identifier<Subject> {
        let text: String = self[column]
        guard let id = Identifier<Subject>(text) else { throw corrupt(column, text) }
        return id
    }

    func instant(_ column: String) throws -> Date {
        let text: String = self[column]
        guard let date = Instant.parse(text) else { throw corrupt(column, text) }
        return date
    }

    func value<Value: RawRepresentable>(_ column: String) throws -> Value where Value.RawValue == String {
        let text: String = self[column]
        guard let value = Value(rawValue: text) else { throw corrupt(column, text) }
        return value
    }

    private func corrupt(_ column: String, _ text: String) -> SmallWinsError {
        .storage(.corrupt("column \(column) holds \"\(text.prefix(60))\", which is not valid"))
    }
}

/// JSON text for a list of lines, as stored in the success-criteria columns.
func jsonText(_ lines: [String]) -> String {
    String(decoding: (try? JSONEncoder().encode(lines)) ?? Data("[]".utf8), as: UTF8.self)
}
