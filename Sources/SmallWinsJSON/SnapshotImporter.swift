import Foundation
import SmallWins

/// Reads a ``Snapshot`` and writes it into an empty store, all or nothing, in bounded memory.
///
/// The file is read twice, a chunk at a time. The first pass checks the whole document's syntax, its `format`
/// and `schemaVersion`, and every directory record (teams to attempts: each value's rules, ids, references),
/// so a malformed file is refused with each problem's location before anything is written. The second pass
/// runs inside one transaction of the store (`StoreCopy`): the directory is written, then wins stream in
/// a page of 1,000 at a time, each checked as it is read (values, references to the directory, celebrations
/// listed with their own win). A bad win, a record the store refuses, a cancelled task or a killed process
/// rolls the whole import back. Memory holds the directory and one page of wins, however large the file.
public struct SnapshotImporter: Sendable {
    /// Wins written per page.
    static let pageSize = 1000

    /// An importer.
    public init() {}

    /// Imports the snapshot file at `path` into `store`, which must hold no team yet; throws `ImportError`
    /// naming where each problem is (nothing written), or `SmallWinsError` when the file cannot be read
    /// or the store fails.
    @discardableResult
    public func `import`(
        contentsOf path: String, into store: any WinStore, progress: (@Sendable (StoreCopy.Counts) -> Void)? = nil
    ) async throws -> StoreCopy.Counts {
        try await `import`(try ByteReader(path: path), into: store, progress: progress)
    }

    /// Imports the snapshot in `data` into `store`, which must hold no team yet.
    @discardableResult
    public func `import`(
        _ data: Data, into store: any WinStore, progress: (@Sendable (StoreCopy.Counts) -> Void)? = nil
    ) async throws -> StoreCopy.Counts {
        try await `import`(ByteReader(data: data), into: store, progress: progress)
    }

    /// The snapshot in `data`, held in memory and checked as an import checks it; throws `ImportError`
    /// naming where each problem is.
    public func read(_ data: Data) throws -> Snapshot {
        let reader = ByteReader(data: data)
        let (directory, check) = try SnapshotDirectory.read(reader)
        var snapshot = directory
        var entries = SnapshotEntries(reader, check: check)
        while let entry = try entries.next() { snapshot.wins.append(entry) }
        return snapshot
    }

    private func `import`(
        _ reader: ByteReader, into store: any WinStore, progress: (@Sendable (StoreCopy.Counts) -> Void)?
    ) async throws -> StoreCopy.Counts {
        let (directory, check) = try SnapshotDirectory.read(reader)
        var entries = SnapshotEntries(try reader.reopened(), check: check)
        try entries.refuseBadDirectory()
        let pages = SnapshotPages(entries)
        var content = directory.content
        content.winPages = WinPages { try pages.next() }
        do {
            return try await StoreCopy.copy(content, to: store, requiringEmpty: "into", progress: progress)
        } catch let SmallWinsError.conflict(field, reason) where field != "into" {
            // A win or celebration id listed on an earlier page, or stored already: the page says where.
            throw ImportError(location: pages.lastPageLocation ?? "the directory", field: field, reason: reason)
        }
    }

    /// Where a decoding error happened (under `prefix`) and why, in words.
    static func problem(_ error: DecodingError, at prefix: String = "") -> ImportError.Problem {
        func path(_ keys: [any CodingKey]) -> String {
            let text = prefix + keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "the document" : text)
        }
        switch error {
        case let .dataCorrupted(context):
            return .init(location: path(context.codingPath), reason: context.debugDescription)
        case let .keyNotFound(key, context):
            return .init(location: path(context.codingPath), field: key.stringValue, reason: "is missing")
        case let .typeMismatch(type, context):
            return .init(location: path(context.codingPath), reason: "expected \(type): \(context.debugDescription)")
        case let .valueNotFound(type, context):
            return .init(location: path(context.codingPath), reason: "expected \(type), found null")
        @unknown default:
            return .init(location: path([]), reason: String(describing: error))
        }
    }
}

