#include "domain/documents/register.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

struct TypeInfo {
  DocumentType type;
  std::string_view code;
  std::string_view label;
  std::string_view heading;
};

constexpr std::array<TypeInfo, 13> kTypes{{
    {DocumentType::kPlan, "plan", "Kế hoạch", "KẾ HOẠCH"},
    {DocumentType::kDecision, "decision", "Quyết định", "QUYẾT ĐỊNH"},
    {DocumentType::kReport, "report", "Báo cáo", "BÁO CÁO"},
    {DocumentType::kSubmission, "submission", "Tờ trình", "TỜ TRÌNH"},
    {DocumentType::kOfficialLetter, "official_letter", "Công văn", ""},
    {DocumentType::kDirective, "directive", "Chỉ thị", "CHỈ THỊ"},
    {DocumentType::kResolution, "resolution", "Nghị quyết", "NGHỊ QUYẾT"},
    {DocumentType::kNotice, "notice", "Thông báo", "THÔNG BÁO"},
    {DocumentType::kMinutes, "minutes", "Biên bản", "BIÊN BẢN"},
    {DocumentType::kCircular, "circular", "Thông tư", "THÔNG TƯ"},
    {DocumentType::kDecree, "decree", "Nghị định", "NGHỊ ĐỊNH"},
    {DocumentType::kLaw, "law", "Luật", "LUẬT"},
    {DocumentType::kOther, "other", "Văn bản khác", ""},
}};

const TypeInfo& info(DocumentType type) {
  for (const auto& entry : kTypes) {
    if (entry.type == type) return entry;
  }
  return kTypes.back();
}

constexpr std::array<std::string_view, 8> kBlockKinds{"heading1",  "heading2", "heading3",  "centered",
                                                      "paragraph", "bullet",   "table_row", "table_header"};

std::optional<int> to_int(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// The year that parse_document_number reads at the start of the text after "NN/": "2021/".
std::optional<int> leading_year(std::string_view rest) {
  if (rest.size() <= 5 || rest[4] != '/') return std::nullopt;
  auto year = to_int(rest.substr(0, 4));
  if (!year || *year < 1945 || *year > 2100) return std::nullopt;
  return year;
}

bool symbol_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || std::isalnum(byte) != 0 || c == '-' || c == '/' || c == '.';
}

Status check_blocks(std::vector<DocumentBlock>& blocks, const char* field) {
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string name = std::string(field) + "[" + std::to_string(i) + "]";
    if (!valid_block_kind(blocks[i].kind)) {
      return Error::invalid(name + ".kind", "Loại đoạn \"" + blocks[i].kind +
                                                "\" không hợp lệ; dùng heading1, heading2, heading3, centered, "
                                                "paragraph, bullet, table_header hoặc table_row.");
    }
    blocks[i].text = text::normalize(blocks[i].text);
    if (blocks[i].text.empty()) return Error::invalid(name + ".text", "Đoạn văn không được để trống.");
    if (text::length(blocks[i].text) > 20000) return Error::invalid(name + ".text", "Đoạn văn dài quá 20.000 ký tự.");
  }
  return {};
}

}  // namespace

std::string_view to_string(DocumentType type) {
  return info(type).code;
}
std::optional<DocumentType> document_type_from_string(std::string_view code) {
  for (const auto& entry : kTypes) {
    if (entry.code == code) return entry.type;
  }
  return std::nullopt;
}
std::string_view vietnamese_label(DocumentType type) {
  return info(type).label;
}
std::string_view kind_heading(DocumentType type) {
  return info(type).heading;
}
const std::vector<DocumentType>& all_document_types() {
  static const std::vector<DocumentType> kAll = [] {
    std::vector<DocumentType> all;
    for (const auto& entry : kTypes)
      all.push_back(entry.type);
    return all;
  }();
  return kAll;
}

