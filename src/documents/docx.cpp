#include "documents/docx.hpp"

#include <algorithm>
#include <map>
#include <pugixml.hpp>

#include "core/text.hpp"
#include "ooxml/xml_stream.hpp"

namespace tdkt::documents {
namespace {

// pugixml does not resolve namespaces: WordprocessingML is matched by its usual prefix, which
// Word, LibreOffice and our templates all use.
constexpr std::string_view kWordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
// Keep a w:t holding a single space (parse_ws_pcdata_single) and the XML declaration; drop the
// comments that explain the template files.
constexpr unsigned kParseOptions = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_declaration;

struct StyledText {
  std::string style;  // a paragraph style id of the template's styles.xml
  std::string text;
};

// What fills a template: {{name}} inside a paragraph takes a value; a paragraph holding only
// {{name}} of a block becomes that block's paragraphs.
struct Fill {
  std::map<std::string, std::string, std::less<>> values;
  std::map<std::string, std::vector<StyledText>, std::less<>> blocks;
};

// Text that is UTF-8 and can stand in XML 1.0: control characters other than tab and line feed
// are dropped, as are U+FFFE and U+FFFF (a pasted form feed would otherwise make the part
// unreadable to Word).
Result<std::string> clean_text(std::string_view field, std::string_view text) {
  if (!text::valid_utf8(text))
    return Error::invalid(std::string(field), "Văn bản có ký tự không đọc được (không phải UTF-8).");
  std::string clean;
  clean.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x20 && byte != '\t' && byte != '\n') continue;
    if (byte == 0xEF && text.substr(i, 3) >= "\xEF\xBF\xBE" && text.substr(i, 3) <= "\xEF\xBF\xBF") {
      i += 2;
      continue;
    }
    clean.push_back(text[i]);
  }
  return clean;
}

// "- Như trên;" and "Như trên;" both give "- Như trên;".
std::string dashed(std::string_view text) {
  if (text.starts_with("- ")) text.remove_prefix(2);
  return "- " + std::string(text);
}

// Table rows are not paragraph styles: these marks make fill_paragraph build a table.
constexpr std::string_view kTableHeader = "@table_header";
constexpr std::string_view kTableRow = "@table_row";

std::string block_style(Block::Kind kind, bool preamble) {
  switch (kind) {
    case Block::Kind::kHeading1: return "TdktHeading1";
    case Block::Kind::kHeading2: return "TdktHeading2";
    case Block::Kind::kHeading3: return "TdktHeading3";
    case Block::Kind::kCentered: return "TdktCentered";
    case Block::Kind::kBullet: return "TdktBullet";
    case Block::Kind::kTableHeader: return std::string(kTableHeader);
    case Block::Kind::kTableRow: return std::string(kTableRow);
    case Block::Kind::kParagraph: break;
  }
  return preamble ? "TdktPreamble" : "TdktBody";
}

Status add_blocks(Fill& fill, const std::string& name, const std::vector<Block>& blocks, bool preamble) {
  auto& out = fill.blocks[name];
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    auto text = clean_text(name + "[" + std::to_string(i) + "].text", blocks[i].text);
    if (!text) return std::move(text).error();
    out.push_back({block_style(blocks[i].kind, preamble),
                   blocks[i].kind == Block::Kind::kBullet ? dashed(*text) : std::move(text).value()});
  }
  return {};
}

Result<Fill> make_fill(const OfficialDocument& document) {
  if (text::normalize(document.issuer).empty())
    return Error::invalid("issuer", "Chưa có tên cơ quan ban hành văn bản.");
  if (text::normalize(document.place).empty()) return Error::invalid("place", "Chưa có địa danh nơi ban hành văn bản.");

  Fill fill;
  const std::pair<const char*, const std::string*> fields[] = {
      {"issuer_parent", &document.issuer_parent},
      {"issuer", &document.issuer},
      {"number", &document.number},
      {"place", &document.place},
      {"kind_name", &document.kind_name},
      {"summary", &document.summary},
      {"signer_authority", &document.signer_authority},
      {"signer_position", &document.signer_position},
      {"signer_name", &document.signer_name},
  };
  for (const auto& [name, value] : fields) {
    auto clean = clean_text(name, *value);
    if (!clean) return std::move(clean).error();
    fill.values.emplace(name, std::move(clean).value());
  }
  fill.values.emplace("date", official_date(document.date));
  fill.values.emplace("place_date", place_and_date(fill.values.at("place"), document.date));

  TDKT_TRY(add_blocks(fill, "preamble", document.preamble, true));
  TDKT_TRY(add_blocks(fill, "body", document.body, false));
  auto& recipients = fill.blocks["recipients"];
  for (std::size_t i = 0; i < document.recipients.size(); ++i) {
    auto text = clean_text("recipients[" + std::to_string(i) + "]", document.recipients[i]);
    if (!text) return std::move(text).error();
    recipients.push_back({"TdktRecipient", dashed(*text)});
  }
  return fill;
}

