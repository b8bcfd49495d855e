#include "app/statistics_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.hpp"
#include "app/document_service.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;
namespace statistics = domain::statistics;

constexpr int kMaxYears = 50;
constexpr int kDeadlineDays = 60;

bool is_person(const domain::GrantRecord& grant) {
  return grant.subject.kind == rules::SubjectKind::kPerson;
}

// Counts into rows keyed by `key`, keeping the label of the first. rows() orders them by `order`,
// then by key.
class Tally {
 public:
  void add(const std::string& key, const std::string& label, bool person, int order = 0) {
    auto [it, inserted] = rows_.try_emplace(key, Row{CountRow{key, label, 0, 0}, order});
    (person ? it->second.row.individuals : it->second.row.collectives) += 1;
  }
  std::vector<CountRow> rows() const {
    std::vector<const Row*> sorted;
    sorted.reserve(rows_.size());
    for (const auto& [key, row] : rows_)
      sorted.push_back(&row);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Row* a, const Row* b) { return a->order < b->order; });
    std::vector<CountRow> out;
    out.reserve(sorted.size());
    for (const auto* row : sorted)
      out.push_back(row->row);
    return out;
  }
  // Most first, then by label.
  std::vector<CountRow> by_count() const {
    auto out = rows();
    std::stable_sort(out.begin(), out.end(), [](const CountRow& a, const CountRow& b) {
      const int left = a.individuals + a.collectives;
      const int right = b.individuals + b.collectives;
      return left != right ? left > right : a.label < b.label;
    });
    return out;
  }

 private:
  struct Row {
    CountRow row;
    int order = 0;
  };
  std::map<std::string, Row> rows_;
};

// What the statistics need to know of a granted person, looked up once per person.
class PeopleLookup {
 public:
  explicit PeopleLookup(UnitOfWork& work) : work_(work) {}

  const domain::Person* person(PersonId id) {
    auto [it, inserted] = people_.try_emplace(id.value);
    if (inserted) it->second = work_.people().find_person(id);
    return it->second ? &*it->second : nullptr;
  }
  // The membership the person held on `day`, if any.
  std::optional<domain::Membership> membership(PersonId id, CivilDate day) {
    auto [it, inserted] = memberships_.try_emplace(id.value);
    if (inserted) it->second = work_.people().memberships_of(id);
    for (const auto& membership : it->second) {
      if (membership.period.contains(day)) return membership;
    }
    return std::nullopt;
  }
  std::string unit_name(UnitId id) {
    auto [it, inserted] = units_.try_emplace(id.value);
    if (inserted) {
      const auto unit = work_.organisation().find_unit(id);
      it->second = unit ? unit->name : "Đơn vị mã " + std::to_string(id.value);
    }
    return it->second;
  }

 private:
  UnitOfWork& work_;
  std::map<std::int64_t, std::optional<domain::Person>> people_;
  std::map<std::int64_t, std::vector<domain::Membership>> memberships_;
  std::map<std::int64_t, std::string> units_;
};

// The day a grant was made: its decision's date, or the end of the year it is for.
CivilDate granted_on(const domain::GrantRecord& grant) {
  if (grant.decision_date) return *grant.decision_date;
  return CivilDate::from_ymd(grant.year, 12, 31).value_or(CivilDate());
}

// Counts a grant by its level: agency, province, Prime Minister, President, then unknown.
void add_level(Tally& levels, const GrantHistoryItem& item) {
  const auto& level = item.level;
  levels.add(level ? std::string(rules::to_string(*level)) : "unknown", rules::level_label(level),
             is_person(item.grant), level ? static_cast<int>(*level) : 99);
}

Status check_years(int from_year, int to_year) {
  if (from_year < 1945 || to_year > 9999) return Error::invalid("from_year", "Năm thống kê phải từ 1945 trở đi.");
  if (to_year < from_year)
    return Error::invalid(
        "to_year", "Năm cuối (" + std::to_string(to_year) + ") trước năm đầu (" + std::to_string(from_year) + ").");
  if (to_year - from_year >= kMaxYears) return Error::invalid("to_year", "Chỉ thống kê tối đa 50 năm một lần.");
  return {};
}

}  // namespace

