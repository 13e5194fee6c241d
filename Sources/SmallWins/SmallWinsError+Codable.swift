import Foundation

/// An error as a client receives it: a stable ``code`` to switch on, the field and the record it is about, and one
/// line for people. Encoded and decoded as `{"code", "message", "field", "entity", "id", "reason", "referencedBy",
/// "storage"}`, with absent keys for what a case does not carry, so a client in any language can map it, and a Swift
/// client decodes the same ``SmallWinsError`` the store threw.
extension SmallWinsError: Codable, LocalizedError {
    /// A stable name for the case: `invalid`, `not_found`, `unknown_reference`, `out_of_scope`, `in_use`, `conflict`,
    /// `invalid_cursor`, `forbidden`, `unauthenticated`, or `storage_` and the failure's kind (`storage_busy`, `storage_unavailable`,
    /// `storage_conflict`, `storage_internal`).
    public var code: String {
        switch self {
        case .invalid: return "invalid"
        case .notFound: return "not_found"
        case .unknownReference: return "unknown_reference"
        case .outOfScope: return "out_of_scope"
        case .inUse: return "in_use"
        case .conflict: return "conflict"
        case .invalidCursor: return "invalid_cursor"
        case .forbidden: return "forbidden"
        case .unauthenticated: return "unauthenticated"
        case let .storage(failure): return "storage_" + failure.kind.rawValue
        }
    }

    /// The field the error is about, when it names one.
    public var field: String? {
        switch self {
        case let .invalid(field, _), let .unknownReference(field, _, _), let .outOfScope(field, _), let .conflict(field, _): return field
        default: return nil
        }
    }

    /// The kind of record the error is about, when it names one.
    public var entity: EntityKind? {
        switch self {
        case let .notFound(kind, _), let .unknownReference(_, kind, _), let .inUse(kind, _, _): return kind
        default: return nil
        }
    }

    /// The id the error is about, when it names one.
    public var id: UUID? {
        switch self {
        case let .notFound(_, id), let .unknownReference(_, _, id), let .outOfScope(_, id), let .inUse(_, id, _): return id
        default: return nil
        }
    }

    /// The one-line ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }

    private enum CodingKeys: String, CodingKey { case code, message, field, entity, id, reason, referencedBy, storage }

    /// Encodes the code, the message, and the values the case carries.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(description, forKey: .message)
        try container.encodeIfPresent(field, forKey: .field)
        try container.encodeIfPresent(entity, forKey: .entity)
        try container.encodeIfPresent(id?.lowercaseText, forKey: .id)
        switch self {
        case let .invalid(_, reason), let .conflict(_, reason), let .invalidCursor(reason), let .forbidden(reason), let .unauthenticated(reason):
            try container.encode(reason, forKey: .reason)
        case let .inUse(_, _, referencedBy):
            try container.encode(referencedBy, forKey: .referencedBy)
        case let .storage(failure):
            try container.encode(failure, forKey: .storage)
        case .notFound, .unknownReference, .outOfScope:
            break
        }
    }

    /// Decodes what ``encode(to:)`` writes; an unknown code or a missing value is a `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys) throws -> T { try container.decode(T.self, forKey: key) }
        func id() throws -> UUID { try value(.id) }
        let code: String = try value(.code)
        switch code {
        case "invalid": self = .invalid(field: try value(.field), reason: try value(.reason))
        case "not_found": self = .notFound(try value(.entity), id: try id())
        case "unknown_reference": self = .unknownReference(field: try value(.field), try value(.entity), id: try id())
        case "out_of_scope": self = .outOfScope(field: try value(.field), id: try id())
        case "in_use": self = .inUse(try value(.entity), id: try id(), referencedBy: try value(.referencedBy))
        case "conflict": self = .conflict(field: try value(.field), reason: try value(.reason))
        case "invalid_cursor": self = .invalidCursor(try value(.reason))
        case "forbidden": self = .forbidden(try value(.reason))
        case "unauthenticated": self = .unauthenticated(try value(.reason))
        case _ where code.hasPrefix("storage_"): self = .storage(try value(.storage))
        default:
            throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: "unknown error code \(code)")
        }
    }
}
