#include "app/people_service.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/snapshots.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

Error person_not_found(PersonId id) {
  return Error::not_found("Không tìm thấy cá nhân mã " + std::to_string(id.value) + ".");
}

Error membership_not_found(MembershipId id) {
  return Error::not_found("Không tìm thấy quá trình công tác mã " + std::to_string(id.value) + ".");
}

Error out_of_scope(const Actor& actor) {
  return {ErrorCode::kForbidden, "Cá nhân này nằm ngoài phạm vi đơn vị được giao cho tài khoản \"" + actor.name + "\".",
          ""};
}

// Whether the actor created `person` (the audit trail's create record) and the person has never
// had a membership: the only outsider a scoped account may bring into its units.
bool created_by_without_membership(UnitOfWork& work, const Actor& actor, PersonId person) {
  if (!work.people().memberships_of(person).empty()) return false;
  const auto history = work.audit_history("person", person.value);
  return !history.empty() && history.front().entry.action == "create" && history.front().entry.actor == actor.name;
}

// A scoped account (unit head) changes memberships only of persons within its scope; it adds a
// first membership also to a person it has just created. Anyone else is the officer's to move.
Status require_membership_person(UnitOfWork& work, const Actor& actor, const domain::Person& person, bool create,
                                 CivilDate today) {
  if (person_in_scope(work, actor, person.id, today)) return {};
  if (create && created_by_without_membership(work, actor, person.id)) return {};
  return Error{ErrorCode::kForbidden,
               "Cá nhân \"" + person.full_name() + "\" không thuộc phạm vi đơn vị được giao cho tài khoản \"" +
                   actor.name +
                   "\": tài khoản chỉ thêm, sửa quá trình công tác của người đang công tác trong phạm vi, hoặc của "
                   "người do chính tài khoản vừa tạo và chưa có quá trình công tác nào. Hãy đề nghị cán bộ thi "
                   "đua - khen thưởng cập nhật quá trình công tác của người này.",
               "person_id"};
}

}  // namespace

Result<domain::Person> PeopleService::person(const Actor& actor, PersonId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  auto found = work->people().find_person(id);
  if (!found) return person_not_found(id);
  if (!person_in_scope(*work, actor, id, clock_.today())) return out_of_scope(actor);
  return *found;
}

Result<PeoplePage> PeopleService::list(const Actor& actor, const PeopleListRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  if (request.limit < 1 || request.limit > kMaxPageSize) {
    return Error::invalid("limit", "Số dòng mỗi trang phải từ 1 đến " + std::to_string(kMaxPageSize) + ".");
  }
  if (request.offset < 0) return Error::invalid("offset", "Vị trí bắt đầu không được âm.");
  if (request.q.size() > 200) return Error::invalid("q", "Từ khóa tìm kiếm dài quá 200 ký tự.");
  PeopleQuery query;
  query.terms = text::search_terms(text::fold(request.q));
  query.unit = request.unit;
  query.as_of = request.as_of.value_or(clock_.today());
  query.offset = request.offset;
  query.limit = request.limit;
  auto work = store_.read();
  if (query.unit && !work->organisation().find_unit(*query.unit)) {
    return Error::invalid("unit_id", "Không tìm thấy đơn vị.");
  }
  query.scope_day = clock_.today();
  query.within_units = people_units(*work, actor, query.scope_day);
  if (query.within_units) query.also_person = actor.person;
  PeoplePage page;
  page.items = work->people().list_people(query);
  page.offset = request.offset;
  page.limit = request.limit;
  if (static_cast<int>(page.items.size()) > request.limit) {
    page.has_more = true;
    page.items.resize(static_cast<std::size_t>(request.limit));
  }
  return page;
}

Result<std::int64_t> PeopleService::count_visible(const Actor& actor) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  const auto today = clock_.today();
  const auto units = people_units(*work, actor, today);
  if (!units) return work->people().count_people();
  PeopleQuery query;
  query.as_of = today;
  query.scope_day = today;
  query.within_units = units;
  query.also_person = actor.person;
  query.limit = kMaxPageSize * 50;
  return static_cast<std::int64_t>(work->people().list_people(query).size());
}

Result<domain::Person> PeopleService::create(const Actor& actor, domain::PersonDraft draft) {
  TDKT_TRY(require(actor, domain::Permission::kManagePeople));
  auto checked = domain::check_person_draft(std::move(draft), clock_.today().year());
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  auto& repo = work->people();
  const auto id = repo.insert_person(*checked, domain::person_search_text(*checked), domain::person_sort_key(*checked));
  auto created = repo.find_person(id);
  work->audit({actor.name, "person", id.value, "create", std::nullopt, snapshot(*created)}, clock_.now_iso());
  work->commit();
  return *created;
}

Result<domain::Person> PeopleService::update(const Actor& actor, PersonId id, domain::PersonDraft draft) {
  TDKT_TRY(require(actor, domain::Permission::kManagePeople));
  auto checked = domain::check_person_draft(std::move(draft), clock_.today().year());
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  auto& repo = work->people();
  auto before = repo.find_person(id);
  if (!before) return person_not_found(id);
  if (!person_in_scope(*work, actor, id, clock_.today())) return out_of_scope(actor);
  repo.update_person(id, *checked, domain::person_search_text(*checked), domain::person_sort_key(*checked));
  auto after = repo.find_person(id);
  work->audit({actor.name, "person", id.value, "update", snapshot(*before), snapshot(*after)}, clock_.now_iso());
  work->commit();
  return *after;
}

