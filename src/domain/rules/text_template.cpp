#include "domain/rules/text_template.hpp"

namespace tdkt::domain::rules {

std::string fill(std::string_view text, std::initializer_list<TemplateValue> values) {
  std::string out;
  out.reserve(text.size() + 32);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find('{', pos);
    const auto close = open == std::string_view::npos ? open : text.find('}', open);
    if (close == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, open - pos));
    const auto name = text.substr(open + 1, close - open - 1);
    const TemplateValue* match = nullptr;
    for (const auto& value : values) {
      if (value.name == name) match = &value;
    }
    if (match)
      out.append(match->value);
    else
      out.append(text.substr(open, close - open + 1));
    pos = close + 1;
  }
  return out;
}

std::vector<std::string_view> placeholders_in(std::string_view text) {
  std::vector<std::string_view> names;
  std::size_t pos = 0;
  while (true) {
    const auto open = text.find('{', pos);
    if (open == std::string_view::npos) break;
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) break;
    names.push_back(text.substr(open + 1, close - open - 1));
    pos = close + 1;
  }
  return names;
}

std::string join_years(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (i) out += ", ";
    out += std::to_string(years[i]);
  }
  return out;
}

}  // namespace tdkt::domain::rules
