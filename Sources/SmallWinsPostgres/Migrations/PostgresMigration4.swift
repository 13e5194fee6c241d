// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 4, as shipped: change notices numbered in the order their transactions commit.
    ///
    /// `seq` is taken when a row is written, so a transaction that takes a lower number can commit after one
    /// with a higher number, and a reader that moved past the higher one never saw it. `PostgresChangeLog` now
    /// gives each row a `commit_seq` once it is committed (visible), above every number given before, and
    /// notices are read in `commit_seq` order. Rows written before this version keep their numbers.
    static func version4(_ s: String) -> [String] {
        [
            #"""
            ALTER TABLE \#(s)change_log ADD COLUMN commit_seq bigint
            """#,
            #"""
            UPDATE \#(s)change_log SET commit_seq = seq
            """#,
            #"""
            CREATE UNIQUE INDEX change_log_by_commit ON \#(s)change_log (commit_seq)
            """#,
            #"""
            CREATE INDEX change_log_unnumbered ON \#(s)change_log (seq) WHERE commit_seq IS NULL
            """#,
        ]
    }
}
