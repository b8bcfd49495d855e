#include "app/document_service.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

Snapshot snapshot(const domain::RegisteredDocument& document, const std::string& gap_reason) {
  std::string cites;
  for (const auto id : document.cites)
    cites += (cites.empty() ? "" : ",") + std::to_string(id.value);
  Snapshot out{{"type", std::string(domain::to_string(document.type))},
               {"number", document.number.text()},
               {"year", std::to_string(document.year)},
               {"issuer", document.issuer},
               {"issued_on", document.issued_on.iso()},
               {"signer_name", document.signer_name},
               {"summary", document.summary},
               {"own", document.own ? "true" : "false"},
               {"cites", cites}};
  if (!gap_reason.empty()) out.emplace_back("gap_reason", gap_reason);
  return out;
}

}  // namespace

std::string document_search_text(const domain::RegisteredDocument& document) {
  return text::fold(document.number.text() + " " + document.issuer + " " + document.summary + " " +
                    std::string(domain::vietnamese_label(document.type)));
}

Result<std::vector<domain::RegisteredDocument>> DocumentService::list(const Actor& actor,
                                                                      const DocumentListRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  if (request.q.size() > 200) return Error::invalid("q", "Từ khóa tìm kiếm dài quá 200 ký tự.");
  DocumentQuery query;
  query.terms = text::search_terms(text::fold(request.q));
  query.type = request.type;
  query.year = request.year;
  query.own_only = request.own_only;
  auto work = store_.read();
  return work->documents().list_documents(query);
}

Result<domain::RegisteredDocument> DocumentService::document(const Actor& actor, DocumentId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto found = work->documents().find_document(id);
  if (!found) return Error::not_found("Không tìm thấy văn bản mã " + std::to_string(id.value) + ".");
  return *found;
}

Result<domain::RegisteredDocument> DocumentService::own_document(const Actor& actor, const std::string& number,
                                                                 int year) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto parsed = domain::parse_document_number(number);
  if (!parsed) return std::move(parsed).error();
  auto work = store_.read();
  for (auto& document : work->documents().find_by_number(parsed->text(), year, {})) {
    if (document.own) return document;
  }
  return Error::not_found("Không có văn bản số " + parsed->text() + " năm " + std::to_string(year) +
                          " của cơ quan trong sổ văn bản.");
}

Result<domain::DocumentNumber> DocumentService::next_number(const Actor& actor, const std::string& symbol, int year) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto parsed = domain::parse_document_number("1/" + symbol);
  if (!parsed || parsed->year)
    return Error::invalid("symbol", "Ký hiệu \"" + symbol + "\" không hợp lệ; ví dụ: KH-BDT.");
  auto work = store_.read();
  parsed->number = work->documents().last_number(parsed->symbol, year) + 1;
  return *parsed;
}

Result<domain::RegisteredDocument> DocumentService::register_document(const Actor& actor,
                                                                      DocumentRegistration registration) {
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto work = store_.write();
  work->lock_numbering();
  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (registered) work->commit();
  return registered;
}

Result<domain::RegisteredDocument> register_document_in(UnitOfWork& work, const Actor& actor,
                                                        DocumentRegistration registration, const Clock& clock) {
  // Callers take the lock at their start, before what they check; taken here too, so that no
  // caller reads the last number without it.
  work.lock_numbering();
  auto& document = registration.document;
  document.id = DocumentId{};
  document.year = document.issued_on.year();
  if (registration.assign_number && !document.own) {
    return Error::invalid("number", "tdkt chỉ cấp số cho văn bản của cơ quan.");
  }
  auto& repo = work.documents();
  const auto last = document.own ? repo.last_number(document.number.symbol, document.year) : 0;
  if (registration.assign_number) {
    if (document.number.symbol.empty()) return Error::invalid("symbol", "Chưa có ký hiệu văn bản (ví dụ: KH-BDT).");
    document.number.number = last + 1;
  }
  auto checked = domain::check_document(std::move(document), clock.today().year());
  if (!checked) return std::move(checked).error();
  if (!repo.find_by_number(checked->number.text(), checked->year, checked->issuer).empty()) {
    return Error::conflict(ErrorCode::kConflict, "number",
                           "Số " + checked->number.text() + " năm " + std::to_string(checked->year) + " của " +
                               checked->issuer + " đã có trong sổ văn bản; mỗi số chỉ dùng một lần.");
  }
  if (checked->own) {
    if (checked->number.number <= last) {
      return Error::conflict(ErrorCode::kConflict, "number",
                             "Số " + std::to_string(checked->number.number) + " của ký hiệu " + checked->number.symbol +
                                 " năm " + std::to_string(checked->year) + " đã được cấp (số đã cấp gần nhất: " +
                                 std::to_string(last) + "); số đã cấp không dùng lại.");
    }
    if (checked->number.number > last + 1 && text::normalize(registration.gap_reason).empty()) {
      return Error::invalid("number", "Số tiếp theo của ký hiệu " + checked->number.symbol + " năm " +
                                          std::to_string(checked->year) + " là " + std::to_string(last + 1) +
                                          "; dùng số " + std::to_string(checked->number.number) +
                                          " sẽ bỏ qua các số ở giữa. Ghi lý do bỏ số nếu đúng là như vậy.");
    }
  }
  for (const auto cited : checked->cites) {
    if (!repo.find_document(cited)) {
      return Error::invalid("cites",
                            "Văn bản căn cứ mã " + std::to_string(cited.value) + " không có trong sổ văn bản.");
    }
  }
  checked->id = repo.insert_document(*checked, document_search_text(*checked));
  if (checked->own) repo.set_last_number(checked->number.symbol, checked->year, checked->number.number);
  work.audit({actor.name, "document", checked->id.value, "create", std::nullopt,
              snapshot(*checked, text::normalize(registration.gap_reason))},
             clock.now_iso());
  return checked;
}

std::vector<domain::RegisteredDocument> own_documents(UnitOfWork& work) {
  DocumentQuery query;
  query.own_only = true;
  query.limit = 100000;
  return work.documents().list_documents(query);
}

const domain::RegisteredDocument* header_document(const std::vector<domain::RegisteredDocument>& own, CivilDate by) {
  if (own.empty()) return nullptr;
  const auto found =
      std::find_if(own.begin(), own.end(), [&](const auto& document) { return document.issued_on <= by; });
  return found == own.end() ? &own.front() : &*found;
}

}  // namespace tdkt::app
