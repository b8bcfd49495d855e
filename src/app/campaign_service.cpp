#include "app/campaign_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.hpp"
#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

constexpr std::size_t kNoteLength = 500;

Error campaign_not_found(CampaignId id) {
  return Error::not_found("Không tìm thấy đợt đăng ký mã " + std::to_string(id.value) + ".");
}

Error forbidden(const Actor& actor, const std::string& what) {
  return {ErrorCode::kForbidden,
          "Tài khoản \"" + actor.name + "\" (vai trò: " + std::string(domain::vietnamese_label(actor.role)) +
              ") không được " + what + ".",
          ""};
}

std::string optional_date(const std::optional<CivilDate>& day) {
  return day ? day->iso() : std::string();
}

Snapshot snapshot(const domain::Campaign& campaign) {
  std::string honours;
  for (const auto& code : campaign.honours)
    honours += (honours.empty() ? "" : ",") + code;
  std::string units;
  for (const auto& unit : campaign.units) {
    units += (units.empty() ? "" : ",") + std::to_string(unit.unit.value);
    if (unit.consolidated_on) units += ":" + unit.consolidated_on->iso();
  }
  return {{"movement_id", std::to_string(campaign.movement.value)},
          {"year", std::to_string(campaign.year)},
          {"deadline", campaign.deadline.iso()},
          {"reopened_until", optional_date(campaign.reopened_until)},
          {"honours", honours},
          {"units", units},
          {"consolidated_on", optional_date(campaign.consolidated_on)},
          {"consolidated_by", campaign.consolidated_by}};
}

Snapshot snapshot(const domain::Registration& registration) {
  return {{"campaign_id", std::to_string(registration.campaign.value)},
          {"unit_id", std::to_string(registration.unit.value)},
          {"subject_kind", std::string(rules::to_string(registration.subject.kind))},
          {"subject_id", std::to_string(registration.subject.id)},
          {"honour", registration.honour},
          {"registered_on", registration.registered_on.iso()},
          {"source", std::string(domain::to_string(registration.source))},
          {"note", registration.note}};
}

std::string unit_name(UnitOfWork& work, UnitId id) {
  auto unit = work.organisation().find_unit(id);
  return unit ? unit->name : "đơn vị mã " + std::to_string(id.value);
}

std::string subject_name(UnitOfWork& work, const domain::SubjectRef& subject) {
  if (subject.kind == rules::SubjectKind::kUnit) return unit_name(work, UnitId{subject.id});
  auto person = work.people().find_person(PersonId{subject.id});
  return person ? person->full_name() : "cá nhân mã " + std::to_string(subject.id);
}

// The units valid on `day` and their parents.
std::map<UnitId, std::optional<UnitId>> parents_on(UnitOfWork& work, CivilDate day) {
  std::map<UnitId, std::optional<UnitId>> parents;
  for (const auto& unit : work.organisation().units_valid_on(day))
    parents[unit.id] = unit.parent;
  return parents;
}

// The campaign's unit that `start` is counted under on the day `parents` describes: `start`
// itself or its nearest ancestor among the campaign's units.
std::optional<UnitId> campaign_unit_above(const domain::Campaign& campaign,
                                          const std::map<UnitId, std::optional<UnitId>>& parents, UnitId start) {
  std::optional<UnitId> cursor = start;
  for (int depth = 0; cursor && depth < 64; ++depth) {
    if (campaign.find_unit(*cursor)) return cursor;
    const auto up = parents.find(*cursor);
    if (up == parents.end()) return std::nullopt;
    cursor = up->second;
  }
  return std::nullopt;
}

