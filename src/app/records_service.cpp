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

Result<ImportReport> RecordsService::import(const Actor& actor, const ImportBatch& batch, bool dry_run) {
  TDKT_TRY(require(actor, domain::Permission::kManageRecords));
  ImportReport report;
  auto work = store_.write();
  auto& records = work->records();
  const auto current_year = clock_.today().year();
  auto problem = [&report](const std::string& sheet, int row, const Error& error) {
    report.problems.push_back({sheet, row, error.field, error.message});
  };
  // The subject must exist, be within scope, and carry the name written beside its id.
  auto check_subject = [&](const domain::SubjectRef& subject, const std::string& name_check, int year) -> Status {
    TDKT_TRY(require_subject(*work, actor, subject, true, year));
    if (name_check.empty()) return {};
    std::string stored;
    if (subject.kind == rules::SubjectKind::kPerson) {
      stored = work->people().find_person(PersonId{subject.id})->full_name();
    } else {
      stored = work->organisation().find_unit(UnitId{subject.id})->name;
    }
    if (text::fold(stored) != text::fold(name_check)) {
      return Error::invalid("name", "Mã " + std::to_string(subject.id) + " là \"" + stored + "\", không phải \"" +
                                        name_check + "\". Kiểm tra lại dòng này.");
    }
    return {};
  };

  std::set<std::pair<std::int64_t, int>> seen_years;
  std::vector<domain::PersonYear> years;
  for (const auto& row : batch.person_years) {
    const domain::SubjectRef subject{rules::SubjectKind::kPerson, row.record.person.value};
    if (auto status = check_subject(subject, row.name_check, row.record.year); !status) {
      problem(row.sheet, row.row, status.error());
      continue;
    }
    auto checked = domain::check_person_year(row.record, current_year);
    if (!checked) {
      problem(row.sheet, row.row, checked.error());
      continue;
    }
    if (!seen_years.insert({checked->person.value, checked->year}).second) {
      problem(row.sheet, row.row,
              Error::invalid("year", "Cá nhân mã " + std::to_string(checked->person.value) + " có hai dòng cho năm " +
                                         std::to_string(checked->year) + " (hai xếp loại trong một năm)."));
      continue;
    }
    years.push_back(*checked);
  }
  std::set<std::string> seen_grants;
  std::vector<domain::GrantRecord> grants;
  for (const auto& row : batch.grants) {
    if (auto status = check_subject(row.record.subject, row.name_check, row.record.year); !status) {
      problem(row.sheet, row.row, status.error());
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
    grants.push_back(std::move(*checked));
  }
  std::vector<domain::InitiativeRecord> initiatives;
  for (const auto& row : batch.initiatives) {
    if (auto status = check_subject(row.record.subject, row.name_check, row.record.year); !status) {
      problem(row.sheet, row.row, status.error());
      continue;
    }
    auto checked = checked_initiative(*work, row.record);
    if (!checked) {
      problem(row.sheet, row.row, checked.error());
      continue;
    }
    initiatives.push_back(std::move(*checked));
  }
  // A row equal to the stored year (a pre-filled form sent back untouched) changes nothing and
  // leaves no audit record.
  std::erase_if(years, [&](const domain::PersonYear& record) {
    const auto stored = records.find_person_year(record.person, record.year);
    if (stored && snapshot(*stored) == snapshot(record)) {
      ++report.person_years_unchanged;
      return true;
    }
    ++(stored ? report.person_years_updated : report.person_years_created);
    return false;
  });
  report.grants_created = static_cast<int>(grants.size());
  report.initiatives_created = static_cast<int>(initiatives.size());
  if (!report.problems.empty() || dry_run) return report;

  const auto at = clock_.now_iso();
  for (const auto& record : years) {
    const auto before = records.find_person_year(record.person, record.year);
    records.upsert_person_year(record);
    work->audit({actor.name, person_year_entity(), record.person.value, before ? "update" : "create",
                 before ? std::optional<Snapshot>(snapshot(*before)) : std::nullopt, snapshot(record)},
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
