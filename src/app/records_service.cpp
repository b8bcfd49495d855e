#include "app/records_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.hpp"
#include "app/snapshots.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

Error person_not_found(PersonId id) {
  return Error::not_found("Không tìm thấy cá nhân mã " + std::to_string(id.value) + ".");
}

Error unit_not_found(UnitId id) {
  return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(id.value) + ".");
}

Error out_of_scope(const Actor& actor) {
  return {ErrorCode::kForbidden, "Hồ sơ này nằm ngoài phạm vi đơn vị được giao cho tài khoản \"" + actor.name + "\".",
          ""};
}

std::string person_year_entity() {
  return "person_year";
}

// Which of a unit's member counts the engine uses, and how a derived count is computed.
struct DerivedCounts {
  int members = 0;
  std::optional<int> completed;  // unknown while any member's rating is missing
  int ldtt = 0;
  int cstdcs = 0;
  int disciplined = 0;
};

// The unit and the units under it at the end of the year (or on its last day, if it ended
// within the year): a department's members are members of the agency too.
std::vector<UnitId> unit_and_descendants(UnitOfWork& work, UnitId unit, int year) {
  std::vector<UnitId> result{unit};
  auto found = work.organisation().find_unit(unit);
  if (!found) return result;
  CivilDate day = *CivilDate::from_ymd(year, 12, 31);
  if (found->period.to && *found->period.to < day) day = *found->period.to;
  for (std::size_t i = 0; i < result.size(); ++i) {
    for (const auto& child : work.organisation().children_valid_on(result[i], day))
      result.push_back(child.id);
  }
  return result;
}

DerivedCounts derive_counts(UnitOfWork& work, UnitId unit, int year) {
  auto& records = work.records();
  const auto units = unit_and_descendants(work, unit, year);
  DerivedCounts counts;
  counts.members = records.member_count(units, year);
  const auto years = records.member_years(units, year);
  int rated = 0;
  int completed = 0;
  for (const auto& record : years) {
    if (record.rating != rules::Rating::kNone) {
      ++rated;
      if (record.rating >= rules::Rating::kCompleted) ++completed;
    }
    if (record.discipline >= rules::DisciplineLevel::kWarning) ++counts.disciplined;
  }
  if (rated == counts.members) counts.completed = completed;
  std::set<std::int64_t> ldtt;
  std::set<std::int64_t> cstdcs;
  for (const auto& grant : records.member_grants(units, year)) {
    if (grant.honour == "LDTT") ldtt.insert(grant.subject.id);
    if (grant.honour == "CSTDCS") cstdcs.insert(grant.subject.id);
  }
  counts.ldtt = static_cast<int>(ldtt.size());
  counts.cstdcs = static_cast<int>(cstdcs.size());
  return counts;
}

// A CSTĐCS holder is also counted among the LĐTT holders: the title requires it.
void fill_derived(UnitOfWork& work, UnitYearView& view, MemberFigures figures) {
  auto& record = view.record;
  const bool needs = !record.members || !record.members_completed || !record.members_ldtt || !record.members_cstdcs ||
                     !record.members_disciplined;
  if (!needs) return;
  const auto counts = derive_counts(work, view.recorded_by, record.year);
  if (counts.members == 0) return;  // no memberships recorded: nothing to derive from
  if (!record.members) {
    record.members = counts.members;
    view.derived_members = true;
  }
  if (figures == MemberFigures::kStoredOnly) return;
  if (!record.members_completed && counts.completed) {
    record.members_completed = counts.completed;
    view.derived_completed = true;
  }
  if (!record.members_ldtt) {
    record.members_ldtt = counts.ldtt;
    view.derived_ldtt = true;
  }
  if (!record.members_cstdcs) {
    record.members_cstdcs = counts.cstdcs;
    view.derived_cstdcs = true;
  }
  if (!record.members_disciplined) {
    record.members_disciplined = counts.disciplined;
    view.derived_disciplined = true;
  }
}

std::string grant_key(const domain::GrantRecord& grant) {
  return std::string(rules::to_string(grant.subject.kind)) + ":" + std::to_string(grant.subject.id) + ":" +
         grant.honour + ":" + std::to_string(grant.year) + ":" + text::fold(grant.decision_number);
}

}  // namespace

