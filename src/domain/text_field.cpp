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

}  // namespace tdkt::domain
