import Foundation
import OpenAPIRuntime
import SmallWins

/// An export written straight into a response body as the exporter produces it, a page of wins at a time: the next
/// page is read only once the client has taken all but `window` bytes of what was written, so a slow client holds
/// the export back instead of making the server buffer it. An error after the first bytes ends the response early
/// (the status is already sent); a client then sees a body cut short, never a complete-looking one.
final class StreamedExport: ExportSink, @unchecked Sendable {
    private let lock = NSLock()
    private var pending = 0
    private let window: Int
    private let chunks: AsyncThrowingStream<ArraySlice<UInt8>, any Error>
    private let continuation: AsyncThrowingStream<ArraySlice<UInt8>, any Error>.Continuation

    private init(window: Int) {
        self.window = window
        (chunks, continuation) = AsyncThrowingStream<ArraySlice<UInt8>, any Error>.makeStream()
    }

    /// Starts `export` of `content` into a body, pacing its win pages by what the client has read.
    static func start<E: Exporter>(_ exporter: E, of content: ExportContent, window: Int = 1 << 20) -> HTTPBody where E.Input == ExportContent {
        let stream = StreamedExport(window: window)
        var paced = content
        let source = Paced(content.winPages, gate: stream)
        paced.winPages = WinPages { try await source.next() }
        let task = Task {
            do {
                try await exporter.export(paced, to: stream)
                stream.continuation.finish()
            } catch {
                stream.continuation.finish(throwing: error)
            }
        }
        stream.continuation.onTermination = { _ in task.cancel() }
        return HTTPBody(stream.chunks.map { chunk in stream.taken(chunk.count); return chunk }, length: .unknown, iterationBehavior: .single)
    }

    func write(_ bytes: Data) throws {
        try Task.checkCancellation()
        lock.withLock { pending += bytes.count }
        continuation.yield(ArraySlice(bytes))
    }

    private func taken(_ count: Int) { lock.withLock { pending -= count } }

    /// Waits until the client has read all but `window` bytes.
    fileprivate func waitForReader() async throws {
        while lock.withLock({ pending > window }) { try await Task.sleep(for: .milliseconds(5)) }
    }

    /// Win pages read one at a time, each after the client has caught up.
    private final class Paced: @unchecked Sendable {
        private var iterator: WinPages.Iterator
        private let gate: StreamedExport

        init(_ pages: WinPages, gate: StreamedExport) {
            iterator = pages.makeAsyncIterator()
            self.gate = gate
        }

        func next() async throws -> WinBatch? {
            try await gate.waitForReader()
            return try await iterator.next()
        }
    }
}
