-- The emulation and commendation council (issue 6): members over a term, sessions of a review,
-- attendance, the agenda with each item's tally, and ballots. A secret vote leaves only
-- ballot_cast (that the member voted) and the counts of session_item: no row links a choice
-- to a member.

CREATE TABLE council (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  name TEXT NOT NULL,
  term_from TEXT NOT NULL,
  term_to TEXT NOT NULL,
  document_id INTEGER REFERENCES document (id),
  CHECK (term_from <= term_to)
);

CREATE TABLE council_member (
  council_id INTEGER NOT NULL REFERENCES council (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  role TEXT NOT NULL CHECK (role IN ('chair', 'deputy', 'member', 'secretary')),
  position INTEGER NOT NULL,
  office TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (council_id, person_id)
);

CREATE TABLE council_session (
  id INTEGER PRIMARY KEY,
  council_id INTEGER NOT NULL REFERENCES council (id),
  review_id INTEGER NOT NULL REFERENCES review (id),
  held_on TEXT NOT NULL,
  place TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'closed')),
  opened_at TEXT NOT NULL DEFAULT '',
  closed_at TEXT NOT NULL DEFAULT '',
  minutes_document_id INTEGER REFERENCES document (id)
);
CREATE INDEX council_session_review ON council_session (review_id);

-- The members of the council when the session was set up, and whether each attended.
CREATE TABLE session_attendance (
  session_id INTEGER NOT NULL REFERENCES council_session (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  role TEXT NOT NULL,
  position INTEGER NOT NULL,
  office TEXT NOT NULL DEFAULT '',
  attendance TEXT NOT NULL CHECK (attendance IN ('present', 'absent_written', 'absent')),
  PRIMARY KEY (session_id, person_id)
);

CREATE TABLE session_item (
  session_id INTEGER NOT NULL REFERENCES council_session (id),
  nomination_id INTEGER NOT NULL REFERENCES nomination (id),
  position INTEGER NOT NULL,
  secret INTEGER NOT NULL DEFAULT 0,
  approvals INTEGER NOT NULL DEFAULT 0,
  rejections INTEGER NOT NULL DEFAULT 0,
  abstentions INTEGER NOT NULL DEFAULT 0,
  members INTEGER NOT NULL DEFAULT 0,
  threshold_text TEXT NOT NULL DEFAULT '',
  passed INTEGER,
  PRIMARY KEY (session_id, nomination_id)
);

-- An open vote: who chose what.
CREATE TABLE ballot (
  session_id INTEGER NOT NULL REFERENCES council_session (id),
  nomination_id INTEGER NOT NULL REFERENCES nomination (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  choice TEXT NOT NULL CHECK (choice IN ('approve', 'reject', 'abstain')),
  written INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, nomination_id, person_id)
);

-- A secret vote: only that the member voted. No id, no time, no choice; WITHOUT ROWID so not
-- even the order of insertion is kept beside it.
CREATE TABLE ballot_cast (
  session_id INTEGER NOT NULL REFERENCES council_session (id),
  nomination_id INTEGER NOT NULL REFERENCES nomination (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  written INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (session_id, nomination_id, person_id)
) WITHOUT ROWID;