// The campaign's unit the subject is counted under on `day`, or why there is none.
Result<UnitId> counted_under(UnitOfWork& work, const domain::Campaign& campaign, const domain::SubjectRef& subject,
                             CivilDate day, const std::map<UnitId, std::optional<UnitId>>& parents) {
  if (subject.kind == rules::SubjectKind::kUnit) {
    const UnitId unit{subject.id};
    if (!parents.contains(unit)) {
      return Error::invalid("subject_id",
                            "Đơn vị \"" + unit_name(work, unit) + "\" không hoạt động vào ngày " + day.vn() + ".");
    }
    if (auto found = campaign_unit_above(campaign, parents, unit)) return *found;
    return Error::invalid(
        "subject_id", "Đơn vị \"" + unit_name(work, unit) + "\" không thuộc các đơn vị phải đăng ký trong đợt này.");
  }
  for (const auto& membership : work.people().memberships_of(PersonId{subject.id})) {
    if (!membership.period.contains(day)) continue;
    if (auto found = campaign_unit_above(campaign, parents, membership.unit)) return *found;
  }
  return Error::invalid("subject_id", subject_name(work, subject) +
                                          " không công tác tại đơn vị nào phải đăng ký "
                                          "trong đợt này vào ngày " +
                                          day.vn() + ".");
}

bool has_collective_honour(const domain::Campaign& campaign, const std::vector<domain::HonourInfo>& honours) {
  return std::any_of(campaign.honours.begin(), campaign.honours.end(), [&](const std::string& code) {
    const auto* info = domain::find_honour(honours, code);
    return info && info->for_units;
  });
}

// Whether the actor may register for (or withdraw the registration of) `subject`: staff only
// themselves, a unit head the units and members of their subtree, the officer anyone.
// `scope`: the actor's scope today, worked out once per request.
Status require_register_for(const Actor& actor, const domain::SubjectRef& subject, ScopeFilter& scope) {
  TDKT_TRY(require(actor, domain::Permission::kRegister));
  if (domain::people_scope(actor.role) == domain::PeopleScope::kOwnUnit) {
    if (subject.kind == rules::SubjectKind::kPerson && actor.person && actor.person->value == subject.id) return {};
    return forbidden(actor,
                     "đăng ký thay người khác hoặc thay đơn vị; công chức, viên chức chỉ đăng ký cho chính mình");
  }
  if (subject.kind == rules::SubjectKind::kPerson) {
    if (scope.covers_person(PersonId{subject.id})) return {};
    return forbidden(actor, "đăng ký cho cá nhân ngoài phạm vi đơn vị được giao");
  }
  if (scope.covers_unit(UnitId{subject.id})) return {};
  return forbidden(actor, "đăng ký cho đơn vị ngoài phạm vi được giao");
}

Status check_subject_exists(UnitOfWork& work, const domain::SubjectRef& subject) {
  if (subject.kind == rules::SubjectKind::kPerson) {
    if (work.people().find_person(PersonId{subject.id})) return {};
    return Error::invalid("subject_id", "Không có cá nhân mã " + std::to_string(subject.id) + ".");
  }
  if (subject.kind == rules::SubjectKind::kUnit) {
    if (work.organisation().find_unit(UnitId{subject.id})) return {};
    return Error::invalid("subject_id", "Không có đơn vị mã " + std::to_string(subject.id) + ".");
  }
  return Error::invalid("subject_kind", "Đối tượng đăng ký là cá nhân (person) hoặc tập thể (unit).");
}

}  // namespace

Result<CivilDate> CampaignService::acting_day(const Actor& actor, const std::optional<CivilDate>& requested,
                                              const char* field) {
  const auto today = clock_.today();
  if (!requested) return today;
  if (actor.account) {
    return Error::invalid(field, "Ngày đăng ký là ngày thực hiện; không ghi lùi hoặc ghi trước ngày đăng ký.");
  }
  if (*requested > today) return Error::invalid(field, "Ngày đăng ký " + requested->vn() + " chưa đến.");
  return *requested;
}

Result<CampaignView> CampaignService::view(UnitOfWork& work, domain::Campaign campaign) {
  auto movement = work.movements().find_movement(campaign.movement);
  if (!movement)
    return Error::internal("Đợt đăng ký mã " + std::to_string(campaign.id.value) + " không có phong trào.");
  CampaignView view;
  view.reference_day = std::min(clock_.today(), campaign.closes_on());
  for (const auto& unit : campaign.units)
    view.unit_names.push_back(unit_name(work, unit.unit));
  if (auto accepted = domain::accepts_registration(campaign, clock_.today()); accepted) {
    view.open = true;
  } else {
    view.closed_reason = accepted.error().message;
  }
  view.movement = std::move(*movement);
  view.campaign = std::move(campaign);
  return view;
}

