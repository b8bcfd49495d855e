#include <soci/soci.h>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kUnitColumns =
    "SELECT id, name, short_name, kind, parent_id, place, valid_from, valid_to, ended_by FROM "
    "unit ";

domain::Unit to_unit(const Row& row) {
  domain::Unit unit;
  unit.id = UnitId{row.integer(0)};
  unit.name = row.text(1);
  unit.short_name = row.text(2);
  unit.kind = domain::unit_kind_from_string(row.text(3)).value_or(domain::UnitKind::kAgency);
  if (auto parent = row.optional_integer(4)) unit.parent = UnitId{*parent};
  unit.place = row.text(5);
  unit.period = {row.date(6), row.optional_date(7)};
  if (auto ended = row.optional_integer(8)) unit.ended_by = RestructuringId{*ended};
  return unit;
}

std::vector<domain::Unit> to_units(const std::vector<Row>& rows) {
  std::vector<domain::Unit> units;
  units.reserve(rows.size());
  for (const auto& row : rows)
    units.push_back(to_unit(row));
  return units;
}

std::optional<std::int64_t> optional_id(const std::optional<UnitId>& id) {
  return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
}

domain::Bloc to_bloc(const Row& row) {
  return {BlocId{row.integer(0)}, row.text(1), row.text(2), {row.date(3), row.optional_date(4)}};
}

}  // namespace

