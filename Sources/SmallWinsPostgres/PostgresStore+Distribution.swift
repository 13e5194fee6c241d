import PostgresNIO
import SmallWins

extension PostgresStore {
    /// The tables of a district's data, each after the tables its foreign keys reference, as Citus distributes them.
    public static let distributedTables = [
        "team", "member", "membership", "student_group", "theme", "goal", "goal_focus_group", "learning_question", "attempt",
        "win", "win_theme", "win_group", "win_shout_out", "celebration", "access_token", "team_ancestor",
        "dash_day", "dash_author", "dash_goal", "dash_attempt", "dash_theme", "dash_group", "dash_equity", "dash_shout_out",
        "dash_celebration", "dash_celebration_pair", "dash_bright",
    ]

    /// Distributes every table of a district's data across a Citus cluster by `tenant_id`, co-located with `team`,
    /// so each district's rows of every table live together on one node. Run on the coordinator, after
    /// ``migrate()``; tables already distributed are left as they are, so running it again is safe. The change log
    /// and the installation's own tables stay on the coordinator. Returns the tables distributed now.
    ///
    /// Citus 13 refuses row-level security policies with subqueries on distributed tables, and read-only roles
    /// (``grantReadOnlyAccess(to:teams:)``) rely on them: their policies are dropped first, with row-level security
    /// left on, so a role other than the store's own sees no row. It also adds a unique key on a celebration's win,
    /// member and kind, which Citus needs to keep that rule under concurrent writers. Throws `SmallWinsError.invalid`
    /// when the server is not a Citus coordinator, while a read-only role holds a grant, or while a member's
    /// celebration of a win repeats a kind.
    @discardableResult
    public func distribute() async throws -> [String] {
        try await mappingErrors {
            let citus = try await client.query("SELECT count(*) FROM pg_extension WHERE extname = 'citus'", logger: logger)
            guard try await citus.decode(Int.self).reduce(0, +) == 1 else {
                throw SmallWinsError.invalid(field: "distributed", reason: "this PostgreSQL server is not a Citus coordinator "
                                             + "(run CREATE EXTENSION citus and add the worker nodes first)")
            }
            let grants = try await client.query(PostgresQuery(unsafeSQL: "SELECT count(*) FROM \(s)smallwins_reader"), logger: logger)
            guard try await grants.decode(Int.self).reduce(0, +) == 0 else {
                throw SmallWinsError.invalid(field: "distributed", reason: "read-only roles hold grants (smallwins access revoke them first): "
                                             + "Citus refuses the row-level security policies they rely on")
            }
            let policies = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT tablename::text FROM pg_policies WHERE schemaname = '\(schema)' AND policyname = 'smallwins_reader'
                """), logger: logger)
            var policed: [String] = []
            for try await table in policies.decode(String.self) { policed.append(table) }
            for table in policed {
                try await execute("DROP POLICY smallwins_reader ON \(s)\(table)")
            }
            try await addOneCelebrationPerKind()
            let known = try await client.query(PostgresQuery(unsafeSQL: """
                SELECT c.relname::text FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '\(schema)'
                """), logger: logger)
            var distributed = Set<String>()
            for try await table in known.decode(String.self) { distributed.insert(table) }
            var now: [String] = []
            for table in Self.distributedTables where !distributed.contains(table) {
                let colocation = table == "team" ? "default" : "\(s)team"
                do {
                    try await execute("SELECT create_distributed_table('\(s)\(table)', 'tenant_id', colocate_with => '\(colocation)')")
                } catch let error as PSQLError {
                    guard case .storage(var failure) = PostgresFailure.map(error) else { throw PostgresFailure.map(error) }
                    failure.message = "Citus did not distribute table \(table) (distributed so far: \(now.count)): \(failure.message)"
                    throw SmallWinsError.storage(failure)
                }
                now.append(table)
            }
            return now
        }
    }

    /// Adds the unique key that keeps one celebration per win, member and kind. On one server the store's row lock
    /// on the win keeps concurrent celebrations apart; Citus may commit the lock and the insert over two connections
    /// to the node, one after the other, so the next writer can read before the first one's celebration is visible,
    /// and only a key holds. Refuses while repeated celebrations are stored (imports do not check this rule).
    private func addOneCelebrationPerKind() async throws {
        let repeats = try await client.query(PostgresQuery(unsafeSQL: """
            SELECT count(*) FROM (SELECT 1 FROM \(s)celebration GROUP BY win_id, member_id, kind, tenant_id HAVING count(*) > 1) r
            """), logger: logger)
        let count = try await repeats.decode(Int.self).reduce(0, +)
        guard count == 0 else {
            throw SmallWinsError.invalid(field: "distributed", reason: "a member celebrated a win twice with one kind (\(count) such "
                                         + "celebrations, from imports); delete the repeats first: Citus needs a unique key there")
        }
        try await execute("CREATE UNIQUE INDEX IF NOT EXISTS celebration_once_per_kind ON \(s)celebration (win_id, member_id, kind, tenant_id)")
    }

    /// Runs `sql` and reads its whole answer, so an error the server sends with it is thrown here.
    private func execute(_ sql: String) async throws {
        for try await _ in try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger) {}
    }
}
