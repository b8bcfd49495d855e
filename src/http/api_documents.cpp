// /api/v1/documents: the document register, the numbering of the agency's own documents, and
// the drafted documents as DOCX (Decree 30/2020/NĐ-CP layout) and PDF.

#include <charconv>

#include "core/text.hpp"
#include "documents/docx.hpp"
#include "documents/from_register.hpp"
#include "documents/pdf.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

const std::set<std::string> kDocumentFields{"type",
                                            "number",
                                            "symbol",
                                            "assign_number",
                                            "issued_on",
                                            "issuer",
                                            "issuer_parent",
                                            "place",
                                            "signer_name",
                                            "signer_authority",
                                            "signer_position",
                                            "summary",
                                            "recipients",
                                            "preamble",
                                            "body",
                                            "own",
                                            "cites",
                                            "gap_reason"};

Json blocks_json(const std::vector<domain::DocumentBlock>& blocks) {
  Json out = Json::array();
  for (const auto& block : blocks)
    out.push_back({{"kind", block.kind}, {"text", block.text}});
  return out;
}

}  // namespace

Json document_json(const domain::RegisteredDocument& document, bool full) {
  Json cites = Json::array();
  for (const auto id : document.cites)
    cites.push_back(id.value);
  Json json{{"id", document.id.value},
            {"type", std::string(domain::to_string(document.type))},
            {"type_label", domain::vietnamese_label(document.type)},
            {"number", document.number.text()},
            {"symbol", document.number.symbol},
            {"year", document.year},
            {"issuer", document.issuer},
            {"issuer_parent", document.issuer_parent},
            {"issued_on", document.issued_on.iso()},
            {"place", document.place},
            {"signer_name", document.signer_name},
            {"signer_authority", document.signer_authority},
            {"signer_position", document.signer_position},
            {"summary", document.summary},
            {"own", document.own},
            {"drafted", !document.body.empty()},
            {"cites", cites}};
  if (full) {
    json["recipients"] = document.recipients;
    json["preamble"] = blocks_json(document.preamble);
    json["body"] = blocks_json(document.body);
  }
  return json;
}

namespace {

Result<std::vector<domain::DocumentBlock>> read_blocks(const Json& body, const std::string& name) {
  std::vector<domain::DocumentBlock> blocks;
  if (!body.contains(name)) return blocks;
  const auto& list = body.at(name);
  if (!list.is_array()) return Error::invalid(name, "\"" + name + "\" phải là một danh sách đoạn {kind, text}.");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& item = list[i];
    const std::string field = name + "[" + std::to_string(i) + "]";
    TDKT_TRY(check_fields(item, {"kind", "text"}, field + "."));
    Fields fields(item, field + ".");
    domain::DocumentBlock block;
    TDKT_TRY_ASSIGN(block.kind, fields.string("kind", true));
    TDKT_TRY_ASSIGN(block.text, fields.string("text", true));
    blocks.push_back(std::move(block));
  }
  return blocks;
}

Result<app::DocumentRegistration> read_registration(const Json& body) {
  Fields fields(body);
  app::DocumentRegistration registration;
  auto& document = registration.document;
  std::string type;
  TDKT_TRY_ASSIGN(type, fields.string("type", true));
  auto parsed_type = domain::document_type_from_string(type);
  if (!parsed_type) {
    return Error::invalid("type", "Loại văn bản \"" + type +
                                      "\" không hợp lệ; dùng plan, decision, report, submission, official_letter, "
                                      "directive, resolution, notice, circular, decree, law hoặc other.");
  }
  document.type = *parsed_type;
  TDKT_TRY_ASSIGN(document.own, fields.boolean("own", false));
  TDKT_TRY_ASSIGN(registration.assign_number, fields.boolean("assign_number", false));
  if (registration.assign_number) {
    if (fields.has("number")) return Error::invalid("number", "Gửi number hoặc assign_number, không gửi cả hai.");
    std::string symbol;
    TDKT_TRY_ASSIGN(symbol, fields.string("symbol", true));
    auto parsed = domain::parse_document_number("1/" + symbol);
    if (!parsed || parsed->year)
      return Error::invalid("symbol", "Ký hiệu \"" + symbol + "\" không hợp lệ; ví dụ: KH-BDT.");
    document.number = *parsed;
  } else {
    std::string number;
    TDKT_TRY_ASSIGN(number, fields.string("number", true));
    TDKT_TRY_ASSIGN(document.number, domain::parse_document_number(number));
  }
  std::optional<CivilDate> issued_on;
  TDKT_TRY_ASSIGN(issued_on, fields.date("issued_on", true));
  document.issued_on = *issued_on;
  TDKT_TRY_ASSIGN(document.issuer, fields.string("issuer", true));
  TDKT_TRY_ASSIGN(document.issuer_parent, fields.string("issuer_parent", false));
  TDKT_TRY_ASSIGN(document.place, fields.string("place", false));
  TDKT_TRY_ASSIGN(document.signer_name, fields.string("signer_name", false));
  TDKT_TRY_ASSIGN(document.signer_authority, fields.string("signer_authority", false));
  TDKT_TRY_ASSIGN(document.signer_position, fields.string("signer_position", false));
  TDKT_TRY_ASSIGN(document.summary, fields.string("summary", true));
  TDKT_TRY_ASSIGN(registration.gap_reason, fields.string("gap_reason", false));
  if (body.contains("recipients")) {
    const auto& list = body.at("recipients");
    if (!list.is_array()) return Error::invalid("recipients", "\"recipients\" phải là danh sách chuỗi.");
    for (const auto& item : list) {
      if (!item.is_string()) return Error::invalid("recipients", "Mỗi nơi nhận phải là một chuỗi.");
      document.recipients.push_back(item.get<std::string>());
    }
  }
  if (body.contains("cites")) {
    const auto& list = body.at("cites");
    if (!list.is_array()) return Error::invalid("cites", "\"cites\" phải là danh sách mã văn bản.");
    for (const auto& item : list) {
      if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
        return Error::invalid("cites", "Mỗi văn bản căn cứ là một mã văn bản (số nguyên dương).");
      }
      document.cites.emplace_back(item.get<std::int64_t>());
    }
  }
  TDKT_TRY_ASSIGN(document.preamble, read_blocks(body, "preamble"));
  TDKT_TRY_ASSIGN(document.body, read_blocks(body, "body"));
  return registration;
}

