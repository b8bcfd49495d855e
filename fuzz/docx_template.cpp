// Fuzz target: the Word-template filler (documents/docx) on the template side: render_docx of a
// fixed document into template parts from the input, as an agency's own .docx template would be
// read. Input: a .docx (starting "PK\3\4", read with read_package), or template parts as text
// ("=== word/document.xml" then the part, for each part; input without such a line is
// word/document.xml itself). Promises: never a crash or an exception; a template Word cannot use
// gives a clean error; what renders is a package that reads back with its document part.

#include "documents/docx.hpp"
#include "support/fuzz_support.hpp"
#include "support/sample_document.hpp"

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect;
  using tdkt::fuzz::expect_clean_error;
  namespace documents = tdkt::documents;
  const auto input = tdkt::fuzz::as_text(data, size);
  static const auto kDocument = tdkt::fuzz::sample_document();

  documents::Package parts;
  if (input.starts_with("PK\x03\x04")) {
    auto read = documents::read_package(input);
    if (!read) {
      expect_clean_error(read.error());
      return 0;
    }
    parts = std::move(read).value();
  } else {
    for (auto& [name, body] : tdkt::fuzz::split_parts(input))
      parts.insert_or_assign(name.empty() ? "word/document.xml" : std::move(name), std::move(body));
  }

  auto docx = documents::render_docx(kDocument, parts);
  if (!docx) {
    expect_clean_error(docx.error());
    return 0;
  }
  auto back = documents::read_package(*docx);
  expect(back.ok() && back->contains("word/document.xml"), "a rendered DOCX reads back with its document part");
  return 0;
}
