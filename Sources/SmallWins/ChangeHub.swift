import Foundation

/// One reader of a store's ``ChangeLog`` that feeds every listener of that store, each filtered by its scope,
/// so a write costs the same with one listener or a thousand.
///
/// The hub reads the log while it has listeners: at once when a write in this process pokes it, and every
/// ``ChangeLog/pollInterval`` otherwise (writes of other processes). Each listener gets every visible notice
/// with a sequence above its starting point exactly once, in sequence order; one that starts behind (resuming
/// after an old sequence) catches up from the log first. A listener that lets more than ``bufferLimit``
/// notices pile up is ended with an error that names the sequence to resume after.
package actor ChangeHub {
    /// The most notices a listener may leave unread.
    package static let bufferLimit = 50_000
    /// Notices read from the log per query.
    private static let pageSize = 1_000

    private struct Listener {
        let scope: UUID?
        var delivered: Int64
        let continuation: AsyncThrowingStream<StoreChange, any Error>.Continuation
    }

    private let log: any ChangeLog
    private var listeners: [UUID: Listener] = [:]
    /// The newest sequence read from the log.
    private var last: Int64 = 0
    private var parents: [UUID: UUID] = [:]
    private var parentsLoaded = false
    private var pump: Task<Void, Never>?
    private var watcher: Task<Void, Never>?
    private var sleeper: (generation: Int, continuation: CheckedContinuation<Void, Never>)?
    private var generation = 0
    private var poked = false

    /// A hub over `log`; it reads nothing until the first listener subscribes.
    package init(log: any ChangeLog) { self.log = log }

    /// Every notice visible from `scope` with a sequence above `after`, or, when `after` is `nil`, every one
    /// committed after this call returns; the stream ends when the task iterating it is cancelled.
    package func subscribe(scope: UUID?, after: Int64?) async throws -> AsyncThrowingStream<StoreChange, any Error> {
        if let after, after < 0 { throw SmallWinsError.invalid(field: "after", reason: "a sequence is 0 or more") }
        var start = after ?? 0
        if after == nil { start = try await log.latestSequence() }
        let (stream, continuation) = AsyncThrowingStream.makeStream(
            of: StoreChange.self, bufferingPolicy: .bufferingOldest(Self.bufferLimit))
        let id = UUID()
        listeners[id] = Listener(scope: scope, delivered: start, continuation: continuation)
        continuation.onTermination = { [weak self] _ in Task { await self?.remove(id) } }
        // No suspension between checking for the pump and starting it, so concurrent subscribers start one.
        if pump == nil {
            last = max(last, start)
            startPumping()
        } else {
            wake()
        }
        return stream
    }

    /// Tells the hub the log may have grown (a write of this process committed).
    package nonisolated func poke() {
        Task { await wake() }
    }

    private func remove(_ id: UUID) {
        listeners[id] = nil
        if listeners.isEmpty { stopPumping() }
    }

    // MARK: Reading the log

    private func startPumping() {
        let log = self.log
        watcher = Task { [weak self] in
            try? await log.watch { [weak self] in self?.poke() }
        }
        pump = Task { [weak self] in
            while !Task.isCancelled, let self {
                do {
                    try await self.cycle()
                } catch {
                    await self.failAll(error)
                    return
                }
                await self.nap()
            }
        }
    }

    private func stopPumping() {
        pump?.cancel()
        watcher?.cancel()
        pump = nil
        watcher = nil
        wake()
    }

    /// Brings listeners that start behind up to ``last``, then reads and hands out what is new.
    private func cycle() async throws {
        if !parentsLoaded { try await refreshParents() }
        for (id, listener) in listeners where listener.delivered < last {
            var from = listener.delivered
            while from < last {
                let page = try await read(after: from).filter { $0.sequence <= last }
                guard let end = page.last?.sequence else { break }
                deliver(page, to: id)
                from = end
            }
            if let delivered = listeners[id]?.delivered { listeners[id]?.delivered = max(delivered, last) }
        }
        while !listeners.isEmpty {
            let previous = last
            let page = try await read(after: previous)
            guard let end = page.last?.sequence else { return }
            for (id, listener) in listeners where listener.delivered >= previous {
                deliver(page, to: id)
            }
            last = end
        }
    }

    /// A page of notices after `sequence`, with the team tree brought up to date when any of them is a team's.
    private func read(after sequence: Int64) async throws -> [StoreChange] {
        let page = try await log.notices(after: sequence, limit: Self.pageSize)
        if page.contains(where: { $0.entity == .team }) { try await refreshParents() }
        return page
    }

    private func refreshParents() async throws {
        // Deleted teams stay, so the notice of their deletion still finds its place.
        parents.merge(try await log.teamParents()) { _, new in new }
        parentsLoaded = true
    }

    /// Hands the notices of `page` that `id` has not had and may see to it.
    private func deliver(_ page: [StoreChange], to id: UUID) {
        guard let listener = listeners[id] else { return }
        var delivered = listener.delivered
        for notice in page where notice.sequence > delivered {
            delivered = notice.sequence
            guard isVisible(notice, from: listener.scope) else { continue }
            if case .dropped = listener.continuation.yield(notice) {
                listener.continuation.finish(throwing: SmallWinsError.storage(StorageFailure(.busy,
                    "the listener left more than \(Self.bufferLimit) notices unread; resume with changes(after: \(notice.sequence - 1))")))
                listeners[id] = nil
                return
            }
        }
        listeners[id]?.delivered = delivered
    }

    /// Whether a scope sees a notice: its team is in the scope's subtree, or it is an inherited record
    /// (codebook, goal, learning agenda) kept above the scope.
    private func isVisible(_ notice: StoreChange, from scope: UUID?) -> Bool {
        guard let scope else { return true }
        if contains(ancestor: scope, notice.team.uuid) { return true }
        return notice.entity.isInherited && contains(ancestor: notice.team.uuid, scope)
    }

    /// Whether `team` is `ancestor` or lies below it.
    private func contains(ancestor: UUID, _ team: UUID) -> Bool {
        var current: UUID? = team
        for _ in 0..<10_000 {
            guard let id = current else { return false }
            if id == ancestor { return true }
            current = parents[id]
        }
        return false
    }

    private func failAll(_ error: any Error) {
        for listener in listeners.values { listener.continuation.finish(throwing: error) }
        listeners = [:]
        stopPumping()
    }

    // MARK: Waiting

    private func wake() {
        if let sleeper {
            self.sleeper = nil
            sleeper.continuation.resume()
        } else {
            poked = true
        }
    }

    /// Waits for a poke, or the log's poll interval.
    private func nap() async {
        if poked || pump == nil { poked = false; return }
        generation += 1
        let current = generation, interval = log.pollInterval
        await withCheckedContinuation { continuation in
            sleeper = (current, continuation)
            Task { [weak self] in
                try? await Task.sleep(for: interval)
                await self?.timerFired(current)
            }
        }
    }

    private func timerFired(_ generation: Int) {
        if let sleeper, sleeper.generation == generation {
            self.sleeper = nil
            sleeper.continuation.resume()
        }
    }
}

extension EntityKind {
    /// Whether teams below the keeping team see records of this kind (codebooks, goals, the learning agenda).
    package var isInherited: Bool {
        [.studentGroup, .theme, .goal, .learningQuestion, .attempt].contains(self)
    }
}