Result<std::optional<int>> query_year(const ApiRequest& request) {
  if (!request.has_query("year") || request.query("year").empty()) return std::optional<int>();
  const auto text = request.query("year");
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size()) return Error::invalid("year", "Năm không hợp lệ.");
  return std::optional<int>(year);
}

ApiResponse list_documents(const ApiRequest& request, Services& services) {
  app::DocumentListRequest list;
  list.q = request.query("q");
  if (!request.query("type").empty()) {
    auto type = domain::document_type_from_string(request.query("type"));
    if (!type) return fail(Error::invalid("type", "Loại văn bản không hợp lệ."));
    list.type = *type;
  }
  TDKT_HTTP_TRY(year, query_year(request));
  list.year = *year;
  list.own_only = request.query("own") == "true";
  TDKT_HTTP_TRY(documents, services.documents.list(request.actor, list));
  Json items = Json::array();
  for (const auto& document : *documents)
    items.push_back(document_json(document, false));
  Json types = Json::array();
  for (const auto type : domain::all_document_types())
    types.push_back({{"code", std::string(domain::to_string(type))}, {"label", domain::vietnamese_label(type)}});
  return ok({{"items", items}, {"types", types}});
}

ApiResponse get_document(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(document, services.documents.document(request.actor, DocumentId{*id}));
  Json json = document_json(*document, true);
  Json cited = Json::array();
  for (const auto cited_id : document->cites) {
    if (auto found = services.documents.document(request.actor, cited_id))
      cited.push_back(document_json(*found, false));
  }
  json["cited_documents"] = cited;
  return ok(std::move(json));
}

ApiResponse create_document(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kDocumentFields));
  TDKT_HTTP_TRY(registration, read_registration(*body));
  TDKT_HTTP_TRY(document, services.documents.register_document(request.actor, std::move(*registration)));
  return ok(document_json(*document, true), 201);
}

ApiResponse next_number(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(year, query_year(request));
  const int wanted = year->value_or(services.clock.today().year());
  TDKT_HTTP_TRY(number, services.documents.next_number(request.actor, request.query("symbol"), wanted));
  return ok({{"symbol", number->symbol}, {"year", wanted}, {"number", number->number}, {"text", number->text()}});
}

// "05/KH-BDT" -> "KH-05-KH-BDT-2023": a file name without slashes.
std::string file_name(const domain::RegisteredDocument& document, const char* extension) {
  std::string name = std::string(domain::to_string(document.type)) + "-" + document.number.text() + "-" +
                     std::to_string(document.year);
  for (auto& c : name) {
    if (c == '/') c = '-';
  }
  return name + extension;
}

Result<std::pair<domain::RegisteredDocument, std::string>> drafted_docx(const ApiRequest& request, Services& services) {
  auto id = parse_id(request.path_params.at(0), "id");
  if (!id) return std::move(id).error();
  auto document = services.documents.document(request.actor, DocumentId{*id});
  if (!document) return std::move(document).error();
  if (!document->own || document->body.empty()) {
    return Error::conflict(
        ErrorCode::kConflict, "id",
        "Văn bản " + document->number.text() + " không do cơ quan soạn trong tdkt nên không có bản DOCX để tải.");
  }
  auto docx = documents::render_docx(documents::official_document(*document));
  if (!docx) return std::move(docx).error();
  return std::pair{std::move(*document), std::move(*docx)};
}

ApiResponse document_docx(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(drafted, drafted_docx(request, services));
  ApiResponse response = ok(nullptr);
  response.download = Download{"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               file_name(drafted->first, ".docx"), std::move(drafted->second)};
  return response;
}

ApiResponse document_pdf(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(drafted, drafted_docx(request, services));
  TDKT_HTTP_TRY(pdf, services.pdf.convert(drafted->second));
  ApiResponse response = ok(nullptr);
  response.download = Download{"application/pdf", file_name(drafted->first, ".pdf"), std::move(*pdf)};
  return response;
}

}  // namespace

std::vector<Route> document_routes() {
  return {
      {"GET", "/api/v1/documents", list_documents},        {"POST", "/api/v1/documents", create_document},
      {"GET", "/api/v1/documents/{id}", get_document},     {"GET", "/api/v1/documents/{id}/docx", document_docx},
      {"GET", "/api/v1/documents/{id}/pdf", document_pdf}, {"GET", "/api/v1/document-numbers/next", next_number},
  };
}

}  // namespace tdkt::http
