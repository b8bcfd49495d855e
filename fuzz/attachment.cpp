// Fuzz target: the content check of attached files (domain/documents/attachment):
// sanitize_file_name and attachment_media_type, on what an upload carries. Input: the file name
// on the first line, the file's bytes after it. Promises: never a crash or an exception; a clean
// error for what is refused; an accepted file has one of the allowed media types.

#include "domain/documents/attachment.hpp"

#include <array>
#include <string_view>

#include "support/fuzz_support.hpp"

namespace {

bool allowed_media_type(std::string_view type) {
  constexpr std::array<std::string_view, 8> kTypes = {
      "application/pdf",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.ms-excel",
      "application/vnd.oasis.opendocument.text",
      "image/jpeg",
      "image/png",
  };
  for (const auto allowed : kTypes) {
    if (type == allowed) return true;
  }
  return false;
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect;
  using tdkt::fuzz::expect_clean_error;
  const auto input = tdkt::fuzz::as_text(data, size);
  const auto line_end = input.find('\n');
  const auto name = input.substr(0, line_end);
  const auto bytes = line_end == std::string_view::npos ? std::string_view() : input.substr(line_end + 1);

  // As the upload use case does: the name is cleaned first, the content checked against it.
  auto clean = tdkt::domain::sanitize_file_name(name);
  if (!clean) {
    expect_clean_error(clean.error());
  } else {
    expect(!clean->empty() && tdkt::text::valid_utf8(*clean), "a clean file name is valid UTF-8");
    expect(clean->find_first_of("/\\:*?\"<>|;") == std::string::npos, "a clean file name has no reserved character");
    expect(tdkt::text::length(*clean) <= 150, "a clean file name has at most 150 characters");
    auto type = tdkt::domain::attachment_media_type(bytes, *clean);
    if (type)
      expect(allowed_media_type(*type), "an accepted file has an allowed media type");
    else
      expect_clean_error(type.error());
  }
  return 0;
}
