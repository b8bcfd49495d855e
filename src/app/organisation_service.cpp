#include "app/organisation_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.hpp"
#include "app/snapshots.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

Error unit_not_found(UnitId id) {
  return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(id.value) + ".");
}

}  // namespace

std::vector<domain::UnitNode> OrganisationService::tree(CivilDate as_of) {
  return domain::build_tree(units(as_of));
}

std::vector<domain::Unit> OrganisationService::units(CivilDate as_of) {
  auto work = store_.read();
  return work->organisation().units_valid_on(as_of);
}

Result<domain::Unit> OrganisationService::unit(UnitId id) {
  auto work = store_.read();
  if (auto found = work->organisation().find_unit(id)) return *found;
  return unit_not_found(id);
}

Result<UnitHistory> OrganisationService::history(UnitId id) {
  auto work = store_.read();
  auto& repo = work->organisation();
  auto found = repo.find_unit(id);
  if (!found) return unit_not_found(id);
  UnitHistory history{*found, std::nullopt, std::nullopt, {}, {}};
  if (found->ended_by) history.ended_by = repo.find_restructuring(*found->ended_by);
  for (const auto& event : repo.restructurings()) {
    if (std::find(event.started.begin(), event.started.end(), id) != event.started.end()) {
      history.started_by = event;
    }
  }
  for (const auto& link : repo.successions_to(id)) {
    if (auto unit = repo.find_unit(link.predecessor)) history.predecessors.push_back(*unit);
  }
  for (const auto& link : repo.successions_from(id)) {
    if (auto unit = repo.find_unit(link.successor)) history.successors.push_back(*unit);
  }
  return history;
}

Result<std::vector<domain::Unit>> OrganisationService::successors_on(UnitId id, CivilDate day) {
  auto work = store_.read();
  auto& repo = work->organisation();
  auto start = repo.find_unit(id);
  if (!start) return unit_not_found(id);
  std::vector<domain::Unit> result;
  std::set<UnitId> seen;
  std::vector<domain::Unit> frontier{*start};
  while (!frontier.empty()) {
    auto current = frontier.back();
    frontier.pop_back();
    if (!seen.insert(current.id).second) continue;
    if (current.valid_on(day)) {
      result.push_back(current);
      continue;
    }
    if (day < current.period.from) continue;  // asked about a day before this unit existed
    for (const auto& link : repo.successions_from(current.id)) {
      if (auto next = repo.find_unit(link.successor)) frontier.push_back(*next);
    }
  }
  std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return result;
}

Result<domain::Unit> OrganisationService::create_unit(const Actor& actor, domain::UnitDraft draft) {
  TDKT_TRY(require(actor, domain::Permission::kManageOrganisation));
  draft.name = text::normalize(draft.name);
  draft.short_name = text::normalize(draft.short_name);
  draft.place = text::normalize(draft.place);
  TDKT_TRY(domain::check_unit_draft(draft));
  auto work = store_.write();
  auto& repo = work->organisation();
  if (draft.parent) {
    auto parent = repo.find_unit(*draft.parent);
    if (!parent) return Error::conflict(ErrorCode::kInvalidInput, "parent_id", "Không tìm thấy đơn vị cấp trên.");
    TDKT_TRY(domain::check_parent_covers(*parent, draft.period, "parent_id"));
  }
  const auto id = repo.insert_unit(draft);
  auto created = repo.find_unit(id);
  work->audit({actor.name, "unit", id.value, "create", std::nullopt, snapshot(*created)}, clock_.now_iso());
  work->commit();
  return *created;
}

