// Fuzz target: calendar dates typed by users and sent by clients (core/civil_date): parse_iso
// (the API), parse_vn (what users type, dd/mm/yyyy), parse_date_field, vn_instant. Promises:
// never a crash; what parses is a real date that reads back to the same text or the same day.

#include "core/civil_date.hpp"

#include "support/fuzz_support.hpp"

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::CivilDate;
  using tdkt::fuzz::expect;
  const auto input = tdkt::fuzz::as_text(data, size);

  if (const auto iso = CivilDate::parse_iso(input)) {
    expect(iso->iso() == input, "an ISO date reads back as the same text");
    expect(iso->year() >= 1 && iso->year() <= 9999, "years 1 to 9999");
    expect(CivilDate::from_ymd(iso->year(), iso->month(), iso->day()) == iso, "the day exists");
  }
  if (const auto vn = CivilDate::parse_vn(input)) {
    expect(CivilDate::parse_vn(vn->vn()) == vn, "dd/mm/yyyy reads back as the same day");
    expect(CivilDate::parse_iso(vn->iso()) == vn, "and its ISO form too");
    expect(!vn->vn_long().empty(), "the long form of a date is never empty");
  }
  auto field = tdkt::parse_date_field(input, "ngay");
  if (!field) tdkt::fuzz::expect_clean_error(field.error());
  // vn_instant shows what it cannot read as it is, so only a crash is a finding.
  static_cast<void>(tdkt::vn_instant(input));
  return 0;
}