std::string gender_label(domain::Gender gender) {
  switch (gender) {
    case domain::Gender::kMale: return "Nam";
    case domain::Gender::kFemale: return "Nữ";
    case domain::Gender::kUnspecified: break;
  }
  return "Chưa ghi";
}

Result<Statistics> StatisticsService::statistics(const Actor& actor, int from_year, int to_year) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  TDKT_TRY(check_years(from_year, to_year));
  GrantHistoryRequest request;
  request.from_year = from_year;
  request.to_year = to_year;
  auto items = grants_.list(actor, request);
  if (!items) return std::move(items).error();

  Statistics out;
  out.from_year = from_year;
  out.to_year = to_year;
  Tally years;
  Tally levels;
  Tally honours;
  Tally units;
  Tally genders;
  Tally ethnicities;
  // (subject, honour, year) of every grant, to find which registrations were granted.
  std::set<std::tuple<int, std::int64_t, std::string, int>> granted;
  {
    auto work = store_.read();
    PeopleLookup people(*work);
    const auto today = clock_.today();
    for (const auto& item : *items) {
      const auto& grant = item.grant;
      const bool person = is_person(grant);
      (person ? out.grants.individuals : out.grants.collectives) += 1;
      granted.emplace(static_cast<int>(grant.subject.kind), grant.subject.id, grant.honour, grant.year);
      years.add(std::to_string(grant.year), std::to_string(grant.year), person);
      add_level(levels, item);
      honours.add(grant.honour, item.honour_name, person);
      if (!person) {
        units.add("unit:" + std::to_string(grant.subject.id), people.unit_name(UnitId{grant.subject.id}), false);
        continue;
      }
      const PersonId id{grant.subject.id};
      const auto membership = people.membership(id, granted_on(grant));
      if (membership) {
        units.add("unit:" + std::to_string(membership->unit.value), people.unit_name(membership->unit), true);
      } else {
        units.add("none", "Không thuộc đơn vị nào của cơ quan (người có uy tín, quần chúng)", true);
      }
      const auto* found = people.person(id);
      const auto gender = found ? found->gender : domain::Gender::kUnspecified;
      genders.add(std::string(domain::to_string(gender)), gender_label(gender), true);
      const std::string ethnicity = found && !found->ethnicity.empty() ? found->ethnicity : std::string();
      ethnicities.add(ethnicity.empty() ? "-" : ethnicity, ethnicity.empty() ? "Chưa ghi" : ethnicity, true);
    }

    // Registrations of the campaigns of the years, by honour, and how many of them were granted.
    for (const auto& campaign : work->campaigns().list_campaigns()) {
      if (campaign.year < from_year || campaign.year > to_year) continue;
      const auto movement = work->movements().find_movement(campaign.movement);
      std::map<std::string, RegistrationOutcome> by_honour;
      for (const auto& registration : work->campaigns().registrations(campaign.id)) {
        // Counted within the same people scope as the grants they are compared with.
        if (registration.subject.kind == rules::SubjectKind::kPerson &&
            !person_in_scope(*work, actor, PersonId{registration.subject.id}, today))
          continue;
        auto& row = by_honour[registration.honour];
        if (row.registered == 0) {
          row.campaign = campaign.id;
          row.year = campaign.year;
          row.movement = movement ? movement->name : std::string();
          row.honour = registration.honour;
          row.honour_name = grants_.honour_name(registration.honour);
        }
        ++row.registered;
        if (granted.contains({static_cast<int>(registration.subject.kind), registration.subject.id, registration.honour,
                              campaign.year}))
          ++row.granted;
      }
      for (auto& [honour, row] : by_honour)
        out.registrations.push_back(std::move(row));
    }
    std::stable_sort(out.registrations.begin(), out.registrations.end(),
                     [](const auto& a, const auto& b) { return a.year > b.year; });
  }
  out.grants.by_year = years.rows();
  out.grants.by_level = levels.rows();
  out.grants.by_honour = honours.by_count();
  out.grants.by_unit = units.by_count();
  out.grants.by_gender = genders.by_count();
  out.grants.by_ethnicity = ethnicities.by_count();

  // Targets of the movements in force during the years, judged today.
  const auto first = CivilDate::from_ymd(from_year, 1, 1).value_or(CivilDate());
  const auto last = CivilDate::from_ymd(to_year, 12, 31).value_or(CivilDate());
  std::vector<domain::Movement> movements;
  {
    auto work = store_.read();
    movements = work->movements().list_movements({});
  }
  for (auto& movement : movements) {
    if (movement.ends_on < first || last < movement.starts_on) continue;
    auto targets = targets_.list(actor, movement.id, std::nullopt);
    if (!targets) return std::move(targets).error();
    std::vector<domain::Progress> progresses;
    for (const auto& unit : targets->units) {
      for (const auto& target : unit.targets)
        progresses.push_back(target.progress);
    }
    if (progresses.empty()) continue;
    out.targets.push_back({std::move(movement), domain::summarise(progresses)});
  }
  return out;
}