Result<domain::Unit> OrganisationService::update_unit(const Actor& actor, UnitId id, const UnitPatch& patch) {
  TDKT_TRY(require(actor, domain::Permission::kManageOrganisation));
  auto work = store_.write();
  auto& repo = work->organisation();
  auto existing = repo.find_unit(id);
  if (!existing) return unit_not_found(id);
  domain::Unit changed = *existing;
  if (patch.name) changed.name = text::normalize(*patch.name);
  if (patch.short_name) changed.short_name = text::normalize(*patch.short_name);
  if (patch.place) changed.place = text::normalize(*patch.place);
  if (patch.parent) changed.parent = *patch.parent;
  TDKT_TRY(domain::check_unit_draft(
      {changed.name, changed.short_name, changed.kind, changed.parent, changed.place, changed.period}));
  if (patch.parent && *patch.parent) {
    const UnitId parent_id = **patch.parent;
    auto parent = repo.find_unit(parent_id);
    if (!parent) return Error::conflict(ErrorCode::kInvalidInput, "parent_id", "Không tìm thấy đơn vị cấp trên.");
    const bool cycle = domain::would_create_cycle(id, parent_id, [&](UnitId unit) -> std::optional<UnitId> {
      auto found = repo.find_unit(unit);
      return found ? found->parent : std::nullopt;
    });
    if (cycle) {
      return Error::conflict(ErrorCode::kCycle, "parent_id",
                             "Không thể đặt \"" + parent->name + "\" làm đơn vị cấp trên của \"" + existing->name +
                                 "\": đơn vị sẽ trở thành cấp trên của chính nó.");
    }
    TDKT_TRY(domain::check_parent_covers(*parent, changed.period, "parent_id"));
  }
  repo.update_unit(changed);
  work->audit({actor.name, "unit", id.value, "update", snapshot(*existing), snapshot(changed)}, clock_.now_iso());
  work->commit();
  return changed;
}

Result<domain::Restructuring> OrganisationService::restructure(const Actor& actor,
                                                               const domain::RestructuringRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kManageOrganisation));
  auto work = store_.write();
  auto& repo = work->organisation();
  auto& people = work->people();
  const auto now = clock_.now_iso();
  const CivilDate effective = request.effective_date;
  const CivilDate last_day = effective.add_days(-1);

  std::map<UnitId, domain::Unit> touched;
  std::vector<domain::Unit> active_children;
  for (auto id : request.ends) {
    if (auto unit = repo.find_unit(id)) {
      touched.emplace(id, *unit);
      for (auto& child : repo.children_valid_on(id, effective))
        active_children.push_back(child);
    }
  }
  for (const auto& item : request.successions) {
    if (item.successor_id) {
      if (auto unit = repo.find_unit(*item.successor_id)) touched.emplace(unit->id, *unit);
    }
  }
  TDKT_TRY(domain::check_restructuring(request, touched, active_children));

  // New units, parents before children.
  std::map<std::string, UnitId> created;
  std::vector<const domain::NewUnitInRestructuring*> pending;
  for (const auto& item : request.creates)
    pending.push_back(&item);
  while (!pending.empty()) {
    const auto before = pending.size();
    for (auto it = pending.begin(); it != pending.end();) {
      const auto& item = **it;
      if (item.parent_key && !created.contains(*item.parent_key)) {
        ++it;
        continue;
      }
      domain::UnitDraft draft = item.draft;
      draft.name = text::normalize(draft.name);
      draft.short_name = text::normalize(draft.short_name);
      draft.place = text::normalize(draft.place);
      draft.period.from = effective;
      if (item.parent_key) draft.parent = created.at(*item.parent_key);
      if (draft.parent && !item.parent_key) {
        auto parent = repo.find_unit(*draft.parent);
        if (!parent)
          return Error::conflict(ErrorCode::kInvalidInput, "creates.parent_id", "Không tìm thấy đơn vị cấp trên.");
        TDKT_TRY(domain::check_parent_covers(*parent, draft.period, "creates.parent_id"));
      }
      created[item.key] = repo.insert_unit(draft);
      it = pending.erase(it);
    }
    if (pending.size() == before) {
      return Error::invalid("creates", "Các đơn vị mới tham chiếu vòng tròn qua parent_key.");
    }
  }

  domain::Restructuring event;
  event.title = text::normalize(request.title);
  event.legal_basis = text::normalize(request.legal_basis);
  event.effective_date = effective;
  event.ended = request.ends;
  for (const auto& item : request.creates)
    event.started.push_back(created.at(item.key));
  for (const auto& item : request.successions) {
    const UnitId successor = item.successor_id ? *item.successor_id : created.at(*item.successor_key);
    event.successions.push_back({item.predecessor, successor, item.transfer_members});
  }
  event.id = repo.insert_restructuring(event);

  for (const auto& item : request.creates) {
    auto unit = repo.find_unit(created.at(item.key));
    work->audit({actor.name, "unit", unit->id.value, "create", std::nullopt, snapshot(*unit)}, now);
  }
  for (auto id : request.ends) {
    const auto& before = touched.at(id);
    repo.end_unit(id, last_day, event.id);
    auto after = repo.find_unit(id);
    work->audit({actor.name, "unit", id.value, "end", snapshot(before), snapshot(*after)}, now);
    // Close the memberships still open on the effective date; move them where asked.
    std::optional<UnitId> transfer_to;
    for (const auto& link : event.successions) {
      if (link.predecessor == id && link.transfer_members) transfer_to = link.successor;
    }
    for (auto membership : people.memberships_in(id, effective)) {
      const auto original = membership;
      if (membership.period.from >= effective) {
        return Error::conflict(ErrorCode::kConflict, "ends",
                               "Đơn vị \"" + before.name + "\" có quá trình công tác bắt đầu từ ngày " +
                                   membership.period.from.vn() + ", sau ngày hiệu lực của đợt sắp xếp.");
      }
      membership.period.to = last_day;
      people.update_membership(membership);
      work->audit({actor.name, "membership", membership.id.value, "update", snapshot(original), snapshot(membership)},
                  now);
      if (transfer_to) {
        domain::Membership moved{MembershipId{}, membership.person, *transfer_to, membership.position,
                                 Period{effective, original.period.to}};
        moved.id = people.insert_membership(moved);
        work->audit({actor.name, "membership", moved.id.value, "create", std::nullopt, snapshot(moved)}, now);
      }
    }
  }
  work->audit({actor.name, "restructuring", event.id.value, "create", std::nullopt, snapshot(event)}, now);
  work->commit();
  return event;
}