Result<CampaignView> CampaignService::create(const Actor& actor, domain::Campaign campaign) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto movement = work->movements().find_movement(campaign.movement);
  if (!movement) {
    return Error::invalid("movement_id", "Không có phong trào mã " + std::to_string(campaign.movement.value) + ".");
  }
  campaign.id = CampaignId{};
  campaign.reopened_until.reset();
  campaign.consolidated_on.reset();
  campaign.consolidated_by.clear();
  for (auto& unit : campaign.units) {
    unit.consolidated_on.reset();
    unit.consolidated_by.clear();
  }
  auto checked = domain::check_campaign(std::move(campaign), *movement, honours_);
  if (!checked) return std::move(checked).error();
  if (auto existing = work->campaigns().find_campaign_for(checked->movement, checked->year)) {
    return Error::conflict(ErrorCode::kConflict, "year",
                           "Phong trào \"" + movement->name + "\" đã có đợt đăng ký năm " +
                               std::to_string(checked->year) + " (mã " + std::to_string(existing->id.value) + ").");
  }
  for (std::size_t i = 0; i < checked->units.size(); ++i) {
    auto unit = work->organisation().find_unit(checked->units[i].unit);
    const std::string field = "unit_ids[" + std::to_string(i) + "]";
    if (!unit) return Error::invalid(field, "Không có đơn vị mã " + std::to_string(checked->units[i].unit.value) + ".");
    if (!unit->valid_on(checked->deadline)) {
      return Error::invalid(
          field, "Đơn vị \"" + unit->name + "\" không hoạt động vào hạn đăng ký " + checked->deadline.vn() + ".");
    }
  }
  checked->id = work->campaigns().insert_campaign(*checked);
  work->audit({actor.name, "campaign", checked->id.value, "create", std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  auto result = view(*work, std::move(*checked));
  if (!result) return result;
  work->commit();
  return result;
}

Result<std::vector<CampaignView>> CampaignService::list(const Actor& actor) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  std::vector<CampaignView> views;
  for (auto& campaign : work->campaigns().list_campaigns()) {
    auto item = view(*work, std::move(campaign));
    if (!item) return std::move(item).error();
    views.push_back(std::move(*item));
  }
  return views;
}

Result<CampaignView> CampaignService::campaign(const Actor& actor, CampaignId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  auto work = store_.read();
  auto found = work->campaigns().find_campaign(id);
  if (!found) return campaign_not_found(id);
  return view(*work, std::move(*found));
}

Result<std::vector<RegistrationView>> CampaignService::registrations(const Actor& actor, CampaignId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  if (!work->campaigns().find_campaign(id)) return campaign_not_found(id);
  ScopeFilter scope(*work, actor, clock_.today());
  std::vector<RegistrationView> views;
  for (auto& registration : work->campaigns().registrations(id)) {
    if (!scope.covers(registration.subject)) continue;  // a unit head's subtree, a staff member's unit
    RegistrationView item;
    item.subject_name = subject_name(*work, registration.subject);
    item.unit_name = unit_name(*work, registration.unit);
    item.registration = std::move(registration);
    views.push_back(std::move(item));
  }
  return views;
}

CampaignService::Surroundings::Surroundings(UnitOfWork& work, const Actor& actor, CivilDate today)
    : scope(work, actor, today) {}

const std::map<UnitId, std::optional<UnitId>>& CampaignService::Surroundings::parents(UnitOfWork& work, CivilDate day) {
  auto found = parents_by_day.find(day);
  if (found == parents_by_day.end()) found = parents_by_day.emplace(day, parents_on(work, day)).first;
  return found->second;
}

