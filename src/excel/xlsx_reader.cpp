#include "excel/xlsx_reader.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <unordered_map>

#include "core/text.hpp"
#include "ooxml/xml_stream.hpp"
#include "ooxml/zip_entries.hpp"

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

std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view kSpaces = " \t\r\n";
  const auto first = text.find_first_not_of(kSpaces);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpaces) - first + 1);
}

// ---- Parts: ZIP entries read as XML streams ----------------------------------------------------

// Structures the reader builds besides cells, each bounded: Excel itself stays far below.
constexpr std::size_t kMaxRelationships = 10000;  // per relationships part
constexpr std::size_t kMaxSheets = 1000;
constexpr std::size_t kMaxStyles = 65536;  // cell formats and number formats each (Excel allows 64 000)

Error too_large_part(std::string_view label, const ReadLimits& limits) {
  return too_large("Tệp Excel quá lớn: " + std::string(label) + " sau khi giải nén vượt quá " +
                   size_text(limits.max_part_bytes) + ".");
}

// The archive, read part by part under the decompression limits: a part is inflated chunk by
// chunk straight into the XML parser, and never held whole.
class Archive {
 public:
  static Result<Archive> open(std::string_view bytes, const ReadLimits& limits) {
    auto entries = ooxml::ZipEntries::open(bytes);
    if (!entries) return invalid(std::string(kNotXlsx));
    return Archive(std::move(*entries), limits);
  }

  // Streams the part `name` through `handler`; false when the archive has no such part. `label`
  // names the part in messages ("trang tính \"Cá nhân\"", "phần xl/styles.xml").
  Result<bool> read(const std::string& name, std::string_view label, ooxml::XmlHandler& handler) {
    const auto index = entries_.find(name);
    if (!index) return false;
    const auto declared = entries_.declared_size(*index);
    if (!declared) return corrupt("không đọc được phần " + name);
    if (*declared > remaining_) return too_large_uncompressed(limits_);
    if (*declared > limits_.max_part_bytes) return too_large_part(label, limits_);
    const std::uint64_t allowed = std::min<std::uint64_t>(limits_.max_part_bytes, remaining_);
    ooxml::XmlStream stream(handler, limits_.max_depth, [&name, this](ooxml::XmlFault fault, std::uint64_t offset) {
      return xml_fault(name, fault, offset);
    });
    Status parsed;
    std::uint64_t inflated = 0;
    const auto outcome = entries_.read(
        *index, allowed,
        [&](std::string_view chunk) {
          parsed = stream.feed(chunk);
          return parsed.ok();
        },
        &inflated);
    switch (outcome) {
      case ooxml::EntryRead::kComplete: break;
      case ooxml::EntryRead::kDeclaredTooLarge:
      case ooxml::EntryRead::kTooLarge:
        return allowed == remaining_ ? too_large_uncompressed(limits_) : too_large_part(label, limits_);
      case ooxml::EntryRead::kLongerThanDeclared:
      case ooxml::EntryRead::kShorterThanDeclared:
        return corrupt("phần " + name + " có kích thước khác với kích thước ghi trong tệp");
      case ooxml::EntryRead::kDamaged: return corrupt("không giải nén được phần " + name);
      case ooxml::EntryRead::kStopped: return std::move(parsed).error();
    }
    remaining_ -= inflated;
    TDKT_TRY(stream.finish());
    return true;
  }

 private:
  Archive(ooxml::ZipEntries entries, const ReadLimits& limits)
      : entries_(std::move(entries)), limits_(limits), remaining_(limits.max_uncompressed) {}

  Error xml_fault(const std::string& part, ooxml::XmlFault fault, std::uint64_t offset) const {
    switch (fault) {
      case ooxml::XmlFault::kTooDeep:
        return corrupt("phần " + part + " lồng các thẻ XML sâu quá " +
                       text::format_integer(static_cast<std::int64_t>(limits_.max_depth)) + " cấp");
      case ooxml::XmlFault::kDoctype: return corrupt("phần " + part + " có khai báo DOCTYPE, tệp Excel không có");
      case ooxml::XmlFault::kMalformed: break;
    }
    return corrupt("phần " + part + " không phải XML hợp lệ (vị trí " +
                   text::format_integer(static_cast<std::int64_t>(offset)) + ")");
  }

  ooxml::ZipEntries entries_;
  ReadLimits limits_;
  std::uint64_t remaining_;  // of the total decompressed bytes allowed
};

// ---- Text -----------------------------------------------------------------------------------

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

