#pragma once
// Tiny text templates: "Xếp loại năm {year}: {actual}" with named values. Pure.

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tdkt::domain::rules {

struct TemplateValue {
  std::string_view name;
  std::string value;
};

// Replaces every {name} of `text` whose name is among `values`; other braces are kept as is.
std::string fill(std::string_view text, std::initializer_list<TemplateValue> values);

// The names of the {placeholders} in `text`, in order of appearance (duplicates kept).
std::vector<std::string_view> placeholders_in(std::string_view text);

// "2023, 2024, 2025".
std::string join_years(const std::vector<int>& years);

}  // namespace tdkt::domain::rules
