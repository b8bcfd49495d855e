#include "app/grant_history_service.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <tuple>

#include "app/access.hpp"
#include "app/records_service.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

// The unit, the units under it today, and the predecessors of all of them: a department that was
// merged into the unit keeps its grants in the unit's history.
std::set<UnitId> subtree_with_lineage(UnitOfWork& work, UnitId unit, CivilDate today) {
  std::vector<UnitId> subtree{unit};
  auto found = work.organisation().find_unit(unit);
  CivilDate day = today;
  if (found && found->period.to && *found->period.to < day) day = *found->period.to;
  for (std::size_t i = 0; i < subtree.size(); ++i) {
    for (const auto& child : work.organisation().children_valid_on(subtree[i], day))
      subtree.push_back(child.id);
  }
  std::set<UnitId> result;
  for (const auto member : subtree) {
    for (const auto predecessor : unit_lineage(work, member))
      result.insert(predecessor);
  }
  return result;
}

bool member_in_year(const std::vector<domain::Membership>& memberships, const std::set<UnitId>& units, int year) {
  const Period span{*CivilDate::from_ymd(year, 1, 1), CivilDate::from_ymd(year, 12, 31)};
  return std::any_of(memberships.begin(), memberships.end(), [&](const domain::Membership& membership) {
    return units.contains(membership.unit) && membership.period.overlaps(span);
  });
}