// The text of a shared string <si> or an inline string <is>, gathered as its elements go by:
// plain <t>, or rich-text runs <r><t>. Phonetic guides (<rPh>, Japanese) are not part of the text.
class StringItem {
 public:
  // The item's element opened at `depth`.
  void begin(std::size_t depth) {
    base_ = depth;
    run_ = 0;
    collect_ = 0;
    text_.clear();
    open_ = true;
  }
  bool open() const { return open_; }

  void start(std::string_view local, std::size_t depth) {
    if (!open_) return;
    if (depth == base_ + 1 && local == "r") run_ = depth;
    const bool direct = depth == base_ + 1 && local == "t";
    const bool in_run = run_ != 0 && depth == run_ + 1 && local == "t";
    if (collect_ == 0 && (direct || in_run)) collect_ = depth;
  }

  // Character data arriving while the innermost open element is at `depth`.
  void text(std::string_view piece, std::size_t depth) {
    if (open_ && collect_ != 0 && depth == collect_) text_ += piece;
  }

  // Returns true when this closed the item itself.
  bool end(std::size_t depth) {
    if (!open_) return false;
    if (depth == collect_) collect_ = 0;
    if (depth == run_) run_ = 0;
    if (depth != base_) return false;
    open_ = false;
    return true;
  }

  std::string take() { return decode_escapes(std::move(text_)); }

 private:
  std::size_t base_ = 0;
  std::size_t run_ = 0;      // depth of the open <r>, 0 when none
  std::size_t collect_ = 0;  // depth of the <t> being collected, 0 when none
  std::string text_;
  bool open_ = false;
};

// ---- Relationships --------------------------------------------------------------------------
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

// The <Relationship> elements of a relationships part.
class RelationshipsReader final : public ooxml::XmlHandler {
 public:
  RelationshipsReader(std::string folder, std::string part) : folder_(std::move(folder)), part_(std::move(part)) {}

  Status start(std::string_view name, const ooxml::XmlAttributes& attributes, std::size_t depth) override {
    const auto local = ooxml::local_name(name);
    if (depth == 1) root_ = local == "Relationships";
    if (depth != 2 || !root_ || local != "Relationship") return {};
    if (attributes.get("TargetMode") == "External") return {};
    if (relationships_.size() >= kMaxRelationships) return corrupt("phần " + part_ + " có quá nhiều liên kết");
    relationships_[std::string(attributes.get("Id"))] = {std::string(attributes.get("Type")),
                                                         resolve_target(folder_, attributes.get("Target"))};
    return {};
  }
  Status end(std::string_view /*name*/, std::size_t /*depth*/) override { return {}; }
  Status text(std::string_view /*piece*/) override { return {}; }

  Relationships take() { return std::move(relationships_); }

 private:
  std::string folder_;
  std::string part_;
  bool root_ = false;
  Relationships relationships_;
};

// The relationships of the part `part`, from "<folder>/_rels/<name>.rels"; empty if there are none.
Result<Relationships> read_relationships(Archive& archive, const std::string& part) {
  const std::string folder = folder_of(part);
  const std::string rels_path = folder + "_rels/" + part.substr(folder.size()) + ".rels";
  RelationshipsReader reader(folder, rels_path);
  auto found = archive.read(rels_path, "phần " + rels_path, reader);
  if (!found) return std::move(found).error();
  return reader.take();
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
  bool is_date(std::size_t style) const { return style < date_.size() && date_[style]; }

 private:
  friend class StylesReader;
  std::vector<bool> date_;
};

// The number formats and cell formats of the styles part. A cell format may come before the
// number format it names, so formats are resolved at the end.
class StylesReader final : public ooxml::XmlHandler {
 public:
  explicit StylesReader(std::string part) : part_(std::move(part)) {}

  Status start(std::string_view name, const ooxml::XmlAttributes& attributes, std::size_t depth) override {
    const auto local = ooxml::local_name(name);
    if (depth == 1) root_ = local == "styleSheet";
    if (!root_) return {};
    if (depth == 2) {
      // The first <numFmts> and the first <cellXfs> only.
      in_formats_ = local == "numFmts" && !formats_seen_;
      in_cell_formats_ = local == "cellXfs" && !cell_formats_seen_;
      formats_seen_ = formats_seen_ || in_formats_;
      cell_formats_seen_ = cell_formats_seen_ || in_cell_formats_;
      return {};
    }
    if (depth != 3) return {};
    if (in_formats_ && local == "numFmt") {
      if (custom_.size() >= kMaxStyles) return corrupt("phần " + part_ + " có quá nhiều định dạng số");
      if (auto id = parse_unsigned(attributes.get("numFmtId")))
        custom_[*id] = is_date_format(attributes.get("formatCode"));
    } else if (in_cell_formats_ && local == "xf") {
      if (cell_formats_.size() >= kMaxStyles) return corrupt("phần " + part_ + " có quá nhiều định dạng ô");
      cell_formats_.push_back(parse_unsigned(attributes.get("numFmtId")).value_or(0));
    }
    return {};
  }
  Status end(std::string_view /*name*/, std::size_t depth) override {
    if (depth == 2) in_formats_ = in_cell_formats_ = false;
    return {};
  }
  Status text(std::string_view /*piece*/) override { return {}; }

