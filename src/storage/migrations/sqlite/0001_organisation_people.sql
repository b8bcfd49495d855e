-- Organisation over time, people and memberships, emulation blocs, the audit trail.
-- Dates are ISO text (YYYY-MM-DD) on SQLite, DATE on PostgreSQL: see postgresql/0001.

CREATE TABLE restructuring (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  legal_basis TEXT NOT NULL DEFAULT '',
  effective_date TEXT NOT NULL
);

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  short_name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('agency', 'department', 'district_office', 'commune_office')),
  parent_id INTEGER REFERENCES unit (id),
  place TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  ended_by INTEGER REFERENCES restructuring (id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX unit_parent ON unit (parent_id);
CREATE INDEX unit_validity ON unit (valid_from, valid_to);

CREATE TABLE restructuring_unit (
  restructuring_id INTEGER NOT NULL REFERENCES restructuring (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  role TEXT NOT NULL CHECK (role IN ('ended', 'started')),
  PRIMARY KEY (restructuring_id, unit_id, role)
);
-- A unit ends at most once, whatever the request says.
CREATE UNIQUE INDEX restructuring_unit_ended_once ON restructuring_unit (unit_id) WHERE role = 'ended';

CREATE TABLE succession (
  restructuring_id INTEGER NOT NULL REFERENCES restructuring (id),
  predecessor_id INTEGER NOT NULL REFERENCES unit (id),
  successor_id INTEGER NOT NULL REFERENCES unit (id),
  transfer_members INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (predecessor_id, successor_id)
);
CREATE INDEX succession_successor ON succession (successor_id);

CREATE TABLE bloc (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT
);

CREATE TABLE bloc_member (
  id INTEGER PRIMARY KEY,
  bloc_id INTEGER NOT NULL REFERENCES bloc (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX bloc_member_bloc ON bloc_member (bloc_id);

CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  family_name TEXT NOT NULL DEFAULT '',
  middle_name TEXT NOT NULL DEFAULT '',
  given_name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT 'unspecified' CHECK (gender IN ('unspecified', 'male', 'female')),
  birth_year INTEGER,
  ethnicity TEXT NOT NULL DEFAULT '',
  village TEXT NOT NULL DEFAULT '',
  commune TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL,
  sort_key TEXT NOT NULL
);
CREATE INDEX person_sort ON person (sort_key, id);

CREATE TABLE membership (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  position TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX membership_person ON membership (person_id);
CREATE INDEX membership_unit ON membership (unit_id, valid_from);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
