import Foundation
import SmallWins

/// Writes a ``Snapshot`` of an installation or scope, streaming the wins one per line.
public struct SnapshotExporter: Exporter {
    /// A snapshot exporter.
    public init() {}

    public var fileExtension: String { "json" }

    public func write(_ content: ExportContent, to output: ExportWriter) async throws {
        let encoder = Instant.jsonEncoder()
        func line<Value: Encodable>(_ value: Value) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
        func list<Value: Encodable>(_ key: String, _ values: [Value]) throws {
            try output.write(",\n\"\(key)\":[")
            for (index, value) in values.enumerated() {
                try output.write((index == 0 ? "\n" : ",\n") + (try line(value)))
            }
            try output.write(values.isEmpty ? "]" : "\n]")
        }
        try output.write("{\"format\":\(try line(Snapshot.formatName)),\"schemaVersion\":\(Snapshot.currentSchemaVersion)")
        try output.write(",\"scope\":" + (content.scope.map { "\"\($0)\"" } ?? "null"))
        try list("teams", content.teams.byID())
        try list("members", content.members.byID())
        try list("memberships", content.memberships.sorted { ($0.member.description, $0.team.description) < ($1.member.description, $1.team.description) })
        try list("studentGroups", content.studentGroups.byID())
        try list("themes", content.themes.byID())
        try list("goals", content.goals.byID())
        try list("learningQuestions", content.learningQuestions.byID())
        try list("attempts", content.attempts.byID())
        try output.write(",\n\"wins\":[")
        var first = true
        for try await batch in content.winPages {
            let celebrations = Dictionary(grouping: batch.celebrations, by: \.win)
            for win in batch.wins {
                try output.write((first ? "\n" : ",\n") + (try line(Snapshot.Entry(win: win, celebrations: celebrations[win.id] ?? []))))
                first = false
            }
        }
        try output.write(first ? "]\n}\n" : "\n]\n}\n")
    }
}

/// Writes wins as JSON Lines: one win per line, newest first, for streaming into other tools.
public struct JSONLinesExporter: Exporter {
    /// A JSON Lines exporter.
    public init() {}

    public var fileExtension: String { "jsonl" }

    public func write(_ content: ExportContent, to output: ExportWriter) async throws {
        let encoder = Instant.jsonEncoder()
        for try await batch in content.winPages {
            for win in batch.wins {
                try output.write(try encoder.encode(win))
                try output.write("\n")
            }
        }
    }
}

/// Writes a dashboard as one indented JSON document with sorted keys.
public struct DashboardJSONExporter: Exporter {
    /// A dashboard exporter.
    public init() {}

    public var fileExtension: String { "json" }

    public func write(_ dashboard: Dashboard, to output: ExportWriter) async throws {
        try output.write(try Instant.jsonEncoder(pretty: true).encode(dashboard))
        try output.write("\n")
    }
}