Result<domain::Registration> CampaignService::checked(UnitOfWork& work, const Actor& actor,
                                                      const domain::Campaign& campaign,
                                                      const RegistrationRequest& request, CivilDate day,
                                                      Surroundings& around) {
  TDKT_TRY(check_subject_exists(work, request.subject));
  TDKT_TRY(require_register_for(actor, request.subject, around.scope));
  domain::Registration registration;
  registration.campaign = campaign.id;
  registration.subject = request.subject;
  registration.honour = text::normalize(request.honour);
  registration.note = request.note;
  registration.registered_on = day;
  TDKT_TRY(domain::check_text_field(registration.note, "note", kNoteLength, false, "Ghi chú"));
  TDKT_TRY(domain::check_registration_honour(campaign, honours_, registration.subject.kind, registration.honour));
  auto unit = counted_under(work, campaign, registration.subject, day, around.parents(work, day));
  if (!unit) return std::move(unit).error();
  registration.unit = *unit;
  TDKT_TRY(domain::unit_open(*campaign.find_unit(*unit), unit_name(work, *unit)));
  return registration;
}

Result<RegistrationView> CampaignService::register_subject(const Actor& actor, CampaignId id,
                                                           const RegistrationRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kRegister));
  auto day = acting_day(actor, request.registered_on, "registered_on");
  if (!day) return std::move(day).error();
  auto work = store_.write();
  auto campaign = work->campaigns().find_campaign(id);
  if (!campaign) return campaign_not_found(id);
  TDKT_TRY(domain::accepts_registration(*campaign, *day));
  Surroundings around(*work, actor, clock_.today());
  auto registration = checked(*work, actor, *campaign, request, *day, around);
  if (!registration) return std::move(registration).error();
  for (const auto& other : work->campaigns().registrations(id)) {
    if (other.subject == registration->subject && other.honour == registration->honour) {
      return Error::conflict(ErrorCode::kConflict, "honour",
                             subject_name(*work, other.subject) + " đã đăng ký danh hiệu " + other.honour +
                                 " trong đợt này ngày " + other.registered_on.vn() + ".");
    }
  }
  registration->id = work->campaigns().insert_registration(*registration);
  work->audit({actor.name, "registration", registration->id.value, "create", std::nullopt, snapshot(*registration)},
              clock_.now_iso());
  RegistrationView result{*registration, subject_name(*work, registration->subject),
                          unit_name(*work, registration->unit)};
  work->commit();
  return result;
}

Status CampaignService::withdraw(const Actor& actor, RegistrationId id) {
  TDKT_TRY(require(actor, domain::Permission::kRegister));
  auto work = store_.write();
  auto registration = work->campaigns().find_registration(id);
  if (!registration) return Error::not_found("Không tìm thấy đăng ký mã " + std::to_string(id.value) + ".");
  ScopeFilter scope(*work, actor, clock_.today());
  TDKT_TRY(require_register_for(actor, registration->subject, scope));
  auto campaign = work->campaigns().find_campaign(registration->campaign);
  if (campaign->consolidated()) {
    TDKT_TRY(domain::accepts_registration(*campaign, clock_.today()));
  }
  if (const auto* unit = campaign->find_unit(registration->unit)) {
    TDKT_TRY(domain::unit_open(*unit, unit_name(*work, registration->unit)));
  }
  work->campaigns().delete_registration(id);
  work->audit({actor.name, "registration", id.value, "delete", snapshot(*registration), std::nullopt},
              clock_.now_iso());
  work->commit();
  return {};
}

