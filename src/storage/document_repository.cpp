// The document register. Recipients and drafted blocks are stored as JSON text: they are read
// and written whole with their document, never queried.

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

using Json = nlohmann::json;

constexpr const char* kDocumentColumns =
    "SELECT id, doc_type, number, number_year, symbol, year, issuer, issuer_parent, issued_on, place, signer_name, "
    "signer_authority, signer_position, summary, recipients_json, preamble_json, body_json, own FROM document ";

std::string blocks_json(const std::vector<domain::DocumentBlock>& blocks) {
  Json out = Json::array();
  for (const auto& block : blocks)
    out.push_back({{"kind", block.kind}, {"text", block.text}});
  return out.dump();
}

std::vector<domain::DocumentBlock> to_blocks(const std::string& text) {
  std::vector<domain::DocumentBlock> blocks;
  for (const auto& item : Json::parse(text))
    blocks.push_back({item.at("kind").get<std::string>(), item.at("text").get<std::string>()});
  return blocks;
}

domain::RegisteredDocument to_document(const Row& row) {
  domain::RegisteredDocument document;
  document.id = DocumentId{row.integer(0)};
  auto type = domain::document_type_from_string(row.text(1));
  if (!type) throw std::runtime_error("unknown document type in the database: " + row.text(1));
  document.type = *type;
  document.number.number = static_cast<int>(row.integer(2));
  if (auto year = row.optional_integer(3)) document.number.year = static_cast<int>(*year);
  document.number.symbol = row.text(4);
  document.year = static_cast<int>(row.integer(5));
  document.issuer = row.text(6);
  document.issuer_parent = row.text(7);
  document.issued_on = row.date(8);
  document.place = row.text(9);
  document.signer_name = row.text(10);
  document.signer_authority = row.text(11);
  document.signer_position = row.text(12);
  document.summary = row.text(13);
  for (const auto& item : Json::parse(row.text(14)))
    document.recipients.push_back(item.get<std::string>());
  document.preamble = to_blocks(row.text(15));
  document.body = to_blocks(row.text(16));
  document.own = row.integer(17) != 0;
  return document;
}

}  // namespace

std::vector<domain::RegisteredDocument> SqlDocumentRepository::load(std::vector<domain::RegisteredDocument> documents) {
  for (auto& document : documents) {
    for (const auto& row :
         Query(session_, "SELECT cited_id FROM document_citation WHERE document_id = :d ORDER BY position")
             .bind("d", document.id.value)
             .rows()) {
      document.cites.emplace_back(row.integer(0));
    }
  }
  return documents;
}

std::optional<domain::RegisteredDocument> SqlDocumentRepository::find_document(DocumentId id) {
  auto row = Query(session_, std::string(kDocumentColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return load({to_document(*row)}).front();
}

std::vector<domain::RegisteredDocument> SqlDocumentRepository::find_by_number(const std::string& number, int year,
                                                                              const std::string& issuer) {
  std::string sql = std::string(kDocumentColumns) + "WHERE number_text = :n AND year = :y";
  if (!issuer.empty()) sql += " AND issuer = :issuer";
  Query query(session_, sql + " ORDER BY id");
  query.bind("n", number).bind("y", std::int64_t{year});
  if (!issuer.empty()) query.bind("issuer", issuer);
  std::vector<domain::RegisteredDocument> found;
  for (const auto& row : query.rows())
    found.push_back(to_document(row));
  return load(std::move(found));
}

std::vector<domain::RegisteredDocument> SqlDocumentRepository::list_documents(const app::DocumentQuery& query) {
  std::string sql = std::string(kDocumentColumns) + "WHERE 1 = 1";
  for (std::size_t i = 0; i < query.terms.size(); ++i)
    sql += " AND search_text LIKE :t" + std::to_string(i);
  if (query.type) sql += " AND doc_type = :type";
  if (query.year) sql += " AND year = :year";
  if (query.own_only) sql += " AND own = 1";
  sql += " ORDER BY issued_on DESC, id DESC LIMIT :limit";
  Query statement(session_, sql);
  for (std::size_t i = 0; i < query.terms.size(); ++i)
    statement.bind("t" + std::to_string(i), "% " + query.terms[i] + "%");
  if (query.type) statement.bind("type", std::string(domain::to_string(*query.type)));
  if (query.year) statement.bind("year", std::int64_t{*query.year});
  statement.bind("limit", std::int64_t{query.limit});
  std::vector<domain::RegisteredDocument> found;
  for (const auto& row : statement.rows())
    found.push_back(to_document(row));
  return load(std::move(found));
}

DocumentId SqlDocumentRepository::insert_document(const domain::RegisteredDocument& document,
                                                  const std::string& search_text) {
  Json recipients = document.recipients;
  const DocumentId id{
      Query(session_,
            "INSERT INTO document (doc_type, number, number_year, symbol, number_text, year, issuer, issuer_parent, "
            "issued_on, place, signer_name, signer_authority, signer_position, summary, recipients_json, "
            "preamble_json, body_json, own, search_text) VALUES (:type, :number, :number_year, :symbol, :text, :year, "
            ":issuer, :parent, :issued_on, :place, :signer, :authority, :position, :summary, :recipients, :preamble, "
            ":body, :own, :search) RETURNING id")
          .bind("type", std::string(domain::to_string(document.type)))
          .bind("number", std::int64_t{document.number.number})
          .bind("number_year", document.number.year ? std::optional<std::int64_t>(*document.number.year) : std::nullopt)
          .bind("symbol", document.number.symbol)
          .bind("text", document.number.text())
          .bind("year", std::int64_t{document.year})
          .bind("issuer", document.issuer)
          .bind("parent", document.issuer_parent)
          .bind("issued_on", document.issued_on)
          .bind("place", document.place)
          .bind("signer", document.signer_name)
          .bind("authority", document.signer_authority)
          .bind("position", document.signer_position)
          .bind("summary", document.summary)
          .bind("recipients", recipients.dump())
          .bind("preamble", blocks_json(document.preamble))
          .bind("body", blocks_json(document.body))
          .bind("own", std::int64_t{document.own ? 1 : 0})
          .bind("search", " " + search_text)
          .insert_returning_id()};
  for (std::size_t i = 0; i < document.cites.size(); ++i) {
    Query(session_, "INSERT INTO document_citation (document_id, cited_id, position) VALUES (:d, :c, :p)")
        .bind("d", id.value)
        .bind("c", document.cites[i].value)
        .bind("p", static_cast<std::int64_t>(i))
        .execute();
  }
  return id;
}

int SqlDocumentRepository::last_number(const std::string& symbol, int year) {
  auto row = Query(session_, "SELECT last_number FROM document_sequence WHERE symbol = :s AND year = :y")
                 .bind("s", symbol)
                 .bind("y", std::int64_t{year})
                 .first();
  return row ? static_cast<int>(row->integer(0)) : 0;
}

void SqlDocumentRepository::set_last_number(const std::string& symbol, int year, int number) {
  Query(session_,
        "INSERT INTO document_sequence (symbol, year, last_number) VALUES (:s, :y, :n) ON CONFLICT (symbol, year) DO "
        "UPDATE SET last_number = excluded.last_number")
      .bind("s", symbol)
      .bind("y", std::int64_t{year})
      .bind("n", std::int64_t{number})
      .execute();
}

}  // namespace tdkt::storage
