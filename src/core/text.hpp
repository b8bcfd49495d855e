#pragma once
// Vietnamese text: accent folding for search, collation keys for sorting, name splitting and
// number formats. Backed by ICU (Debian libicu72); every function is thread-safe.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::text {

// Lower-case, accent-free form for search: "Nguyễn Văn Khang" -> "nguyen van khang",
// "Đoàn" -> "doan". Runs of anything but letters and digits become one space; no leading or
// trailing space. Invalid UTF-8 is replaced, never rejected.
std::string fold(std::string_view utf8);

// A byte-comparable key (lower-case hex) that orders strings by the Vietnamese collation of
// CLDR (a < ă < â < b ..., d < đ, tones ordered ngang, huyền, hỏi, ngã, sắc, nặng).
std::string collation_key(std::string_view utf8);

// The key by which people are listed the Vietnamese way: by given name, then middle name, then
// family name, each compared fully by the Vietnamese collation before the next is looked at.
std::string name_sort_key(std::string_view given, std::string_view middle, std::string_view family);

struct NameParts {
  std::string family;  // họ
  std::string middle;  // tên đệm (may be several words, may be empty)
  std::string given;   // tên
};

// Splits a full name written in Vietnamese order: the first word is the family name, the last
// the given name, the rest the middle name. One word is a given name alone. Whitespace is
// normalised.
NameParts split_name(std::string_view full_name);
std::string join_name(const NameParts& parts);

// Normalises to NFC and trims and collapses white space: what is stored for names and titles.
std::string normalize(std::string_view utf8);

// Upper case by the Vietnamese rules: "Ban Dân tộc" -> "BAN DÂN TỘC" (document headers).
std::string upper(std::string_view utf8);

// Vietnamese number formats: 124249.27 -> "124.249,27"; 2400 -> "2.400".
std::string format_integer(std::int64_t value);
std::string format_decimal(double value, int decimals);

// The words of a folded search text, at most `max_terms` of them: what a search matches.
std::vector<std::string> search_terms(std::string_view folded, std::size_t max_terms = 8);

// The number of characters (code points) of valid UTF-8: what a length limit shown to users counts.
std::size_t length(std::string_view utf8);

// True when the string is valid UTF-8.
bool valid_utf8(std::string_view bytes);

// The bytes with every ill-formed UTF-8 sequence replaced by U+FFFD (valid text is returned as it
// is): for quoting what a user sent in a message, which must stay writable as JSON.
std::string replace_invalid_utf8(std::string_view bytes);

}  // namespace tdkt::text
