#pragma once
// The document register (sổ văn bản): every document tdkt knows, whoever issued it: the laws and
// directives a plan cites, and the agency's own plans, decisions and reports, which tdkt numbers
// (a sequence per symbol and year, never reused, never skipped silently). Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

enum class DocumentType {
  kPlan,            // kế hoạch (KH)
  kDecision,        // quyết định (QĐ)
  kReport,          // báo cáo (BC)
  kSubmission,      // tờ trình (TTr)
  kOfficialLetter,  // công văn (no type letters in its symbol: "125/BDT-VP")
  kDirective,       // chỉ thị (CT)
  kResolution,      // nghị quyết (NQ)
  kNotice,          // thông báo (TB)
  kMinutes,         // biên bản (BB): the council's minutes
  kCircular,        // thông tư (TT)
  kDecree,          // nghị định (NĐ-CP)
  kLaw,             // luật
  kOther,
};

std::string_view to_string(DocumentType type);  // "plan", "decision", ...
std::optional<DocumentType> document_type_from_string(std::string_view code);
std::string_view vietnamese_label(DocumentType type);  // "Kế hoạch"
std::string_view kind_heading(DocumentType type);      // "KẾ HOẠCH": the title line of the document
const std::vector<DocumentType>& all_document_types();

// A document number as written on it: "05/KH-BDT", "01/2021/TT-UBDT", "34-CT/TW", "06/2022/QH15".
struct DocumentNumber {
  int number = 0;            // 5
  std::optional<int> year;   // 2021 in "01/2021/TT-UBDT"
  std::string symbol;        // "KH-BDT", "TT-UBDT", "CT/TW", "QH15"
  std::string text() const;  // as written, the number with at least two digits
};

// Parses the forms above. Errors name the field "number".
Result<DocumentNumber> parse_document_number(std::string_view text);

// One paragraph of a document drafted in tdkt (see documents::Block for the layout).
struct DocumentBlock {
  // "heading1", "heading2", "heading3", "centered", "paragraph", "bullet"; "table_header" and
  // "table_row": a row of a table, its cells separated by tabs ('\t'), consecutive rows one table.
  std::string kind;
  std::string text;
};

struct RegisteredDocument {
  DocumentId id;
  DocumentType type = DocumentType::kOther;
  DocumentNumber number;
  int year = 0;               // the year of issue: sequences restart each year
  std::string issuer;         // "Ban Dân tộc tỉnh Bình Phước"
  std::string issuer_parent;  // "UBND tỉnh Bình Phước" (cơ quan chủ quản), for the header
  CivilDate issued_on;
  std::string place;  // "Bình Phước"
  std::string signer_name;
  std::string signer_authority;         // "TRƯỞNG BAN", "KT. TRƯỞNG BAN"
  std::string signer_position;          // "PHÓ TRƯỞNG BAN" under "KT. …"
  std::string summary;                  // trích yếu
  std::vector<std::string> recipients;  // nơi nhận
  std::vector<DocumentBlock> preamble;  // căn cứ
  std::vector<DocumentBlock> body;
  bool own = false;               // issued by the agency: numbered by tdkt, drafted from its body
  std::vector<DocumentId> cites;  // căn cứ: documents of the register this one cites
};

// Normalises and checks a document for the register: required fields, the number's year
// matching the year of issue where it carries one, block kinds, a drafted body only for the
// agency's own documents. `current_year` bounds the year.
Result<RegisteredDocument> check_document(RegisteredDocument document, int current_year);

// Block kinds a drafted document may use.
bool valid_block_kind(std::string_view kind);

}  // namespace tdkt::domain
