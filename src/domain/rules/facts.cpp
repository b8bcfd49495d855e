#include "domain/rules/facts.hpp"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace tdkt::domain::rules {
namespace {

// A code table: the enum value at index i has the code codes[i].
template <typename Enum, std::size_t N>
struct Codes {
  std::array<std::pair<Enum, std::string_view>, N> entries;

  std::string_view code(Enum value) const {
    for (const auto& [candidate, text] : entries) {
      if (candidate == value) return text;
    }
    return {};
  }
  std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [candidate, code] : entries) {
      if (code == text) return candidate;
    }
    return std::nullopt;
  }
};

constexpr Codes<SubjectKind, 3> kSubjectKinds{{{
    {SubjectKind::kPerson, "person"},
    {SubjectKind::kUnit, "unit"},
    {SubjectKind::kHousehold, "household"},
}}};

constexpr Codes<Rating, 4> kRatings{{{
    {Rating::kNotCompleted, "KHTNV"},
    {Rating::kCompleted, "HTNV"},
    {Rating::kCompletedWell, "HTTNV"},
    {Rating::kCompletedExcellently, "HTXSNV"},
}}};

constexpr Codes<DisciplineLevel, 7> kDisciplineLevels{{{
    {DisciplineLevel::kNone, "none"},
    {DisciplineLevel::kReprimand, "khien_trach"},
    {DisciplineLevel::kWarning, "canh_cao"},
    {DisciplineLevel::kSalaryDemotion, "ha_bac_luong"},
    {DisciplineLevel::kDemotion, "giang_chuc"},
    {DisciplineLevel::kDismissal, "cach_chuc"},
    {DisciplineLevel::kForcedResignation, "buoc_thoi_viec"},
}}};

constexpr Codes<InitiativeLevel, 3> kInitiativeLevels{{{
    {InitiativeLevel::kUnit, "unit"},
    {InitiativeLevel::kProvince, "province"},
    {InitiativeLevel::kNational, "national"},
}}};

constexpr Codes<GrantType, 7> kGrantTypes{{{
    {GrantType::kMerit, "merit"},
    {GrantType::kSudden, "sudden"},
    {GrantType::kMovement, "movement"},
    {GrantType::kThematic, "thematic"},
    {GrantType::kLongService, "long_service"},
    {GrantType::kSeniority, "seniority"},
    {GrantType::kForeign, "foreign"},
}}};

constexpr Codes<YearFlag, 2> kYearFlags{{{
    {YearFlag::kLeadsBloc, "leads_bloc"},
    {YearFlag::kNotableAchievement, "notable_achievement"},
}}};

constexpr Codes<MemberField, 5> kMemberFields{{{
    {MemberField::kMembers, "members"},
    {MemberField::kCompleted, "members_completed"},
    {MemberField::kLdtt, "members_ldtt"},
    {MemberField::kCstdcs, "members_cstdcs"},
    {MemberField::kDisciplined, "members_disciplined"},
}}};

std::string year_field(int year) {
  return "subject.years." + std::to_string(year);
}

}  // namespace

std::string_view to_string(SubjectKind kind) {
  return kSubjectKinds.code(kind);
}
std::string_view to_string(Rating rating) {
  return kRatings.code(rating);
}
std::string_view to_string(DisciplineLevel level) {
  return kDisciplineLevels.code(level);
}
std::string_view to_string(InitiativeLevel level) {
  return kInitiativeLevels.code(level);
}
std::string_view to_string(GrantType type) {
  return kGrantTypes.code(type);
}
std::string_view to_string(YearFlag flag) {
  return kYearFlags.code(flag);
}
std::string_view to_string(MemberField field) {
  return kMemberFields.code(field);
}
std::optional<SubjectKind> subject_kind_from_string(std::string_view code) {
  return kSubjectKinds.parse(code);
}
std::optional<Rating> rating_from_string(std::string_view code) {
  return kRatings.parse(code);
}
std::optional<DisciplineLevel> discipline_level_from_string(std::string_view code) {
  return kDisciplineLevels.parse(code);
}
std::optional<InitiativeLevel> initiative_level_from_string(std::string_view code) {
  return kInitiativeLevels.parse(code);
}
std::optional<GrantType> grant_type_from_string(std::string_view code) {
  return kGrantTypes.parse(code);
}
std::optional<YearFlag> year_flag_from_string(std::string_view code) {
  return kYearFlags.parse(code);
}
std::optional<MemberField> member_field_from_string(std::string_view code) {
  return kMemberFields.parse(code);
}