const std::vector<statistics::StatisticalForm>& StatisticsService::forms() const {
  static const std::vector<statistics::StatisticalForm> kNone;
  return forms_ ? forms_->forms : kNone;
}

Result<FilledStatisticalForm> StatisticsService::form(const Actor& actor, const std::string& code, int year) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  if (!forms_) return Error::internal("Không nạp được các biểu mẫu thống kê (rules/statistics).");
  const auto* form = forms_->find(code);
  if (!form) return Error::invalid("code", "Không có biểu mẫu thống kê số " + code + ".");
  TDKT_TRY(check_years(year, year));
  const auto period = form->period(year);
  if (!period)
    return Error::invalid("year", "Kỳ báo cáo của biểu " + code + " năm " + std::to_string(year) + " không hợp lệ.");

  FilledStatisticalForm out;
  out.form = *form;
  out.year = year;
  out.from = period->first;
  out.to = period->second;
  GrantHistoryRequest request;
  request.from_year = out.from.year() - 1;
  request.to_year = out.to.year() + 1;
  auto items = grants_.list(actor, request);
  if (!items) return std::move(items).error();

  std::vector<statistics::GrantFact> facts;
  auto work = store_.read();
  PeopleLookup people(*work);
  for (const auto& item : *items) {
    const auto& grant = item.grant;
    // Counted by the day of the decision; a grant without one by the year it is for.
    const bool in_period =
        grant.decision_date ? (out.from <= *grant.decision_date && *grant.decision_date <= out.to) : grant.year == year;
    if (!in_period) continue;
    statistics::GrantFact fact;
    fact.subject = grant.subject.kind;
    fact.honour = grant.honour;
    fact.type = grant.type;
    fact.level = item.level;
    if (is_person(grant)) {
      const auto membership = people.membership(PersonId{grant.subject.id}, granted_on(grant));
      fact.staff_category = forms_->categories.classify(membership ? membership->position : std::string());
    }
    facts.push_back(std::move(fact));
  }
  out.counts = statistics::fill(*form, facts);
  for (const auto& [honour, count] : out.counts.outside)
    out.left_out.emplace_back(grants_.honour_name(honour), count);

  const auto own = own_documents(*work);
  if (const auto* header = header_document(own, out.to)) {
    out.reporter = header->issuer;
    out.signer_name = header->signer_name;
  }
  return out;
}

