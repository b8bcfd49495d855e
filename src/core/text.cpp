#include "core/text.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <vector>

namespace tdkt::text {
namespace {

const icu::Normalizer2& nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normaliser unavailable");
  return *instance;
}

const icu::Normalizer2& nfc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* instance = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
  return *instance;
}

// One collator per thread: ICU collators are cheap to keep and this avoids any locking.
icu::Collator& vietnamese_collator() {
  // NOLINTBEGIN(clang-analyzer-cplusplus.NewDelete): false positive inside ICU's Locale
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> instance(icu::Collator::createInstance(icu::Locale("vi"), status));
    if (U_FAILURE(status) || !instance) throw std::runtime_error("ICU Vietnamese collator unavailable");
    return instance;
  }();
  return *collator;
  // NOLINTEND(clang-analyzer-cplusplus.NewDelete)
}

// Raw ICU sort key without its terminating zero byte.
std::vector<std::uint8_t> raw_sort_key(std::string_view utf8) {
  const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  auto& collator = vietnamese_collator();
  std::vector<std::uint8_t> key(64);
  int32_t length = collator.getSortKey(source, key.data(), static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    length = collator.getSortKey(source, key.data(), length);
  }
  key.resize(length > 0 ? static_cast<std::size_t>(length - 1) : 0U);
  return key;
}

void append_hex(std::string& out, const std::vector<std::uint8_t>& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (auto byte : bytes) {
    out.push_back(kDigits[byte >> 4U]);
    out.push_back(kDigits[byte & 0x0FU]);
  }
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> result;
  std::string current;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!current.empty()) result.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) result.push_back(std::move(current));
  return result;
}

std::string group_thousands(std::string digits) {
  std::string out;
  const auto n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[i]);
    const auto remaining = n - i - 1;
    if (remaining > 0 && remaining % 3 == 0) out.push_back('.');
  }
  return out;
}

}  // namespace

std::string fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString decomposed = nfd().normalize(source, status);
  if (U_FAILURE(status)) return {};
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0110 || c == 0x0111) c = 'd';  // Đ đ
    if (!u_isalnum(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    c = u_tolower(c);
    char buffer[U8_MAX_LENGTH];
    int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, U8_MAX_LENGTH, c, error);
    if (!error) out.append(buffer, static_cast<std::size_t>(length));
  }
  return out;
}

std::string collation_key(std::string_view utf8) {
  std::string out;
  append_hex(out, raw_sort_key(utf8));
  return out;
}

std::string name_sort_key(std::string_view given, std::string_view middle, std::string_view family) {
  // Each part's full key (all strengths) then "00", a byte lower than any byte inside an ICU
  // key: the next part counts only when the earlier parts are equal at every strength.
  std::string out;
  append_hex(out, raw_sort_key(given));
  out += "00";
  append_hex(out, raw_sort_key(middle));
  out += "00";
  append_hex(out, raw_sort_key(family));
  return out;
}

NameParts split_name(std::string_view full_name) {
  auto parts = words(normalize(full_name));
  NameParts result;
  if (parts.empty()) return result;
  result.given = parts.back();
  if (parts.size() == 1) return result;
  result.family = parts.front();
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    if (!result.middle.empty()) result.middle += ' ';
    result.middle += parts[i];
  }
  return result;
}

std::string join_name(const NameParts& parts) {
  std::string out;
  for (const auto* part : {&parts.family, &parts.middle, &parts.given}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

std::string normalize(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString composed = nfc().normalize(source, status);
  std::string raw;
  if (U_FAILURE(status)) return raw;
  composed.toUTF8String(raw);
  std::string out;
  for (const auto& word : words(raw)) {
    if (!out.empty()) out += ' ';
    out += word;
  }
  return out;
}

std::vector<std::string> search_terms(std::string_view folded, std::size_t max_terms) {
  std::vector<std::string> terms;
  std::size_t position = 0;
  while (position < folded.size() && terms.size() < max_terms) {
    while (position < folded.size() && folded[position] == ' ')
      ++position;
    const auto end = std::min(folded.find(' ', position), folded.size());
    if (end > position) terms.emplace_back(folded.substr(position, end - position));
    position = end;
  }
  return terms;
}

std::size_t length(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++count;  // not a continuation byte
  }
  return count;
}

std::string upper(std::string_view utf8) {
  auto value = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  value.toUpper(icu::Locale("vi"));
  std::string out;
  value.toUTF8String(out);
  return out;
}

std::string format_integer(std::int64_t value) {
  const bool negative = value < 0;
  const auto magnitude = negative ? -static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  return (negative ? "-" : "") + group_thousands(std::to_string(magnitude));
}

std::string format_decimal(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const auto scaled = static_cast<std::int64_t>(std::llround(std::fabs(value) * scale));
  const auto divisor = static_cast<std::int64_t>(scale);
  std::string out = (value < 0 && scaled != 0 ? "-" : "") + group_thousands(std::to_string(scaled / divisor));
  if (decimals > 0) {
    std::string fraction = std::to_string(scaled % divisor);
    out += ',' + std::string(static_cast<std::size_t>(decimals) - fraction.size(), '0') + fraction;
  }
  return out;
}

bool valid_utf8(std::string_view bytes) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string replace_invalid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  int32_t i = 0;
  const auto length = static_cast<int32_t>(bytes.size());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(data, i, length, c);
    if (c < 0)
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
    else
      out.append(bytes.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

}  // namespace tdkt::text
