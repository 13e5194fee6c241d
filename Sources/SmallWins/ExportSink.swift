import Foundation

/// Where exported bytes go.
public protocol ExportSink: AnyObject {
    /// Appends `bytes`.
    func write(_ bytes: Data) throws

    /// Called once after the last write: a file sink makes the file appear here (nothing does by default).
    func finish() throws
}

extension ExportSink {
    public func finish() throws {}
}

/// Keeps exported bytes in memory.
public final class MemorySink: ExportSink {
    /// Everything written so far.
    public private(set) var data = Data()

    /// An empty sink.
    public init() {}

    public func write(_ bytes: Data) throws { data.append(bytes) }
}

/// Writes exported bytes to standard output, or safely to a file: into a temporary file beside it that
/// replaces the file only when the export has finished (``Exporter/export(_:to:)`` calls ``finish()``), so a
/// failed or interrupted export never leaves a truncated or empty file, and an existing file keeps its
/// permissions. A path that is a folder, a device, a FIFO or a symbolic link is refused.
public final class FileSink: ExportSink {
    private enum Target {
        case handle(FileHandle)
        case file(FileReplacement)
    }

    private let target: Target

    /// Writes to an open handle (for example `FileHandle.standardOutput`), which stays open.
    public init(_ handle: FileHandle) {
        target = .handle(handle)
    }

    /// Writes to the file at `path` (created, or replaced when the export finishes), making its folder when
    /// missing; throws ``SmallWinsError/invalid(field:reason:)`` naming the path and the reason.
    public init(creating path: String) throws {
        target = .file(try FileReplacement(path: path))
    }

    public func write(_ bytes: Data) throws {
        switch target {
        case .handle(let handle): try handle.write(contentsOf: bytes)
        case .file(let file): try file.write(bytes)
        }
    }

    public func finish() throws {
        if case .file(let file) = target { try file.commit() }
    }
}

/// Buffers an exporter's output and hands it to a sink in large blocks, so streaming many small
/// writes stays fast and memory stays constant.
public final class ExportWriter {
    private let sink: any ExportSink
    private var buffer = Data()
    private let blockSize: Int

    /// A writer into `sink` that flushes every `blockSize` bytes.
    public init(_ sink: any ExportSink, blockSize: Int = 1 << 16) {
        self.sink = sink
        self.blockSize = blockSize
        buffer.reserveCapacity(blockSize)
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { bytes in if let base = bytes.baseAddress { buffer.append(base, count: bytes.count) } }
        if buffer.count >= blockSize { try flush() }
    }

    /// Appends raw bytes.
    public func write(_ bytes: Data) throws {
        buffer.append(bytes)
        if buffer.count >= blockSize { try flush() }
    }

    /// Hands everything buffered to the sink.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try sink.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
