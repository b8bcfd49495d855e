#pragma once
// Registration campaigns (đợt đăng ký thi đua): for a movement and a year, the units that must
// register (themselves and their members), the deadline, and the honours that may be aimed for;
// registrations (đăng ký thi đua) of persons and units; the consolidation (tổng hợp) by each
// unit's head and by the emulation officer, after which the list is frozen.
// Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/movements/movement.hpp"
#include "domain/records/records.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::domain {

// An honour as a registration sees it: its name and whether persons or units may aim for it.
// The rule library knows (HonourRule::applies_to); see honour_directory.
struct HonourInfo {
  std::string code;  // "LDTT"
  std::string name;  // "Lao động tiên tiến"
  bool for_persons = false;
  bool for_units = false;
};

// Every honour of the library, each as defined by the newest set that has it.
std::vector<HonourInfo> honour_directory(const rules::RuleLibrary& library);
const HonourInfo* find_honour(const std::vector<HonourInfo>& directory, std::string_view code);

// A unit that must register, and its head's consolidation of the unit's registrations.
struct CampaignUnit {
  UnitId unit;
  std::optional<CivilDate> consolidated_on;
  std::string consolidated_by;  // the account that confirmed
};

struct Campaign {
  CampaignId id;
  MovementId movement;
  int year = 0;
  CivilDate deadline;                        // the last day registrations are accepted
  std::optional<CivilDate> reopened_until;   // set by the officer: late registrations accepted until then
  std::vector<std::string> honours;          // codes of the honour catalogue that may be aimed for
  std::vector<CampaignUnit> units;           // the units that must register, in the order given
  std::optional<CivilDate> consolidated_on;  // the officer's consolidation: registrations frozen
  std::string consolidated_by;

  bool consolidated() const { return consolidated_on.has_value(); }
  // The last day a registration is accepted: the deadline, or the reopening date.
  CivilDate closes_on() const;
  const CampaignUnit* find_unit(UnitId unit) const;
  CampaignUnit* find_unit(UnitId unit);
};

// Where a registration came from.
enum class RegistrationSource { kEntered, kImported };
std::string_view to_string(RegistrationSource source);  // "entered", "imported"
std::optional<RegistrationSource> registration_source_from_string(std::string_view code);
std::string_view vietnamese_label(RegistrationSource source);  // "Nhập trên trang", "Nhập từ Excel"

// One registration: a person or a unit (the subject) aims for an honour in the campaign's year.
// `unit` is the unit that must register the subject is counted under: the subject unit itself,
// or the unit (or nearest ancestor) among the campaign's units of the person's membership.
struct Registration {
  RegistrationId id;
  CampaignId campaign;
  UnitId unit;
  SubjectRef subject;
  std::string honour;
  CivilDate registered_on;
  RegistrationSource source = RegistrationSource::kEntered;
  std::string note;
};

// Normalises and checks a campaign against its movement and the honour directory: a year within
// the movement's period, a deadline within the movement's period, at least one honour (each
// known, none twice) and one unit (none twice), a reopening after the deadline and within the
// movement.
Result<Campaign> check_campaign(Campaign campaign, const Movement& movement, const std::vector<HonourInfo>& directory);

// Whether a registration (or a withdrawal) made on `day` is accepted: refused with the reason
// once the campaign is consolidated, or after its deadline unless the officer reopened it until
// `day` or later. "Hạn đăng ký là 28/02/2023; đợt đăng ký đã đóng. …"
Status accepts_registration(const Campaign& campaign, CivilDate day);

// Whether the unit's registrations may still change: refused once its head confirmed them.
Status unit_open(const CampaignUnit& unit, std::string_view unit_name);

// Whether `subject_kind` may aim for `honour` in this campaign: the honour is one of the
// campaign's, and a person aims for person honours, a unit for collective ones.
Status check_registration_honour(const Campaign& campaign, const std::vector<HonourInfo>& directory,
                                 rules::SubjectKind subject_kind, const std::string& honour);

}  // namespace tdkt::domain
