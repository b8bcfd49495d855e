-- Complaints and denunciations about emulation and commendation work (khiếu nại, tố cáo; issue 6).
-- The deadline is computed from the rules (rules/complaints/deadlines.json) when the complaint is
-- received and stored; an officer may set another one only with a reason (deadline_reason).
-- about_nomination_id names a nomination without a foreign key: the nomination table belongs to
-- another part of the schema, and a nomination a complaint is about is never deleted.
CREATE TABLE complaint (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('complaint', 'denunciation')),
  received_on TEXT NOT NULL,
  accepted_on TEXT,
  from_name TEXT NOT NULL,
  from_address TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL DEFAULT 'direct',
  about TEXT NOT NULL,
  about_document_id INTEGER REFERENCES document (id),
  about_nomination_id INTEGER,
  content TEXT NOT NULL DEFAULT '',
  complex INTEGER NOT NULL DEFAULT 0,
  remote_area INTEGER NOT NULL DEFAULT 0,
  assigned_to_person_id INTEGER REFERENCES person (id),
  assigned_on TEXT,
  deadline TEXT NOT NULL,
  deadline_reason TEXT NOT NULL DEFAULT '',
  answered_on TEXT,
  answer TEXT NOT NULL DEFAULT '',
  closed_on TEXT,
  status TEXT NOT NULL CHECK (status IN ('received', 'assigned', 'answered', 'closed', 'withdrawn')),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  CHECK (answered_on IS NULL OR answered_on >= received_on),
  CHECK (closed_on IS NULL OR answered_on IS NOT NULL)
);
CREATE INDEX complaint_received ON complaint (received_on);
CREATE INDEX complaint_status ON complaint (status, deadline);