Result<DashboardFigures> StatisticsService::dashboard(const Actor& actor) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  DashboardFigures out;
  out.today = clock_.today();
  const auto horizon = CivilDate::from_days(out.today.days_since_epoch() + kDeadlineDays);
  const auto soon = [&](CivilDate day) { return out.today <= day && day <= horizon; };

  // Campaigns still taking registrations: who has not registered yet, and their deadlines.
  auto campaigns = campaigns_.list(actor);
  if (!campaigns) return std::move(campaigns).error();
  for (const auto& view : *campaigns) {
    if (!view.open) continue;
    ++out.open_campaigns;
    if (domain::allows(actor.role, domain::Permission::kManageMovements)) {
      auto reminders = campaigns_.reminders(actor, view.campaign.id);
      if (reminders) out.registrations_outstanding += reminders->missing_units + reminders->missing_persons;
    }
    const auto last_day = view.campaign.closes_on();
    if (soon(last_day)) {
      out.deadlines.push_back(
          {last_day, "Hạn đăng ký thi đua năm " + std::to_string(view.campaign.year) + ": " + view.movement.name,
           "/campaigns/" + std::to_string(view.campaign.id.value)});
    }
  }

  {
    auto work = store_.read();
    NominationQuery query;
    query.year = out.today.year();
    query.units = people_units(*work, actor, out.today);  // a unit head counts their units' only
    std::map<domain::NominationStatus, int> stages;
    for (const auto& nomination : work->nominations().list(query))
      ++stages[nomination.status];
    for (const auto& [status, count] : stages)
      out.nominations.emplace_back(status, count);
  }

  // Targets of the movements in force today.
  std::vector<domain::Movement> movements;
  {
    auto work = store_.read();
    MovementQuery query;
    query.active_on = out.today;
    movements = work->movements().list_movements(query);
  }
  for (const auto& movement : movements) {
    auto targets = targets_.list(actor, movement.id, std::nullopt);
    if (!targets) return std::move(targets).error();
    for (const auto& unit : targets->units) {
      for (const auto& target : unit.targets) {
        ++out.targets_total;
        const auto status = target.progress.status;
        if (status == domain::TargetStatus::kBehind || status == domain::TargetStatus::kOverdue) ++out.targets_behind;
        if (soon(target.target.due_on) && status != domain::TargetStatus::kAchieved) {
          out.deadlines.push_back({target.target.due_on,
                                   "Hạn chỉ tiêu: " + target.target.indicator + " (" + unit.unit.name + ")",
                                   "/movements/" + std::to_string(movement.id.value) + "/targets"});
        }
      }
    }
  }

  if (domain::allows(actor.role, domain::Permission::kManageComplaints)) {
    ComplaintListRequest request;
    auto complaints = complaints_.list(actor, request);
    if (!complaints) return std::move(complaints).error();
    for (const auto& view : *complaints) {
      const auto status = view.complaint.status;
      if (status == domain::ComplaintStatus::kClosed || status == domain::ComplaintStatus::kWithdrawn ||
          status == domain::ComplaintStatus::kAnswered)
        continue;
      ++out.complaints_open;
      if (view.overdue) ++out.complaints_overdue;
      if (soon(view.complaint.deadline)) {
        out.deadlines.push_back({view.complaint.deadline,
                                 "Hạn giải quyết đơn của " + view.complaint.from_name + ": " + view.complaint.about,
                                 "/complaints/" + std::to_string(view.complaint.id.value)});
      }
    }
  }

  // The statistical forms of this year, by the day each is received by.
  if (forms_) {
    for (const auto& form : forms_->forms) {
      const auto due = form.due(out.today.year());
      if (due && soon(*due))
        out.deadlines.push_back(
            {*due, "Hạn gửi biểu thống kê " + form.code + " năm " + std::to_string(out.today.year()), "/statistics"});
    }
  }
  std::stable_sort(out.deadlines.begin(), out.deadlines.end(),
                   [](const DeadlineItem& a, const DeadlineItem& b) { return a.due < b.due; });

  GrantHistoryRequest request;
  request.from_year = out.today.year();
  request.to_year = out.today.year();
  auto items = grants_.list(actor, request);
  if (!items) return std::move(items).error();
  Tally levels;
  for (const auto& item : *items)
    add_level(levels, item);
  out.grants_this_year = levels.rows();
  return out;
}

}  // namespace tdkt::app
