#include "app/audit_anchor.hpp"

#include <charconv>

namespace tdkt::app {
namespace {

constexpr std::string_view kMagic = "tdkt-audit-anchor";
constexpr std::string_view kVersion = "v1";

// A value may not be empty nor hold a space or a line break: the line is split at spaces.
bool plain(std::string_view value) {
  return !value.empty() && value.find_first_of(" \t\r\n") == std::string_view::npos;
}

std::optional<std::int64_t> positive(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

std::string AuditAnchor::signed_text() const {
  return std::string(kMagic) + " " + std::string(kVersion) + "\nrecord=" + std::to_string(record) +
         "\nrecords=" + std::to_string(records) + "\nhash=" + hash + "\nat=" + at + "\nanchored_at=" + anchored_at +
         "\nkey=" + key_id + "\n";
}

std::string AuditAnchor::line() const {
  return std::string(kMagic) + " " + std::string(kVersion) + " record=" + std::to_string(record) +
         " records=" + std::to_string(records) + " hash=" + hash + " at=" + at + " anchored_at=" + anchored_at +
         " key=" + key_id + " signature=" + signature;
}

Result<AuditAnchor> parse_anchor_line(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
    line.remove_suffix(1);
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start <= line.size();) {
    auto end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) words.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  if (words.size() != 9 || words[0] != kMagic || words[1] != kVersion) {
    return Error::invalid("anchor", "Không phải một dòng mốc neo nhật ký của tdkt (tdkt-audit-anchor v1 …).");
  }
  AuditAnchor anchor;
  constexpr std::string_view kKeys[] = {"record", "records", "hash", "at", "anchored_at", "key", "signature"};
  for (std::size_t i = 0; i < std::size(kKeys); ++i) {
    const auto word = words[i + 2];
    const auto key = kKeys[i];
    if (word.substr(0, key.size()) != key || word.size() <= key.size() || word[key.size()] != '=' ||
        !plain(word.substr(key.size() + 1))) {
      return Error::invalid(std::string(key), "Dòng mốc neo thiếu hoặc sai trường \"" + std::string(key) + "\".");
    }
    const auto value = word.substr(key.size() + 1);
    if (key == "record" || key == "records") {
      const auto number = positive(value);
      if (!number) return Error::invalid(std::string(key), "Trường \"" + std::string(key) + "\" phải là số dương.");
      (key == "record" ? anchor.record : anchor.records) = *number;
    } else if (key == "hash") {
      anchor.hash = value;
    } else if (key == "at") {
      anchor.at = value;
    } else if (key == "anchored_at") {
      anchor.anchored_at = value;
    } else if (key == "key") {
      anchor.key_id = value;
    } else {
      anchor.signature = value;
    }
  }
  return anchor;
}

Result<std::vector<AuditAnchor>> parse_anchor_file(std::string_view text) {
  std::vector<AuditAnchor> anchors;
  int number = 0;
  for (std::size_t start = 0; start < text.size();) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const auto line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#') continue;
    auto anchor = parse_anchor_line(line);
    if (!anchor) {
      return Error::invalid("anchor", "Dòng " + std::to_string(number) + " của tệp mốc neo: " + anchor.error().message);
    }
    anchor->line_number = number;
    anchors.push_back(std::move(*anchor));
  }
  return anchors;
}

}  // namespace tdkt::app
