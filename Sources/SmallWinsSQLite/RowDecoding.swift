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

    func optionalID<Subject>(_ column: String) throws -> Identifier<Subject>? {
        guard let text: String = self[column] else { return nil }
        guard let id = Identifier<Subject>(text) else { throw corrupt(column, text) }
        return id
    }

    func ids<Subject>(_ column: String) throws -> [Identifier<Subject>] {
        guard let text: String = self[column], !text.isEmpty else { return [] }
        return try text.split(separator: ",").map { part in
            guard let id = Identifier<Subject>(String(part)) else { throw corrupt(column, text) }
            return id
        }
    }

    func day(_ column: String) throws -> Day {
        let text: String = self[column]
        guard let day = try? Day(iso: text) else { throw corrupt(column, text) }
        return day
    }

    func optionalDay(_ column: String) throws -> Day? {
        guard let text: String = self[column] else { return nil }
        guard let day = try? Day(iso: text) else { throw corrupt(column, text) }
        return day
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

    func lines(_ column: String) throws -> [String] {
        let text: String = self[column]
        guard let lines = try? JSONDecoder().decode([String].self, from: Data(text.utf8)) else {
            throw corrupt(column, text)
        }
        return lines
    }

    private func corrupt(_ column: String, _ text: String) -> SmallWinsError {
        .storage(.corrupt("column \(column) holds \"\(text.prefix(60))\", which is not valid"))
    }
}

/// JSON text for a list of lines, as stored in the success-criteria columns.
func jsonText(_ lines: [String]) -> String {
    String(decoding: (try? JSONEncoder().encode(lines)) ?? Data("[]".utf8), as: UTF8.self)
}
