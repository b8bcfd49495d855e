-- Yearly records of persons and units, initiatives, and every honour a subject received
-- (issue 4). One row per subject and year: two ratings for one year cannot be stored.
-- Codes as in the rule files: ratings HTXSNV/HTTNV/HTNV/KHTNV, discipline levels, grant types.

CREATE TABLE person_year (
  person_id INTEGER NOT NULL REFERENCES person (id),
  year INTEGER NOT NULL,
  rating TEXT CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
  months_worked INTEGER CHECK (months_worked BETWEEN 0 AND 12),
  leave_months INTEGER CHECK (leave_months BETWEEN 0 AND 12),
  discipline TEXT NOT NULL DEFAULT 'none' CHECK (discipline IN ('none', 'khien_trach', 'canh_cao', 'ha_bac_luong',
                                                               'giang_chuc', 'cach_chuc', 'buoc_thoi_viec')),
  discipline_date TEXT,
  discipline_pending INTEGER NOT NULL DEFAULT 0,
  pending_note TEXT NOT NULL DEFAULT '',
  notable_achievement TEXT NOT NULL DEFAULT 'unknown' CHECK (notable_achievement IN ('unknown', 'yes', 'no')),
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, year)
);
CREATE INDEX person_year_year ON person_year (year);

CREATE TABLE unit_year (
  unit_id INTEGER NOT NULL REFERENCES unit (id),
  year INTEGER NOT NULL,
  rating TEXT CHECK (rating IN ('HTXSNV', 'HTTNV', 'HTNV', 'KHTNV')),
  members INTEGER CHECK (members >= 0),
  members_completed INTEGER CHECK (members_completed >= 0),
  members_ldtt INTEGER CHECK (members_ldtt >= 0),
  members_cstdcs INTEGER CHECK (members_cstdcs >= 0),
  members_disciplined INTEGER CHECK (members_disciplined >= 0),
  leads_bloc TEXT NOT NULL DEFAULT 'unknown' CHECK (leads_bloc IN ('unknown', 'yes', 'no')),
  notable_achievement TEXT NOT NULL DEFAULT 'unknown' CHECK (notable_achievement IN ('unknown', 'yes', 'no')),
  discipline_pending INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (unit_id, year)
);

CREATE TABLE initiative (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
  subject_id INTEGER NOT NULL,
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('unit', 'province', 'national')),
  recognised_by TEXT NOT NULL DEFAULT '',
  used_for TEXT NOT NULL DEFAULT '',
  used_for_year INTEGER
);
CREATE INDEX initiative_subject ON initiative (subject_kind, subject_id, year);

CREATE TABLE honour_grant (
  id INTEGER PRIMARY KEY,
  subject_kind TEXT NOT NULL CHECK (subject_kind IN ('person', 'unit')),
  subject_id INTEGER NOT NULL,
  honour TEXT NOT NULL,
  year INTEGER NOT NULL,
  grant_type TEXT NOT NULL CHECK (grant_type IN ('merit', 'sudden', 'movement', 'thematic', 'long_service',
                                                 'seniority', 'foreign')),
  decision_number TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  authority TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'imported', 'decided'))
);
CREATE INDEX honour_grant_subject ON honour_grant (subject_kind, subject_id, year);
CREATE INDEX honour_grant_year ON honour_grant (year, honour);
