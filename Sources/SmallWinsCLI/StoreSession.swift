import Foundation

/// The stores one run of the CLI opens: each location is opened (and, on PostgreSQL, checked and migrated)
/// once, however many parts of the command ask for it, and ``close()`` ends their PostgreSQL pools when the
/// command returns or fails.
actor StoreSession {
    /// The session of this process, which runs one command.
    static let shared = StoreSession()

    private var opened: [String: Task<OpenedStore, any Error>] = [:]
    private var pools: [Task<Void, Never>] = []

    /// The store at `location`, opened the first time it is asked for (see
    /// ``StoreLocation/open(_:create:memoryMapped:pool:)``).
    func open(_ location: String, create: Bool, memoryMapped: Bool = false) async throws -> OpenedStore {
        if let opening = opened[location] { return try await opening.value }
        let opening = Task<OpenedStore, any Error> {
            var pool: Task<Void, Never>?
            do {
                let store = try await StoreLocation.open(location, create: create, memoryMapped: memoryMapped, pool: &pool)
                if let pool { self.keep(pool) }
                return store
            } catch {
                pool?.cancel()
                throw error
            }
        }
        opened[location] = opening
        do {
            return try await opening.value
        } catch {
            opened[location] = nil
            throw error
        }
    }

    /// Ends every PostgreSQL pool the session started, and waits until they have closed their connections.
    func close() async {
        let ending = pools
        pools = []
        opened = [:]
        for pool in ending { pool.cancel() }
        for pool in ending { await pool.value }
    }

    private func keep(_ pool: Task<Void, Never>) { pools.append(pool) }
}
