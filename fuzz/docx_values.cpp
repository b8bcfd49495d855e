// Fuzz target: the Word-template filler (documents/docx) on the values side: render_docx of a
// document whose every text comes from the input into the compiled-in decree30 template. Input:
// one line each for issuer_parent, issuer, number, place, date (YYYY-MM-DD), kind_name, summary,
// signer_authority, signer_position, signer_name; then blocks, one a line: ">text" a preamble
// paragraph, "-text" a recipient, "0text".."7text" a body block of that kind (heading1, heading2,
// heading3, centered, paragraph, bullet, table_header, table_row), anything else a body paragraph.
// "\n" and "\t" written as two characters stand for a line break and a tab. Promises: never a
// crash or an exception; text Word cannot hold gives a clean error; what renders reads back.
//
// Only the template parts that hold placeholders are filled (word/document.xml, docProps/core.xml):
// the others are copied through unchanged by render_docx and would only slow the fuzzer down.

#include "documents/docx.hpp"
#include "support/fuzz_support.hpp"

namespace {

namespace documents = tdkt::documents;

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && (text[i + 1] == 'n' || text[i + 1] == 't')) {
      out += text[++i] == 'n' ? '\n' : '\t';
    } else {
      out += text[i];
    }
  }
  return out;
}

const documents::Package& template_parts() {
  static const documents::Package kParts = [] {
    const auto all = documents::builtin_template("decree30");
    tdkt::fuzz::expect(all.ok(), "the decree30 template is compiled in");
    documents::Package parts;
    for (const char* name : {"word/document.xml", "docProps/core.xml", "[Content_Types].xml"})
      parts.emplace(name, all->at(name));
    return parts;
  }();
  return kParts;
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using documents::Block;
  const auto lines = tdkt::fuzz::split_lines(tdkt::fuzz::as_text(data, size));
  const auto line = [&](std::size_t i) { return i < lines.size() ? unescape(lines[i]) : std::string(); };

  documents::OfficialDocument document;
  document.issuer_parent = line(0);
  document.issuer = line(1);
  document.number = line(2);
  document.place = line(3);
  document.date = tdkt::CivilDate::parse_iso(line(4)).value_or(*tdkt::CivilDate::from_ymd(2023, 2, 3));
  document.kind_name = line(5);
  document.summary = line(6);
  document.signer_authority = line(7);
  document.signer_position = line(8);
  document.signer_name = line(9);
  for (std::size_t i = 10; i < lines.size(); ++i) {
    const auto text = unescape(lines[i]);
    const char mark = text.empty() ? ' ' : text.front();
    if (mark == '>') {
      document.preamble.push_back({Block::Kind::kParagraph, text.substr(1)});
    } else if (mark == '-') {
      document.recipients.push_back(text.substr(1));
    } else if (mark >= '0' && mark <= '7') {
      document.body.push_back({static_cast<Block::Kind>(mark - '0'), text.substr(1)});
    } else {
      document.body.push_back({Block::Kind::kParagraph, text});
    }
  }

  auto docx = documents::render_docx(document, template_parts());
  if (!docx) {
    tdkt::fuzz::expect_clean_error(docx.error());
    return 0;
  }
  auto back = documents::read_package(*docx);
  tdkt::fuzz::expect(back.ok() && back->contains("word/document.xml"), "a rendered DOCX reads back");
  return 0;
}
