import Foundation
import SmallWins

extension SQLRow {
    /// The row as a `Record`: each stored property is read from the column of the same name (as GRDB reads
    /// its records), integers and text directly, ids and other `Decodable` values through their text.
    /// A value a column does not hold (a day that is not one, an unknown kind) is reported as corrupt storage.
    package func decode<Record: Decodable>(_ type: Record.Type = Record.self) throws -> Record {
        do {
            return try Record(from: ColumnsDecoder(row: self))
        } catch is DecodingError {
            throw SmallWinsError.storage(.corrupt("a row does not read as \(Record.self)"))
        }
    }
}

/// An id column, read without a trip through its text where the engine returned a `UUID`.
private protocol IdentifierColumn {
    init(column: String, of row: SQLRow) throws
}

extension Identifier: IdentifierColumn {
    init(column: String, of row: SQLRow) throws { self = try row.id(column) }
}

/// Decodes a record from a row's columns.
private struct ColumnsDecoder: Decoder {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw notARecord }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { throw notARecord }

    private var notARecord: SmallWinsError { .storage(.corrupt("a result row reads as a record of named columns")) }
}

/// The columns of a row, by name.
private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: SQLRow
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.columns.compactMap(Key.init(stringValue:)) }

    func contains(_ key: Key) -> Bool { row.columns.contains(key.stringValue) }
    func decodeNil(forKey key: Key) throws -> Bool { row.isNull(key.stringValue) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try row.text(key.stringValue) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try row.int(key.stringValue) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let id = T.self as? any IdentifierColumn.Type, let value = try id.init(column: key.stringValue, of: row) as? T {
            return value
        }
        do {
            return try T(from: ColumnDecoder(row: row, column: key.stringValue))
        } catch is DecodingError {
            throw SmallWinsError.storage(.corrupt("column \(key.stringValue) does not hold a \(T.self)"))
        }
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { throw unread(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { throw unread(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw unread(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw unread(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw unread(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw unread(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw unread(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw unread(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw unread(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw unread(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw unread(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw unread(type, key) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw unread(type, key)
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw unread([String].self, key) }
    func superDecoder() throws -> any Decoder { ColumnsDecoder(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { ColumnDecoder(row: row, column: key.stringValue) }

    /// A record asked for a type no column holds: a mistake in the record, reported as such.
    private func unread(_ type: Any.Type, _ key: Key) -> SmallWinsError {
        .storage(.corrupt("column \(key.stringValue) does not read as \(type)"))
    }
}

/// One column, for a value that decodes itself from text or a number (an id, a day, a raw-value enum).
private struct ColumnDecoder: Decoder, SingleValueDecodingContainer {
    let row: SQLRow
    let column: String
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw unread }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw unread }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { row.isNull(column) }
    func decode(_ type: String.Type) throws -> String { try row.text(column) }
    func decode(_ type: Int.Type) throws -> Int { try row.int(column) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }
    func decode(_ type: Bool.Type) throws -> Bool { throw unread }
    func decode(_ type: Double.Type) throws -> Double { throw unread }
    func decode(_ type: Float.Type) throws -> Float { throw unread }
    func decode(_ type: Int8.Type) throws -> Int8 { throw unread }
    func decode(_ type: Int16.Type) throws -> Int16 { throw unread }
    func decode(_ type: Int32.Type) throws -> Int32 { throw unread }
    func decode(_ type: Int64.Type) throws -> Int64 { throw unread }
    func decode(_ type: UInt.Type) throws -> UInt { throw unread }
    func decode(_ type: UInt8.Type) throws -> UInt8 { throw unread }
    func decode(_ type: UInt16.Type) throws -> UInt16 { throw unread }
    func decode(_ type: UInt32.Type) throws -> UInt32 { throw unread }
    func decode(_ type: UInt64.Type) throws -> UInt64 { throw unread }

    private var unread: SmallWinsError { .storage(.corrupt("column \(column) does not read as the value asked for")) }
}