  Styles take() const {
    Styles styles;
    for (const unsigned id : cell_formats_) {
      const auto found = custom_.find(id);  // a file may redefine a built-in id
      styles.date_.push_back(found != custom_.end() ? found->second : is_builtin_date_format(id));
    }
    return styles;
  }

 private:
  std::string part_;
  bool root_ = false;
  bool in_formats_ = false;
  bool in_cell_formats_ = false;
  bool formats_seen_ = false;
  bool cell_formats_seen_ = false;
  std::unordered_map<unsigned, bool> custom_;
  std::vector<unsigned> cell_formats_;  // the number format of each cell format, in order
};

// ---- Shared strings and the workbook -------------------------------------------------------

class SharedStringsReader final : public ooxml::XmlHandler {
 public:
  SharedStringsReader(std::vector<std::string>& strings, const ReadLimits& limits)
      : strings_(strings), limits_(limits) {}

  Status start(std::string_view name, const ooxml::XmlAttributes& /*attributes*/, std::size_t depth) override {
    const auto local = ooxml::local_name(name);
    depth_ = depth;
    if (depth == 1) root_ = local == "sst";
    if (!root_) return {};
    if (depth == 2 && local == "si") {
      if (strings_.size() >= limits_.max_shared_strings) {
        return too_large("Tệp Excel có quá nhiều chuỗi dùng chung (tối đa " +
                         text::format_integer(static_cast<std::int64_t>(limits_.max_shared_strings)) + " chuỗi).");
      }
      item_.begin(depth);
    } else {
      item_.start(local, depth);
    }
    return {};
  }
  Status end(std::string_view /*name*/, std::size_t depth) override {
    if (item_.end(depth)) strings_.push_back(item_.take());
    depth_ = depth - 1;
    return {};
  }
  Status text(std::string_view piece) override {
    item_.text(piece, depth_);
    return {};
  }

 private:
  std::vector<std::string>& strings_;
  const ReadLimits& limits_;
  bool root_ = false;
  std::size_t depth_ = 0;
  StringItem item_;
};

struct SheetEntry {
  std::string name;
  bool hidden = false;
  std::string relationship;  // the r:id
};

class WorkbookReader final : public ooxml::XmlHandler {
 public:
  Status start(std::string_view name, const ooxml::XmlAttributes& attributes, std::size_t depth) override {
    const auto local = ooxml::local_name(name);
    if (depth == 1) {
      // A Word or PowerPoint file, say: a package whose main part is no workbook.
      if (local != "workbook") return invalid(std::string(kNotXlsx));
      return {};
    }
    if (depth == 2) {
      in_sheets_ = local == "sheets" && !sheets_seen_;
      sheets_seen_ = sheets_seen_ || in_sheets_;
      if (local == "workbookPr" && !properties_seen_) {
        properties_seen_ = true;
        const auto flag = attributes.get("date1904");
        date1904 = flag == "1" || flag == "true";
      }
      return {};
    }
    if (depth == 3 && in_sheets_ && local == "sheet") {
      if (sheets.size() >= kMaxSheets) return corrupt("sổ có quá nhiều trang tính");
      const auto state = attributes.get("state");
      sheets.push_back({std::string(attributes.get("name")), state == "hidden" || state == "veryHidden",
                        std::string(attributes.prefixed("id"))});
    }
    return {};
  }
  Status end(std::string_view /*name*/, std::size_t depth) override {
    if (depth == 2) in_sheets_ = false;
    return {};
  }
  Status text(std::string_view /*piece*/) override { return {}; }

  bool date1904 = false;
  std::vector<SheetEntry> sheets;