std::vector<UnitId> unit_lineage(UnitOfWork& work, UnitId unit) {
  std::vector<UnitId> lineage;
  std::set<UnitId> seen;
  std::vector<UnitId> frontier{unit};
  while (!frontier.empty()) {
    const UnitId current = frontier.front();
    frontier.erase(frontier.begin());
    if (!seen.insert(current).second) continue;
    lineage.push_back(current);
    for (const auto& succession : work.organisation().successions_to(current))
      frontier.push_back(succession.predecessor);
  }
  return lineage;
}

std::vector<UnitYearView> unit_year_views(UnitOfWork& work, const std::vector<UnitId>& lineage, MemberFigures figures) {
  // The nearest unit's record of a year wins: after a merger, the successor's own record of a
  // year replaces what a predecessor recorded for it.
  std::map<int, UnitYearView> by_year;
  for (const auto unit : lineage) {
    for (auto& record : work.records().unit_years(unit)) {
      if (by_year.contains(record.year)) continue;
      UnitYearView view;
      view.recorded_by = unit;
      view.stored = true;
      view.record = std::move(record);
      by_year.emplace(view.record.year, std::move(view));
    }
  }
  std::vector<UnitYearView> result;
  result.reserve(by_year.size());
  for (auto& [year, view] : by_year) {
    fill_derived(work, view, figures);
    result.push_back(std::move(view));
  }
  return result;
}

MemberFigures member_figures_for(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate today) {
  const ScopeFilter scope(work, actor, today);
  return scope.covers_unit(unit) ? MemberFigures::kDerived : MemberFigures::kStoredOnly;
}

Status RecordsService::require_person(UnitOfWork& work, const Actor& actor, PersonId person, bool write,
                                      std::optional<int> year) {
  TDKT_TRY(require(actor, write ? domain::Permission::kManageRecords : domain::Permission::kReadPeople));
  if (!work.people().find_person(person)) return person_not_found(person);
  const auto today = clock_.today();
  if (!person_in_scope(work, actor, person, today)) return out_of_scope(actor);
  if (!write || !year) return {};
  const auto units = people_units(work, actor, today);
  if (!units || (actor.person && *actor.person == person)) return {};
  // A transferee's years before they joined stay with the units they worked in then.
  std::set<UnitId> allowed;
  for (const auto unit : *units) {
    for (const auto predecessor : unit_lineage(work, unit))
      allowed.insert(predecessor);
  }
  const Period span{*CivilDate::from_ymd(*year, 1, 1), CivilDate::from_ymd(*year, 12, 31)};
  for (const auto& membership : work.people().memberships_of(person)) {
    if (allowed.contains(membership.unit) && membership.period.overlaps(span)) return {};
  }
  return Error{ErrorCode::kForbidden,
               "Năm " + std::to_string(*year) +
                   " cá nhân này không công tác tại đơn vị nào thuộc phạm vi được giao cho tài khoản \"" + actor.name +
                   "\"; hồ sơ năm đó do cán bộ thi đua - khen thưởng cập nhật.",
               "year"};
}

Status RecordsService::require_unit(UnitOfWork& work, const Actor& actor, UnitId unit, bool write) {
  TDKT_TRY(require(actor, write ? domain::Permission::kManageRecords : domain::Permission::kReadOrganisation));
  if (!work.organisation().find_unit(unit)) return unit_not_found(unit);
  if (write) {
    // A unit head records for the units of their subtree, and for the predecessors of those whose
    // work went wholly to their subtree: a predecessor split between their unit and a sibling is
    // the officer's, since the sibling inherits its years too.
    const auto today = clock_.today();
    const auto units = people_units(work, actor, today);
    if (units) {
      const std::set<UnitId> own(units->begin(), units->end());
      if (own.contains(unit)) return {};
      for (const auto allowed : *units) {
        const auto lineage = unit_lineage(work, allowed);
        if (std::find(lineage.begin(), lineage.end(), unit) == lineage.end()) continue;
        const auto heirs = current_forms(work, unit, today);
        if (std::all_of(heirs.begin(), heirs.end(), [&](UnitId heir) { return own.contains(heir); })) return {};
      }
      return out_of_scope(actor);
    }
  }
  return {};
}

