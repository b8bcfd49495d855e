#include "excel/xlsx_reader.hpp"

#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <pugixml.hpp>
#include <unordered_map>

#include "core/text.hpp"

namespace tdkt::excel {
namespace {

constexpr std::string_view kFileField = "file";
constexpr std::string_view kNotXlsx = "Tệp không phải bảng tính Excel (.xlsx).";
// An OLE compound file: a legacy .xls, or an .xlsx encrypted with a password (Excel wraps those
// in OLE, so they are not ZIP files). Users meet both, so they get their own message.
constexpr std::string_view kOleSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
// The largest sheet Excel itself allows: rows 1..1048576, columns A..XFD.
constexpr int kExcelMaxRow = 1048576;
constexpr std::size_t kExcelMaxColumns = 16384;
// Serial-number epochs as days since 1970-01-01 (CivilDate's epoch). In the 1900 system serial 1
// is 1900-01-01 and Excel counts a 29/02/1900 that never was (serial 60, kept from Lotus 1-2-3),
// so serials from 61 (1900-03-01) on are one day ahead. In the 1904 system serial 0 is 1904-01-01.
constexpr std::int32_t kEpoch1900 = -25569;  // from serial 61 on; serials 1..59 use kEpoch1900 + 1
constexpr std::int32_t kEpoch1904 = -24107;
constexpr std::int32_t kPhantomLeapDay = 60;
constexpr double kLastSerial1900 = 2958465;  // 9999-12-31
constexpr double kLastSerial1904 = 2957003;

// Messages quote names from the file (sheets, parts, cell references), which need not be UTF-8.
Error invalid(std::string_view message) {
  return Error::invalid(std::string(kFileField), text::replace_invalid_utf8(message));
}
Error too_large(std::string_view message) {
  return {ErrorCode::kTooLarge, text::replace_invalid_utf8(message), std::string(kFileField)};
}
Error corrupt(std::string_view detail) {
  return invalid("Tệp Excel bị hỏng: " + std::string(detail) + ".");
}

std::string size_text(std::size_t bytes) {
  constexpr std::size_t kKibibyte = 1024;
  if (bytes < ReadLimits::kMebibyte) {
    return text::format_integer(static_cast<std::int64_t>((bytes + kKibibyte - 1) / kKibibyte)) + " KB";
  }
  if (bytes % ReadLimits::kMebibyte == 0) {
    return text::format_integer(static_cast<std::int64_t>(bytes / ReadLimits::kMebibyte)) + " MB";
  }
  return text::format_decimal(static_cast<double>(bytes) / static_cast<double>(ReadLimits::kMebibyte), 1) + " MB";
}

Error too_large_uncompressed(const ReadLimits& limits) {
  return too_large("Tệp Excel quá lớn: nội dung sau khi giải nén vượt quá " + size_text(limits.max_uncompressed) + ".");
}

// "A" for 0, "AA" for 26: the column letters Excel shows.
std::string column_name(std::size_t column) {
  std::string name;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
}

std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpaces = " \t\r\n";
  const auto first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpaces) - first + 1);
}

// ---- ZIP ------------------------------------------------------------------------------------

