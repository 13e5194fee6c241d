import GRDB
import SmallWins

/// SQLite's errors as `SmallWinsError`s: classified by result code, described in SmallWins' words (SQLite's
/// own message never reaches a caller).
enum SQLiteFailure {
    /// The error a caller sees for `error`.
    static func map(_ error: DatabaseError) -> SmallWinsError {
        let kind: StorageFailure.Kind
        let name: String, message: String
        switch error.resultCode {
        case .SQLITE_BUSY: (kind, name, message) = (.busy, "SQLITE_BUSY", "another connection held the database's write lock past the busy timeout")
        case .SQLITE_LOCKED: (kind, name, message) = (.busy, "SQLITE_LOCKED", "a table was locked by another statement")
        case .SQLITE_CONSTRAINT:
            if [.SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY].contains(error.extendedResultCode) {
                // SQLite names the column ("UNIQUE constraint failed: team.name"); only the field is passed on.
                let text = error.message ?? ""
                let field = ["email", "name", "title", "text"].first { text.contains(".\($0)") } ?? "id"
                return .conflict(field: field, reason: "another write stored the same \(field) a moment ago")
            }
            (kind, name, message) = (.conflict, "SQLITE_CONSTRAINT", "a concurrent write changed a record this one refers to")
        case .SQLITE_FULL: (kind, name, message) = (.internal, "SQLITE_FULL", "the disk is full")
        case .SQLITE_IOERR: (kind, name, message) = (.internal, "SQLITE_IOERR", "the file could not be read or written")
        case .SQLITE_CORRUPT: (kind, name, message) = (.internal, "SQLITE_CORRUPT", "the database file is damaged")
        case .SQLITE_NOTADB: (kind, name, message) = (.internal, "SQLITE_NOTADB", "the file is not a SQLite database")
        case .SQLITE_CANTOPEN: (kind, name, message) = (.internal, "SQLITE_CANTOPEN", "the file cannot be opened")
        case .SQLITE_READONLY: (kind, name, message) = (.internal, "SQLITE_READONLY", "the file is read-only")
        case .SQLITE_PERM: (kind, name, message) = (.internal, "SQLITE_PERM", "access to the file was denied")
        case .SQLITE_NOMEM: (kind, name, message) = (.internal, "SQLITE_NOMEM", "SQLite ran out of memory")
        case .SQLITE_INTERRUPT: (kind, name, message) = (.busy, "SQLITE_INTERRUPT", "the statement was interrupted")
        default: (kind, name, message) = (.internal, "SQLite error \(error.resultCode.rawValue)", "SQLite refused the statement")
        }
        return .storage(StorageFailure(kind, code: name, message))
    }

    /// Runs `body`, turning SQLite's errors into `SmallWinsError`s.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw map(error)
        }
    }
}
