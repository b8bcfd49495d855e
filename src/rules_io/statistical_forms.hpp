#pragma once
// The statistical forms of the Ministry of Home Affairs (rules/statistics/*.json, compiled in
// with the rule files) and the categories of individuals they count apart
// (rules/statistics/staff_categories.json) → domain::statistics.

#include <string_view>

#include "core/result.hpp"
#include "domain/statistics/statistical_form.hpp"

namespace tdkt::rules_io {

Result<domain::statistics::StaffCategories> parse_staff_categories(std::string_view json);
// `path` names the file in errors. The form is checked against `categories`.
Result<domain::statistics::StatisticalForm> parse_statistical_form(
    std::string_view json, std::string_view path, const domain::statistics::StaffCategories& categories);

// The forms of the embedded files, loaded on first use. Thread-safe.
const Result<domain::statistics::FormCatalogue>& builtin_statistics();

}  // namespace tdkt::rules_io