struct ZipDiscard {
  void operator()(zip_t* zip) const { zip_discard(zip); }
};
struct ZipFileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// The archive, read entry by entry under the decompression limits.
class Archive {
 public:
  static Result<Archive> open(std::string_view bytes, const ReadLimits& limits) {
    zip_error_t error;
    zip_error_init(&error);
    // The buffer source does not copy: `bytes` outlives the archive (both live in read_xlsx).
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source == nullptr) {
      zip_error_fini(&error);
      return Error::internal("Không mở được tệp Excel: thiếu bộ nhớ.");
    }
    zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    zip_error_fini(&error);
    if (zip == nullptr) {
      zip_source_free(source);  // on failure the source still belongs to us
      return invalid(std::string(kNotXlsx));
    }
    return Archive(zip, limits);
  }

  // The decompressed entry `name`, or std::nullopt when the archive has none. Names are matched
  // without regard to case, as some writers' relationship targets differ in case from the entry.
  Result<std::optional<std::string>> read(const std::string& name) {
    const zip_int64_t index = zip_name_locate(zip_.get(), name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return std::optional<std::string>();
    const auto entry = static_cast<zip_uint64_t>(index);
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(zip_.get(), entry, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
      return corrupt("không đọc được phần " + name);
    }
    const std::size_t allowed = std::min(limits_.max_uncompressed, remaining_);
    // The declared size refuses a bomb before any work; the count below catches a size that lies.
    if (stat.size > allowed) return too_large_uncompressed(limits_);
    const std::unique_ptr<zip_file_t, ZipFileClose> file(zip_fopen_index(zip_.get(), entry, 0));
    if (!file) return corrupt("không giải nén được phần " + name);
    std::string content;
    content.reserve(static_cast<std::size_t>(stat.size));
    std::array<char, std::size_t{64} * 1024> buffer{};
    while (true) {
      const zip_int64_t count = zip_fread(file.get(), buffer.data(), buffer.size());
      if (count < 0) return corrupt("không giải nén được phần " + name);
      if (count == 0) break;
      if (static_cast<std::size_t>(count) > allowed - content.size()) return too_large_uncompressed(limits_);
      content.append(buffer.data(), static_cast<std::size_t>(count));
    }
    remaining_ -= content.size();
    return std::optional<std::string>(std::move(content));
  }

 private:
  Archive(zip_t* zip, const ReadLimits& limits) : zip_(zip), limits_(limits), remaining_(limits.max_uncompressed) {}

  std::unique_ptr<zip_t, ZipDiscard> zip_;
  ReadLimits limits_;
  std::size_t remaining_;  // of the total decompressed bytes allowed
};

// ---- XML helpers ----------------------------------------------------------------------------
// pugixml does not resolve namespaces. Excel writes unprefixed element names, but other writers
// (the .NET Open XML SDK) write "x:row", so elements are matched by local name.

std::string_view local_name(std::string_view name) {
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element && local_name(node.name()) == name) return node;
  }
  return {};
}

template <typename Visit>
Status each_child(pugi::xml_node parent, std::string_view name, Visit&& visit) {
  for (pugi::xml_node node = parent.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element && local_name(node.name()) == name) TDKT_TRY(visit(node));
  }
  return {};
}

// The relationship id of a <sheet>: "r:id", whatever prefix the relationships namespace got.
std::string_view relationship_id(pugi::xml_node node) {
  for (pugi::xml_attribute attribute : node.attributes()) {
    const std::string_view name = attribute.name();
    if (name.find(':') != std::string_view::npos && local_name(name) == "id") return attribute.value();
  }
  return {};
}

// The character data of an element (text and CDATA pieces joined).
std::string node_text(pugi::xml_node node) {
  std::string text;
  for (pugi::xml_node piece = node.first_child(); piece; piece = piece.next_sibling()) {
    if (piece.type() == pugi::node_pcdata || piece.type() == pugi::node_cdata) text += piece.value();
  }
  return text;
}

void append_utf8(std::string& out, std::uint32_t code) {
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
}

