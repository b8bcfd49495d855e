// Fuzz target: JSON request bodies (http/json_io): parse_object, check_fields on nested objects and
// the typed accessors of Fields, as every handler of /api/v1 uses them. Promises: never a crash or
// an exception; bad input gives an Error the API can write (ADR 0004); a body nested deeper than
// kMaxJsonDepth is refused (security review L10).

#include <string>

#include "http/json_io.hpp"
#include "support/fuzz_support.hpp"
#include "support/json_mutator.hpp"

namespace {

using tdkt::fuzz::expect;
using tdkt::fuzz::expect_clean_error;

// The fields of real bodies: a complaint (POST /api/v1/complaints), a council with its members
// (POST /api/v1/councils), a decision with its entries (POST /api/v1/decisions).
const std::set<std::string>& allowed() {
  static const std::set<std::string> kAllowed = {"kind",
                                                 "received_on",
                                                 "accepted_on",
                                                 "from_name",
                                                 "from_address",
                                                 "channel",
                                                 "about",
                                                 "content",
                                                 "complex",
                                                 "remote_area",
                                                 "deadline",
                                                 "deadline_reason",
                                                 "unit_id",
                                                 "name",
                                                 "term_from",
                                                 "term_to",
                                                 "document_id",
                                                 "members",
                                                 "person_id",
                                                 "role",
                                                 "position",
                                                 "review_id",
                                                 "title",
                                                 "nomination_ids",
                                                 "entries",
                                                 "honour",
                                                 "subject_id",
                                                 "about_document_id",
                                                 "about_nomination_id"};
  return kAllowed;
}

template <typename T>
void check(const tdkt::Result<T>& result) {
  if (!result) expect_clean_error(result.error());
}

void read_fields(const tdkt::http::Json& object, const std::string& prefix) {
  const tdkt::http::Fields fields(object, prefix);
  for (const auto& name : allowed()) {
    for (const bool required : {false, true}) {
      check(fields.string(name, required));
      check(fields.integer(name, required));
      check(fields.date(name, required));
    }
    check(fields.boolean(name, false));
    static_cast<void>(fields.is_null(name));
  }
}

}  // namespace

TDKT_FUZZ_JSON_MUTATOR()

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(tdkt::fuzz::as_text(data, size));
  auto parsed = tdkt::http::parse_object(body, allowed());
  if (!parsed) {
    expect_clean_error(parsed.error());
    return 0;
  }
  expect(parsed->is_object(), "parse_object gives an object");
  read_fields(*parsed, "");
  // Lists of objects, read the way handlers read "members" and "entries".
  for (const char* list : {"members", "entries"}) {
    if (!parsed->contains(list) || !parsed->at(list).is_array()) continue;
    std::size_t index = 0;
    for (const auto& item : parsed->at(list)) {
      const auto prefix = std::string(list) + "[" + std::to_string(index++) + "].";
      if (auto status = tdkt::http::check_fields(item, allowed(), prefix); !status) {
        expect_clean_error(status.error());
        continue;
      }
      read_fields(item, prefix);
    }
  }
  // What was accepted can be written back (the API echoes bodies in its answers).
  static_cast<void>(parsed->dump(-1, ' ', false, tdkt::http::Json::error_handler_t::strict));
  return 0;
}
