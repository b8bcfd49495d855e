#pragma once
// The checks of free text that every record shares: normalised (NFC, white space), required or
// not, and at most so many characters, with the Vietnamese message naming the field.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tdkt::domain {

// Normalises `value` in place; refuses it when required and empty, or longer than
// `max_characters`. `what` names the field in the message ("Trích yếu").
Status check_text_field(std::string& value, const char* field, std::size_t max_characters, bool required,
                        std::string_view what);

// A multi-line text: normalises each paragraph, drops empty ones (the paragraphs survive) and
// refuses it when longer than `max_characters`.
Status check_paragraphs(std::string& value, const std::string& field, std::size_t max_characters,
                        std::string_view what);

}  // namespace tdkt::domain
