#pragma once
// Yearly records and grants: what the agency records about a person or a unit each year (the
// rating, months worked, discipline, initiatives) and every honour a subject has received. These
// are the facts the eligibility engine judges (domain/rules/facts.hpp): the record types here
// are what is stored and edited, the engine's compact types are built from them.
// Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/rules/facts.hpp"

namespace tdkt::domain {

using rules::DisciplineLevel;
using rules::GrantType;
using rules::InitiativeLevel;
using rules::Rating;

// The earliest year a record may be about: older papers are kept as grants from before tdkt
// (imported), but yearly records before this are not judged by any rule set anyway.
inline constexpr int kFirstRecordYear = 1975;

// A person's year (hồ sơ năm của cá nhân). Unrecorded facts stay empty: the engine answers
// insufficient_data for what it needs and does not have, never guesses.
struct PersonYear {
  PersonId person;
  int year = 0;
  Rating rating = Rating::kNone;     // đánh giá, xếp loại; kNone: not recorded
  std::optional<int> months_worked;  // months actually worked, 0..12
  std::optional<int> leave_months;   // maternity and other leave that counts as work, 0..12
  DisciplineLevel discipline = DisciplineLevel::kNone;
  std::optional<CivilDate> discipline_date;  // the date of the disciplinary decision
  bool discipline_pending = false;           // a disciplinary, investigation or inspection process is open
  std::string pending_note;                  // what the open process is
  // A recognised achievement of the year (a movement result, a sudden feat): grounds for Giấy
  // khen and Bằng khen. Unknown until someone records it.
  rules::Known notable_achievement = rules::Known::kUnknown;
  std::string note;

  // Months that count as work for the emulation titles: worked plus counted leave, at most 12;
  // unknown when the months worked are not recorded.
  std::optional<int> counted_months() const;
};

// A unit's year (hồ sơ năm của tập thể). Member counts are optional: when absent they are
// derived from the members' own records (see app::RecordsService).
struct UnitYear {
  UnitId unit;
  int year = 0;
  Rating rating = Rating::kNone;
  std::optional<int> members;              // members in the year
  std::optional<int> members_completed;    // rated HTNV or better
  std::optional<int> members_ldtt;         // with Lao động tiên tiến
  std::optional<int> members_cstdcs;       // with Chiến sĩ thi đua cơ sở
  std::optional<int> members_disciplined;  // disciplined at warning (cảnh cáo) or heavier
  rules::Known leads_bloc = rules::Known::kUnknown;
  rules::Known notable_achievement = rules::Known::kUnknown;
  bool discipline_pending = false;  // an inspection or investigation of the unit is open
  std::string note;
};

// Whose record: a person or a unit (households are judged from case files only for now).
struct SubjectRef {
  rules::SubjectKind kind = rules::SubjectKind::kPerson;
  std::int64_t id = 0;
  friend bool operator==(const SubjectRef&, const SubjectRef&) = default;
};

// An initiative or accepted science project (sáng kiến, đề tài khoa học), recognised at a level,
// and the honour it already served as evidence for (it may serve only once).
struct InitiativeRecord {
  InitiativeId id;
  SubjectRef subject;
  int year = 0;
  std::string title;
  InitiativeLevel level = InitiativeLevel::kUnit;
  std::string recognised_by;  // the decision that recognised it: "12/QĐ-HĐSK"
  std::string used_for;       // honour code it was used for, or empty
  std::optional<int> used_for_year;
};

// Where a grant record came from.
enum class GrantSource { kEntered, kImported, kDecided };
std::string_view to_string(GrantSource source);
std::optional<GrantSource> grant_source_from_string(std::string_view text);

// An honour received (khen thưởng đã nhận), including those from before tdkt.
struct GrantRecord {
  GrantId id;
  SubjectRef subject;
  std::string honour;  // a code of the honour catalogue: "LDTT", "CSTDCS", "BK_TINH"
  int year = 0;        // the year (or period end) the honour is for
  GrantType type = GrantType::kMerit;
  std::string decision_number;  // "631/QĐ-UBND"
  std::optional<CivilDate> decision_date;
  std::string authority;  // "Chủ tịch UBND tỉnh Bình Phước"
  std::string note;
  GrantSource source = GrantSource::kEntered;
};

// Normalise and check a record; `current_year` bounds the year (a record for next year is
// refused). Errors name the field and read as Vietnamese sentences.
Result<PersonYear> check_person_year(PersonYear record, int current_year);
Result<UnitYear> check_unit_year(UnitYear record, int current_year);
Result<InitiativeRecord> check_initiative(InitiativeRecord record, int current_year);
// `known_honour` answers whether a code is in the honour catalogue.
Result<GrantRecord> check_grant(GrantRecord record, int current_year, bool known_honour);

// Vietnamese labels for pages, exports and messages.
std::string_view vietnamese_label(Rating rating);
std::string_view vietnamese_label(DisciplineLevel level);
std::string_view vietnamese_label(InitiativeLevel level);
std::string_view vietnamese_label(GrantType type);

// Parses a rating typed by a person or found in an old spreadsheet: the code ("HTXSNV"), the
// full Vietnamese phrase, with or without accents and in any case.
std::optional<Rating> parse_rating(std::string_view text);
std::optional<DisciplineLevel> parse_discipline(std::string_view text);
std::optional<InitiativeLevel> parse_initiative_level(std::string_view text);
std::optional<GrantType> parse_grant_type(std::string_view text);

}  // namespace tdkt::domain