 private:
  bool in_sheets_ = false;
  bool sheets_seen_ = false;
  bool properties_seen_ = false;
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

// What one <c> held, gathered while it was read.
struct CellParts {
  std::string type;  // the t attribute
  unsigned style = 0;
  bool has_value = false;   // a <v>
  std::string value;        // its text, escapes not yet decoded
  bool has_inline = false;  // an <is>
  std::string inline_text;
};

// The value of one <c>.
Result<Cell> read_cell(CellParts& parts, const SheetContext& context, const CellPlace& place) {
  const std::string_view type = parts.type;
  if (type == "inlineStr" || (type.empty() && parts.has_inline)) return text_cell(std::move(parts.inline_text));
  if (!parts.has_value) return Cell{};  // formatting only, or a formula never calculated
  const std::string value = decode_escapes(std::move(parts.value));
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
  if (context.styles.is_date(parts.style)) {
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

// A worksheet part, read row by row: <worksheet><sheetData><row><c><v>|<is>. Every limit is
// checked as the element that would exceed it is read.
class SheetReader final : public ooxml::XmlHandler {
 public:
  SheetReader(SheetContext& context, Sheet& sheet, std::string part)
      : context_(context), sheet_(sheet), part_(std::move(part)), label_("trang tính " + quoted(sheet.name)) {}

  Status start(std::string_view name, const ooxml::XmlAttributes& attributes, std::size_t depth) override {
    const auto local = ooxml::local_name(name);
    depth_ = depth;
    if (depth == 1) {
      if (local != "worksheet") return corrupt("phần " + part_ + " không phải trang tính");
      return {};
    }
    if (depth == 2) {
      in_data_ = local == "sheetData" && !data_seen_;  // the first <sheetData> only
      data_seen_ = data_seen_ || in_data_;
      return {};
    }
    if (!in_data_) return {};
    if (depth == 3 && local == "row") return start_row(attributes);
    if (!in_row_) return {};
    if (depth == 4 && local == "c") return start_cell(attributes);
    if (!in_cell_) return {};
    if (depth == 5 && local == "v" && !parts_.has_value) {
      parts_.has_value = true;
      in_value_ = true;
    } else if (depth == 5 && local == "is" && !parts_.has_inline) {
      parts_.has_inline = true;
      item_.begin(depth);
    } else {
      item_.start(local, depth);
    }
    return {};
  }

  Status end(std::string_view /*name*/, std::size_t depth) override {
    depth_ = depth - 1;
    if (in_cell_) {
      if (depth == 5) in_value_ = false;
      if (item_.end(depth)) parts_.inline_text = item_.take();
      if (depth == 4) return finish_cell();
      return {};
    }
    if (in_row_ && depth == 3) return finish_row();
    if (in_data_ && depth == 2) in_data_ = false;
    return {};
  }

  Status text(std::string_view piece) override {
    if (in_value_ && depth_ == 5) {
      parts_.value += piece;
    } else if (in_cell_) {
      item_.text(piece, depth_);
    }
    return {};
  }

 private:
  Status start_row(const ooxml::XmlAttributes& attributes) {
    if (++row_count_ > context_.limits.max_rows) {
      return too_large("Trang tính " + quoted(sheet_.name) + " có quá nhiều dòng (tối đa " +
                       text::format_integer(static_cast<std::int64_t>(context_.limits.max_rows)) + " dòng).");
    }
    // A row without r follows the one before it, as a cell without r does.
    row_ = Row{previous_row_ + 1, {}};
    if (attributes.has("r")) {
      const auto r = attributes.get("r");
      const auto number = parse_unsigned(r);
      if (!number || *number < 1 || *number > static_cast<unsigned>(kExcelMaxRow)) {
        return corrupt(label_ + " có số dòng \"" + std::string(r) + "\" không hợp lệ");
      }
      row_.number = static_cast<int>(*number);
    }
    if (row_.number <= previous_row_ || row_.number > kExcelMaxRow) {
      return corrupt(label_ + " có dòng " + std::to_string(row_.number) + " không đúng thứ tự");
    }
    previous_row_ = row_.number;
    next_column_ = 0;
    in_row_ = true;
    return {};
  }

  Status finish_row() {
    in_row_ = false;
    if (!row_.cells.empty()) sheet_.rows.push_back(std::move(row_));
    row_ = Row{};
    return {};
  }

  Status start_cell(const ooxml::XmlAttributes& attributes) {
    column_ = next_column_;
    if (attributes.has("r")) {
      const auto r = attributes.get("r");
      const auto ref = parse_reference(r);
      if (!ref) return corrupt(label_ + " có địa chỉ ô \"" + std::string(r) + "\" không hợp lệ");
      column_ = ref->column;
    }
    const CellPlace place{label_, column_, row_.number};
    if (column_ < next_column_ || column_ >= kExcelMaxColumns) return corrupt(place.text() + " không đúng thứ tự");
    next_column_ = column_ + 1;
    parts_ = CellParts{};
    parts_.type = attributes.get("t");
    parts_.style = parse_unsigned(attributes.get("s")).value_or(0);
    in_cell_ = true;
    return {};
  }

  Status finish_cell() {
    in_cell_ = false;
    in_value_ = false;
    const CellPlace place{label_, column_, row_.number};
    auto cell = read_cell(parts_, context_, place);
    parts_ = CellParts{};
    if (!cell) return std::move(cell).error();
    if (cell->empty()) return {};
    const auto& limits = context_.limits;
    // Only values count against the column limit: Excel may format whole rows far to the right.
    if (column_ >= limits.max_columns) {
      return too_large("Trang tính " + quoted(sheet_.name) + " có dữ liệu ở ô " + column_name(column_) +
                       std::to_string(row_.number) + ", vượt quá số cột cho phép (tối đa " +
                       text::format_integer(static_cast<std::int64_t>(limits.max_columns)) + " cột).");
    }
    if (row_.cells.size() <= column_) {
      context_.cells_held += column_ + 1 - row_.cells.size();
      if (context_.cells_held > limits.max_cells) {
        return too_large("Tệp Excel có quá nhiều ô (tối đa " +
                         text::format_integer(static_cast<std::int64_t>(limits.max_cells)) + " ô).");
      }
      row_.cells.resize(column_ + 1);
    }
    context_.text_bytes_held += cell->text.size();
    if (context_.text_bytes_held > limits.max_uncompressed) return too_large_uncompressed(limits);
    if (context_.text_bytes_held > limits.max_text_bytes) {
      return too_large("Tệp Excel quá lớn: chữ trong các ô vượt quá " + size_text(limits.max_text_bytes) + ".");
    }
    row_.cells[column_] = std::move(cell).value();
    return {};
  }

  SheetContext& context_;
  Sheet& sheet_;
  std::string part_;
  std::string label_;
  std::size_t depth_ = 0;  // of the innermost open element
  bool in_data_ = false;
  bool data_seen_ = false;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_value_ = false;
  std::size_t row_count_ = 0;
  int previous_row_ = 0;
  Row row_;
  std::size_t next_column_ = 0;
  std::size_t column_ = 0;
  CellParts parts_;
  StringItem item_;
};

}  // namespace

const Sheet* Workbook::sheet(std::string_view name) const {
  for (const Sheet& candidate : sheets) {
    if (candidate.name == name) return &candidate;
  }
  return nullptr;
}

std::string column_name(std::size_t column) {
  std::string name;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
    name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return name;
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
  WorkbookReader workbook_part;
  auto found = archive->read(workbook_path, "phần " + workbook_path, workbook_part);
  if (!found) return std::move(found).error();
  if (!*found) return invalid(std::string(kNotXlsx));

  auto relationships = read_relationships(*archive, workbook_path);
  if (!relationships) return std::move(relationships).error();

  std::vector<std::string> shared_strings;
  Styles styles;
  for (const auto& [id, relationship] : *relationships) {
    const std::string label = "phần " + relationship.path;
    if (has_type(relationship, "sharedStrings")) {
      SharedStringsReader reader(shared_strings, limits);
      auto read = archive->read(relationship.path, label, reader);
      if (!read) return std::move(read).error();
      if (!*read) return corrupt("thiếu phần " + relationship.path);
    } else if (has_type(relationship, "styles")) {
      StylesReader reader(relationship.path);
      auto read = archive->read(relationship.path, label, reader);
      if (!read) return std::move(read).error();
      if (!*read) return corrupt("thiếu phần " + relationship.path);
      styles = reader.take();
    }
  }
  SheetContext context{shared_strings, styles, workbook_part.date1904, limits};

  Workbook workbook;
  for (auto& entry : workbook_part.sheets) {
    Sheet sheet;
    sheet.name = std::move(entry.name);
    sheet.hidden = entry.hidden;
    const auto relationship = relationships->find(entry.relationship);
    if (relationship == relationships->end()) return corrupt("không tìm thấy trang tính " + quoted(sheet.name));
    if (!has_type(relationship->second, "worksheet")) continue;  // a chart sheet or a dialog sheet: no cells
    SheetReader reader(context, sheet, relationship->second.path);
    auto read = archive->read(relationship->second.path, "trang tính " + quoted(sheet.name), reader);
    if (!read) return std::move(read).error();
    if (!*read) return corrupt("không tìm thấy trang tính " + quoted(sheet.name));
    workbook.sheets.push_back(std::move(sheet));
  }
  return workbook;
}

}  // namespace tdkt::excel