std::ptrdiff_t SubjectView::index_of(int year) const {
  if (years.empty()) return -1;
  const auto guess = static_cast<std::ptrdiff_t>(year) - years.front().year;
  if (guess >= 0 && guess < static_cast<std::ptrdiff_t>(years.size()) && years[guess].year == year) return guess;
  const auto found =
      std::lower_bound(years.begin(), years.end(), year, [](const YearRecord& r, int y) { return r.year < y; });
  return found != years.end() && found->year == year ? found - years.begin() : -1;
}

const YearRecord* SubjectView::year(int year) const {
  const auto index = index_of(year);
  return index < 0 ? nullptr : &years[static_cast<std::size_t>(index)];
}

const MemberCounts* SubjectView::members_in(int year) const {
  const auto index = index_of(year);
  return index < 0 || members.empty() ? nullptr : &members[static_cast<std::size_t>(index)];
}

Status check_consistency(const Subject& subject, int decision_year) {
  if (subject.birth_year) {
    for (const auto& record : subject.years) {
      if (record.year < *subject.birth_year) {
        return Error::invalid(year_field(record.year), "Hồ sơ mâu thuẫn: có dữ liệu năm " +
                                                           std::to_string(record.year) + " trước năm sinh " +
                                                           std::to_string(*subject.birth_year) + ".");
      }
    }
  }
  std::set<std::tuple<std::uint16_t, int, GrantType>> seen_grants;
  for (std::size_t i = 0; i < subject.grants.size(); ++i) {
    const auto& grant = subject.grants[i];
    const auto field = "subject.grants[" + std::to_string(i) + "].year";
    if (subject.birth_year && grant.year < *subject.birth_year) {
      return Error::invalid(field, "Hồ sơ mâu thuẫn: khen thưởng năm " + std::to_string(grant.year) +
                                       " trước năm sinh " + std::to_string(*subject.birth_year) + ".");
    }
    if (grant.year > decision_year) {
      return Error::invalid(field, "Hồ sơ mâu thuẫn: khen thưởng năm " + std::to_string(grant.year) +
                                       " sau năm của ngày quyết định (" + std::to_string(decision_year) + ").");
    }
    if (!seen_grants.insert({grant.honour.value, grant.year, grant.type}).second) {
      return Error::invalid(
          "subject.grants[" + std::to_string(i) + "]",
          "Hồ sơ mâu thuẫn: cùng một khen thưởng được ghi hai lần cho năm " + std::to_string(grant.year) + ".");
    }
  }
  std::set<std::string_view> seen_initiatives;
  for (const auto& initiative : subject.initiatives) {
    if (!seen_initiatives.insert(initiative.id).second) {
      return Error::invalid(year_field(initiative.year) + ".initiatives",
                            "Hồ sơ mâu thuẫn: sáng kiến \"" + std::string(initiative.id) + "\" được ghi hai lần.");
    }
  }
  for (std::size_t i = 0; i < subject.members.size() && i < subject.years.size(); ++i) {
    const auto& counts = subject.members[i];
    const auto members = counts[MemberField::kMembers];
    for (auto field : {MemberField::kCompleted, MemberField::kLdtt, MemberField::kCstdcs, MemberField::kDisciplined}) {
      if (members >= 0 && counts[field] > members) {
        return Error::invalid(year_field(subject.years[i].year) + "." + std::string(to_string(field)),
                              "Hồ sơ mâu thuẫn: " + std::string(to_string(field)) + " (" +
                                  std::to_string(counts[field]) + ") lớn hơn số thành viên (" +
                                  std::to_string(members) + ") năm " + std::to_string(subject.years[i].year) + ".");
      }
    }
    if (counts[MemberField::kLdtt] >= 0 && counts[MemberField::kCstdcs] > counts[MemberField::kLdtt]) {
      return Error::invalid(
          year_field(subject.years[i].year) + ".members_cstdcs",
          "Hồ sơ mâu thuẫn: số CSTĐCS lớn hơn số LĐTT năm " + std::to_string(subject.years[i].year) + ".");
    }
  }
  return {};
}

}  // namespace tdkt::domain::rules