std::optional<domain::Unit> SqlOrganisationRepository::find_unit(UnitId id) {
  auto row = Query(session_, std::string(kUnitColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_unit(*row);
}

std::vector<domain::Unit> SqlOrganisationRepository::units_valid_on(CivilDate day) {
  return to_units(
      Query(session_, std::string(kUnitColumns) +
                          "WHERE valid_from <= :day1 AND (valid_to IS NULL OR valid_to >= :day2) ORDER BY id")
          .bind("day1", day)
          .bind("day2", day)
          .rows());
}

std::vector<domain::Unit> SqlOrganisationRepository::children_valid_on(UnitId parent, CivilDate day) {
  return to_units(
      Query(session_, std::string(kUnitColumns) +
                          "WHERE parent_id = :parent AND (valid_to IS NULL OR valid_to >= :day) ORDER BY id")
          .bind("parent", parent.value)
          .bind("day", day)
          .rows());
}

UnitId SqlOrganisationRepository::insert_unit(const domain::UnitDraft& draft) {
  return UnitId{Query(session_,
                      "INSERT INTO unit (name, short_name, kind, parent_id, place, valid_from, valid_to) "
                      "VALUES (:name, :short_name, :kind, :parent, :place, :from, :to) RETURNING id")
                    .bind("name", draft.name)
                    .bind("short_name", draft.short_name)
                    .bind("kind", std::string(domain::to_string(draft.kind)))
                    .bind("parent", optional_id(draft.parent))
                    .bind("place", draft.place)
                    .bind("from", draft.period.from)
                    .bind("to", draft.period.to)
                    .insert_returning_id()};
}

void SqlOrganisationRepository::update_unit(const domain::Unit& unit) {
  Query(session_,
        "UPDATE unit SET name = :name, short_name = :short_name, parent_id = :parent, place = :place "
        "WHERE id = :id")
      .bind("name", unit.name)
      .bind("short_name", unit.short_name)
      .bind("parent", optional_id(unit.parent))
      .bind("place", unit.place)
      .bind("id", unit.id.value)
      .execute();
}

void SqlOrganisationRepository::end_unit(UnitId id, CivilDate last_day, RestructuringId by) {
  Query(session_, "UPDATE unit SET valid_to = :to, ended_by = :by WHERE id = :id")
      .bind("to", last_day)
      .bind("by", by.value)
      .bind("id", id.value)
      .execute();
}

RestructuringId SqlOrganisationRepository::insert_restructuring(const domain::Restructuring& event) {
  const RestructuringId id{Query(session_,
                                 "INSERT INTO restructuring (title, legal_basis, effective_date) "
                                 "VALUES (:title, :basis, :date) RETURNING id")
                               .bind("title", event.title)
                               .bind("basis", event.legal_basis)
                               .bind("date", event.effective_date)
                               .insert_returning_id()};
  auto link = [&](UnitId unit, const char* role) {
    Query(session_, "INSERT INTO restructuring_unit (restructuring_id, unit_id, role) VALUES (:r, :u, :role)")
        .bind("r", id.value)
        .bind("u", unit.value)
        .bind("role", std::string(role))
        .execute();
  };
  for (auto unit : event.ended)
    link(unit, "ended");
  for (auto unit : event.started)
    link(unit, "started");
  for (const auto& item : event.successions) {
    Query(session_,
          "INSERT INTO succession (restructuring_id, predecessor_id, successor_id, transfer_members) "
          "VALUES (:r, :p, :s, :t)")
        .bind("r", id.value)
        .bind("p", item.predecessor.value)
        .bind("s", item.successor.value)
        .bind("t", std::int64_t{item.transfer_members ? 1 : 0})
        .execute();
  }
  return id;
}

std::optional<domain::Restructuring> SqlOrganisationRepository::find_restructuring(RestructuringId id) {
  auto row = Query(session_, "SELECT id, title, legal_basis, effective_date FROM restructuring WHERE id = :id")
                 .bind("id", id.value)
                 .first();
  if (!row) return std::nullopt;
  domain::Restructuring event;
  event.id = id;
  event.title = row->text(1);
  event.legal_basis = row->text(2);
  event.effective_date = row->date(3);
  for (const auto& link : Query(session_,
                                "SELECT unit_id, role FROM restructuring_unit WHERE "
                                "restructuring_id = :id ORDER BY unit_id")
                              .bind("id", id.value)
                              .rows()) {
    (link.text(1) == "ended" ? event.ended : event.started).emplace_back(link.integer(0));
  }
  for (const auto& link : Query(session_,
                                "SELECT predecessor_id, successor_id, transfer_members FROM succession "
                                "WHERE restructuring_id = :id ORDER BY predecessor_id, successor_id")
                              .bind("id", id.value)
                              .rows()) {
    event.successions.push_back({UnitId{link.integer(0)}, UnitId{link.integer(1)}, link.integer(2) != 0});
  }
  return event;
}

std::vector<domain::Restructuring> SqlOrganisationRepository::restructurings() {
  std::vector<domain::Restructuring> events;
  for (const auto& row : Query(session_, "SELECT id FROM restructuring ORDER BY effective_date, id").rows()) {
    if (auto event = find_restructuring(RestructuringId{row.integer(0)})) events.push_back(std::move(*event));
  }
  return events;
}

std::vector<domain::Succession> SqlOrganisationRepository::successions(const char* where, UnitId id) {
  std::vector<domain::Succession> result;
  for (const auto& row : Query(session_, std::string("SELECT predecessor_id, successor_id, transfer_members "
                                                     "FROM succession WHERE ") +
                                             where + " = :id ORDER BY predecessor_id, successor_id")
                             .bind("id", id.value)
                             .rows()) {
    result.push_back({UnitId{row.integer(0)}, UnitId{row.integer(1)}, row.integer(2) != 0});
  }
  return result;
}

std::vector<domain::Succession> SqlOrganisationRepository::successions_from(UnitId id) {
  return successions("predecessor_id", id);
}

std::vector<domain::Succession> SqlOrganisationRepository::successions_to(UnitId id) {
  return successions("successor_id", id);
}

BlocId SqlOrganisationRepository::insert_bloc(const domain::Bloc& bloc) {
  return BlocId{Query(session_,
                      "INSERT INTO bloc (name, note, valid_from, valid_to) VALUES (:name, :note, "
                      ":from, :to) RETURNING id")
                    .bind("name", bloc.name)
                    .bind("note", bloc.note)
                    .bind("from", bloc.period.from)
                    .bind("to", bloc.period.to)
                    .insert_returning_id()};
}

void SqlOrganisationRepository::insert_bloc_member(const domain::BlocMember& member) {
  Query(session_,
        "INSERT INTO bloc_member (bloc_id, unit_id, valid_from, valid_to) VALUES (:b, :u, :from, "
        ":to)")
      .bind("b", member.bloc.value)
      .bind("u", member.unit.value)
      .bind("from", member.period.from)
      .bind("to", member.period.to)
      .execute();
}

std::vector<domain::Bloc> SqlOrganisationRepository::blocs() {
  std::vector<domain::Bloc> result;
  for (const auto& row : Query(session_, "SELECT id, name, note, valid_from, valid_to FROM bloc ORDER BY id").rows()) {
    result.push_back(to_bloc(row));
  }
  return result;
}

std::optional<domain::Bloc> SqlOrganisationRepository::find_bloc(BlocId id) {
  auto row = Query(session_, "SELECT id, name, note, valid_from, valid_to FROM bloc WHERE id = :id")
                 .bind("id", id.value)
                 .first();
  if (!row) return std::nullopt;
  return to_bloc(*row);
}

std::vector<domain::BlocMember> SqlOrganisationRepository::bloc_members(BlocId id) {
  std::vector<domain::BlocMember> result;
  for (const auto& row : Query(session_,
                               "SELECT bloc_id, unit_id, valid_from, valid_to FROM bloc_member "
                               "WHERE bloc_id = :b ORDER BY id")
                             .bind("b", id.value)
                             .rows()) {
    result.push_back({BlocId{row.integer(0)}, UnitId{row.integer(1)}, {row.date(2), row.optional_date(3)}});
  }
  return result;
}

}  // namespace tdkt::storage
