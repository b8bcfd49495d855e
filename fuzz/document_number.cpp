// Fuzz target: document numbers and symbols (domain/documents/register): parse_document_number,
// which reads what officers type ("05/KH-BDT", "01/2021/TT-UBDT", "34-CT/TW") and what imports
// carry. Promises: never a crash; a clean error otherwise; what parses writes back (text()) to a
// number that parses to the same parts.

#include "domain/documents/register.hpp"
#include "support/fuzz_support.hpp"

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect;
  const auto input = tdkt::fuzz::as_text(data, size);
  auto parsed = tdkt::domain::parse_document_number(input);
  if (!parsed) {
    tdkt::fuzz::expect_clean_error(parsed.error());
    return 0;
  }
  expect(parsed->number > 0, "a document number is positive");
  expect(!parsed->symbol.empty(), "a document number has a symbol");
  auto again = tdkt::domain::parse_document_number(parsed->text());
  expect(again.ok(), "text() of a parsed number parses");
  expect(again->number == parsed->number && again->year == parsed->year && again->symbol == parsed->symbol,
         "text() of a parsed number parses to the same number, year and symbol");
  return 0;
}
