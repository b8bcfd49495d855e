// Fuzz target: query strings and percent-encoding (http/request): parse_query, percent_decode and
// percent_encode, which the server applies to every request target. Promises: never a crash; every
// byte string survives encode-then-decode unchanged.

#include "http/request.hpp"
#include "support/fuzz_support.hpp"

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace tdkt::http;
  using tdkt::fuzz::expect;
  const auto input = tdkt::fuzz::as_text(data, size);

  const auto params = parse_query(input);
  for (const auto& [name, value] : params)
    expect(name.size() + value.size() <= input.size(), "a decoded parameter is never longer than the query");

  const auto path = percent_decode(input, false);
  expect(path.size() <= input.size(), "decoding never lengthens");
  expect(percent_decode(percent_encode(input), false) == input, "decode(encode(x)) == x");
  expect(percent_decode(percent_encode(input), true) == input, "decode(encode(x)) == x, '+' as space too");
  const auto encoded = percent_encode(input);
  for (const char c : encoded) {
    const auto byte = static_cast<unsigned char>(c);
    expect(byte > 0x20 && byte < 0x7F && c != '&' && c != '=' && c != '+', "an encoded value is safe in a query");
  }
  return 0;
}
