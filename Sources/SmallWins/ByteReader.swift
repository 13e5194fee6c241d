import Foundation

/// Reads the bytes of a file (or of bytes in memory) front to back, a chunk at a time, so an importer holds a
/// chunk and not the file: a million-win import reads in bounded memory, and a pipe or FIFO works too.
///
/// A path that cannot be read (missing, a directory, no permission, an I/O error part way) throws
/// ``SmallWinsError/invalid(field:reason:)`` naming the `file` field and the system's reason in words.
package struct ByteReader: Sendable {
    /// Where the bytes come from.
    private enum Source: Sendable {
        case memory(Data)
        case file(FileDescriptor, path: String, regular: Bool)
    }

    /// Closes its descriptor when the last reader holding it goes.
    private final class FileDescriptor: Sendable {
        let value: Int32
        init(_ value: Int32) { self.value = value }
        deinit { close(value) }
    }

    /// The size of one read from a file.
    package static let chunkSize = 1 << 20

    private let source: Source
    private var chunk: [UInt8] = []
    private var index = 0
    private var atEnd = false

    /// A reader of `data`.
    package init(data: Data) {
        source = .memory(data)
        chunk = [UInt8](data)
        atEnd = true
    }

    /// A reader of the file at `path`; throws naming the file when it cannot be opened or is a directory.
    package init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.failure(path, errno) }
        let file = FileDescriptor(descriptor)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.failure(path, errno) }
        if status.st_mode & S_IFMT == S_IFDIR { throw Self.failure(path, EISDIR) }
        source = .file(file, path: path, regular: status.st_mode & S_IFMT == S_IFREG)
    }

    /// A fresh reader of the same bytes from the start, for a second pass; throws for a pipe or device,
    /// whose bytes cannot be read twice.
    package func reopened() throws -> ByteReader {
        switch source {
        case .memory(let data): return ByteReader(data: data)
        case .file(_, let path, true): return try ByteReader(path: path)
        case .file(_, let path, false):
            throw SmallWinsError.invalid(field: "file", reason: "\(path) is a pipe or device, and this import reads its file twice; save it to a file first")
        }
    }

    /// The next byte without consuming it; `nil` at the end.
    @inline(__always)
    package mutating func peek() throws -> UInt8? {
        if index < chunk.count { return chunk[index] }
        return try refill() ? chunk[index] : nil
    }

    /// The next byte, consumed; `nil` at the end.
    @inline(__always)
    package mutating func next() throws -> UInt8? {
        if index < chunk.count {
            defer { index += 1 }
            return chunk[index]
        }
        guard try refill() else { return nil }
        defer { index += 1 }
        return chunk[index]
    }

    /// Reads the next chunk; `false` at the end of the file.
    private mutating func refill() throws -> Bool {
        guard !atEnd, case .file(let file, let path, _) = source else { return false }
        chunk = [UInt8](repeating: 0, count: Self.chunkSize)
        var count = 0
        repeat {
            count = chunk.withUnsafeMutableBytes { read(file.value, $0.baseAddress, Self.chunkSize) }
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw Self.failure(path, errno) }
        chunk.removeSubrange(count...)
        index = 0
        atEnd = count == 0
        return count > 0
    }

    /// "cannot read PATH: REASON" as an error of the `file` field.
    private static func failure(_ path: String, _ code: Int32) -> SmallWinsError {
        .invalid(field: "file", reason: "cannot read \(path): \(systemErrorText(code))")
    }
}
