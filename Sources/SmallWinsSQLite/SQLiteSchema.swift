import GRDB
import SmallWins

/// The SQLite schema, as versioned forward-only migrations.
///
/// Never edit a migration that has shipped: add a new one. Length checks are generous backstops
/// (characters here count code points, Swift's count graphemes); the exact limits are `TextRules`.
/// Every table carries `tenant_id`,
/// the id of the root team (the district), so scoping and sharding stay simple predicates.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: teams, members, codebooks, goals, learning agenda, wins, celebrations") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2: maintained dashboard aggregates") { db in
            for statement in version2 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v3: members' access tokens") { db in
            for statement in version3 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v4: the store counts the dashboard aggregates, without triggers") { db in
            for statement in version4 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v5: the closure, link and aggregate tables hold the tenant") { db in
            for statement in version5 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v6: the aggregates every school shares have a slice in their keys") { db in
            for statement in version6 { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v7: statistics for the query planner") { db in
            for statement in version7 { try db.execute(sql: statement) }
        }
        return migrator
    }
}
