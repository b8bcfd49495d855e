#pragma once
// The facts the eligibility engine judges: a subject's yearly records (rating, months worked,
// discipline, initiatives, unit member counts) and the grants it has received.
// Pure: no I/O. The compact record types are views over storage the caller owns, so the same
// engine runs on one JSON case and on millions of in-memory records.

#include <array>
#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace tdkt::domain::rules {

// A dense id for an honour code ("LDTT"), assigned by the HonourCatalogue of a rule library.
struct HonourId {
  static constexpr std::uint16_t kNone = 0xFFFF;
  std::uint16_t value = kNone;
  constexpr bool valid() const { return value != kNone; }
  friend constexpr auto operator<=>(HonourId, HonourId) = default;
};

enum class SubjectKind : std::uint8_t { kPerson, kUnit, kHousehold };
inline constexpr std::size_t kSubjectKindCount = 3;

// The yearly rating (đánh giá, xếp loại), ordered: a higher value is a better rating.
enum class Rating : std::uint8_t {
  kNone = 0,                  // not recorded
  kNotCompleted = 1,          // KHTNV: không hoàn thành nhiệm vụ
  kCompleted = 2,             // HTNV: hoàn thành nhiệm vụ
  kCompletedWell = 3,         // HTTNV: hoàn thành tốt nhiệm vụ
  kCompletedExcellently = 4,  // HTXSNV: hoàn thành xuất sắc nhiệm vụ
};
inline constexpr std::size_t kRatingCount = 5;

// Disciplinary sanctions, ordered from the lightest. kNone: no sanction in the year.
enum class DisciplineLevel : std::uint8_t {
  kNone = 0,
  kReprimand = 1,          // khiển trách
  kWarning = 2,            // cảnh cáo
  kSalaryDemotion = 3,     // hạ bậc lương
  kDemotion = 4,           // giáng chức
  kDismissal = 5,          // cách chức
  kForcedResignation = 6,  // buộc thôi việc
};
inline constexpr std::size_t kDisciplineLevelCount = 7;

// The scope at which an initiative (sáng kiến) was recognised, ordered: a wider scope also
// satisfies a narrower requirement.
enum class InitiativeLevel : std::uint8_t { kUnit = 1, kProvince = 2, kNational = 3 };
inline constexpr std::size_t kInitiativeLevelCount = 4;  // index 0 unused

// The type of commendation a grant was made under (Luật Thi đua, khen thưởng 2022, Điều 8).
enum class GrantType : std::uint8_t {
  kMerit,        // công trạng: the annual track; the only type that feeds merit chains by default
  kSudden,       // đột xuất
  kMovement,     // phong trào thi đua
  kThematic,     // chuyên đề
  kLongService,  // quá trình cống hiến
  kSeniority,    // niên hạn
  kForeign,      // đối ngoại
};
inline constexpr std::size_t kGrantTypeCount = 7;

// A set of grant types, as a bit mask over GrantType.
struct GrantTypes {
  std::uint8_t bits = 0;
  constexpr bool contains(GrantType type) const { return (bits >> static_cast<unsigned>(type)) & 1U; }
  constexpr void insert(GrantType type) {
    bits = static_cast<std::uint8_t>(bits | (1U << static_cast<unsigned>(type)));
  }
};

// A yes/no fact that may be unrecorded.
enum class Known : std::uint8_t { kUnknown, kNo, kYes };

// Yes/no facts of a year that conditions may require (year_flag in the rule files).
enum class YearFlag : std::uint8_t {
  kLeadsBloc,           // leads_bloc: the unit leads its emulation cluster or bloc
  kNotableAchievement,  // notable_achievement: a rated movement result or notable achievement
};

// Unit member counts for a year (only units have them). -1: not recorded.
enum class MemberField : std::uint8_t {
  kMembers,      // members
  kCompleted,    // members_completed: rated HTNV or better
  kLdtt,         // members_ldtt: members with Lao động tiên tiến for the year
  kCstdcs,       // members_cstdcs: members with Chiến sĩ thi đua cơ sở for the year
  kDisciplined,  // members_disciplined: members disciplined at warning (cảnh cáo) or heavier
};
inline constexpr std::size_t kMemberFieldCount = 5;

