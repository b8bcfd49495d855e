-- Decisions, proposals to higher authorities and achievement reports (issue 6, ADR 0008).

-- A decision: the agency's own (drafted from a review, numbered from the register on issue) or a
-- higher authority's, recorded when it comes back. Its number, date and signer are those of its
-- document in the register.
CREATE TABLE decision (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('own', 'higher')),
  review_id INTEGER REFERENCES review (id),
  proposal_id INTEGER,
  document_id INTEGER REFERENCES document (id),
  authority TEXT NOT NULL DEFAULT '',
  authority_level TEXT NOT NULL CHECK (authority_level IN ('agency', 'province', 'prime_minister', 'president')),
  title TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('draft', 'issued')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  issued_at TEXT NOT NULL DEFAULT '',
  issued_by TEXT NOT NULL DEFAULT '',
  CHECK (status = 'draft' OR document_id IS NOT NULL)
);
CREATE UNIQUE INDEX decision_document ON decision (document_id) WHERE document_id IS NOT NULL;

-- Who the decision grants (or, for a higher decision, does not grant) what.
CREATE TABLE decision_entry (
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  position INTEGER NOT NULL,
  nomination_id INTEGER REFERENCES nomination (id),
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
  subject_id INTEGER NOT NULL,
  honour TEXT NOT NULL,
  year INTEGER NOT NULL,
  grant_type TEXT NOT NULL DEFAULT 'merit',
  granted INTEGER NOT NULL DEFAULT 1 CHECK (granted IN (0, 1)),
  grant_id INTEGER REFERENCES honour_grant (id),
  PRIMARY KEY (decision_id, position)
);
CREATE INDEX decision_entry_nomination ON decision_entry (nomination_id);

-- A proposal to a higher authority (tờ trình đề nghị khen thưởng) and its dossier.
CREATE TABLE proposal (
  id INTEGER PRIMARY KEY,
  review_id INTEGER NOT NULL REFERENCES review (id),
  authority_level TEXT NOT NULL CHECK (authority_level IN ('province', 'prime_minister', 'president')),
  authority TEXT NOT NULL DEFAULT '',
  submission_document_id INTEGER REFERENCES document (id),
  decision_id INTEGER REFERENCES decision (id),
  status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'decided')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE proposal_nomination (
  proposal_id INTEGER NOT NULL REFERENCES proposal (id),
  nomination_id INTEGER NOT NULL REFERENCES nomination (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (proposal_id, nomination_id)
);
CREATE UNIQUE INDEX proposal_nomination_once ON proposal_nomination (nomination_id);

-- The achievement report of one nominated subject (báo cáo thành tích), filled by its unit.
CREATE TABLE achievement_report (
  nomination_id INTEGER PRIMARY KEY REFERENCES nomination (id),
  content_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'confirmed')),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  confirmed_by TEXT NOT NULL DEFAULT ''
);