// Messages quote part and placeholder names from the template, which need not be UTF-8.
Error template_error(const std::string& message) {
  return Error::invalid("template", "Mẫu văn bản không dùng được: " + text::replace_invalid_utf8(message));
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

// Replaces every {{name}} of `text` by its value, in one pass: a value that itself contains
// "{{…}}" stays as typed. `newline` stands for '\n' in values (a space where no break exists).
Result<std::string> substitute(std::string_view text, const Fill& fill, std::string_view newline = "\n") {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t start; (start = text.find("{{", pos)) != std::string_view::npos;) {
    const auto end = text.find("}}", start + 2);
    if (end == std::string_view::npos) break;
    const auto name = trim(text.substr(start + 2, end - start - 2));
    const auto value = fill.values.find(name);
    if (value == fill.values.end()) {
      if (fill.blocks.contains(name))
        return template_error("chỗ trống {{" + std::string(name) + "}} phải đứng riêng một đoạn.");
      return template_error("không biết chỗ trống {{" + std::string(name) + "}}.");
    }
    out.append(text.substr(pos, start - pos));
    for (const char c : value->second) {
      if (c == '\n')
        out.append(newline);
      else
        out.push_back(c);
    }
    pos = end + 2;
  }
  out.append(text.substr(pos));
  return out;
}

bool named(pugi::xml_node node, std::string_view name) {
  return name == node.name();
}

// A run that holds only text (w:t, tabs, line breaks): the runs whose text makes up a
// paragraph's placeholders. Runs with fields, drawings or page breaks are left alone.
bool is_text_run(pugi::xml_node run) {
  bool has_text = false;
  for (const auto child : run.children()) {
    const std::string_view name = child.name();
    if (name == "w:t") {
      has_text = true;
    } else if (name == "w:br") {
      const std::string_view type = child.attribute("w:type").value();
      if (!type.empty() && type != "textWrapping") return false;
    } else if (name != "w:rPr" && name != "w:tab" && name != "w:cr" && name != "w:lastRenderedPageBreak") {
      return false;
    }
  }
  return has_text;
}

std::string run_text(pugi::xml_node run) {
  std::string text;
  for (const auto child : run.children()) {
    if (named(child, "w:t")) text += child.text().get();
    if (named(child, "w:tab")) text += '\t';
    if (named(child, "w:br") || named(child, "w:cr")) text += '\n';
  }
  return text;
}

// The text runs of a paragraph, also inside hyperlinks, smart tags, insertions and content
// controls, but not those of paragraphs nested in text boxes (they are paragraphs of their own).
void collect_runs(pugi::xml_node node, std::vector<pugi::xml_node>& runs) {
  for (const auto child : node.children()) {
    if (named(child, "w:r")) {
      if (is_text_run(child)) runs.push_back(child);
    } else if (child.type() == pugi::node_element && !named(child, "w:p") && !named(child, "w:pPr")) {
      collect_runs(child, runs);
    }
  }
}

void collect_paragraphs(pugi::xml_node node, std::vector<pugi::xml_node>& paragraphs) {
  for (const auto child : node.children()) {
    if (named(child, "w:p")) paragraphs.push_back(child);
    if (child.type() == pugi::node_element) collect_paragraphs(child, paragraphs);
  }
}

// Replaces the run's content (keeping its w:rPr) by `text`: '\n' becomes a line break, '\t' a tab.
void set_run_text(pugi::xml_node run, std::string_view text) {
  for (auto child = run.first_child(); child;) {
    const auto next = child.next_sibling();
    if (!named(child, "w:rPr")) run.remove_child(child);
    child = next;
  }
  std::size_t start = 0;
  const auto flush = [&](std::size_t end) {
    if (end > start) {
      auto t = run.append_child("w:t");
      t.append_attribute("xml:space").set_value("preserve");
      t.text().set(std::string(text.substr(start, end - start)).c_str());
    }
    start = end + 1;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\t') {
      flush(i);
      run.append_child(text[i] == '\n' ? "w:br" : "w:tab");
    }
  }
  flush(text.size());
}

