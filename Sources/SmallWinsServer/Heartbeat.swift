import Foundation
import OpenAPIRuntime
import SmallWins

extension AsyncThrowingStream where Element == StoreChange, Failure == any Error {
    /// The changes as Server-Sent Events, with an `event: heartbeat` (no data, so clients dispatch nothing) after
    /// every `interval` of quiet: proxies keep the stream open, and a client that went away is noticed within an
    /// interval instead of at the next change.
    func serverSentEvents(heartbeat interval: Duration) -> AsyncThrowingStream<ServerSentEventWithJSONData<StoreChange>, any Error> {
        let (events, continuation) = AsyncThrowingStream<ServerSentEventWithJSONData<StoreChange>, any Error>.makeStream()
        let changes = self
        let pump = Task {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for try await change in changes {
                            continuation.yield(ServerSentEventWithJSONData(event: "change", data: change, id: String(change.sequence), retry: 2_000))
                        }
                        continuation.finish()
                    } catch { continuation.finish(throwing: error) }
                }
                group.addTask {
                    while (try? await Task.sleep(for: interval)) != nil {
                        continuation.yield(ServerSentEventWithJSONData(event: "heartbeat"))
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
        continuation.onTermination = { _ in pump.cancel() }
        return events
    }
}
