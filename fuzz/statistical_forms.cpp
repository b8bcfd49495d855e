// Fuzz target: the statistical form files (rules_io/statistical_forms): parse_staff_categories and
// parse_statistical_form. Input: parts (see fuzz_support.hpp) "=== staff_categories.json" and
// "=== form.json"; without the first the compiled-in categories are used, input without parts is
// the form itself. Promises: never a crash or an exception; a bad file gives a clean error.

#include "rules_io/statistical_forms.hpp"

#include "rules_io/rule_files.hpp"
#include "support/fuzz_support.hpp"
#include "support/json_mutator.hpp"

namespace {

const tdkt::domain::statistics::StaffCategories& builtin_categories() {
  static const auto kCategories = [] {
    for (const auto& file : tdkt::rules_io::embedded_rule_files()) {
      if (file.path == "statistics/staff_categories.json") {
        auto categories = tdkt::rules_io::parse_staff_categories(file.data);
        tdkt::fuzz::expect(categories.ok(), "the compiled-in staff categories load");
        return std::move(categories).value();
      }
    }
    tdkt::fuzz::expect(false, "the staff categories are compiled in");
    return tdkt::domain::statistics::StaffCategories{};
  }();
  return kCategories;
}

}  // namespace

TDKT_FUZZ_JSON_MUTATOR()

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::fuzz::expect_clean_error;
  const auto parts = tdkt::fuzz::split_parts(tdkt::fuzz::as_text(data, size));
  std::optional<tdkt::domain::statistics::StaffCategories> categories;
  std::string form;
  for (const auto& [name, text] : parts) {
    if (name == "staff_categories.json") {
      auto parsed = tdkt::rules_io::parse_staff_categories(text);
      if (!parsed) {
        expect_clean_error(parsed.error());
        return 0;
      }
      categories = std::move(parsed).value();
    } else {
      form = text;
    }
  }
  auto parsed = tdkt::rules_io::parse_statistical_form(form, "statistics/form.json",
                                                       categories ? *categories : builtin_categories());
  if (!parsed) expect_clean_error(parsed.error());
  return 0;
}