std::vector<domain::Restructuring> OrganisationService::restructurings() {
  auto work = store_.read();
  return work->organisation().restructurings();
}

Result<domain::Restructuring> OrganisationService::restructuring(RestructuringId id) {
  auto work = store_.read();
  if (auto found = work->organisation().find_restructuring(id)) return *found;
  return Error::not_found("Không tìm thấy đợt sắp xếp mã " + std::to_string(id.value) + ".");
}

Result<domain::Bloc> OrganisationService::create_bloc(const Actor& actor, domain::Bloc bloc) {
  TDKT_TRY(require(actor, domain::Permission::kManageOrganisation));
  bloc.name = text::normalize(bloc.name);
  if (bloc.name.empty()) return Error::invalid("name", "Tên khối thi đua không được để trống.");
  if (!bloc.period.valid()) return Error::invalid("valid_to", "Ngày kết thúc phải sau ngày bắt đầu.");
  auto work = store_.write();
  bloc.id = work->organisation().insert_bloc(bloc);
  work->audit({actor.name, "bloc", bloc.id.value, "create", std::nullopt, snapshot(bloc)}, clock_.now_iso());
  work->commit();
  return bloc;
}

Status OrganisationService::add_bloc_member(const Actor& actor, const domain::BlocMember& member) {
  TDKT_TRY(require(actor, domain::Permission::kManageOrganisation));
  if (!member.period.valid()) return Error::invalid("to", "Ngày kết thúc phải sau ngày bắt đầu.");
  auto work = store_.write();
  auto& repo = work->organisation();
  auto bloc = repo.find_bloc(member.bloc);
  if (!bloc) return Error::not_found("Không tìm thấy khối thi đua.");
  auto unit = repo.find_unit(member.unit);
  if (!unit) return Error::conflict(ErrorCode::kInvalidInput, "unit_id", "Không tìm thấy đơn vị.");
  if (unit->kind != domain::UnitKind::kAgency) {
    return Error::invalid("unit_id", "Chỉ cơ quan mới là thành viên của khối thi đua.");
  }
  for (const auto& other : repo.bloc_members(member.bloc)) {
    if (other.unit == member.unit && other.period.overlaps(member.period)) {
      return Error::conflict(ErrorCode::kOverlap, "from",
                             "\"" + unit->name + "\" đã là thành viên của khối trong thời gian này.");
    }
  }
  repo.insert_bloc_member(member);
  work->audit({actor.name, "bloc", member.bloc.value, "add_member", std::nullopt, snapshot(member)}, clock_.now_iso());
  work->commit();
  return {};
}

std::vector<BlocView> OrganisationService::blocs(CivilDate as_of) {
  auto work = store_.read();
  auto& repo = work->organisation();
  std::vector<BlocView> result;
  for (const auto& bloc : repo.blocs()) {
    if (!bloc.period.contains(as_of)) continue;
    BlocView view{bloc, {}};
    for (const auto& member : repo.bloc_members(bloc.id)) {
      if (!member.period.contains(as_of)) continue;
      if (auto unit = repo.find_unit(member.unit)) view.members.push_back(*unit);
    }
    std::sort(view.members.begin(), view.members.end(),
              [](const auto& a, const auto& b) { return text::collation_key(a.name) < text::collation_key(b.name); });
    result.push_back(std::move(view));
  }
  return result;
}

}  // namespace tdkt::app