// A bordered table the width of the text, inserted before `paragraph`.
pugi::xml_node start_table(pugi::xml_node paragraph) {
  auto table = paragraph.parent().insert_child_before("w:tbl", paragraph);
  auto properties = table.append_child("w:tblPr");
  auto width = properties.append_child("w:tblW");
  width.append_attribute("w:w").set_value("5000");
  width.append_attribute("w:type").set_value("pct");
  auto borders = properties.append_child("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    auto border = borders.append_child(side);
    border.append_attribute("w:val").set_value("single");
    border.append_attribute("w:sz").set_value("4");
    border.append_attribute("w:space").set_value("0");
    border.append_attribute("w:color").set_value("000000");
  }
  table.append_child("w:tblGrid");
  return table;
}

// One row: cells separated by tabs; a header row is bold and centred. The grid grows to the
// widest row (Word requires a w:gridCol per column).
void add_table_row(pugi::xml_node table, std::string_view text, bool header) {
  std::vector<std::string_view> cells;
  for (std::size_t start = 0;;) {
    const auto tab = text.find('\t', start);
    cells.push_back(text.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  auto grid = table.child("w:tblGrid");
  std::size_t columns = 0;
  for (auto column = grid.child("w:gridCol"); column; column = column.next_sibling("w:gridCol"))
    ++columns;
  for (; columns < cells.size(); ++columns)
    grid.append_child("w:gridCol").append_attribute("w:w").set_value("1500");
  auto row = table.append_child("w:tr");
  if (header) row.append_child("w:trPr").append_child("w:tblHeader");
  for (const auto cell_text : cells) {
    auto p = row.append_child("w:tc").append_child("w:p");
    auto properties = p.append_child("w:pPr");
    properties.append_child("w:spacing").append_attribute("w:before").set_value("40");
    if (header) properties.append_child("w:jc").append_attribute("w:val").set_value("center");
    auto run = p.append_child("w:r");
    if (header) run.append_child("w:rPr").append_child("w:b");
    const std::string line(cell_text);
    auto t = run.append_child("w:t");
    t.append_attribute("xml:space").set_value("preserve");
    t.text().set(line.c_str());
  }
}

// Removes a paragraph, unless its container (a table cell, a header) would be left without the
// paragraph it must end with: then the paragraph only loses its runs.
void drop_paragraph(pugi::xml_node paragraph) {
  auto parent = paragraph.parent();
  const bool must_end_with_paragraph =
      named(parent, "w:tc") || named(parent, "w:hdr") || named(parent, "w:ftr") || named(parent, "w:txbxContent");
  if (!must_end_with_paragraph || paragraph.next_sibling() || named(paragraph.previous_sibling(), "w:p")) {
    parent.remove_child(paragraph);
    return;
  }
  for (auto child = paragraph.first_child(); child;) {
    const auto next = child.next_sibling();
    if (!named(child, "w:pPr")) paragraph.remove_child(child);
    child = next;
  }
}

Status fill_paragraph(pugi::xml_node paragraph, const Fill& fill) {
  std::vector<pugi::xml_node> runs;
  collect_runs(paragraph, runs);
  std::string merged;
  for (const auto run : runs)
    merged += run_text(run);
  if (merged.find("{{") == std::string::npos) return {};

  const auto whole = trim(merged);
  if (whole.starts_with("{{") && whole.ends_with("}}")) {
    if (const auto block = fill.blocks.find(trim(whole.substr(2, whole.size() - 4))); block != fill.blocks.end()) {
      pugi::xml_node table;  // the table consecutive rows go into
      for (const auto& item : block->second) {
        if (item.style == kTableHeader || item.style == kTableRow) {
          if (!table) table = start_table(paragraph);
          add_table_row(table, item.text, item.style == kTableHeader);
          continue;
        }
        table = pugi::xml_node();
        auto p = paragraph.parent().insert_child_before("w:p", paragraph);
        p.append_child("w:pPr").append_child("w:pStyle").append_attribute("w:val").set_value(item.style.c_str());
        set_run_text(p.append_child("w:r"), item.text);
      }
      drop_paragraph(paragraph);
      return {};
    }
  }

  auto text = substitute(merged, fill);
  if (!text) return std::move(text).error();
  // A line made only of empty values ("{{signer_position}}" when the authority says it all)
  // would leave a blank line in the layout.
  if (trim(*text).empty()) {
    drop_paragraph(paragraph);
    return {};
  }
  // The merged text takes the first run's formatting; the other runs give up their text.
  set_run_text(runs.front(), *text);
  for (std::size_t i = 1; i < runs.size(); ++i)
    runs[i].parent().remove_child(runs[i]);
  return {};
}

// Every text node of a metadata part (docProps/core.xml: title, author).
Status fill_text_nodes(pugi::xml_node node, const Fill& fill) {
  for (auto child : node.children()) {
    if (child.type() == pugi::node_pcdata && std::string_view(child.value()).find("{{") != std::string_view::npos) {
      auto text = substitute(child.value(), fill, " ");
      if (!text) return std::move(text).error();
      child.set_value(text->c_str());
    } else if (child.type() == pugi::node_element) {
      TDKT_TRY(fill_text_nodes(child, fill));
    }
  }
  return {};
}

// A part name the package can be written with: UTF-8 without control characters (libzip refuses
// the others, which would make a template read from an agency's .docx an internal error).
bool writable_part_name(std::string_view name) {
  return !name.empty() && text::valid_utf8(name) &&
         std::none_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

// Word nests far less: a table inside a table cell adds three levels. A part is checked as a stream
// before pugixml builds its tree, so the walks above (which recurse on depth) never meet a deeper
// one, and a DOCTYPE (entity declarations) never reaches pugixml.
constexpr std::size_t kMaxPartDepth = 256;

class NoHandler final : public ooxml::XmlHandler {
 public:
  Status start(std::string_view, const ooxml::XmlAttributes&, std::size_t) override { return {}; }
  Status end(std::string_view, std::size_t) override { return {}; }
  Status text(std::string_view) override { return {}; }
};

Status check_part_shape(const std::string& name, const std::string& data) {
  NoHandler none;
  return ooxml::read_xml(data, none, kMaxPartDepth, [&name](ooxml::XmlFault fault, std::uint64_t offset) {
    switch (fault) {
      case ooxml::XmlFault::kTooDeep:
        return template_error("phần \"" + name + "\" lồng các thẻ XML sâu quá " + std::to_string(kMaxPartDepth) +
                              " cấp.");
      case ooxml::XmlFault::kDoctype: return template_error("phần \"" + name + "\" có khai báo DOCTYPE.");
      case ooxml::XmlFault::kMalformed: break;
    }
    return template_error("phần \"" + name + "\" không phải XML hợp lệ (vị trí " + std::to_string(offset) + ").");
  });
}

Result<std::string> fill_part(const std::string& name, const std::string& data, const Fill& fill) {
  TDKT_TRY(check_part_shape(name, data));
  pugi::xml_document xml;
  const auto parsed = xml.load_buffer(data.data(), data.size(), kParseOptions, pugi::encoding_utf8);
  if (!parsed) return template_error("phần \"" + name + "\" không phải XML hợp lệ (" + parsed.description() + ").");

  if (name.starts_with("word/")) {
    std::vector<pugi::xml_node> paragraphs;
    collect_paragraphs(xml, paragraphs);
    if (!paragraphs.empty() && xml.document_element().attribute("xmlns:w").value() != kWordNamespace)
      return template_error("phần \"" + name + "\" không dùng tiền tố w: cho WordprocessingML.");
    for (const auto paragraph : paragraphs)
      TDKT_TRY(fill_paragraph(paragraph, fill));
  } else if (name.starts_with("docProps/")) {
    TDKT_TRY(fill_text_nodes(xml, fill));
  }

  StringWriter writer;
  xml.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(writer.out);
}

}  // namespace

std::vector<std::string> builtin_template_names() {
  std::vector<std::string> names;
  for (const auto& file : template_files()) {
    const auto name = std::string(file.path.substr(0, file.path.find('/')));
    if (names.empty() || names.back() != name) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Result<Package> builtin_template(std::string_view name) {
  Package parts;
  if (!name.empty() && name.find('/') == std::string_view::npos) {
    for (const auto& file : template_files()) {
      if (file.path.size() > name.size() && file.path.starts_with(name) && file.path[name.size()] == '/')
        parts.emplace(file.path.substr(name.size() + 1), file.data);
    }
  }
  if (parts.empty()) return Error::not_found("Không có mẫu văn bản \"" + std::string(name) + "\".");
  return parts;
}

Result<std::string> render_docx(const OfficialDocument& document, std::string_view template_name) {
  auto parts = builtin_template(template_name);
  if (!parts) return std::move(parts).error();
  return render_docx(document, *parts);
}

Result<std::string> render_docx(const OfficialDocument& document, const Package& template_parts) {
  if (!template_parts.contains("word/document.xml")) return template_error("thiếu phần word/document.xml.");
  auto fill = make_fill(document);
  if (!fill) return std::move(fill).error();

  Package out;
  for (const auto& [name, data] : template_parts) {
    if (!writable_part_name(name)) return template_error("tên phần \"" + name + "\" không hợp lệ.");
    if (name.ends_with(".xml") || name.ends_with(".rels")) {
      auto filled = fill_part(name, data, *fill);
      if (!filled) return std::move(filled).error();
      out.emplace(name, std::move(filled).value());
    } else {
      out.emplace(name, data);
    }
  }
  return write_package(out);
}

}  // namespace tdkt::documents