// Stable codes as they appear in case files and rule files.
std::string_view to_string(SubjectKind kind);
std::string_view to_string(Rating rating);
std::string_view to_string(DisciplineLevel level);
std::string_view to_string(InitiativeLevel level);
std::string_view to_string(GrantType type);
std::string_view to_string(YearFlag flag);
std::string_view to_string(MemberField field);
std::optional<SubjectKind> subject_kind_from_string(std::string_view code);
std::optional<Rating> rating_from_string(std::string_view code);  // never kNone
std::optional<DisciplineLevel> discipline_level_from_string(std::string_view code);
std::optional<InitiativeLevel> initiative_level_from_string(std::string_view code);
std::optional<GrantType> grant_type_from_string(std::string_view code);
std::optional<YearFlag> year_flag_from_string(std::string_view code);
std::optional<MemberField> member_field_from_string(std::string_view code);

// One year of one subject; 8 bytes.
struct YearRecord {
  static constexpr std::uint8_t kUnknownMonths = 0xFF;

  std::int16_t year = 0;
  Rating rating = Rating::kNone;
  std::uint8_t months_worked = kUnknownMonths;  // 0..12
  DisciplineLevel discipline = DisciplineLevel::kNone;
  bool discipline_pending = false;  // a disciplinary, investigation or inspection process is open
  Known leads_bloc = Known::kUnknown;
  Known notable_achievement = Known::kUnknown;

  Known flag(YearFlag which) const { return which == YearFlag::kLeadsBloc ? leads_bloc : notable_achievement; }
};

// A unit's member counts for the year of the YearRecord at the same index.
struct MemberCounts {
  std::array<std::int32_t, kMemberFieldCount> counts{-1, -1, -1, -1, -1};
  std::int32_t operator[](MemberField field) const { return counts[static_cast<std::size_t>(field)]; }
  std::int32_t& operator[](MemberField field) { return counts[static_cast<std::size_t>(field)]; }
};

// One honour received for one year.
struct Grant {
  HonourId honour;
  std::int16_t year = 0;
  GrantType type = GrantType::kMerit;
};

// An initiative (or accepted science project) recognised in `year`.
struct Initiative {
  std::string_view id;
  std::int16_t year = 0;
  InitiativeLevel level = InitiativeLevel::kUnit;
  bool used = false;  // already served as evidence for an honour; may not serve again
};

// What the engine reads. Spans are borrowed: the owner outlives the view.
struct SubjectView {
  SubjectKind kind = SubjectKind::kPerson;
  std::span<const YearRecord> years;      // strictly ascending by year
  std::span<const MemberCounts> members;  // units: aligned with `years`; otherwise empty
  std::span<const Grant> grants;
  std::span<const Initiative> initiatives;

  // The record of `year`, or nullptr when the year is not recorded. O(1) for consecutive years.
  const YearRecord* year(int year) const;
  // The member counts of `year`, or nullptr (not a unit, or the year is not recorded).
  const MemberCounts* members_in(int year) const;

 private:
  std::ptrdiff_t index_of(int year) const;
};

// An owning subject, as read from a case file.
struct Subject {
  std::string id;
  SubjectKind kind = SubjectKind::kPerson;
  std::optional<int> birth_year;  // persons: refuses grants and records before birth
  std::vector<YearRecord> years;
  std::vector<MemberCounts> members;
  std::vector<Grant> grants;
  std::vector<std::string> initiative_ids;  // owns the ids that `initiatives` views
  std::vector<Initiative> initiatives;

  SubjectView view() const { return {kind, years, members, grants, initiatives}; }
};

// Refuses contradictory records: a record or grant before the person was born, a grant for a
// year after `decision_year`, the same merit grant twice in a year, an initiative id recorded
// twice, more members with a title than members. The error's field names the record
// ("subject.grants[1].year").
Status check_consistency(const Subject& subject, int decision_year);

}  // namespace tdkt::domain::rules
