#pragma once
// The one check of a free-text field that every record shares: normalised (NFC, white space),
// required or not, and at most so many characters, with the Vietnamese message naming it.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace tdkt::domain {

// Normalises `value` in place; refuses it when required and empty, or longer than
// `max_characters`. `what` names the field in the message ("Trích yếu").
Status check_text_field(std::string& value, const char* field, std::size_t max_characters, bool required,
                        std::string_view what);

}  // namespace tdkt::domain
