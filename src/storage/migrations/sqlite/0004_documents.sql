-- The document register (issue 5): every document tdkt knows, the documents each one cites, and
-- the numbering of the agency's own documents (a sequence per symbol and year).

CREATE TABLE document (
  id INTEGER PRIMARY KEY,
  doc_type TEXT NOT NULL,
  number INTEGER NOT NULL,
  number_year INTEGER,
  symbol TEXT NOT NULL,
  number_text TEXT NOT NULL,
  year INTEGER NOT NULL,
  issuer TEXT NOT NULL,
  issuer_parent TEXT NOT NULL DEFAULT '',
  issued_on TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  signer_name TEXT NOT NULL DEFAULT '',
  signer_authority TEXT NOT NULL DEFAULT '',
  signer_position TEXT NOT NULL DEFAULT '',
  summary TEXT NOT NULL,
  recipients_json TEXT NOT NULL DEFAULT '[]',
  preamble_json TEXT NOT NULL DEFAULT '[]',
  body_json TEXT NOT NULL DEFAULT '[]',
  own INTEGER NOT NULL DEFAULT 0,
  search_text TEXT NOT NULL,
  UNIQUE (issuer, number_text, year)
);
CREATE INDEX document_year ON document (year, issued_on);

CREATE TABLE document_citation (
  document_id INTEGER NOT NULL REFERENCES document (id),
  cited_id INTEGER NOT NULL REFERENCES document (id),
  position INTEGER NOT NULL,
  PRIMARY KEY (document_id, cited_id),
  CHECK (document_id <> cited_id)
);

CREATE TABLE document_sequence (
  symbol TEXT NOT NULL,
  year INTEGER NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (symbol, year)
);
