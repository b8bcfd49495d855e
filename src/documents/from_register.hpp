#pragma once
// Drafting a document of the register: the agency's own documents carry their content in tdkt
// (preamble and body blocks); this turns one into the model the Decree 30 templates fill.

#include "documents/document.hpp"
#include "domain/documents/register.hpp"

namespace tdkt::documents {

// The header lines are the issuer names in capitals, as Decree 30 writes them.
OfficialDocument official_document(const domain::RegisteredDocument& document);

}  // namespace tdkt::documents