Result<CampaignView> CampaignService::consolidate_unit(const Actor& actor, CampaignId id, UnitId unit,
                                                       std::optional<CivilDate> on) {
  TDKT_TRY(require(actor, domain::Permission::kRegister));
  auto day = acting_day(actor, on, "on");
  if (!day) return std::move(day).error();
  auto work = store_.write();
  auto campaign = work->campaigns().find_campaign(id);
  if (!campaign) return campaign_not_found(id);
  auto* entry = campaign->find_unit(unit);
  if (!entry) return Error::not_found("Đơn vị mã " + std::to_string(unit.value) + " không phải đăng ký trong đợt này.");
  if (!domain::allows(actor.role, domain::Permission::kManageMovements)) {
    const auto units = people_units(*work, actor, clock_.today());
    const bool head = domain::people_scope(actor.role) == domain::PeopleScope::kSubtree && units &&
                      std::find(units->begin(), units->end(), unit) != units->end();
    if (!head)
      return forbidden(actor, "xác nhận tổng hợp đăng ký của đơn vị này; chỉ trưởng đơn vị hoặc cán bộ thi đua");
  }
  if (campaign->consolidated()) {
    TDKT_TRY(domain::accepts_registration(*campaign, clock_.today()));
  }
  const auto before = snapshot(*campaign);
  TDKT_TRY(domain::unit_open(*entry, unit_name(*work, unit)));
  entry->consolidated_on = *day;
  entry->consolidated_by = actor.name;
  work->campaigns().update_campaign(*campaign);
  work->audit({actor.name, "campaign", id.value, "consolidate_unit", before, snapshot(*campaign)}, clock_.now_iso());
  auto result = view(*work, std::move(*campaign));
  if (!result) return result;
  work->commit();
  return result;
}

Result<CampaignView> CampaignService::consolidate(const Actor& actor, CampaignId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto campaign = work->campaigns().find_campaign(id);
  if (!campaign) return campaign_not_found(id);
  if (campaign->consolidated()) {
    return Error::conflict(ErrorCode::kConflict, "campaign",
                           "Đợt đăng ký đã được tổng hợp ngày " + campaign->consolidated_on->vn() + ".");
  }
  const auto before = snapshot(*campaign);
  campaign->consolidated_on = clock_.today();
  campaign->consolidated_by = actor.name;
  work->campaigns().update_campaign(*campaign);
  work->audit({actor.name, "campaign", id.value, "consolidate", before, snapshot(*campaign)}, clock_.now_iso());
  auto result = view(*work, std::move(*campaign));
  if (!result) return result;
  work->commit();
  return result;
}

Result<CampaignView> CampaignService::reopen(const Actor& actor, CampaignId id, CivilDate until) {
  TDKT_TRY(require(actor, domain::Permission::kManageMovements));
  auto work = store_.write();
  auto campaign = work->campaigns().find_campaign(id);
  if (!campaign) return campaign_not_found(id);
  if (campaign->consolidated()) {
    TDKT_TRY(domain::accepts_registration(*campaign, clock_.today()));
  }
  if (until < clock_.today()) {
    return Error::invalid("until", "Ngày mở lại đến " + until.vn() + " đã qua; chọn một ngày từ hôm nay trở đi.");
  }
  auto movement = work->movements().find_movement(campaign->movement);
  const auto before = snapshot(*campaign);
  campaign->reopened_until = until;
  auto checked = domain::check_campaign(std::move(*campaign), *movement, honours_);
  if (!checked) {
    Error error = std::move(checked).error();
    if (error.field == "reopened_until") error.field = "until";
    return error;
  }
  work->campaigns().update_campaign(*checked);
  work->audit({actor.name, "campaign", id.value, "reopen", before, snapshot(*checked)}, clock_.now_iso());
  auto result = view(*work, std::move(*checked));
  if (!result) return result;
  work->commit();
  return result;
}

