#include "domain/text_field.hpp"

#include "core/text.hpp"

namespace tdkt::domain {

Status check_text_field(std::string& value, const char* field, std::size_t max_characters, bool required,
                        std::string_view what) {
  value = text::normalize(value);
  if (required && value.empty()) return Error::invalid(field, std::string(what) + " không được để trống.");
  if (text::length(value) > max_characters) {
    return Error::invalid(field, std::string(what) + " dài quá " + std::to_string(max_characters) + " ký tự.");
  }
  return {};
}

Status check_paragraphs(std::string& value, const std::string& field, std::size_t max_characters,
                        std::string_view what) {
  std::string out;
  std::size_t start = 0;
  while (start <= value.size()) {
    auto end = value.find('\n', start);
    if (end == std::string::npos) end = value.size();
    auto paragraph = text::normalize(std::string_view(value).substr(start, end - start));
    if (!paragraph.empty()) out += (out.empty() ? "" : "\n") + paragraph;
    start = end + 1;
  }
  if (text::length(out) > max_characters) {
    return Error::invalid(field, std::string(what) + " dài quá " +
                                     text::format_integer(static_cast<std::int64_t>(max_characters)) + " ký tự.");
  }
  value = std::move(out);
  return {};
}

}  // namespace tdkt::domain
