import Foundation

/// An `AsyncSequence` over every win matching a query, newest first.
///
/// It pulls one page at a time through ``WinStore/wins(_:after:limit:)`` only when the
/// consumer asks for more, so it streams any number of wins in constant memory and holds no
/// database transaction open between pages.
public struct WinSequence: AsyncSequence, Sendable {
    public typealias Element = Win

    let store: any WinStore
    let query: WinQuery
    let pageSize: Int

    public func makeAsyncIterator() -> Iterator {
        Iterator(store: store, query: query, pageSize: pageSize)
    }

    /// Pulls the next page when the current one is used up.
    public struct Iterator: AsyncIteratorProtocol {
        let store: any WinStore
        let query: WinQuery
        let pageSize: Int
        var buffer: [Win] = []
        var position = 0
        var cursor: WinCursor?
        var finished = false

        init(store: any WinStore, query: WinQuery, pageSize: Int) {
            self.store = store
            self.query = query
            self.pageSize = pageSize
        }

        public mutating func next() async throws -> Win? {
            if position == buffer.count {
                if finished { return nil }
                let page = try await store.wins(query, after: cursor, limit: pageSize)
                buffer = page.wins
                position = 0
                cursor = page.next
                finished = page.next == nil
                if buffer.isEmpty { return nil }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
