#pragma once
// Statistics of emulation and commendation (issue 7 points 3 and 4): grants by year, level,
// honour, unit, gender and ethnicity; registrations against grants; the targets' completion; the
// statistical forms of the Ministry of Home Affairs filled from the records; and the figures of
// the dashboard (what is outstanding today). Read-only: every figure is counted from the records
// when asked, so it never disagrees with them.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/campaign_service.hpp"
#include "app/complaint_service.hpp"
#include "app/grant_history_service.hpp"
#include "app/ports.hpp"
#include "app/target_service.hpp"
#include "domain/nominations/nomination.hpp"
#include "domain/statistics/statistical_form.hpp"
#include "domain/targets/target.hpp"

namespace tdkt::app {

// One line of a breakdown: the grants of one year, level, honour, unit, gender or ethnicity.
struct CountRow {
  std::string key;    // "2023", "province", "LDTT", "unit:3", "female", "Xtiêng"
  std::string label;  // "2023", "Chủ tịch UBND tỉnh", "Lao động tiên tiến", …
  int individuals = 0;
  int collectives = 0;
};

struct GrantBreakdowns {
  std::vector<CountRow> by_year;       // oldest first
  std::vector<CountRow> by_level;      // agency, province, prime_minister, president, then unknown
  std::vector<CountRow> by_honour;     // most granted first
  std::vector<CountRow> by_unit;       // the unit granted, or the unit a person belonged to when granted
  std::vector<CountRow> by_gender;     // persons only
  std::vector<CountRow> by_ethnicity;  // persons only; most first
  int individuals = 0;
  int collectives = 0;
};

// Registrations of one campaign for one honour, and how many of those registered were granted it
// for the campaign's year.
struct RegistrationOutcome {
  CampaignId campaign;
  int year = 0;
  std::string movement;
  std::string honour;
  std::string honour_name;
  int registered = 0;
  int granted = 0;
};

// The targets of one movement in force during the years asked, judged today.
struct MovementCompletion {
  domain::Movement movement;
  domain::ProgressSummary summary;
};

struct Statistics {
  int from_year = 0;
  int to_year = 0;
  GrantBreakdowns grants;
  std::vector<RegistrationOutcome> registrations;  // newest year first
  std::vector<MovementCompletion> targets;
};

// A statistical form filled for a reporting year.
struct FilledStatisticalForm {
  domain::statistics::StatisticalForm form;
  int year = 0;
  CivilDate from;
  CivilDate to;
  domain::statistics::FilledForm counts;
  // The grants of the form's levels that no column of the form counts: the honour's name and how
  // many, said under the form.
  std::vector<std::pair<std::string, int>> left_out;
  std::string reporter;  // the agency: issuer of its newest own document
  std::string signer_name;
};

struct DeadlineItem {
  CivilDate due;
  std::string what;  // "Hạn đăng ký thi đua: Phong trào …"
  std::string href;  // the page of the record
};

struct DashboardFigures {
  CivilDate today;
  int registrations_outstanding = 0;  // units of open campaigns that have registered nobody yet
  int open_campaigns = 0;
  std::vector<std::pair<domain::NominationStatus, int>> nominations;  // this year's, by stage
  int targets_behind = 0;  // behind plan or overdue, in movements in force today
  int targets_total = 0;
  int complaints_open = 0;
  int complaints_overdue = 0;
  std::vector<DeadlineItem> deadlines;     // within the next 60 days, soonest first
  std::vector<CountRow> grants_this_year;  // by level
};

class StatisticsService {
 public:
  // `forms` may be null (the form files failed to load): the forms are then refused with why.
  StatisticsService(Store& store, const Clock& clock, GrantHistoryService& grants, TargetService& targets,
                    CampaignService& campaigns, ComplaintService& complaints,
                    const domain::statistics::FormCatalogue* forms)
      : store_(store),
        clock_(clock),
        grants_(grants),
        targets_(targets),
        campaigns_(campaigns),
        complaints_(complaints),
        forms_(forms) {}

  // Grants of the years [from_year, to_year] (by the year they are for), within the actor's
  // people scope. Refused (field "to_year") when the years are out of order or span over 50.
  Result<Statistics> statistics(const Actor& actor, int from_year, int to_year);

  const std::vector<domain::statistics::StatisticalForm>& forms() const;
  // The form `code` filled for the reporting year `year`: the grants decided in the form's
  // reporting period (01/12 of the year before to 30/11) at the form's levels.
  Result<FilledStatisticalForm> form(const Actor& actor, const std::string& code, int year);

  Result<DashboardFigures> dashboard(const Actor& actor);

 private:
  Store& store_;
  const Clock& clock_;
  GrantHistoryService& grants_;
  TargetService& targets_;
  CampaignService& campaigns_;
  ComplaintService& complaints_;
  const domain::statistics::FormCatalogue* forms_;
};

// The label of a gender for statistics: "Nam", "Nữ", "Chưa ghi".
std::string gender_label(domain::Gender gender);

}  // namespace tdkt::app