// OOXML writes characters XML cannot hold (control characters) as "_xHHHH_", and a literal
// "_x" followed by four hex digits and "_" as "_x005F_xHHHH_". Surrogate halves are left as
// written: a lone half has no UTF-8 form.
std::string decode_escapes(std::string text) {
  if (text.find("_x") == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    std::uint32_t code = 0;
    if (text.compare(i, 2, "_x") == 0 && i + 7 <= text.size() && text[i + 6] == '_') {
      const char* first = text.data() + i + 2;
      const auto [end, ec] = std::from_chars(first, first + 4, code, 16);
      if (ec == std::errc{} && end == first + 4 && (code < 0xD800 || code > 0xDFFF)) {
        append_utf8(out, code);
        i += 6;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// The text of a shared string <si> or an inline string <is>: plain <t>, or rich-text runs
// <r><t>. Phonetic guides (<rPh>, Japanese) are not part of the text.
std::string string_item_text(pugi::xml_node item) {
  std::string text;
  for (pugi::xml_node node = item.first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view name = local_name(node.name());
    if (name == "t") {
      text += node_text(node);
    } else if (name == "r") {
      if (const pugi::xml_node run_text = child(node, "t")) text += node_text(run_text);
    }
  }
  return decode_escapes(std::move(text));
}

Status parse_xml(pugi::xml_document& document, std::string& content, const std::string& part) {
  // Entities are not expanded beyond the XML built-ins (pugixml reads no DTD), so an "entity
  // expansion" bomb stays as small as the file. Whitespace-only text is kept for <t> </t>.
  const pugi::xml_parse_result parsed = document.load_buffer_inplace(
      content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
  if (!parsed) {
    return corrupt("phần " + part + " không phải XML hợp lệ (vị trí " +
                   text::format_integer(static_cast<std::int64_t>(parsed.offset)) + ")");
  }
  return {};
}

// ---- Relationships --------------------------------------------------------------------------

struct Relationship {
  std::string type;
  std::string path;  // resolved to an entry name of the archive
};
using Relationships = std::unordered_map<std::string, Relationship>;

bool has_type(const Relationship& relationship, std::string_view kind) {
  // Transitional and Strict OOXML use different namespace URIs with the same last segment.
  const std::string_view type = relationship.type;
  return type.size() > kind.size() && type.ends_with(kind) && type[type.size() - kind.size() - 1] == '/';
}

// The entry name a relationship target points to: relative to the folder of the part that holds
// the relationship, or absolute from the archive's root when it starts with '/'.
std::string resolve_target(std::string_view folder, std::string_view target) {
  std::string joined =
      target.starts_with('/') ? std::string(target.substr(1)) : std::string(folder) + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= joined.size()) {
    const std::size_t slash = std::min(joined.find('/', start), joined.size());
    const std::string segment = joined.substr(start, slash - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = slash + 1;
  }
  std::string path;
  for (const std::string& segment : segments) {
    path += (path.empty() ? "" : "/") + segment;
  }
  return path;
}

std::string folder_of(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash + 1));
}

// The relationships of the part `part`, from "<folder>/_rels/<name>.rels"; empty if there are none.
Result<Relationships> read_relationships(Archive& archive, const std::string& part) {
  const std::string folder = folder_of(part);
  const std::string rels_path = folder + "_rels/" + part.substr(folder.size()) + ".rels";
  auto content = archive.read(rels_path);
  if (!content) return std::move(content).error();
  Relationships relationships;
  if (!content.value()) return relationships;
  pugi::xml_document document;
  TDKT_TRY(parse_xml(document, **content, rels_path));
  const auto status = each_child(child(document, "Relationships"), "Relationship", [&](pugi::xml_node node) -> Status {
    if (std::string_view(node.attribute("TargetMode").value()) == "External") return {};
    relationships[node.attribute("Id").value()] = {node.attribute("Type").value(),
                                                   resolve_target(folder, node.attribute("Target").value())};
    return {};
  });
  if (!status) return status.error();
  return relationships;
}

// ---- Styles ---------------------------------------------------------------------------------

// Whether a number format code shows a date. Quoted text, bracketed sections ([Red], [$-42A]
// locales, [<100] conditions) and escaped, padding and fill characters are not codes. 'm' means
// minutes next to hours or seconds, so a format with only m, h and s ("h:mm", "mm:ss") is a time.
bool is_date_format(std::string_view code) {
  bool day_or_year = false;
  bool month = false;
  bool time = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      i = std::min(code.find('"', i + 1), code.size());
    } else if (c == '[') {
      const std::size_t close = std::min(code.find(']', i + 1), code.size());
      const std::string_view inside = code.substr(i + 1, close - i - 1);
      // [h], [mm], [ss]: elapsed time.
      if (!inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos) time = true;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (code.substr(i, 5) == "AM/PM" || code.substr(i, 5) == "am/pm") {
      time = true;
      i += 4;
    } else if (code.substr(i, 3) == "A/P" || code.substr(i, 3) == "a/p") {
      time = true;
      i += 2;
    } else {
      switch (c) {
        case 'd':
        case 'D':
        case 'y':
        case 'Y': day_or_year = true; break;
        case 'm':
        case 'M': month = true; break;
        case 'h':
        case 'H':
        case 's':
        case 'S': time = true; break;
        default: break;
      }
    }
  }
  return day_or_year || (month && !time);
}

bool is_builtin_date_format(unsigned id) {
  // 14-17 dates, 18-21 times, 22 date and time, 45-47 times (ECMA-376 part 1, 18.8.30).
  return (id >= 14 && id <= 22) || (id >= 45 && id <= 47);
}

std::optional<unsigned> parse_unsigned(std::string_view text) {
  text = trim(text);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Which cell styles (indices into cellXfs, the cells' s attribute) show dates.
class Styles {
 public:
  static Styles parse(pugi::xml_node style_sheet) {
    std::unordered_map<unsigned, bool> custom;
    for (pugi::xml_node format = child(child(style_sheet, "numFmts"), "numFmt"); format;
         format = format.next_sibling()) {
      if (local_name(format.name()) != "numFmt") continue;
      if (auto id = parse_unsigned(format.attribute("numFmtId").value())) {
        custom[*id] = is_date_format(format.attribute("formatCode").value());
      }
    }
    Styles styles;
    const pugi::xml_node cell_formats = child(style_sheet, "cellXfs");
    for (pugi::xml_node xf = cell_formats.first_child(); xf; xf = xf.next_sibling()) {
      if (xf.type() != pugi::node_element || local_name(xf.name()) != "xf") continue;
      const unsigned id = parse_unsigned(xf.attribute("numFmtId").value()).value_or(0);
      const auto found = custom.find(id);  // a file may redefine a built-in id
      styles.date_.push_back(found != custom.end() ? found->second : is_builtin_date_format(id));
    }
    return styles;
  }

  bool is_date(std::size_t style) const { return style < date_.size() && date_[style]; }

 private:
  std::vector<bool> date_;
};

// ---- Cells ----------------------------------------------------------------------------------

std::optional<CivilDate> serial_to_date(double serial, bool date1904) {
  // Half a millisecond of slack: a time of day stored as 0.99999999999 is the next midnight in
  // Excel, which rounds to milliseconds before it shows a date.
  const double day = std::floor(serial + 0.5 / 86'400'000);
  if (!(day >= 0) || day > (date1904 ? kLastSerial1904 : kLastSerial1900)) return std::nullopt;
  const auto days = static_cast<std::int32_t>(day);
  if (date1904) return CivilDate::from_days(kEpoch1904 + days);
  // 00/01/1900 and 29/02/1900 do not exist: such cells stay numbers.
  if (days == 0 || days == kPhantomLeapDay) return std::nullopt;
  return CivilDate::from_days(days < kPhantomLeapDay ? kEpoch1900 + 1 + days : kEpoch1900 + days);
}

double date_to_serial(CivilDate date, bool date1904) {
  const std::int32_t days = date.days_since_epoch();
  if (date1904) return days - kEpoch1904;
  const std::int32_t serial = days - kEpoch1900;
  return serial > kPhantomLeapDay ? serial : serial - 1;
}

std::string number_text(double value) {
  if (value == 0) return "0";  // not "-0"
  std::array<char, 32> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return ec == std::errc{} ? std::string(buffer.data(), end) : std::string();
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

struct CellRef {
  std::size_t column = 0;
  int row = 0;
};

// "AA12" -> column 26, row 12; std::nullopt for anything Excel would not write.
std::optional<CellRef> parse_reference(std::string_view text) {
  CellRef ref;
  std::size_t i = 0;
  std::size_t column = 0;
  for (; i < text.size() && i < 4 && text[i] >= 'A' && text[i] <= 'Z'; ++i) {
    column = column * 26 + static_cast<std::size_t>(text[i] - 'A' + 1);
  }
  if (i == 0 || column > kExcelMaxColumns) return std::nullopt;
  ref.column = column - 1;
  const std::string_view digits = text.substr(i);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), ref.row);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || ref.row < 1 ||
      ref.row > kExcelMaxRow) {
    return std::nullopt;
  }
  return ref;
}

// What every sheet reads with, and what all sheets together may hold.
struct SheetContext {
  const std::vector<std::string>& shared_strings;
  const Styles& styles;
  bool date1904 = false;
  const ReadLimits& limits;
  std::size_t cells_held = 0;       // gaps included
  std::size_t text_bytes_held = 0;  // a shared string counts once per cell that shows it
};

// Where a cell is, for error messages; the text is built only when there is an error.
struct CellPlace {
  const std::string& sheet_label;
  std::size_t column;
  int row;

  std::string text() const { return "ô " + column_name(column) + std::to_string(row) + " của " + sheet_label; }
};

Cell text_cell(std::string text) {
  Cell cell;
  if (!text.empty()) {
    cell.kind = CellKind::kText;
    cell.text = std::move(text);
  }
  return cell;
}

// The value of one <c>.
Result<Cell> read_cell(pugi::xml_node node, const SheetContext& context, const CellPlace& place) {
  const std::string_view type = node.attribute("t").value();
  const pugi::xml_node value_node = child(node, "v");
  const std::string value = decode_escapes(node_text(value_node));
  if (type == "inlineStr" || (type.empty() && child(node, "is"))) return text_cell(string_item_text(child(node, "is")));
  if (!value_node) return Cell{};  // formatting only, or a formula never calculated
  if (type == "s") {
    const auto index = parse_unsigned(value);
    if (!index || *index >= context.shared_strings.size()) {
      return corrupt(place.text() + " trỏ tới chuỗi không tồn tại");
    }
    return text_cell(context.shared_strings[*index]);
  }
  if (type == "str") return text_cell(value);
  Cell cell;
  if (type == "e") {
    cell.kind = CellKind::kError;
    cell.text = std::string(trim(value));
    return cell;
  }
  if (type == "b") {
    const std::string_view flag = trim(value);
    if (flag != "0" && flag != "1") return corrupt(place.text() + " có giá trị đúng/sai không hợp lệ");
    cell.kind = CellKind::kBoolean;
    cell.number = flag == "1" ? 1 : 0;
    cell.text = flag == "1" ? "TRUE" : "FALSE";
    return cell;
  }
  if (type == "d") {  // an ISO 8601 date written as text (Strict OOXML; rare)
    const auto date = CivilDate::parse_iso(trim(value).substr(0, 10));
    if (!date) return text_cell(value);
    cell.kind = CellKind::kDate;
    cell.date = date;
    cell.number = date_to_serial(*date, context.date1904);
    cell.text = date->vn();
    return cell;
  }
  if (!type.empty() && type != "n") {
    return corrupt(place.text() + " có kiểu \"" + std::string(type) + "\" không hợp lệ");
  }
  const auto number = parse_number(value);
  if (!number) return corrupt(place.text() + " có số không hợp lệ");
  cell.number = *number;
  const auto style = parse_unsigned(node.attribute("s").value()).value_or(0);
  if (context.styles.is_date(style)) {
    if (auto date = serial_to_date(*number, context.date1904)) {
      cell.kind = CellKind::kDate;
      cell.date = date;
      cell.text = date->vn();
      return cell;
    }
  }
  cell.kind = CellKind::kNumber;
  cell.text = number_text(*number);
  return cell;
}

Status read_sheet_data(pugi::xml_node worksheet, SheetContext& context, Sheet& sheet) {
  const std::string sheet_label = "trang tính " + quoted(sheet.name);
  std::size_t row_count = 0;
  int previous_row = 0;
  return each_child(child(worksheet, "sheetData"), "row", [&](pugi::xml_node row_node) -> Status {
    if (++row_count > context.limits.max_rows) {
      return too_large("Trang tính " + quoted(sheet.name) + " có quá nhiều dòng (tối đa " +
                       text::format_integer(static_cast<std::int64_t>(context.limits.max_rows)) + " dòng).");
    }
    // A row without r follows the one before it, as a cell without r does.
    Row row{previous_row + 1, {}};
    if (const pugi::xml_attribute r = row_node.attribute("r")) {
      const auto number = parse_unsigned(r.value());
      if (!number || *number < 1 || *number > static_cast<unsigned>(kExcelMaxRow)) {
        return corrupt(sheet_label + " có số dòng \"" + std::string(r.value()) + "\" không hợp lệ");
      }
      row.number = static_cast<int>(*number);
    }
    if (row.number <= previous_row || row.number > kExcelMaxRow) {
      return corrupt(sheet_label + " có dòng " + std::to_string(row.number) + " không đúng thứ tự");
    }
    previous_row = row.number;
    std::size_t next_column = 0;
    const Status cells = each_child(row_node, "c", [&](pugi::xml_node cell_node) -> Status {
      std::size_t column = next_column;
      if (const pugi::xml_attribute r = cell_node.attribute("r")) {
        const auto ref = parse_reference(r.value());
        if (!ref) return corrupt(sheet_label + " có địa chỉ ô \"" + std::string(r.value()) + "\" không hợp lệ");
        column = ref->column;
      }
      const CellPlace place{sheet_label, column, row.number};
      if (column < next_column || column >= kExcelMaxColumns) return corrupt(place.text() + " không đúng thứ tự");
      next_column = column + 1;
      auto cell = read_cell(cell_node, context, place);
      if (!cell) return std::move(cell).error();
      if (cell->empty()) return {};
      // Only values count against the column limit: Excel may format whole rows far to the right.
      if (column >= context.limits.max_columns) {
        return too_large("Trang tính " + quoted(sheet.name) + " có dữ liệu ở ô " + column_name(column) +
                         std::to_string(row.number) + ", vượt quá số cột cho phép (tối đa " +
                         text::format_integer(static_cast<std::int64_t>(context.limits.max_columns)) + " cột).");
      }
      if (row.cells.size() <= column) {
        context.cells_held += column + 1 - row.cells.size();
        if (context.cells_held > context.limits.max_cells) {
          return too_large("Tệp Excel có quá nhiều ô (tối đa " +
                           text::format_integer(static_cast<std::int64_t>(context.limits.max_cells)) + " ô).");
        }
        row.cells.resize(column + 1);
      }
      context.text_bytes_held += cell->text.size();
      if (context.text_bytes_held > context.limits.max_uncompressed) return too_large_uncompressed(context.limits);
      row.cells[column] = std::move(cell).value();
      return {};
    });
    if (!cells) return cells.error();
    if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    return {};
  });
}

}  // namespace

const Sheet* Workbook::sheet(std::string_view name) const {
  for (const Sheet& candidate : sheets) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

std::optional<CivilDate> cell_date(const Cell& cell) {
  if (cell.kind == CellKind::kDate) return cell.date;
  if (cell.kind != CellKind::kText) return std::nullopt;
  const std::string_view text = trim(cell.text);
  if (auto date = CivilDate::parse_vn(text)) return date;
  return CivilDate::parse_iso(text);
}

Result<Workbook> read_xlsx(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.size() > limits.max_bytes) {
    return too_large("Tệp Excel quá lớn: " + size_text(bytes.size()) + ", tối đa " + size_text(limits.max_bytes) + ".");
  }
  if (bytes.starts_with(kOleSignature)) {
    return invalid(
        "Tệp là bảng tính Excel cũ (.xls) hoặc đã đặt mật khẩu. Hãy mở bằng Excel và lưu lại thành tệp .xlsx "
        "không đặt mật khẩu.");
  }
  auto archive = Archive::open(bytes, limits);
  if (!archive) return std::move(archive).error();

  // The workbook part is named by the package relationships; every writer in practice uses
  // xl/workbook.xml, which is also the answer when _rels/.rels is missing.
  std::string workbook_path = "xl/workbook.xml";
  auto package = read_relationships(*archive, "");
  if (!package) return std::move(package).error();
  for (const auto& [id, relationship] : *package) {
    if (has_type(relationship, "officeDocument")) workbook_path = relationship.path;
  }
  auto workbook_content = archive->read(workbook_path);
  if (!workbook_content) return std::move(workbook_content).error();
  if (!*workbook_content) return invalid(std::string(kNotXlsx));
  pugi::xml_document workbook_document;
  TDKT_TRY(parse_xml(workbook_document, **workbook_content, workbook_path));
  const pugi::xml_node workbook_node = child(workbook_document, "workbook");
  if (!workbook_node) return invalid(std::string(kNotXlsx));  // a Word or PowerPoint file, say

  auto relationships = read_relationships(*archive, workbook_path);
  if (!relationships) return std::move(relationships).error();
  const std::string_view date1904 = child(workbook_node, "workbookPr").attribute("date1904").value();

  std::vector<std::string> shared_strings;
  Styles styles;
  for (const auto& [id, relationship] : *relationships) {
    const bool strings = has_type(relationship, "sharedStrings");
    if (!strings && !has_type(relationship, "styles")) continue;
    auto content = archive->read(relationship.path);
    if (!content) return std::move(content).error();
    if (!*content) return corrupt("thiếu phần " + relationship.path);
    // The document points into `content` (parsed in place), so it is used up in this iteration.
    pugi::xml_document document;
    TDKT_TRY(parse_xml(document, **content, relationship.path));
    if (!strings) {
      styles = Styles::parse(child(document, "styleSheet"));
      continue;
    }
    const auto status = each_child(child(document, "sst"), "si", [&](pugi::xml_node item) -> Status {
      shared_strings.push_back(string_item_text(item));
      return {};
    });
    if (!status) return status.error();
  }
  SheetContext context{shared_strings, styles, date1904 == "1" || date1904 == "true", limits};

  Workbook workbook;
  const auto status = each_child(child(workbook_node, "sheets"), "sheet", [&](pugi::xml_node node) -> Status {
    Sheet sheet;
    sheet.name = node.attribute("name").value();
    const std::string_view state = node.attribute("state").value();
    sheet.hidden = state == "hidden" || state == "veryHidden";
    const auto found = relationships->find(std::string(relationship_id(node)));
    if (found == relationships->end()) return corrupt("không tìm thấy trang tính " + quoted(sheet.name));
    if (!has_type(found->second, "worksheet")) return {};  // a chart sheet or a dialog sheet: no cells
    auto content = archive->read(found->second.path);
    if (!content) return std::move(content).error();
    if (!*content) return corrupt("không tìm thấy trang tính " + quoted(sheet.name));
    pugi::xml_document document;
    TDKT_TRY(parse_xml(document, **content, found->second.path));
    const pugi::xml_node worksheet = child(document, "worksheet");
    if (!worksheet) return corrupt("phần " + found->second.path + " không phải trang tính");
    TDKT_TRY(read_sheet_data(worksheet, context, sheet));
    workbook.sheets.push_back(std::move(sheet));
    return {};
  });
  if (!status) return status.error();
  return workbook;
}

}  // namespace tdkt::excel
