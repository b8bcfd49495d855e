-- Movements and plans, registration campaigns, targets (issue 5), and files attached to the
-- documents of the register.

-- A movement (phong trào thi đua): launched by an authority at a level, for a period; the
-- agency's movement implements the province's, which implements the Prime Minister's.
CREATE TABLE movement (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  theme TEXT NOT NULL DEFAULT '',
  authority TEXT NOT NULL,
  level TEXT NOT NULL,
  kind TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  parent_id INTEGER REFERENCES movement (id),
  unit_id INTEGER REFERENCES unit (id),
  purposes_json TEXT NOT NULL DEFAULT '[]',
  requirements_json TEXT NOT NULL DEFAULT '[]',
  content_items_json TEXT NOT NULL DEFAULT '[]',
  solutions_json TEXT NOT NULL DEFAULT '[]',
  plan_document_id INTEGER REFERENCES document (id),
  search_text TEXT NOT NULL,
  CHECK (starts_on <= ends_on),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX movement_period ON movement (starts_on, ends_on);

-- A wave (đợt thi đua) and the occasions it celebrates.
CREATE TABLE movement_wave (
  movement_id INTEGER NOT NULL REFERENCES movement (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  occasions_json TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (movement_id, position),
  CHECK (starts_on <= ends_on)
);

-- What each unit is assigned to do (phân công thực hiện).
CREATE TABLE movement_assignment (
  movement_id INTEGER NOT NULL REFERENCES movement (id),
  position INTEGER NOT NULL,
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  task TEXT NOT NULL,
  PRIMARY KEY (movement_id, position)
);

-- The documents of the register the movement implements (its legal bases).
CREATE TABLE movement_document (
  movement_id INTEGER NOT NULL REFERENCES movement (id),
  document_id INTEGER NOT NULL REFERENCES document (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (movement_id, document_id)
);

-- A registration campaign: for a movement and year, who must register, by when, for what.
CREATE TABLE registration_campaign (
  id INTEGER PRIMARY KEY,
  movement_id INTEGER NOT NULL REFERENCES movement (id),
  year INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  reopened_until TEXT,
  honours_json TEXT NOT NULL DEFAULT '[]',
  consolidated_on TEXT,
  consolidated_by TEXT NOT NULL DEFAULT '',
  UNIQUE (movement_id, year)
);

-- The units that must register (their members and themselves), and the unit head's consolidation.
CREATE TABLE campaign_unit (
  campaign_id INTEGER NOT NULL REFERENCES registration_campaign (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  position INTEGER NOT NULL,
  consolidated_on TEXT,
  consolidated_by TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (campaign_id, unit_id)
);

-- One registration: a person or a unit aiming for an honour in the campaign's year.
CREATE TABLE registration (
  id INTEGER PRIMARY KEY,
  campaign_id INTEGER NOT NULL REFERENCES registration_campaign (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  person_id INTEGER REFERENCES person (id),
  subject_unit_id INTEGER REFERENCES unit (id),
  honour TEXT NOT NULL,
  registered_on TEXT NOT NULL,
  source TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  CHECK ((person_id IS NULL) <> (subject_unit_id IS NULL))
);
CREATE UNIQUE INDEX registration_person ON registration (campaign_id, person_id, honour) WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX registration_unit ON registration (campaign_id, subject_unit_id, honour)
  WHERE subject_unit_id IS NOT NULL;

-- A target (chỉ tiêu) of a movement for a unit, and its measured values over time.
CREATE TABLE target (
  id INTEGER PRIMARY KEY,
  movement_id INTEGER NOT NULL REFERENCES movement (id),
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  position INTEGER NOT NULL,
  group_name TEXT NOT NULL DEFAULT '',
  indicator TEXT NOT NULL,
  measure TEXT NOT NULL,
  plan_value REAL NOT NULL,
  due_on TEXT NOT NULL,
  CHECK (plan_value >= 0)
);
CREATE INDEX target_movement ON target (movement_id, unit_id, position);

CREATE TABLE target_value (
  target_id INTEGER NOT NULL REFERENCES target (id),
  measured_on TEXT NOT NULL,
  value REAL NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (target_id, measured_on),
  CHECK (value >= 0)
);

-- Files attached to a document of the register (the signed scan, annexes). The content is kept
-- in the database, base64-encoded, so that stateless instances share it (ADR 0007).
CREATE TABLE document_attachment (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id),
  file_name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
);
CREATE INDEX document_attachment_document ON document_attachment (document_id);
