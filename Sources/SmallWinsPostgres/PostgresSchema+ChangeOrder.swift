extension PostgresSchema {
    /// Version 4: change notices numbered in the order their transactions end.
    ///
    /// `seq` is taken when a row is written, so a transaction that takes a lower number can commit after
    /// one with a higher number, and a reader that moved past the higher one would never see it. Each row now
    /// records its transaction (`xid`); ``PostgresChangeLog`` gives it its `commit_seq` only once every
    /// transaction that started before it has ended, and notices are read in `commit_seq` order.
    /// Rows written before this version are numbered as they were.
    static func version4(_ s: String) -> [String] {
        [
            "ALTER TABLE \(s)change_log ADD COLUMN xid xid8, ADD COLUMN commit_seq bigint",
            "ALTER TABLE \(s)change_log ALTER COLUMN xid SET DEFAULT pg_current_xact_id()",
            "UPDATE \(s)change_log SET commit_seq = seq",
            "CREATE UNIQUE INDEX change_log_by_commit ON \(s)change_log (commit_seq)",
            "CREATE INDEX change_log_unsettled ON \(s)change_log (seq) WHERE commit_seq IS NULL",
        ]
    }
}
