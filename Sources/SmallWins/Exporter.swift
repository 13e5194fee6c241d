import Foundation

/// Turns records or a dashboard into bytes: a CSV table, a JSON snapshot, an SVG chart.
///
/// An exporter never queries a store. The caller gathers its input (an ``ExportContent`` streams wins
/// a page at a time; a ``Dashboard`` is one value) and the exporter writes to an ``ExportWriter``.
/// To add a format, conform a type to `Exporter` and call ``export(_:to:)``:
///
/// ```swift
/// /// Writes one line per win: its day and title.
/// struct TitleList: Exporter {
///     var fileExtension: String { "txt" }
///
///     func write(_ content: ExportContent, to output: ExportWriter) async throws {
///         for try await page in content.winPages {
///             for win in page.wins { try output.write("\(win.day) \(win.title)\n") }
///         }
///     }
/// }
/// ```
public protocol Exporter<Input>: Sendable {
    /// What the exporter reads: ``ExportContent`` or ``Dashboard``.
    associatedtype Input

    /// The usual file name extension of the output, without the dot ("csv").
    var fileExtension: String { get }

    /// Writes `input`; the caller flushes `output`.
    func write(_ input: Input, to output: ExportWriter) async throws
}

extension Exporter {
    /// Writes `input` to `sink`, flushes it, and finishes the sink (a file appears only now).
    public func export(_ input: Input, to sink: any ExportSink) async throws {
        let writer = ExportWriter(sink)
        try await write(input, to: writer)
        try writer.flush()
        try sink.finish()
    }

    /// The exported bytes, in memory: for small outputs and tests.
    public func data(_ input: Input) async throws -> Data {
        let sink = MemorySink()
        try await export(input, to: sink)
        return sink.data
    }
}