/// The first pass over a snapshot: every byte's syntax checked, every key but `wins` kept and decoded, the
/// wins skipped.
enum SnapshotDirectory {
    /// The snapshot without its wins, and the check of its directory (with any problems, so the wins can
    /// be checked too before the file is refused); throws `ImportError` for a document that cannot be read.
    static func read(_ reader: ByteReader) throws -> (Snapshot, SnapshotCheck) {
        var scanner = JSONScanner(reader)
        // The document again with an empty list of wins, for the decoder.
        var document = Array("{".utf8)
        var keys: Set<String> = []
        do {
            guard try scanner.nextIsObject() else {
                try scanner.skipValue()
                try scanner.end()
                throw ImportError(location: "the document", reason: "is not a JSON object; a snapshot is an object with format, schemaVersion, teams and the other lists")
            }
            if try scanner.beginObject() {
                repeat {
                    let (line, column) = (scanner.line, scanner.column)
                    let key = try scanner.key()
                    guard keys.insert(key).inserted else {
                        throw ImportError(location: "line \(line), column \(column)", field: key, reason: "appears twice; a snapshot lists each key once")
                    }
                    if document.count > 1 { document.append(UInt8(ascii: ",")) }
                    document += try JSONEncoder().encode(key) + Array(":".utf8)
                    if key == "wins" {
                        document += Array("[]".utf8)
                        if try scanner.beginArray() {
                            repeat { try scanner.skipValue() } while try scanner.nextElement()
                        }
                    } else {
                        document += try scanner.captureValue()
                    }
                } while try scanner.nextMember()
            }
            try scanner.end()
        } catch let failure as JSONScanner.Failure {
            throw ImportError([failure.problem])
        }
        document.append(UInt8(ascii: "}"))
        let snapshot: Snapshot
        do {
            snapshot = try Instant.jsonDecoder().decode(Snapshot.self, from: Data(document))
        } catch let error as DecodingError {
            throw ImportError([SnapshotImporter.problem(error)])
        }
        guard snapshot.format == Snapshot.formatName else {
            throw ImportError(location: "format", reason: "is \"\(snapshot.format)\", not \"\(Snapshot.formatName)\"")
        }
        guard snapshot.schemaVersion == Snapshot.currentSchemaVersion else {
            throw ImportError(location: "schemaVersion", reason: "\(snapshot.schemaVersion) is not a version this SmallWins reads (\(Snapshot.currentSchemaVersion))")
        }
        if let scope = snapshot.scope, let top = snapshot.teams.first(where: { $0.id == scope }), let parent = top.parent,
           !snapshot.teams.contains(where: { $0.id == parent }) {
            throw ImportError(location: "teams", reason: "the snapshot holds \(top.name) without the teams above it, whose members, codebooks and goals it uses; export it again with `smallwins export json --team`, which includes them")
        }
        return (snapshot, SnapshotCheck(directory: snapshot))
    }
}

/// The second pass over a snapshot: its wins one entry at a time, each decoded and checked against the
/// directory. After the first bad entry no more are given: the rest are checked, and the problems thrown.
struct SnapshotEntries {
    private var scanner: JSONScanner
    private var check: SnapshotCheck
    /// Whether the scanner is inside the list of wins, with an entry to come.
    private var more: Bool?
    /// The index of the next entry.
    private(set) var index = 0

    init(_ reader: ByteReader, check: SnapshotCheck) {
        scanner = JSONScanner(reader)
        self.check = check
    }

    /// The next entry, checked; `nil` after the last; throws `ImportError` with every problem from the
    /// first bad entry on (the first 1,000).
    mutating func next() throws -> Snapshot.Entry? {
        do {
            if more == nil { more = try findWins() }
            while more == true {
                let bytes = try scanner.captureValue()
                let at = "wins[\(index)]"
                index += 1
                more = try scanner.nextElement()
                var entry: Snapshot.Entry?
                do {
                    entry = try Instant.jsonDecoder().decode(Snapshot.Entry.self, from: Data(bytes))
                } catch let error as DecodingError {
                    check.note(SnapshotImporter.problem(error, at: at))
                }
                if let entry { check.check(entry, at: at) }
                if check.problems.count >= ImportError.checkLimit { break }
                if check.problems.isEmpty, let entry { return entry }
            }
        } catch let failure as JSONScanner.Failure {
            check.note(failure.problem)
        }
        if !check.problems.isEmpty { throw ImportError(check.problems) }
        return nil
    }

    /// When the directory has problems, checks every entry too and throws them all.
    mutating func refuseBadDirectory() throws {
        if check.hasProblems { _ = try next() }
    }

    /// Forgets the ids seen so far: the store refuses a repeat of an id written before.
    mutating func forgetSeenIDs() { check.forgetSeenIDs() }

    /// Moves to the first entry of `wins`; `false` when there is none.
    private mutating func findWins() throws -> Bool {
        guard try scanner.beginObject() else { return false }
        repeat {
            if try scanner.key() == "wins" { return try scanner.beginArray() }
            try scanner.skipValue()
        } while try scanner.nextMember()
        return false
    }
}

/// Pages of a snapshot's wins for ``WinPages``; remembers which entries the last page held.
final class SnapshotPages: @unchecked Sendable {
    // Used by one page iterator at a time (the copy's loop), which awaits each page before asking again.
    private var entries: SnapshotEntries
    /// "wins[1000…1999]": the entries of the page given last.
    private(set) var lastPageLocation: String?

    init(_ entries: SnapshotEntries) { self.entries = entries }

    /// The next page of up to 1,000 wins with their celebrations; `nil` after the last.
    func next() throws -> WinBatch? {
        let first = entries.index
        var batch = WinBatch(wins: [], celebrations: [])
        while batch.wins.count < SnapshotImporter.pageSize, let entry = try entries.next() {
            batch.wins.append(entry.win)
            batch.celebrations += entry.celebrations
        }
        entries.forgetSeenIDs()
        guard !batch.wins.isEmpty else { return nil }
        lastPageLocation = "wins[\(first)…\(entries.index - 1)]"
        return batch
    }
}
