#pragma once
// Use cases of the document register: listing and reading for every signed-in account;
// registering documents, and numbering the agency's own, for those who manage documents.

#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct DocumentListRequest {
  std::string q;  // accents and case are ignored
  std::optional<domain::DocumentType> type;
  std::optional<int> year;
  bool own_only = false;
};

// What registering a document needs beyond the document itself.
struct DocumentRegistration {
  domain::RegisteredDocument document;
  // The agency's own document: without a number, tdkt gives the next one of its symbol and
  // year (document.number.symbol must be set). A number above the next one skips numbers and
  // is refused unless the reason for the gap is given; it is kept in the audit trail.
  bool assign_number = false;
  std::string gap_reason;
};

class DocumentService {
 public:
  DocumentService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<std::vector<domain::RegisteredDocument>> list(const Actor& actor, const DocumentListRequest& request);
  Result<domain::RegisteredDocument> document(const Actor& actor, DocumentId id);
  // The agency's document numbered `number` ("05/KH-BDT") in `year`.
  Result<domain::RegisteredDocument> own_document(const Actor& actor, const std::string& number, int year);
  // The number the next own document of `symbol` would get in `year`.
  Result<domain::DocumentNumber> next_number(const Actor& actor, const std::string& symbol, int year);
  Result<domain::RegisteredDocument> register_document(const Actor& actor, DocumentRegistration registration);

 private:
  Store& store_;
  const Clock& clock_;
};

// Registers a document within `work`, numbering it as DocumentService::register_document does,
// with its audit record; the caller checks the permission and commits. For use cases that
// register a document as part of a larger change (a plan drafted from a movement).
Result<domain::RegisteredDocument> register_document_in(UnitOfWork& work, const Actor& actor,
                                                        DocumentRegistration registration, const Clock& clock);

// The folded text a register search matches: number, issuer and summary.
std::string document_search_text(const domain::RegisteredDocument& document);

// The agency's own documents of the register, newest first.
std::vector<domain::RegisteredDocument> own_documents(UnitOfWork& work);
// Of `own` (newest first), the newest issued by `by`, else the newest of all; nullptr when there
// is none. Its issuer and signer head a report or a form of that time (a report of 2023 is the
// Ban Dân tộc's, not its successor's).
const domain::RegisteredDocument* header_document(const std::vector<domain::RegisteredDocument>& own, CivilDate by);

}  // namespace tdkt::app