Result<std::vector<RosterEntry>> CampaignService::roster(const Actor& actor, CampaignId id,
                                                         std::optional<UnitId> only) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  auto campaign = work->campaigns().find_campaign(id);
  if (!campaign) return campaign_not_found(id);
  if (only && !campaign->find_unit(*only)) {
    return Error::invalid("unit_id", "Đơn vị mã " + std::to_string(only->value) + " không phải đăng ký trong đợt này.");
  }
  const auto day = std::min(clock_.today(), campaign->closes_on());
  const auto parents = parents_on(*work, day);
  std::map<std::pair<rules::SubjectKind, std::int64_t>, std::vector<std::string>> registered;
  for (const auto& registration : work->campaigns().registrations(id))
    registered[{registration.subject.kind, registration.subject.id}].push_back(registration.honour);
  const bool collective = has_collective_honour(*campaign, honours_);
  ScopeFilter scope(*work, actor, clock_.today());
  std::vector<RosterEntry> roster;
  std::set<std::int64_t> listed;
  for (const auto& entry : campaign->units) {
    if (only && entry.unit != *only) continue;
    auto add = [&](const domain::SubjectRef& subject, std::string name) {
      if (!scope.covers(subject)) return;  // listed only within the actor's people scope
      auto found = registered.find({subject.kind, subject.id});
      roster.push_back({subject, std::move(name), entry.unit,
                        found == registered.end() ? std::vector<std::string>{} : found->second});
    };
    if (collective) add({rules::SubjectKind::kUnit, entry.unit.value}, unit_name(*work, entry.unit));
    // The members of the unit and of the units below it that are not campaign units themselves.
    for (const auto& [unit, parent] : parents) {
      if (campaign_unit_above(*campaign, parents, unit) != entry.unit) continue;
      for (const auto& membership : work->people().memberships_in(unit, day)) {
        if (!listed.insert(membership.person.value).second) continue;
        add({rules::SubjectKind::kPerson, membership.person.value},
            subject_name(*work, {rules::SubjectKind::kPerson, membership.person.value}));
      }
    }
  }
  return roster;
}

Result<Reminders> CampaignService::reminders(const Actor& actor, CampaignId id) {
  auto view = campaign(actor, id);
  if (!view) return std::move(view).error();
  // Within the actor's people scope: the roster lists only those the actor may see.
  auto everyone = roster(actor, id, std::nullopt);
  if (!everyone) return std::move(everyone).error();
  std::set<UnitId> covered;
  {
    auto work = store_.read();
    ScopeFilter scope(*work, actor, clock_.today());
    for (const auto& entry : view->campaign.units) {
      if (scope.covers_unit(entry.unit)) covered.insert(entry.unit);
    }
  }
  Reminders reminders;
  reminders.reference_day = view->reference_day;
  const bool collective = has_collective_honour(view->campaign, honours_);
  for (std::size_t i = 0; i < view->campaign.units.size(); ++i) {
    const auto& entry = view->campaign.units[i];
    const bool visible = std::any_of(everyone->begin(), everyone->end(),
                                     [&](const RosterEntry& subject) { return subject.unit == entry.unit; });
    if (!visible && !covered.contains(entry.unit)) continue;  // nobody of it within the actor's scope
    ReminderUnit unit;
    unit.unit = entry.unit;
    unit.unit_name = view->unit_names[i];
    unit.consolidated = entry.consolidated_on.has_value() || view->campaign.consolidated();
    unit.unit_expected = collective && covered.contains(entry.unit);
    for (const auto& subject : *everyone) {
      if (subject.unit != entry.unit) continue;
      if (subject.subject.kind == rules::SubjectKind::kUnit) {
        unit.unit_registered = !subject.honours.empty();
        continue;
      }
      ++unit.persons_expected;
      if (subject.honours.empty()) {
        unit.missing_persons.push_back(subject);
      } else {
        ++unit.persons_registered;
      }
    }
    reminders.missing_persons += static_cast<int>(unit.missing_persons.size());
    if (unit.unit_expected && !unit.unit_registered) ++reminders.missing_units;
    reminders.units.push_back(std::move(unit));
  }
  return reminders;
}