std::string DocumentNumber::text() const {
  std::string out = number < 10 ? "0" + std::to_string(number) : std::to_string(number);
  if (year) return out + "/" + std::to_string(*year) + "/" + symbol;
  // "34-CT/TW": a party document joins number and symbol with a dash. So does a symbol that starts
  // like a year ("2021/DT", from "1-2021/DT"), which "/" would turn into the number's year.
  const bool dashed = (symbol.find('/') != std::string::npos && symbol.find('-') == std::string::npos) ||
                      leading_year(symbol).has_value();
  return out + (dashed ? "-" : "/") + symbol;
}

Result<DocumentNumber> parse_document_number(std::string_view raw) {
  const auto normalized = text::normalize(raw);
  std::string_view text = normalized;
  const auto invalid = [&] {
    return Error::invalid(
        "number", "Số, ký hiệu \"" + normalized + "\" không đúng dạng; ví dụ: 05/KH-BDT, 01/2021/TT-UBDT, 34-CT/TW.");
  };
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
    ++digits;
  if (digits == 0 || digits > 6 || digits == text.size()) return invalid();
  DocumentNumber number;
  number.number = *to_int(text.substr(0, digits));
  if (number.number <= 0) return invalid();
  std::string_view rest = text.substr(digits);
  const char separator = rest.front();
  if (separator != '/' && separator != '-') return invalid();
  rest.remove_prefix(1);
  // An optional year: "01/2021/TT-UBDT".
  if (separator == '/') {
    if (const auto year = leading_year(rest)) {
      number.year = *year;
      rest.remove_prefix(5);
    }
  }
  if (rest.empty() || rest.size() > 60) return invalid();
  for (const char c : rest) {
    if (!symbol_char(c)) return invalid();
  }
  number.symbol = std::string(rest);
  return number;
}

bool valid_block_kind(std::string_view kind) {
  for (const auto candidate : kBlockKinds) {
    if (candidate == kind) return true;
  }
  return false;
}

Result<RegisteredDocument> check_document(RegisteredDocument document, int current_year) {
  if (document.year < 1945 || document.year > current_year) {
    return Error::invalid("issued_on", "Năm ban hành phải từ 1945 đến " + std::to_string(current_year) + ".");
  }
  if (document.issued_on.year() != document.year) {
    return Error::invalid("issued_on", "Ngày ban hành phải thuộc năm " + std::to_string(document.year) + ".");
  }
  if (document.number.year && *document.number.year != document.year) {
    return Error::invalid("number", "Năm trong số, ký hiệu (" + std::to_string(*document.number.year) +
                                        ") khác năm ban hành (" + std::to_string(document.year) + ").");
  }
  TDKT_TRY(check_text_field(document.issuer, "issuer", 300, true, "Cơ quan ban hành"));
  TDKT_TRY(check_text_field(document.issuer_parent, "issuer_parent", 300, false, "Cơ quan chủ quản"));
  TDKT_TRY(check_text_field(document.place, "place", 100, document.own, "Địa danh"));
  TDKT_TRY(check_text_field(document.signer_name, "signer_name", 200, false, "Người ký"));
  TDKT_TRY(check_text_field(document.signer_authority, "signer_authority", 200, false, "Thẩm quyền ký"));
  TDKT_TRY(check_text_field(document.signer_position, "signer_position", 200, false, "Chức vụ người ký"));
  TDKT_TRY(check_text_field(document.summary, "summary", 1000, true, "Trích yếu"));
  for (std::size_t i = 0; i < document.recipients.size(); ++i) {
    TDKT_TRY(check_text_field(document.recipients[i], "recipients", 300, true, "Nơi nhận"));
  }
  if (!document.own && (!document.preamble.empty() || !document.body.empty())) {
    return Error::invalid("body", "Chỉ văn bản của cơ quan mới soạn nội dung trong tdkt.");
  }
  TDKT_TRY(check_blocks(document.preamble, "preamble"));
  TDKT_TRY(check_blocks(document.body, "body"));
  for (const auto cited : document.cites) {
    if (cited == document.id && document.id.value != 0) {
      return Error::invalid("cites", "Văn bản không thể tự làm căn cứ cho chính nó.");
    }
  }
  return document;
}

}  // namespace tdkt::domain