// Every term starts a word of the folded name.
bool name_matches(const std::string& folded_name, const std::vector<std::string>& terms) {
  for (const auto& term : terms) {
    bool found = false;
    for (std::size_t at = folded_name.find(term); at != std::string::npos; at = folded_name.find(term, at + 1)) {
      if (at == 0 || folded_name[at - 1] == ' ') {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

int level_rank(const std::optional<rules::AuthorityLevel>& level) {
  return level ? static_cast<int>(*level) : 99;
}

}  // namespace

Result<domain::SubjectRef> parse_subject_ref(std::string_view text, const std::string& field) {
  domain::SubjectRef subject;
  std::string_view digits = text;
  if (text.starts_with("person:")) {
    digits = text.substr(7);
  } else if (text.starts_with("unit:")) {
    subject.kind = rules::SubjectKind::kUnit;
    digits = text.substr(5);
  }
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id <= 0) {
    return Error::invalid(field,
                          "Đối tượng \"" + std::string(text) +
                              "\" không hợp lệ: ghi person:MÃ (cá nhân), unit:MÃ (tập thể) hoặc chỉ MÃ (cá nhân).");
  }
  subject.id = id;
  return subject;
}

Status check_grant_request(const GrantHistoryRequest& request, const std::vector<domain::HonourInfo>& honours) {
  for (const auto& [year, field] : {std::pair{request.from_year, "from"}, std::pair{request.to_year, "to"}}) {
    if (year && (*year < domain::kFirstRecordYear - 30 || *year > 2100)) {
      return Error::invalid(field, "Năm " + std::to_string(*year) + " không hợp lệ.");
    }
  }
  if (request.from_year && request.to_year && *request.from_year > *request.to_year) {
    return Error::invalid("to", "Năm kết thúc (" + std::to_string(*request.to_year) + ") trước năm bắt đầu (" +
                                    std::to_string(*request.from_year) + ").");
  }
  if (!request.honour.empty() && !domain::find_honour(honours, request.honour)) {
    return Error::invalid("honour", "Không có danh hiệu, hình thức khen thưởng mã \"" + request.honour + "\".");
  }
  if (text::length(request.q) > 200) return Error::invalid("q", "Từ khóa tìm kiếm dài quá 200 ký tự.");
  if (request.subject_kind && *request.subject_kind == rules::SubjectKind::kHousehold) {
    return Error::invalid("subject_kind", "Đối tượng là \"person\" (cá nhân) hoặc \"unit\" (tập thể).");
  }
  return {};
}

GrantHistoryService::GrantHistoryService(Store& store, const Clock& clock, const rules::RuleLibrary* library,
                                         std::string province)
    : store_(store),
      clock_(clock),
      library_(library),
      province_(std::move(province)),
      honours_(library ? domain::honour_directory(*library) : std::vector<domain::HonourInfo>{}) {}

std::string GrantHistoryService::honour_name(const std::string& code) const {
  const auto* info = domain::find_honour(honours_, code);
  return info ? info->name : code;
}

std::optional<rules::AuthorityLevel> GrantHistoryService::level_of(const domain::GrantRecord& grant,
                                                                   LevelCache& cache) const {
  if (!library_) return std::nullopt;
  // The rule set in force when the grant was decided (the end of its year when the date is not
  // recorded); a grant older than every set takes the oldest set that knows the honour.
  const CivilDate day = grant.decision_date.value_or(*CivilDate::from_ymd(grant.year, 12, 31));
  const auto key = std::pair{grant.honour, day.days_since_epoch()};
  if (auto found = cache.find(key); found != cache.end()) return found->second;
  std::optional<rules::AuthorityLevel> level;
  auto set = library_->in_force(day, province_);
  if (set) {
    if (const auto* rule = set->find(std::string_view(grant.honour))) level = rule->authority.level;
  }
  if (!level) {
    for (const auto& candidate : library_->sets()) {
      if (const auto* rule = candidate.find(std::string_view(grant.honour))) {
        level = rule->authority.level;
        break;
      }
    }
  }
  cache.emplace(key, level);
  return level;
}

GrantHistoryItem GrantHistoryService::item(UnitOfWork& work, domain::GrantRecord grant, LevelCache& cache) const {
  GrantHistoryItem out;
  if (grant.subject.kind == rules::SubjectKind::kPerson) {
    if (auto person = work.people().find_person(PersonId{grant.subject.id})) {
      out.subject_name = person->full_name();
      out.sort_key = text::name_sort_key(person->given_name, person->middle_name, person->family_name);
    }
  } else if (auto unit = work.organisation().find_unit(UnitId{grant.subject.id})) {
    out.subject_name = unit->name;
    out.sort_key = text::collation_key(unit->name);
  }
  if (out.subject_name.empty()) out.subject_name = "Mã " + std::to_string(grant.subject.id);
  out.honour_name = honour_name(grant.honour);
  out.level = level_of(grant, cache);
  out.grant = std::move(grant);
  return out;
}

Result<std::vector<GrantHistoryItem>> GrantHistoryService::list(const Actor& actor,
                                                                const GrantHistoryRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  TDKT_TRY(check_grant_request(request, honours_));
  auto work = store_.read();
  const auto today = clock_.today();
  GrantQuery query;
  query.from_year = request.from_year;
  query.to_year = request.to_year;
  if (!request.honour.empty()) query.honours.push_back(request.honour);
  query.subject_kind = request.subject_kind;
  std::optional<std::set<UnitId>> lineage;  // the subject unit and its predecessors
  if (request.subject && request.subject->kind == rules::SubjectKind::kPerson) {
    const PersonId person{request.subject->id};
    if (!domain::allows(actor.role, domain::Permission::kReadPeople) || !work->people().find_person(person)) {
      return Error::invalid("subject", "Không có cá nhân mã " + std::to_string(person.value) + ".");
    }
    if (!person_in_scope(*work, actor, person, today)) {
      return Error{ErrorCode::kForbidden,
                   "Cá nhân này nằm ngoài phạm vi đơn vị được giao cho tài khoản \"" + actor.name + "\".", "subject"};
    }
    query.subject = request.subject;
  } else if (request.subject) {
    const UnitId unit{request.subject->id};
    if (!work->organisation().find_unit(unit)) {
      return Error::invalid("subject", "Không có đơn vị mã " + std::to_string(unit.value) + ".");
    }
    const auto chain = unit_lineage(*work, unit);
    lineage = std::set<UnitId>(chain.begin(), chain.end());
    query.subject_kind = rules::SubjectKind::kUnit;
  }
  std::optional<std::set<UnitId>> units;
  if (request.unit) {
    if (!work->organisation().find_unit(*request.unit)) {
      return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(request.unit->value) + ".");
    }
    units = subtree_with_lineage(*work, *request.unit, today);
  }
  const bool reads_people = domain::allows(actor.role, domain::Permission::kReadPeople);
  const auto scope = reads_people ? people_units(*work, actor, today) : std::nullopt;
  const auto terms = text::search_terms(text::fold(request.q));
  std::map<std::int64_t, bool> person_allowed;
  std::map<std::int64_t, std::vector<domain::Membership>> memberships;
  LevelCache cache;
  std::vector<GrantHistoryItem> result;
  for (auto& grant : work->grant_history().list_grants(query)) {
    if (grant.subject.kind == rules::SubjectKind::kPerson) {
      if (!reads_people) continue;
      const PersonId person{grant.subject.id};
      if (scope) {
        auto [at, inserted] = person_allowed.try_emplace(grant.subject.id, false);
        if (inserted) at->second = person_in_scope(*work, actor, person, today);
        if (!at->second) continue;
      }
      if (units) {
        auto [at, inserted] = memberships.try_emplace(grant.subject.id);
        if (inserted) at->second = work->people().memberships_of(person);
        if (!member_in_year(at->second, *units, grant.year)) continue;
      }
    } else if ((units && !units->contains(UnitId{grant.subject.id})) ||
               (lineage && !lineage->contains(UnitId{grant.subject.id}))) {
      continue;
    }
    const bool by_predecessor = request.subject && request.subject->kind == rules::SubjectKind::kUnit &&
                                grant.subject.id != request.subject->id;
    auto entry = item(*work, std::move(grant), cache);
    entry.by_predecessor = by_predecessor;
    if (request.level && entry.level != request.level) continue;
    if (!terms.empty() && !name_matches(text::fold(entry.subject_name), terms)) continue;
    result.push_back(std::move(entry));
  }
  std::stable_sort(result.begin(), result.end(), [](const GrantHistoryItem& a, const GrantHistoryItem& b) {
    return std::tuple(-a.grant.year, level_rank(a.level), a.grant.honour, a.sort_key) <
           std::tuple(-b.grant.year, level_rank(b.level), b.grant.honour, b.sort_key);
  });
  return result;
}

Result<GrantSummary> GrantHistoryService::summary(const Actor& actor, const GrantHistoryRequest& request) {
  auto items = list(actor, request);
  if (!items) return std::move(items).error();
  GrantSummary summary;
  // (year, level, honour) -> the subjects granted, persons and units apart.
  std::map<std::tuple<int, int, std::string>, std::pair<std::set<std::int64_t>, std::set<std::int64_t>>> cells;
  std::map<std::tuple<int, int, std::string>, GrantSummaryRow> rows;
  for (const auto& entry : *items) {
    const auto key = std::tuple(-entry.grant.year, level_rank(entry.level), entry.grant.honour);
    auto& row = rows[key];
    row.year = entry.grant.year;
    row.level = entry.level;
    row.honour = entry.grant.honour;
    row.honour_name = entry.honour_name;
    auto& [persons, units] = cells[key];
    if (entry.grant.subject.kind == rules::SubjectKind::kPerson) {
      if (persons.insert(entry.grant.subject.id).second) ++row.individuals;
    } else if (units.insert(entry.grant.subject.id).second) {
      ++row.collectives;
    }
  }
  for (auto& [key, row] : rows) {
    summary.individuals += row.individuals;
    summary.collectives += row.collectives;
    summary.rows.push_back(std::move(row));
  }
  return summary;
}

}  // namespace tdkt::app
