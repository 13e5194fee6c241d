import Foundation
import PostgresNIO
import SmallWins

/// PostgreSQL's and PostgresNIO's errors as `SmallWinsError`s: classified by SQLSTATE (or the client's code),
/// described in SmallWins' words. The server's message text never reaches a caller: it can quote data.
enum PostgresFailure {
    /// The error a caller sees for `error`.
    static func map(_ error: PSQLError) -> SmallWinsError {
        if let info = error.serverInfo, let state = info[.sqlState] { return server(relayed(state, info), constraint: constraint(in: info)) }
        let code = error.code.description
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed:
            return .storage(StorageFailure(.unavailable, code: code, "the connection to PostgreSQL was lost"))
        case .queryCancelled:
            return .storage(StorageFailure(.busy, code: code, "the statement was cancelled"))
        case .sslUnsupported, .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return .storage(StorageFailure(.internal, code: code, "the server does not speak TLS as sslmode asks"))
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return .storage(StorageFailure(.internal, code: code, "the server refused the login"))
        default:
            return .storage(StorageFailure(.internal, code: code, "PostgreSQL failed"))
        }
    }

    /// The SQLSTATE of a node's error that Citus relays as an internal error (`XX000`), as an insert loaded through
    /// the coordinator does with a unique violation: classified from the message, read here only for that.
    static func relayed(_ state: String, _ info: PSQLError.ServerInfo) -> String {
        guard state == "XX000", info[.message]?.hasPrefix("duplicate key value violates unique constraint") == true else { return state }
        return "23505"
    }

    /// The constraint a server error names. Citus relays a node's unique violation without the field, and with the
    /// shard's number after the name; the name is then the one the message quotes (read here only to classify).
    static func constraint(in info: PSQLError.ServerInfo) -> String? {
        if let name = info[.constraintName] { return name }
        guard let message = info[.message], let start = message.range(of: "constraint \""),
              let end = message[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(message[start.upperBound..<end])
    }

    /// A server error by its SQLSTATE. A unique violation from a race (two writers creating the same record) is
    /// a ``SmallWinsError/conflict(field:reason:)`` like the one the store's own check raises.
    static func server(_ state: String, constraint: String?) -> SmallWinsError {
        let failure: (StorageFailure.Kind, String)
        switch state {
        case "23505":
            if constraint?.hasPrefix("celebration_once_per_kind") == true {
                // The key a distributed installation adds (`distribute()`): met by a race, or by a restore that repeats.
                return .conflict(field: "kind", reason: "this member already celebrated this win with this kind (a distributed installation keeps one)")
            }
            let field = ["email", "name", "title", "text", "kind"].first { constraint?.contains($0) == true } ?? "id"
            return .conflict(field: field, reason: "another write stored the same \(field) a moment ago")
        case "40001": failure = (.busy, "a concurrent write conflicted with this one (serialization failure)")
        case "40P01": failure = (.busy, "a concurrent write deadlocked with this one")
        case "55P03": failure = (.busy, "a lock was not available")
        case "57014": failure = (.busy, "the statement ran past the statement timeout")
        case "25P03": failure = (.unavailable, "the transaction stayed idle past the idle timeout and the server ended it")
        case "57P01", "57P02": failure = (.unavailable, "the server is shutting down")
        case "57P03": failure = (.unavailable, "the server is starting up and not yet accepting connections")
        case "53300": failure = (.unavailable, "the server has no free connection slot")
        case "3D000": failure = (.internal, "the database does not exist")
        case "42501": failure = (.internal, "the role lacks a privilege this needs")
        default:
            switch state.prefix(2) {
            case "23": failure = (.conflict, "a concurrent write changed a record this one refers to")
            case "08": failure = (.unavailable, "the connection to PostgreSQL failed")
            case "53", "58": failure = (.unavailable, "the server ran out of a resource")
            case "28": failure = (.internal, "the server refused the login")
            case "40": failure = (.busy, "the server rolled the transaction back")
            default: failure = (.internal, "the server refused the statement")
            }
        }
        return .storage(StorageFailure(failure.0, code: "SQLSTATE \(state)", failure.1))
    }

    /// Whether the server aborted the statement only to break a deadlock or a serialization conflict, so the same
    /// work can run again.
    static func isRetryable(_ error: PSQLError) -> Bool {
        ["40P01", "40001"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// Runs `body`, turning PostgreSQL's and PostgresNIO's errors into `SmallWinsError`s.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SmallWinsError {
            throw error
        } catch let error as PostgresTransactionError {
            switch error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError {
            case let inner as SmallWinsError: throw inner
            case let inner as PSQLError: throw map(inner)
            default: throw SmallWinsError.storage(StorageFailure(.internal, "a transaction failed"))
            }
        } catch let error as PSQLError {
            throw map(error)
        }
    }
}
