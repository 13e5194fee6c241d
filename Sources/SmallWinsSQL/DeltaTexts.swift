import Foundation

/// The fixed SQL text of the aggregate deltas of new wins, built once per process: the text before and after the
/// wins condition, by dialect, table and sign (``SQLEngine``'s aggregates).
final class DeltaTexts: @unchecked Sendable {
    /// The texts of this process.
    static let shared = DeltaTexts()

    private let lock = NSLock()
    private var texts: [String: (head: String, tail: String)] = [:]

    /// The texts under `key`, built by `build` the first time.
    func texts(key: String, build: () -> (head: String, tail: String)) -> (head: String, tail: String) {
        if let found = lock.withLock({ texts[key] }) { return found }
        let built = build()
        lock.withLock { texts[key] = built }
        return built
    }
}
