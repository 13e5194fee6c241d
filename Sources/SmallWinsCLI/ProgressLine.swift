import Foundation

/// Shows how long work is going: on a terminal, one line with counts and rate, redrawn in place; otherwise
/// a plain line every few seconds, so logs stay readable.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let unit: String
    private let interactive = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private let lock = NSLock()
    /// When the line was last drawn; the first draw waits a moment, so quick work prints nothing.
    private lazy var lastShown = started

    /// A progress line such as "demo: 1,500 of 2,000 wins (750/s)".
    init(_ label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    /// Reports `done` of `total` (when known).
    func update(_ done: Int, of total: Int? = nil) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let finished = total.map { done >= $0 } ?? false
        guard (finished && now.timeIntervalSince(started) >= 1) || now.timeIntervalSince(lastShown) >= (interactive ? 0.25 : 5) else { return }
        lastShown = now
        let elapsed = max(now.timeIntervalSince(started), 0.001)
        let of = total.map { " of \(Self.number($0))" } ?? ""
        let text = "\(label): \(Self.number(done))\(of) \(unit) (\(Self.number(Int(Double(done) / elapsed)))/s)"
        FileHandle.standardError.write(Data((interactive ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    /// Clears the line on a terminal once the work is done.
    func finish() {
        if interactive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    /// 12,345.
    static func number(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return String(result.reversed())
    }
}
