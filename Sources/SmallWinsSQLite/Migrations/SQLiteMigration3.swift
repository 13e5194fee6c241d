// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension SQLiteSchema {
    /// Migration 3, as shipped: members' personal access tokens, each stored as the SHA-256 of its secret.
    static let version3 = [
        #"""
        CREATE TABLE access_token (
            id TEXT PRIMARY KEY NOT NULL,
            tenant_id TEXT NOT NULL,
            member_id TEXT NOT NULL REFERENCES member(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
            secret_hash TEXT NOT NULL CHECK (length(secret_hash) = 64),
            created_at TEXT NOT NULL,
            expires_at TEXT
        )
        """#,
        #"""
        CREATE INDEX access_token_by_member ON access_token (member_id, created_at, id)
        """#,
    ]
}