Status RecordsService::require_subject(UnitOfWork& work, const Actor& actor, const domain::SubjectRef& subject,
                                       bool write, std::optional<int> year) {
  switch (subject.kind) {
    case rules::SubjectKind::kPerson: return require_person(work, actor, PersonId{subject.id}, write, year);
    case rules::SubjectKind::kUnit: return require_unit(work, actor, UnitId{subject.id}, write);
    case rules::SubjectKind::kHousehold: break;
  }
  return Error::invalid("subject_kind", "Đối tượng phải là cá nhân (person) hoặc tập thể (unit).");
}

Result<PersonRecords> RecordsService::person_records(const Actor& actor, PersonId person) {
  auto work = store_.read();
  TDKT_TRY(require_person(*work, actor, person, false));
  const domain::SubjectRef subject{rules::SubjectKind::kPerson, person.value};
  return PersonRecords{work->records().person_years(person), work->records().initiatives(subject),
                       work->records().grants(subject)};
}

Result<domain::PersonYear> RecordsService::save_person_year(const Actor& actor, domain::PersonYear record) {
  auto checked = domain::check_person_year(std::move(record), clock_.today().year());
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  TDKT_TRY(require_person(*work, actor, checked->person, true, checked->year));
  auto& records = work->records();
  const auto before = records.find_person_year(checked->person, checked->year);
  records.upsert_person_year(*checked);
  work->audit({actor.name, person_year_entity(), checked->person.value, before ? "update" : "create",
               before ? std::optional<Snapshot>(snapshot(*before)) : std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return *checked;
}

Status RecordsService::delete_person_year(const Actor& actor, PersonId person, int year) {
  auto work = store_.write();
  TDKT_TRY(require_person(*work, actor, person, true, year));
  const auto before = work->records().find_person_year(person, year);
  if (!before) return Error::not_found("Chưa có hồ sơ năm " + std::to_string(year) + " của cá nhân này.");
  work->records().delete_person_year(person, year);
  work->audit({actor.name, person_year_entity(), person.value, "delete", snapshot(*before), std::nullopt},
              clock_.now_iso());
  work->commit();
  return {};
}

Result<UnitRecords> RecordsService::unit_records(const Actor& actor, UnitId unit) {
  auto work = store_.read();
  TDKT_TRY(require_unit(*work, actor, unit, false));
  UnitRecords result;
  result.lineage = unit_lineage(*work, unit);
  result.years = unit_year_views(*work, result.lineage, member_figures_for(*work, actor, unit, clock_.today()));
  for (const auto member : result.lineage) {
    const domain::SubjectRef subject{rules::SubjectKind::kUnit, member.value};
    for (auto& initiative : work->records().initiatives(subject))
      result.initiatives.push_back(std::move(initiative));
    for (auto& grant : work->records().grants(subject))
      result.grants.push_back(std::move(grant));
  }
  std::stable_sort(result.grants.begin(), result.grants.end(),
                   [](const auto& a, const auto& b) { return a.year < b.year; });
  std::stable_sort(result.initiatives.begin(), result.initiatives.end(),
                   [](const auto& a, const auto& b) { return a.year < b.year; });
  return result;
}

Result<domain::UnitYear> RecordsService::save_unit_year(const Actor& actor, domain::UnitYear record) {
  auto checked = domain::check_unit_year(std::move(record), clock_.today().year());
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  TDKT_TRY(require_unit(*work, actor, checked->unit, true));
  auto& records = work->records();
  const auto before = records.find_unit_year(checked->unit, checked->year);
  records.upsert_unit_year(*checked);
  work->audit({actor.name, "unit_year", checked->unit.value, before ? "update" : "create",
               before ? std::optional<Snapshot>(snapshot(*before)) : std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return *checked;
}

Status RecordsService::delete_unit_year(const Actor& actor, UnitId unit, int year) {
  auto work = store_.write();
  TDKT_TRY(require_unit(*work, actor, unit, true));
  const auto before = work->records().find_unit_year(unit, year);
  if (!before) return Error::not_found("Chưa có hồ sơ năm " + std::to_string(year) + " của đơn vị này.");
  work->records().delete_unit_year(unit, year);
  work->audit({actor.name, "unit_year", unit.value, "delete", snapshot(*before), std::nullopt}, clock_.now_iso());
  work->commit();
  return {};
}

Result<domain::InitiativeRecord> RecordsService::checked_initiative(UnitOfWork& work, domain::InitiativeRecord record) {
  auto checked = domain::check_initiative(std::move(record), clock_.today().year());
  if (!checked) return std::move(checked).error();
  if (!checked->used_for.empty() && !is_honour_(checked->used_for)) {
    return Error::invalid("used_for", "Không rõ mã danh hiệu \"" + checked->used_for + "\".");
  }
  if (checked->subject.kind == rules::SubjectKind::kPerson) {
    auto person = work.people().find_person(PersonId{checked->subject.id});
    if (person && person->birth_year && checked->year < *person->birth_year) {
      return Error::invalid("year", "Năm công nhận sáng kiến trước năm sinh của cá nhân.");
    }
  }
  return checked;
}

Result<domain::InitiativeRecord> RecordsService::add_initiative(const Actor& actor, domain::InitiativeRecord record) {
  auto work = store_.write();
  TDKT_TRY(require_subject(*work, actor, record.subject, true, record.year));
  auto checked = checked_initiative(*work, std::move(record));
  if (!checked) return checked;
  checked->id = work->records().insert_initiative(*checked);
  work->audit({actor.name, "initiative", checked->id.value, "create", std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return checked;
}

Result<domain::InitiativeRecord> RecordsService::update_initiative(const Actor& actor, InitiativeId id,
                                                                   domain::InitiativeRecord record) {
  TDKT_TRY(require(actor, domain::Permission::kManageRecords));
  auto work = store_.write();
  const auto before = work->records().find_initiative(id);
  if (!before) return Error::not_found("Không tìm thấy sáng kiến mã " + std::to_string(id.value) + ".");
  TDKT_TRY(require_subject(*work, actor, before->subject, true, before->year));
  TDKT_TRY(require_subject(*work, actor, before->subject, true, record.year));
  record.id = id;
  record.subject = before->subject;
  auto checked = checked_initiative(*work, std::move(record));
  if (!checked) return checked;
  work->records().update_initiative(*checked);
  work->audit({actor.name, "initiative", id.value, "update", snapshot(*before), snapshot(*checked)}, clock_.now_iso());
  work->commit();
  return checked;
}

Status RecordsService::delete_initiative(const Actor& actor, InitiativeId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageRecords));
  auto work = store_.write();
  const auto before = work->records().find_initiative(id);
  if (!before) return Error::not_found("Không tìm thấy sáng kiến mã " + std::to_string(id.value) + ".");
  TDKT_TRY(require_subject(*work, actor, before->subject, true, before->year));
  work->records().delete_initiative(id);
  work->audit({actor.name, "initiative", id.value, "delete", snapshot(*before), std::nullopt}, clock_.now_iso());
  work->commit();
  return {};
}

Result<domain::GrantRecord> RecordsService::checked_grant(UnitOfWork& work, domain::GrantRecord record) {
  const bool known = is_honour_(text::normalize(record.honour));
  auto checked = domain::check_grant(std::move(record), clock_.today().year(), known);
  if (!checked) return std::move(checked).error();
  if (checked->subject.kind == rules::SubjectKind::kPerson) {
    auto person = work.people().find_person(PersonId{checked->subject.id});
    if (person && person->birth_year && checked->year < *person->birth_year) {
      return Error::invalid("year", "Năm được khen (" + std::to_string(checked->year) + ") trước năm sinh (" +
                                        std::to_string(*person->birth_year) + ") của cá nhân.");
    }
  }
  if (checked->type == rules::GrantType::kMerit) {
    for (const auto& other : work.records().grants(checked->subject)) {
      if (other.id != checked->id && other.honour == checked->honour && other.year == checked->year &&
          other.type == rules::GrantType::kMerit) {
        return Error::conflict(ErrorCode::kConflict, "honour",
                               "Đối tượng đã có " + checked->honour + " năm " + std::to_string(checked->year) +
                                   " (khen thưởng công trạng) theo quyết định " +
                                   (other.decision_number.empty() ? "chưa ghi số" : other.decision_number) + ".");
      }
    }
  }
  return checked;
}

Result<domain::GrantRecord> RecordsService::add_grant(const Actor& actor, domain::GrantRecord record) {
  auto work = store_.write();
  TDKT_TRY(require_subject(*work, actor, record.subject, true, record.year));
  record.id = GrantId{};
  auto checked = checked_grant(*work, std::move(record));
  if (!checked) return checked;
  checked->id = work->records().insert_grant(*checked);
  work->audit({actor.name, "grant", checked->id.value, "create", std::nullopt, snapshot(*checked)}, clock_.now_iso());
  work->commit();
  return checked;
}

Result<domain::GrantRecord> RecordsService::update_grant(const Actor& actor, GrantId id, domain::GrantRecord record) {
  TDKT_TRY(require(actor, domain::Permission::kManageRecords));
  auto work = store_.write();
  const auto before = work->records().find_grant(id);
  if (!before) return Error::not_found("Không tìm thấy khen thưởng mã " + std::to_string(id.value) + ".");
  TDKT_TRY(require_subject(*work, actor, before->subject, true, before->year));
  TDKT_TRY(require_subject(*work, actor, before->subject, true, record.year));
  record.id = id;
  record.subject = before->subject;
  record.source = before->source;
  auto checked = checked_grant(*work, std::move(record));
  if (!checked) return checked;
  work->records().update_grant(*checked);
  work->audit({actor.name, "grant", id.value, "update", snapshot(*before), snapshot(*checked)}, clock_.now_iso());
  work->commit();
  return checked;
}

Status RecordsService::delete_grant(const Actor& actor, GrantId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageRecords));
  auto work = store_.write();
  const auto before = work->records().find_grant(id);
  if (!before) return Error::not_found("Không tìm thấy khen thưởng mã " + std::to_string(id.value) + ".");
  TDKT_TRY(require_subject(*work, actor, before->subject, true, before->year));
  work->records().delete_grant(id);
  work->audit({actor.name, "grant", id.value, "delete", snapshot(*before), std::nullopt}, clock_.now_iso());
  work->commit();
  return {};
}

const std::vector<PersonYearFieldInfo>& person_year_fields() {
  static const std::vector<PersonYearFieldInfo> kFields{
      {PersonYearField::kRating, "rating", "Xếp loại"},
      {PersonYearField::kMonthsWorked, "months_worked", "Số tháng công tác"},
      {PersonYearField::kLeaveMonths, "leave_months", "Số tháng nghỉ thai sản"},
      {PersonYearField::kDiscipline, "discipline", "Kỷ luật"},
      {PersonYearField::kDisciplineDate, "discipline_date", "Ngày quyết định kỷ luật"},
      {PersonYearField::kDisciplinePending, "discipline_pending", "Đang xem xét kỷ luật"},
      {PersonYearField::kPendingNote, "pending_note", "Nội dung đang xem xét"},
      {PersonYearField::kNotableAchievement, "notable_achievement", "Thành tích được ghi nhận"},
      {PersonYearField::kNote, "note", "Ghi chú"},
  };
  return kFields;
}

namespace {

std::string shown(const std::optional<int>& value) {
  return value ? std::to_string(*value) : std::string();
}
std::string shown(const std::optional<CivilDate>& value) {
  return value ? value->vn() : std::string();
}
std::string shown(rules::Known value) {
  switch (value) {
    case rules::Known::kYes: return "Có";
    case rules::Known::kNo: return "Không";
    case rules::Known::kUnknown: break;
  }
  return {};
}

// A field of a person's year as users see it; empty when nothing is recorded.
std::string shown(const domain::PersonYear& record, PersonYearField field) {
  switch (field) {
    case PersonYearField::kRating:
      return record.rating == rules::Rating::kNone ? std::string()
                                                   : std::string(domain::vietnamese_label(record.rating));
    case PersonYearField::kMonthsWorked: return shown(record.months_worked);
    case PersonYearField::kLeaveMonths: return shown(record.leave_months);
    case PersonYearField::kDiscipline: return std::string(domain::vietnamese_label(record.discipline));
    case PersonYearField::kDisciplineDate: return shown(record.discipline_date);
    case PersonYearField::kDisciplinePending: return record.discipline_pending ? "Có" : "Không";
    case PersonYearField::kPendingNote: return record.pending_note;
    case PersonYearField::kNotableAchievement: return shown(record.notable_achievement);
    case PersonYearField::kNote: return record.note;
  }
  return {};
}

// Copies `field` from `from` into `into`; from a default-constructed record, that erases it.
void copy_field(domain::PersonYear& into, const domain::PersonYear& from, PersonYearField field) {
  switch (field) {
    case PersonYearField::kRating: into.rating = from.rating; break;
    case PersonYearField::kMonthsWorked: into.months_worked = from.months_worked; break;
    case PersonYearField::kLeaveMonths: into.leave_months = from.leave_months; break;
    case PersonYearField::kDiscipline: into.discipline = from.discipline; break;
    case PersonYearField::kDisciplineDate: into.discipline_date = from.discipline_date; break;
    case PersonYearField::kDisciplinePending: into.discipline_pending = from.discipline_pending; break;
    case PersonYearField::kPendingNote: into.pending_note = from.pending_note; break;
    case PersonYearField::kNotableAchievement: into.notable_achievement = from.notable_achievement; break;
    case PersonYearField::kNote: into.note = from.note; break;
  }
}

// The stored year (or an empty one) with the row's fields set and erased, nothing else touched.
domain::PersonYear merged_year(const std::optional<domain::PersonYear>& stored, const PersonYearEdit& edit) {
  domain::PersonYear merged;
  if (stored) merged = *stored;
  merged.person = edit.values.person;
  merged.year = edit.values.year;
  for (const auto field : edit.set)
    copy_field(merged, edit.values, field);
  const domain::PersonYear empty;
  for (const auto field : edit.erased)
    copy_field(merged, empty, field);
  return merged;
}

std::vector<FieldChange> year_changes(const std::optional<domain::PersonYear>& before,
                                      const domain::PersonYear& after) {
  std::vector<FieldChange> changes;
  const domain::PersonYear empty;
  for (const auto& info : person_year_fields()) {
    auto old_text = shown(before ? *before : empty, info.field);
    auto new_text = shown(after, info.field);
    // A new year lists what it records; the defaults ("Không" kỷ luật) only when written over.
    if (!before && new_text == shown(empty, info.field)) continue;
    if (old_text == new_text) continue;
    changes.push_back({std::string(info.code), std::string(info.label), std::move(old_text), std::move(new_text)});
  }
  return changes;
}

void add_field(std::vector<FieldChange>& fields, std::string_view code, std::string_view label, std::string value) {
  if (!value.empty()) fields.push_back({std::string(code), std::string(label), {}, std::move(value)});
}

std::vector<FieldChange> grant_fields(const domain::GrantRecord& grant) {
  std::vector<FieldChange> fields;
  add_field(fields, "honour", "Danh hiệu", grant.honour);
  add_field(fields, "type", "Loại khen thưởng", std::string(domain::vietnamese_label(grant.type)));
  add_field(fields, "decision_number", "Số quyết định", grant.decision_number);
  add_field(fields, "decision_date", "Ngày quyết định", shown(grant.decision_date));
  add_field(fields, "authority", "Cấp quyết định", grant.authority);
  add_field(fields, "note", "Ghi chú", grant.note);
  return fields;
}

std::vector<FieldChange> initiative_fields(const domain::InitiativeRecord& initiative) {
  std::vector<FieldChange> fields;
  add_field(fields, "title", "Tên sáng kiến, đề tài", initiative.title);
  add_field(fields, "level", "Phạm vi", std::string(domain::vietnamese_label(initiative.level)));
  add_field(fields, "recognised_by", "Quyết định công nhận", initiative.recognised_by);
  add_field(fields, "used_for", "Đã dùng cho danh hiệu", initiative.used_for);
  add_field(fields, "used_for_year", "Năm được khen", shown(initiative.used_for_year));
  return fields;
}

// When the row's merged year breaks a rule on a field the row left empty, what was kept: the user
// wrote no such value, so the message says where it came from and how to erase it.
std::string kept_note(const domain::PersonYear& stored, const PersonYearEdit& edit, std::string_view field) {
  for (const auto& info : person_year_fields()) {
    if (info.code != field) continue;
    const auto touched = [&info](const std::vector<PersonYearField>& fields) {
      return std::find(fields.begin(), fields.end(), info.field) != fields.end();
    };
    const auto value = shown(stored, info.field);
    if (touched(edit.set) || touched(edit.erased) || value.empty()) return {};
    return " Cột \"" + std::string(info.label) + "\" để trống nên giữ giá trị đã lưu (" + value +
           "); muốn xóa giá trị này thì ghi (xóa) vào ô.";
  }
  return {};
}

bool same_year(const std::optional<domain::PersonYear>& a, const std::optional<domain::PersonYear>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || snapshot(*a) == snapshot(*b);
}

Error changed_meanwhile(const std::string& what) {
  return Error::conflict(ErrorCode::kConflict, "file",
                         what +
                             " vừa được thay đổi trong lúc kiểm tra tệp; chưa ghi dòng nào. Hãy kiểm tra lại tệp rồi "
                             "nhập lại.");
}

}  // namespace

Result<ImportReport> RecordsService::import(const Actor& actor, const ImportPermit& /*permit*/,
                                            const ImportBatch& batch, bool dry_run) {
  TDKT_TRY(require(actor, domain::Permission::kManageRecords));
  ImportReport report;
  const auto today = clock_.today();
  const auto current_year = today.year();
  struct PlannedYear {
    domain::PersonYear record;
    std::optional<domain::PersonYear> before;  // as read during the check
    std::string name;
  };
  std::vector<PlannedYear> years;
  std::vector<domain::GrantRecord> grants;
  std::vector<domain::InitiativeRecord> initiatives;

  // ---- Check, in a read unit of work: never the write lock, dry run or not (review M7).
  {
    auto work = store_.read();
    auto& records = work->records();
    auto problem = [&report](const std::string& sheet, int row, const Error& error) {
      report.problems.push_back({sheet, row, error.field, error.message});
    };
    // The subject must exist, be within the scope the actor writes records of that year in (the
    // same rule as a single save: a transferee's years before joining stay with their old units, a
    // predecessor unit's only when wholly the actor's) and carry the name written beside its id;
    // returns its stored name.
    auto check_subject = [&](const domain::SubjectRef& subject, const std::string& name_check,
                             int year) -> Result<std::string> {
      TDKT_TRY(require_subject(*work, actor, subject, true, year));
      std::string stored;
      if (subject.kind == rules::SubjectKind::kPerson) {
        stored = work->people().find_person(PersonId{subject.id})->full_name();
      } else {
        stored = work->organisation().find_unit(UnitId{subject.id})->name;
      }
      if (!name_check.empty() && text::fold(stored) != text::fold(name_check)) {
        return Error::invalid("name", "Mã " + std::to_string(subject.id) + " là \"" + stored + "\", không phải \"" +
                                          name_check + "\". Kiểm tra lại dòng này.");
      }
      return stored;
    };

    std::set<std::pair<std::int64_t, int>> seen_years;
    for (const auto& row : batch.person_years) {
      const auto& edit = row.record;
      const domain::SubjectRef subject{rules::SubjectKind::kPerson, edit.values.person.value};
      auto name = check_subject(subject, row.name_check, edit.values.year);
      if (!name) {
        problem(row.sheet, row.row, name.error());
        continue;
      }
      auto stored = records.find_person_year(edit.values.person, edit.values.year);
      auto checked = domain::check_person_year(merged_year(stored, edit), current_year);
      if (!checked) {
        Error error = std::move(checked).error();
        if (stored) error.message += kept_note(*stored, edit, error.field);
        problem(row.sheet, row.row, error);
        continue;
      }
      if (!seen_years.insert({checked->person.value, checked->year}).second) {
        problem(row.sheet, row.row,
                Error::invalid("year", "Cá nhân mã " + std::to_string(checked->person.value) + " có hai dòng cho năm " +
                                           std::to_string(checked->year) + " (hai xếp loại trong một năm)."));
        continue;
      }
      RecordChange change{row.sheet, row.row, subject, *name, "person_year", checked->year, ChangeAction::kCreate, {}};
      // A row equal to the stored year (a pre-filled form sent back untouched) changes nothing
      // and leaves no audit record.
      if (stored && snapshot(*stored) == snapshot(*checked)) {
        change.action = ChangeAction::kUnchanged;
        ++report.person_years_unchanged;
      } else {
        change.action = stored ? ChangeAction::kUpdate : ChangeAction::kCreate;
        change.fields = year_changes(stored, *checked);
        ++(stored ? report.person_years_updated : report.person_years_created);
        years.push_back({*checked, std::move(stored), *name});
      }
      report.changes.push_back(std::move(change));
    }

    std::set<std::string> seen_grants;
    for (const auto& row : batch.grants) {
      auto name = check_subject(row.record.subject, row.name_check, row.record.year);
      if (!name) {
        problem(row.sheet, row.row, name.error());
        continue;
      }
      auto checked = checked_grant(*work, row.record);
      if (!checked) {
        problem(row.sheet, row.row, checked.error());
        continue;
      }
      checked->source = domain::GrantSource::kImported;
      const auto key = grant_key(*checked);
      bool stored = false;
      for (const auto& other : records.grants(checked->subject)) {
        if (grant_key(other) == key) stored = true;
      }
      if (stored || !seen_grants.insert(key).second) {
        problem(row.sheet, row.row,
                Error::conflict(ErrorCode::kConflict, "honour",
                                stored ? "Khen thưởng này đã có trong hồ sơ (cùng danh hiệu, năm và số quyết định)."
                                       : "Dòng này trùng một dòng khác trong tệp (cùng đối tượng, danh hiệu, năm và "
                                         "số quyết định)."));
        continue;
      }
      report.changes.push_back({row.sheet, row.row, checked->subject, *name, "grant", checked->year,
                                ChangeAction::kCreate, grant_fields(*checked)});
      grants.push_back(std::move(*checked));
    }

    for (const auto& row : batch.initiatives) {
      auto name = check_subject(row.record.subject, row.name_check, row.record.year);
      if (!name) {
        problem(row.sheet, row.row, name.error());
        continue;
      }
      auto checked = checked_initiative(*work, row.record);
      if (!checked) {
        problem(row.sheet, row.row, checked.error());
        continue;
      }
      report.changes.push_back({row.sheet, row.row, checked->subject, *name, "initiative", checked->year,
                                ChangeAction::kCreate, initiative_fields(*checked)});
      initiatives.push_back(std::move(*checked));
    }
  }
  report.grants_created = static_cast<int>(grants.size());
  report.initiatives_created = static_cast<int>(initiatives.size());
  if (!report.problems.empty() || dry_run) return report;
  if (years.empty() && grants.empty() && initiatives.empty()) {
    report.applied = true;  // nothing to write: no transaction at all
    return report;
  }

  // ---- Write, in one short transaction: only what was checked, after making sure that what the
  // check read has not changed since (another officer's edit, a grant added meanwhile).
  auto work = store_.write();
  auto& records = work->records();
  for (const auto& planned : years) {
    TDKT_TRY(require_person(*work, actor, planned.record.person, true, planned.record.year));
    if (!same_year(records.find_person_year(planned.record.person, planned.record.year), planned.before)) {
      return changed_meanwhile("Hồ sơ năm " + std::to_string(planned.record.year) + " của " + planned.name);
    }
  }
  for (const auto& grant : grants) {
    if (!checked_grant(*work, grant))
      return changed_meanwhile("Khen thưởng của đối tượng mã " + std::to_string(grant.subject.id));
    for (const auto& other : records.grants(grant.subject)) {
      if (grant_key(other) == grant_key(grant)) {
        return changed_meanwhile("Khen thưởng của đối tượng mã " + std::to_string(grant.subject.id));
      }
    }
  }
  const auto at = clock_.now_iso();
  for (const auto& planned : years) {
    records.upsert_person_year(planned.record);
    work->audit(
        {actor.name, person_year_entity(), planned.record.person.value, planned.before ? "update" : "create",
         planned.before ? std::optional<Snapshot>(snapshot(*planned.before)) : std::nullopt, snapshot(planned.record)},
        at);
  }
  for (auto& grant : grants) {
    grant.id = records.insert_grant(grant);
    work->audit({actor.name, "grant", grant.id.value, "create", std::nullopt, snapshot(grant)}, at);
  }
  for (auto& initiative : initiatives) {
    initiative.id = records.insert_initiative(initiative);
    work->audit({actor.name, "initiative", initiative.id.value, "create", std::nullopt, snapshot(initiative)}, at);
  }
  work->commit();
  report.applied = true;
  return report;
}

}  // namespace tdkt::app
