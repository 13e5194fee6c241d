import Foundation

/// What went wrong in the storage engine, in a form a caller can act on: ``SmallWinsError/storage(_:)``.
///
/// `message` is SmallWins' own words (what failed, and the engine's code), never the engine's text, which can
/// quote data or configuration.
public struct StorageFailure: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What a caller can do about it.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Another writer holds what the call needs (a lock wait or statement timeout ran out, a deadlock, a
        /// serialization failure, SQLite's busy timeout): the same call may succeed shortly.
        case busy
        /// The database cannot be reached or stopped answering (server down or restarting, connection lost, no
        /// answer within the timeout): try again when it is back. A write that failed this way may or may not
        /// have committed; read before writing it again.
        case unavailable
        /// A concurrent write changed what the call relied on (a constraint it now breaks): read again, then retry.
        case conflict
        /// Anything else (a full disk, a damaged file, a refused login, a bug): retrying as is will not help.
        case `internal`
    }

    /// What a caller can do about it.
    public var kind: Kind
    /// The engine's code: a PostgreSQL SQLSTATE (`40P01`), a SQLite result code (`SQLITE_BUSY`) or a client
    /// code (`connectionClosed`), when there is one.
    public var code: String?
    /// One line saying what failed.
    public var message: String

    /// A failure of `kind`.
    public init(_ kind: Kind, code: String? = nil, _ message: String) {
        self.kind = kind
        self.code = code
        self.message = message
    }

    /// A stored value SmallWins cannot read back (a damaged file, or data written by hand).
    public static func corrupt(_ message: String) -> StorageFailure { StorageFailure(.internal, message) }

    /// "the connection to PostgreSQL was lost (connectionClosed)".
    public var description: String { code.map { "\(message) (\($0))" } ?? message }
}
