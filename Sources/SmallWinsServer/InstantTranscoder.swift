import Foundation
import OpenAPIRuntime
import SmallWins

/// Instants on the wire the SmallWins way: ISO 8601 UTC with milliseconds (`2026-11-18T14:03:27.512Z`), as
/// `Instant.jsonEncoder()` writes them; whole seconds are read too.
struct InstantTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String { Instant.iso(date) }

    func decode(_ text: String) throws -> Date {
        if let date = Instant.parse(text) ?? ISO8601DateFormatter().date(from: text) { return date }
        throw SmallWinsError.invalid(field: "instant", reason: "expected ISO 8601 UTC like 2026-11-18T14:03:27.512Z, got \"\(text.prefix(40))\"")
    }
}
