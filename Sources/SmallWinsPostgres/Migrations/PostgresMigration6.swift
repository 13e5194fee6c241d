// Frozen: the SQL text of a migration that has shipped. Never edit it; add a migration instead.
extension PostgresSchema {
    /// Migration 6, as shipped: members' personal access tokens, each stored as the SHA-256 of its secret. Row-level
    /// security is on with no policy for readers, so a read-only role (`smallwins access grant`) sees no token.
    static func version6(_ s: String) -> [String] {
        [
            #"""
            CREATE TABLE \#(s)access_token (
                id uuid PRIMARY KEY,
                tenant_id uuid NOT NULL,
                member_id uuid NOT NULL REFERENCES \#(s)member(id) ON DELETE CASCADE,
                name text NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),
                secret_hash text NOT NULL CHECK (length(secret_hash) = 64),
                created_at timestamptz NOT NULL,
                expires_at timestamptz
            )
            """#,
            #"""
            CREATE INDEX access_token_by_member ON \#(s)access_token (member_id, created_at, id)
            """#,
            #"""
            ALTER TABLE \#(s)access_token ENABLE ROW LEVEL SECURITY
            """#,
        ]
    }
}
