import Foundation

/// Where exported bytes go.
public protocol ExportSink: AnyObject {
    /// Appends `bytes`.
    func write(_ bytes: Data) throws
}

/// Keeps exported bytes in memory.
public final class MemorySink: ExportSink {
    /// Everything written so far.
    public private(set) var data = Data()

    /// An empty sink.
    public init() {}

    public func write(_ bytes: Data) throws { data.append(bytes) }
}

/// Writes exported bytes to a file or to standard output.
public final class FileSink: ExportSink {
    private let handle: FileHandle
    private let closes: Bool

    /// Writes to an open handle (for example `FileHandle.standardOutput`), which stays open.
    public init(_ handle: FileHandle) {
        self.handle = handle
        closes = false
    }

    /// Creates (or empties) the file at `path`, and its folder when missing.
    public init(creating path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw SmallWinsError.invalid(field: "out", reason: "cannot create \(path)")
        }
        handle = try FileHandle(forWritingTo: url)
        closes = true
    }

    deinit { if closes { try? handle.close() } }

    public func write(_ bytes: Data) throws { try handle.write(contentsOf: bytes) }
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
