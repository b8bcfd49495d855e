#include "domain/people/person.hpp"

#include "core/text.hpp"

namespace tdkt::domain {

std::string_view to_string(Gender gender) {
  switch (gender) {
    case Gender::kMale: return "male";
    case Gender::kFemale: return "female";
    case Gender::kUnspecified: return "unspecified";
  }
  return "unspecified";
}

std::optional<Gender> gender_from_string(std::string_view text) {
  for (auto gender : {Gender::kUnspecified, Gender::kMale, Gender::kFemale}) {
    if (to_string(gender) == text) return gender;
  }
  return std::nullopt;
}

std::string Person::full_name() const {
  return text::join_name({family_name, middle_name, given_name});
}

Result<PersonDraft> check_person_draft(PersonDraft draft, int current_year) {
  for (auto* field : {&draft.family_name, &draft.middle_name, &draft.given_name, &draft.ethnicity, &draft.village,
                      &draft.commune, &draft.province}) {
    *field = text::normalize(*field);
  }
  if (draft.given_name.empty()) {
    return Error::invalid("given_name", "Cần nhập tên (ví dụ \"Khang\" trong \"Nguyễn Văn Khang\").");
  }
  struct Limit {
    const std::string* value;
    const char* field;
    const char* label;
    std::size_t max;
  };
  for (const auto& limit :
       {Limit{&draft.family_name, "family_name", "Họ", 100}, Limit{&draft.middle_name, "middle_name", "Tên đệm", 100},
        Limit{&draft.given_name, "given_name", "Tên", 100}, Limit{&draft.ethnicity, "ethnicity", "Dân tộc", 100},
        Limit{&draft.village, "village", "Thôn, ấp", 200}, Limit{&draft.commune, "commune", "Xã, phường", 200},
        Limit{&draft.province, "province", "Tỉnh", 200}, Limit{&draft.note, "note", "Ghi chú", 4000}}) {
    if (limit.value->size() > limit.max) {
      return Error::invalid(limit.field,
                            std::string(limit.label) + " dài quá " + std::to_string(limit.max) + " ký tự.");
    }
  }
  if (draft.birth_year && (*draft.birth_year < 1900 || *draft.birth_year > current_year)) {
    return Error::invalid("birth_year", "Năm sinh phải từ 1900 đến " + std::to_string(current_year) + ".");
  }
  return draft;
}

std::string person_search_text(const PersonDraft& person) {
  return text::fold(text::join_name({person.family_name, person.middle_name, person.given_name}));
}

std::string person_sort_key(const PersonDraft& person) {
  return text::name_sort_key(person.given_name, person.middle_name, person.family_name);
}

std::optional<Membership> find_overlap(const Membership& candidate, const std::vector<Membership>& existing) {
  for (const auto& other : existing) {
    if (other.id == candidate.id && candidate.id.value != 0) continue;
    if (other.person == candidate.person && other.period.overlaps(candidate.period)) return other;
  }
  return std::nullopt;
}

Status check_membership(const Membership& candidate, const std::vector<Membership>& existing) {
  if (text::normalize(candidate.position).size() > 200) {
    return Error::invalid("position", "Chức vụ dài quá 200 ký tự.");
  }
  if (!candidate.period.valid()) {
    return Error::invalid("to", "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu.");
  }
  if (auto other = find_overlap(candidate, existing)) {
    std::string span = "từ " + other->period.from.vn() +
                       (other->period.to ? " đến " + other->period.to->vn() : std::string(" (chưa kết thúc)"));
    return Error::conflict(ErrorCode::kOverlap, "from",
                           "Thời gian công tác trùng với một quá trình công tác khác " + span + ".");
  }
  return {};
}

}  // namespace tdkt::domain
