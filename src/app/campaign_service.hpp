#pragma once
// Use cases of registration campaigns (đăng ký thi đua): the officer opens a campaign for a
// movement and year; staff register themselves, unit heads their units and members, the officer
// anyone; unit heads confirm (consolidate) their unit's list and the officer the whole campaign,
// after which it is frozen; the officer may reopen a closed campaign until a new date; reminders
// list who must register and has not; a filled Excel form is imported all or nothing.
// Every write is one transaction with its audit record.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/access.hpp"
#include "app/import_gate.hpp"
#include "app/ports.hpp"
#include "app/records_service.hpp"

namespace tdkt::app {

// A campaign with what pages show beside it.
struct CampaignView {
  domain::Campaign campaign;
  domain::Movement movement;
  std::vector<std::string> unit_names;  // parallel to campaign.units
  // The day who must register is counted on: today, or the day the campaign closed if earlier.
  CivilDate reference_day;
  // Whether a registration made today is accepted, and if not, why.
  bool open = false;
  std::string closed_reason;
};

struct RegistrationView {
  domain::Registration registration;
  std::string subject_name;
  std::string unit_name;
};

struct RegistrationRequest {
  domain::SubjectRef subject;
  std::string honour;
  std::string note;
  // The day the registration was made. Only the system actor (the demo loader, which replays the
  // 2023 campaign) may give it; every account registers on the clock's today.
  std::optional<CivilDate> registered_on;
};

// Someone who must register, with the unit they are counted under and what they registered.
struct RosterEntry {
  domain::SubjectRef subject;
  std::string name;
  UnitId unit;
  std::vector<std::string> honours;  // registered so far
};

struct ReminderUnit {
  UnitId unit;
  std::string unit_name;
  bool consolidated = false;
  bool unit_expected = false;  // the campaign offers a collective honour
  bool unit_registered = false;
  int persons_expected = 0;
  int persons_registered = 0;
  std::vector<RosterEntry> missing_persons;
};

struct Reminders {
  CivilDate reference_day;
  std::vector<ReminderUnit> units;
  int missing_persons = 0;
  int missing_units = 0;
};

// One row of an imported form.
struct RegistrationRow {
  int row = 0;
  std::string sheet;
  domain::SubjectRef subject;
  std::string name_check;  // the name written beside the id, checked against the stored one
  std::string honour;
  std::string note;
  std::optional<CivilDate> registered_on;  // the day on the paper form; the import day when empty
};

struct RegistrationImportReport {
  bool applied = false;
  int created = 0;
  int unchanged = 0;  // already registered (a pre-filled form sent back): nothing written
  std::vector<ImportProblem> problems;
};

class CampaignService {
 public:
  // `honours`: the honour directory of the rule library (domain::honour_directory).
  CampaignService(Store& store, const Clock& clock, std::vector<domain::HonourInfo> honours)
      : store_(store), clock_(clock), honours_(std::move(honours)) {}

  const std::vector<domain::HonourInfo>& honours() const { return honours_; }

  Result<CampaignView> create(const Actor& actor, domain::Campaign campaign);
  Result<std::vector<CampaignView>> list(const Actor& actor);
  Result<CampaignView> campaign(const Actor& actor, CampaignId id);
  Result<std::vector<RegistrationView>> registrations(const Actor& actor, CampaignId id);

  Result<RegistrationView> register_subject(const Actor& actor, CampaignId id, const RegistrationRequest& request);
  Status withdraw(const Actor& actor, RegistrationId id);

  // `on` (the system actor only) is the day of the confirmation; today otherwise.
  Result<CampaignView> consolidate_unit(const Actor& actor, CampaignId id, UnitId unit,
                                        std::optional<CivilDate> on = std::nullopt);
  Result<CampaignView> consolidate(const Actor& actor, CampaignId id);
  Result<CampaignView> reopen(const Actor& actor, CampaignId id, CivilDate until);

  // Everyone who must register (the campaign's units and their members on the reference day),
  // optionally of one unit only, with what each registered.
  Result<std::vector<RosterEntry>> roster(const Actor& actor, CampaignId id, std::optional<UnitId> only);
  Result<Reminders> reminders(const Actor& actor, CampaignId id);

  // Checks every row in a read unit of work (the actor's scope and the unit tree worked out once),
  // then, unless a row is invalid or `dry_run` is set, writes them all in one short write
  // transaction, after checking again that the campaign still accepts registrations, that no
  // unit's list was confirmed and that no row was registered meanwhile (kConflict, nothing
  // written). `as_of` (the system actor only) is the day the import is made. `permit`: an
  // ImportGate's, held for the whole import. Thread-safe.
  Result<RegistrationImportReport> import(const Actor& actor, const ImportPermit& permit, CampaignId id,
                                          const std::vector<RegistrationRow>& rows, bool dry_run,
                                          std::optional<CivilDate> as_of = std::nullopt);

 private:
  // What checking a registration needs besides the row, worked out once per request: the
  // actor's scope today, and the unit tree of each registration day.
  struct Surroundings {
    Surroundings(UnitOfWork& work, const Actor& actor, CivilDate today);
    const std::map<UnitId, std::optional<UnitId>>& parents(UnitOfWork& work, CivilDate day);

    ScopeFilter scope;
    std::map<CivilDate, std::map<UnitId, std::optional<UnitId>>> parents_by_day;
  };

  Result<CampaignView> view(UnitOfWork& work, domain::Campaign campaign);
  Result<CivilDate> acting_day(const Actor& actor, const std::optional<CivilDate>& requested, const char* field);
  Result<domain::Registration> checked(UnitOfWork& work, const Actor& actor, const domain::Campaign& campaign,
                                       const RegistrationRequest& request, CivilDate day, Surroundings& around);

  Store& store_;
  const Clock& clock_;
  std::vector<domain::HonourInfo> honours_;
};

}  // namespace tdkt::app