Result<std::vector<domain::Membership>> PeopleService::memberships(const Actor& actor, PersonId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  if (!work->people().find_person(id)) return person_not_found(id);
  if (!person_in_scope(*work, actor, id, clock_.today())) return out_of_scope(actor);
  return work->people().memberships_of(id);
}

Result<domain::Membership> PeopleService::membership(const Actor& actor, MembershipId id) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  auto found = work->people().find_membership(id);
  if (!found) return membership_not_found(id);
  if (!person_in_scope(*work, actor, found->person, clock_.today())) return out_of_scope(actor);
  return *found;
}

Result<std::vector<UnitMember>> PeopleService::members(const Actor& actor, UnitId unit, CivilDate day) {
  TDKT_TRY(require(actor, domain::Permission::kReadPeople));
  auto work = store_.read();
  if (!work->organisation().find_unit(unit)) {
    return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(unit.value) + ".");
  }
  const auto today = clock_.today();
  std::vector<UnitMember> result;
  for (const auto& membership : work->people().memberships_in(unit, day)) {
    if (!person_in_scope(*work, actor, membership.person, today)) continue;
    if (auto person = work->people().find_person(membership.person)) result.push_back({membership, *person});
  }
  std::sort(result.begin(), result.end(), [](const UnitMember& a, const UnitMember& b) {
    return text::name_sort_key(a.person.given_name, a.person.middle_name, a.person.family_name) <
           text::name_sort_key(b.person.given_name, b.person.middle_name, b.person.family_name);
  });
  return result;
}

Result<domain::Membership> PeopleService::add_membership(const Actor& actor, domain::Membership membership) {
  membership.id = MembershipId{};
  return save_membership(actor, std::move(membership), true);
}

Result<domain::Membership> PeopleService::update_membership(const Actor& actor, MembershipId id,
                                                            const MembershipPatch& patch) {
  TDKT_TRY(require(actor, domain::Permission::kManagePeople));
  domain::Membership membership;
  {
    auto work = store_.read();
    auto found = work->people().find_membership(id);
    if (!found) return membership_not_found(id);
    membership = *found;
  }
  if (patch.unit) membership.unit = *patch.unit;
  if (patch.position) membership.position = *patch.position;
  if (patch.from) membership.period.from = *patch.from;
  if (patch.to) membership.period.to = *patch.to;
  return save_membership(actor, std::move(membership), false);
}

Result<domain::Membership> PeopleService::save_membership(const Actor& actor, domain::Membership membership,
                                                          bool create) {
  TDKT_TRY(require(actor, domain::Permission::kManagePeople));
  membership.position = text::normalize(membership.position);
  auto work = store_.write();
  auto& people = work->people();
  const auto today = clock_.today();
  std::optional<domain::Membership> before;
  if (!create) {
    before = people.find_membership(membership.id);
    if (!before) return membership_not_found(membership.id);
    membership.person = before->person;
    TDKT_TRY(require_unit_in_scope(*work, actor, before->unit, today));
  }
  auto person = people.find_person(membership.person);
  if (!person) return person_not_found(membership.person);
  TDKT_TRY(require_membership_person(*work, actor, *person, create, today));
  auto unit = work->organisation().find_unit(membership.unit);
  if (!unit) return Error::invalid("unit_id", "Không tìm thấy đơn vị.");
  TDKT_TRY(require_unit_in_scope(*work, actor, membership.unit, today));
  TDKT_TRY(domain::check_membership(membership, people.memberships_of(membership.person)));
  if (!unit->period.covers(membership.period)) {
    std::string span =
        "từ " + unit->period.from.vn() + (unit->period.to ? " đến " + unit->period.to->vn() : std::string());
    return Error::conflict(
        ErrorCode::kConflict, "unit_id",
        "Đơn vị \"" + unit->name + "\" chỉ tồn tại " + span + "; thời gian công tác phải nằm trong khoảng đó.");
  }
  if (create) {
    membership.id = people.insert_membership(membership);
  } else {
    people.update_membership(membership);
  }
  work->audit({actor.name, "membership", membership.id.value, create ? "create" : "update",
               before ? std::optional<Snapshot>(snapshot(*before)) : std::nullopt, snapshot(membership)},
              clock_.now_iso());
  work->commit();
  return membership;
}

Status PeopleService::delete_membership(const Actor& actor, MembershipId id) {
  TDKT_TRY(require(actor, domain::Permission::kManagePeople));
  auto work = store_.write();
  auto before = work->people().find_membership(id);
  if (!before) return membership_not_found(id);
  TDKT_TRY(require_unit_in_scope(*work, actor, before->unit, clock_.today()));
  auto person = work->people().find_person(before->person);
  if (!person) return person_not_found(before->person);
  TDKT_TRY(require_membership_person(*work, actor, *person, false, clock_.today()));
  work->people().delete_membership(id);
  work->audit({actor.name, "membership", id.value, "delete", snapshot(*before), std::nullopt}, clock_.now_iso());
  work->commit();
  return {};
}

}  // namespace tdkt::app
