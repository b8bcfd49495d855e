#pragma once
// Helpers shared by the fuzz targets (fuzz/*.cpp). A target defines LLVMFuzzerTestOneInput; it is
// linked with libFuzzer in the `fuzz` preset and with replay_main.cpp everywhere else
// (docs/adr/0014-fuzzing.md). A target fails by aborting: an exception that escapes a parser, a
// sanitizer report, or a broken promise checked with expect().

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"

namespace tdkt::fuzz {

// The fuzzer's bytes as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts (a finding for libFuzzer, a failed ctest for the replay driver) when `condition` is false.
inline void expect(bool condition, const char* promise) {
  if (condition) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
  std::abort();
}

// What every refusal of bad input promises (ADR 0004): a message for the user, and a message and
// field the API can write as JSON (valid UTF-8, or nlohmann's dump() throws).
// With TDKT_FUZZ_VERBOSE set, the error is also printed: how to see why a seed is refused.
inline void expect_clean_error(const Error& error) {
  static const bool kVerbose = std::getenv("TDKT_FUZZ_VERBOSE") != nullptr;
  if (kVerbose) std::fprintf(stderr, "refused: [%s] %s\n", error.field.c_str(), error.message.c_str());
  if (error.code == ErrorCode::kInternal) std::fprintf(stderr, "fuzz: internal error: %s\n", error.message.c_str());
  expect(error.code != ErrorCode::kInternal, "bad input is refused as bad input, not as an internal error");
  expect(!error.message.empty(), "an error carries a message");
  expect(text::valid_utf8(error.message), "an error message is valid UTF-8");
  expect(text::valid_utf8(error.field), "an error field is valid UTF-8");
}

// Splits `input` into named parts, each introduced by a line "=== NAME": the format of the seeds
// of the targets whose input is a package of files (a workbook's parts, a template's parts, a set
// of rule files). Text before the first such line is returned under the name "".
inline std::vector<std::pair<std::string, std::string>> split_parts(std::string_view input) {
  constexpr std::string_view kMark = "=== ";
  std::vector<std::pair<std::string, std::string>> parts;
  std::string_view rest = input;
  std::string name;
  bool named = false;
  std::string body;
  const auto flush = [&] {
    if (named || !body.empty()) parts.emplace_back(std::move(name), std::move(body));
    name.clear();
    body.clear();
  };
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const auto line = rest.substr(0, end == std::string_view::npos ? rest.size() : end + 1);
    rest.remove_prefix(line.size());
    if (line.starts_with(kMark)) {
      flush();
      named = true;
      name = std::string(line.substr(kMark.size()));
      if (!name.empty() && name.back() == '\n') name.pop_back();
    } else {
      body.append(line);
    }
  }
  flush();
  return parts;
}

// The lines of `input`, without their line feeds.
inline std::vector<std::string_view> split_lines(std::string_view input) {
  std::vector<std::string_view> lines;
  while (!input.empty()) {
    const auto end = input.find('\n');
    lines.push_back(input.substr(0, end));
    if (end == std::string_view::npos) break;
    input.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace tdkt::fuzz
