-- Issue 16. A council session may be declared a paper-ballot session: members vote on paper and
-- the officer records each ballot; otherwise the officer records only the written votes of
-- absent members.
ALTER TABLE council_session ADD COLUMN paper_ballot INTEGER NOT NULL DEFAULT 0;

-- Sessions end after an idle time: when the session was last used (unix seconds), written at
-- most once a minute.
ALTER TABLE user_session ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE user_session SET last_seen_at = created_at;
CREATE INDEX user_session_expiry ON user_session (expires_at);

-- Sign-in throttling by account and client address together.
CREATE INDEX login_attempt_pair ON login_attempt (username, address, at);
CREATE INDEX login_attempt_at ON login_attempt (at);
