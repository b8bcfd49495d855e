#pragma once
// People: staff members (with memberships over time) and people outside the agency who can
// still receive honours or recognition. A person needs no account. Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

enum class Gender { kUnspecified, kMale, kFemale };
std::string_view to_string(Gender gender);
std::optional<Gender> gender_from_string(std::string_view text);

struct Person {
  PersonId id;
  std::string family_name;  // họ
  std::string middle_name;  // tên đệm
  std::string given_name;   // tên
  Gender gender = Gender::kUnspecified;
  std::optional<int> birth_year;
  std::string ethnicity;  // dân tộc: "Kinh", "Xtiêng", "M'nông", ...
  std::string village;    // thôn, ấp, sóc
  std::string commune;    // xã, phường
  std::string province;   // tỉnh
  std::string note;

  std::string full_name() const;
};

// Fields a caller may set; the id is the store's.
struct PersonDraft {
  std::string family_name;
  std::string middle_name;
  std::string given_name;
  Gender gender = Gender::kUnspecified;
  std::optional<int> birth_year;
  std::string ethnicity;
  std::string village;
  std::string commune;
  std::string province;
  std::string note;
};

// Normalises the text fields (NFC, white space) and checks them. `current_year` bounds the
// year of birth.
Result<PersonDraft> check_person_draft(PersonDraft draft, int current_year);

// The folded text a search matches against and the Vietnamese sort key of the name.
std::string person_search_text(const PersonDraft& person);
std::string person_sort_key(const PersonDraft& person);

struct Membership {
  MembershipId id;
  PersonId person;
  UnitId unit;
  std::string position;  // chức vụ: "Trưởng ban", "Chuyên viên", ...
  Period period;
};

// A person's memberships never overlap: returns the first of `existing` that overlaps
// `candidate` (ignoring `candidate.id` itself, for updates), or nothing.
std::optional<Membership> find_overlap(const Membership& candidate, const std::vector<Membership>& existing);

Status check_membership(const Membership& candidate, const std::vector<Membership>& existing);

}  // namespace tdkt::domain
