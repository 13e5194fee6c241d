import Foundation
import SmallWins

/// Runs `body` but gives up after `limit`: a call to a server that died or stopped answering ends in
/// `StorageFailure/Kind/unavailable` instead of waiting forever. The work is cancelled and left to end on its
/// own (PostgresNIO may keep waiting on a dead socket); the caller goes on at once.
func withDeadline<T: Sendable>(
    _ limit: Duration, doing what: String, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let race = DeadlineRace<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation, work: Task {
                do { race.finish(.success(try await body())) } catch { race.finish(.failure(error)) }
            }, timer: Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled {
                    race.finish(.failure(SmallWinsError.storage(StorageFailure(
                        .unavailable, code: "timeout", "PostgreSQL did not answer within \(limit.seconds) s while \(what)"))))
                }
            })
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of the work's result, the timer and a cancellation wins; the others are cancelled.
private final class DeadlineRace<T: Sendable>: @unchecked Sendable {
    // @unchecked: every field is read and written under `lock`.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var tasks: [Task<Void, Never>] = []

    func start(_ continuation: CheckedContinuation<T, any Error>, work: Task<Void, Never>, timer: Task<Void, Never>) {
        let ready: Result<T, any Error>? = lock.withLock {
            tasks = [work, timer]
            if let early { return early }
            self.continuation = continuation
            return nil
        }
        if let ready {
            work.cancel()
            timer.cancel()
            continuation.resume(with: ready)
        }
    }

    func finish(_ result: Result<T, any Error>) {
        let (waiting, tasks): (CheckedContinuation<T, any Error>?, [Task<Void, Never>]) = lock.withLock {
            guard early == nil else { return (nil, []) }
            early = result
            defer { continuation = nil }
            return (continuation, self.tasks)
        }
        for task in tasks { task.cancel() }
        waiting?.resume(with: result)
    }
}

extension Duration {
    /// Whole seconds, for messages.
    var seconds: Int64 { components.seconds }
}