Result<RegistrationImportReport> CampaignService::import(const Actor& actor, const ImportPermit& /*permit*/,
                                                         CampaignId id, const std::vector<RegistrationRow>& rows,
                                                         bool dry_run, std::optional<CivilDate> as_of) {
  TDKT_TRY(require(actor, domain::Permission::kRegister));
  auto day = acting_day(actor, as_of, "as_of");
  if (!day) return std::move(day).error();
  RegistrationImportReport report;
  std::vector<domain::Registration> accepted;

  // ---- Check, in a read unit of work: never the write lock, dry run or not (review M7); the
  // actor's scope and the unit tree are worked out once, not per row.
  {
    auto work = store_.read();
    auto campaign = work->campaigns().find_campaign(id);
    if (!campaign) return campaign_not_found(id);
    TDKT_TRY(domain::accepts_registration(*campaign, *day));
    auto movement = work->movements().find_movement(campaign->movement);
    Surroundings around(*work, actor, clock_.today());
    auto problem = [&report](const RegistrationRow& row, const Error& error) {
      report.problems.push_back({row.sheet, row.row, error.field, error.message});
    };
    std::set<std::tuple<rules::SubjectKind, std::int64_t, std::string>> stored;
    for (const auto& registration : work->campaigns().registrations(id))
      stored.insert({registration.subject.kind, registration.subject.id, registration.honour});
    std::set<std::tuple<rules::SubjectKind, std::int64_t, std::string>> in_file;
    for (const auto& row : rows) {
      const auto on = row.registered_on.value_or(*day);
      if (on > *day || (movement && on < movement->starts_on)) {
        problem(row, Error::invalid("registered_on", "Ngày đăng ký " + on.vn() + " phải từ ngày bắt đầu phong trào (" +
                                                         (movement ? movement->starts_on.vn() : std::string("?")) +
                                                         ") đến ngày nhập (" + day->vn() + ")."));
        continue;
      }
      RegistrationRequest request{row.subject, row.honour, row.note, std::nullopt};
      auto registration = checked(*work, actor, *campaign, request, on, around);
      if (!registration) {
        problem(row, registration.error());
        continue;
      }
      if (!row.name_check.empty()) {
        const auto stored_name = subject_name(*work, row.subject);
        if (text::fold(stored_name) != text::fold(row.name_check)) {
          problem(row, Error::invalid("name", "Mã " + std::to_string(row.subject.id) + " là \"" + stored_name +
                                                  "\", không phải \"" + row.name_check + "\". Kiểm tra lại dòng này."));
          continue;
        }
      }
      const std::tuple key{registration->subject.kind, registration->subject.id, registration->honour};
      if (!in_file.insert(key).second) {
        problem(row, Error::conflict(ErrorCode::kConflict, "honour",
                                     "Dòng này trùng một dòng khác trong tệp (cùng đối tượng và danh hiệu)."));
        continue;
      }
      if (stored.contains(key)) {
        ++report.unchanged;
        continue;
      }
      registration->source = domain::RegistrationSource::kImported;
      accepted.push_back(std::move(*registration));
    }
  }
  report.created = static_cast<int>(accepted.size());
  if (!report.problems.empty() || dry_run) return report;
  if (accepted.empty()) {
    report.applied = true;  // nothing to write: no transaction at all
    return report;
  }

  // ---- Write, in one short transaction, after checking again what may have changed since the
  // check: the campaign closed or consolidated, a unit's list confirmed, a registration made.
  auto work = store_.write();
  auto campaign = work->campaigns().find_campaign(id);
  if (!campaign) return campaign_not_found(id);
  TDKT_TRY(domain::accepts_registration(*campaign, *day));
  std::set<std::tuple<rules::SubjectKind, std::int64_t, std::string>> stored;
  for (const auto& registration : work->campaigns().registrations(id))
    stored.insert({registration.subject.kind, registration.subject.id, registration.honour});
  for (const auto& registration : accepted) {
    const auto* unit = campaign->find_unit(registration.unit);
    if (!unit) return campaign_not_found(id);
    TDKT_TRY(domain::unit_open(*unit, unit_name(*work, registration.unit)));
    if (stored.contains({registration.subject.kind, registration.subject.id, registration.honour})) {
      return Error::conflict(ErrorCode::kConflict, "honour",
                             subject_name(*work, registration.subject) + " vừa đăng ký danh hiệu " +
                                 registration.honour + " trong lúc kiểm tra tệp; chưa nhập dòng nào. Hãy nhập lại.");
    }
  }
  const auto at = clock_.now_iso();
  for (auto& registration : accepted) {
    registration.id = work->campaigns().insert_registration(registration);
    work->audit({actor.name, "registration", registration.id.value, "create", std::nullopt, snapshot(registration)},
                at);
  }
  work->commit();
  report.applied = true;
  return report;
}

}  // namespace tdkt::app
