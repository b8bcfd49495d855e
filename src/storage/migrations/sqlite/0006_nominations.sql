-- Nominations and annual reviews (issue 6): a unit proposes a subject for an honour for a year;
-- the officer gathers the nominations into a review (đợt xét khen thưởng).

-- An annual review of the agency: its decision date picks the rule set in force.
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  name TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX review_year ON review (year);

-- One subject (person or unit, as in honour_grant) proposed for one honour for a year by a
-- proposing unit; the verdict of the rules when nominated and the justification when they refuse.
CREATE TABLE nomination (
  id INTEGER PRIMARY KEY,
  year INTEGER NOT NULL,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
  subject_id INTEGER NOT NULL,
  honour TEXT NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  registration_id INTEGER REFERENCES registration (id),
  review_id INTEGER REFERENCES review (id),
  verdict TEXT NOT NULL,
  verdict_json TEXT NOT NULL DEFAULT '[]',
  rule_set TEXT NOT NULL DEFAULT '',
  justification TEXT NOT NULL DEFAULT '',
  achievement TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);
CREATE UNIQUE INDEX nomination_live ON nomination (year, subject_kind, subject_id, honour) WHERE status <> 'withdrawn';
CREATE INDEX nomination_review ON nomination (review_id);
CREATE INDEX nomination_unit ON nomination (year, unit_id);
