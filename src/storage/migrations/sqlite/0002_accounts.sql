-- Accounts, sessions kept in the database (several instances serve the same user), sign-in
-- attempts for throttling. Times are unix seconds.

CREATE TABLE user_account (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'council_member', 'unit_head', 'staff', 'viewer')),
  scope_unit_id INTEGER REFERENCES unit (id),
  person_id INTEGER REFERENCES person (id),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);

CREATE TABLE user_session (
  id INTEGER PRIMARY KEY,
  token_digest TEXT NOT NULL UNIQUE,
  account_id INTEGER NOT NULL REFERENCES user_account (id),
  csrf_token TEXT NOT NULL,
  address TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX user_session_account ON user_session (account_id);

CREATE TABLE login_attempt (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at INTEGER NOT NULL,
  succeeded INTEGER NOT NULL
);
CREATE INDEX login_attempt_username ON login_attempt (username, at);
CREATE INDEX login_attempt_address ON login_attempt (address, at);
