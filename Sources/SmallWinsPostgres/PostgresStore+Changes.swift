import Foundation
import PostgresNIO
import SmallWins

extension PostgresStore {
    /// Change notices through `LISTEN`/`NOTIFY`: every write appends to the change log and notifies the
    /// installation's channel in its own transaction, so front ends on any machine see each other's writes.
    ///
    /// The sequence holds one pooled connection while it is iterated.
    public func changes() async throws -> AsyncThrowingStream<StoreChange, any Error> {
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: StoreChange.self)
        let (ready, readySignal) = AsyncThrowingStream.makeStream(of: Int64.self)
        let store = self
        let task = Task {
            do {
                try await store.client.withConnection { connection in
                    let context = PostgresContext(connection: connection, store: store)
                    try await connection.listen(on: context.channel) { notifications in
                        var last = try await context.latestChange()
                        readySignal.yield(last)
                        readySignal.finish()
                        for try await _ in notifications {
                            let latest = try await context.latestChange()
                            guard latest > last else { continue }
                            for notice in try await context.changes(after: last, through: latest) { continuation.yield(notice) }
                            last = latest
                        }
                    }
                }
                continuation.finish()
            } catch {
                readySignal.finish(throwing: error)
                continuation.finish(throwing: error is CancellationError ? nil : error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        do {
            for try await _ in ready { break }
        } catch {
            task.cancel()
            throw try await mappingErrors { throw error }
        }
        return stream
    }
}

extension PostgresContext {
    /// The newest change's sequence number (0 when there is none).
    func latestChange() async throws -> Int64 {
        try await row("SELECT COALESCE(MAX(seq), 0)::bigint AS seq FROM \(raw: s)change_log")!.int64("seq")
    }

    /// The notices in `(first, last]` visible in scope: changes to teams of the subtree, and to inherited
    /// records (codebooks, goals, the learning agenda) kept above it.
    func changes(after first: Int64, through last: Int64) async throws -> [StoreChange] {
        let inherited = [EntityKind.studentGroup, .theme, .goal, .learningQuestion, .attempt].map(\.rawValue)
        return try await scopedRows("""
            SELECT seq, entity, action, entity_id, team_id, \(raw: PGText.instant("at")) AS at FROM \(raw: s)change_log
            WHERE seq > \(first) AND seq <= \(last)
            AND (team_id IN (SELECT id FROM subtree) OR (entity = ANY(\(inherited)::text[]) AND team_id IN (SELECT id FROM lineage)))
            ORDER BY seq
            """).map { row in
                StoreChange(sequence: try row.int64("seq"), entity: try row.value("entity"), action: try row.value("action"),
                            id: try row.uuid("entity_id"), team: try row.id("team_id"), at: try row.instant("at"))
            }
    }
}
