#include <soci/soci.h>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kPersonColumns =
    "p.id, p.family_name, p.middle_name, p.given_name, p.gender, p.birth_year, p.ethnicity, "
    "p.village, p.commune, p.province, p.note";
constexpr const char* kMembershipColumns =
    "SELECT id, person_id, unit_id, position, valid_from, valid_to FROM membership ";

domain::Person to_person(const Row& row) {
  domain::Person person;
  person.id = PersonId{row.integer(0)};
  person.family_name = row.text(1);
  person.middle_name = row.text(2);
  person.given_name = row.text(3);
  person.gender = domain::gender_from_string(row.text(4)).value_or(domain::Gender::kUnspecified);
  if (auto year = row.optional_integer(5)) person.birth_year = static_cast<int>(*year);
  person.ethnicity = row.text(6);
  person.village = row.text(7);
  person.commune = row.text(8);
  person.province = row.text(9);
  person.note = row.text(10);
  return person;
}

domain::Membership to_membership(const Row& row) {
  return {MembershipId{row.integer(0)}, PersonId{row.integer(1)}, UnitId{row.integer(2)}, row.text(3),
          Period{row.date(4), row.optional_date(5)}};
}

std::vector<domain::Membership> to_memberships(const std::vector<Row>& rows) {
  std::vector<domain::Membership> result;
  result.reserve(rows.size());
  for (const auto& row : rows)
    result.push_back(to_membership(row));
  return result;
}

// Stored with a leading space so that "% term%" matches the start of any word.
std::string stored_search_text(const std::string& folded) {
  return " " + folded;
}

Query& bind_person(Query& query, const domain::PersonDraft& draft, const std::string& search_text,
                   const std::string& sort_key) {
  return query.bind("family", draft.family_name)
      .bind("middle", draft.middle_name)
      .bind("given", draft.given_name)
      .bind("gender", std::string(domain::to_string(draft.gender)))
      .bind("birth_year", draft.birth_year ? std::optional<std::int64_t>(*draft.birth_year) : std::nullopt)
      .bind("ethnicity", draft.ethnicity)
      .bind("village", draft.village)
      .bind("commune", draft.commune)
      .bind("province", draft.province)
      .bind("note", draft.note)
      .bind("search", stored_search_text(search_text))
      .bind("sort", sort_key);
}

}  // namespace

std::optional<domain::Person> SqlPeopleRepository::find_person(PersonId id) {
  auto row = Query(session_, std::string("SELECT ") + kPersonColumns + " FROM person p WHERE p.id = :id")
                 .bind("id", id.value)
                 .first();
  if (!row) return std::nullopt;
  return to_person(*row);
}

PersonId SqlPeopleRepository::insert_person(const domain::PersonDraft& draft, const std::string& search_text,
                                            const std::string& sort_key) {
  Query query(session_,
              "INSERT INTO person (family_name, middle_name, given_name, gender, birth_year, ethnicity, "
              "village, "
              "commune, province, note, search_text, sort_key) VALUES (:family, :middle, :given, :gender, "
              ":birth_year, :ethnicity, :village, :commune, :province, :note, :search, :sort) RETURNING "
              "id");
  return PersonId{bind_person(query, draft, search_text, sort_key).insert_returning_id()};
}

void SqlPeopleRepository::update_person(PersonId id, const domain::PersonDraft& draft, const std::string& search_text,
                                        const std::string& sort_key) {
  Query query(session_,
              "UPDATE person SET family_name = :family, middle_name = :middle, given_name = :given, gender "
              "= :gender, "
              "birth_year = :birth_year, ethnicity = :ethnicity, village = :village, commune = :commune, "
              "province = :province, note = :note, search_text = :search, sort_key = :sort WHERE id = :id");
  bind_person(query, draft, search_text, sort_key).bind("id", id.value).execute();
}

std::vector<domain::Person> SqlPeopleRepository::list_people(const app::PeopleQuery& query) {
  std::string sql = std::string("SELECT ") + kPersonColumns + " FROM person p";
  if (query.unit) {
    sql +=
        " JOIN membership m ON m.person_id = p.id AND m.unit_id = :unit AND m.valid_from <= :day1"
        " AND (m.valid_to IS NULL OR m.valid_to >= :day2)";
  }
  sql += " WHERE 1 = 1";
  for (std::size_t i = 0; i < query.terms.size(); ++i) {
    sql += " AND p.search_text LIKE :t" + std::to_string(i);
  }
  if (query.within_units) {
    // The account's scope: members today of one of its units, or its own person.
    sql +=
        " AND (p.id = :self OR EXISTS (SELECT 1 FROM membership s WHERE s.person_id = p.id"
        " AND s.valid_from <= :scope_day1 AND (s.valid_to IS NULL OR s.valid_to >= :scope_day2)"
        " AND s.unit_id IN (0";
    for (std::size_t i = 0; i < query.within_units->size(); ++i)
      sql += ", :u" + std::to_string(i);
    sql += ")))";
  }
  sql += " ORDER BY p.sort_key, p.id LIMIT :limit OFFSET :offset";
  Query statement(session_, sql);
  if (query.unit) {
    statement.bind("unit", query.unit->value).bind("day1", query.as_of).bind("day2", query.as_of);
  }
  // Terms are folded to letters, digits and spaces, so they carry no LIKE wildcard.
  for (std::size_t i = 0; i < query.terms.size(); ++i) {
    statement.bind("t" + std::to_string(i), "% " + query.terms[i] + "%");
  }
  if (query.within_units) {
    statement.bind("self", query.also_person ? query.also_person->value : std::int64_t{0})
        .bind("scope_day1", query.scope_day)
        .bind("scope_day2", query.scope_day);
    for (std::size_t i = 0; i < query.within_units->size(); ++i) {
      statement.bind("u" + std::to_string(i), (*query.within_units)[i].value);
    }
  }
  statement.bind("limit", std::int64_t{query.limit} + 1).bind("offset", std::int64_t{query.offset});
  std::vector<domain::Person> result;
  for (const auto& row : statement.rows())
    result.push_back(to_person(row));
  return result;
}

std::int64_t SqlPeopleRepository::count_people() {
  return Query(session_, "SELECT COUNT(*) FROM person").first()->integer(0);
}

std::optional<domain::Membership> SqlPeopleRepository::find_membership(MembershipId id) {
  auto row = Query(session_, std::string(kMembershipColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_membership(*row);
}

std::vector<domain::Membership> SqlPeopleRepository::memberships_of(PersonId person) {
  return to_memberships(
      Query(session_, std::string(kMembershipColumns) + "WHERE person_id = :p ORDER BY valid_from, id")
          .bind("p", person.value)
          .rows());
}

std::vector<domain::Membership> SqlPeopleRepository::memberships_in(UnitId unit, CivilDate day) {
  return to_memberships(Query(session_, std::string(kMembershipColumns) +
                                            "WHERE unit_id = :u AND valid_from <= :day1 AND "
                                            "(valid_to IS NULL OR valid_to >= :day2) "
                                            "ORDER BY id")
                            .bind("u", unit.value)
                            .bind("day1", day)
                            .bind("day2", day)
                            .rows());
}

MembershipId SqlPeopleRepository::insert_membership(const domain::Membership& membership) {
  return MembershipId{Query(session_,
                            "INSERT INTO membership (person_id, unit_id, position, valid_from, valid_to) "
                            "VALUES (:p, :u, :position, :from, :to) RETURNING id")
                          .bind("p", membership.person.value)
                          .bind("u", membership.unit.value)
                          .bind("position", membership.position)
                          .bind("from", membership.period.from)
                          .bind("to", membership.period.to)
                          .insert_returning_id()};
}

void SqlPeopleRepository::update_membership(const domain::Membership& membership) {
  Query(session_,
        "UPDATE membership SET unit_id = :u, position = :position, valid_from = :from, valid_to = "
        ":to WHERE id = :id")
      .bind("u", membership.unit.value)
      .bind("position", membership.position)
      .bind("from", membership.period.from)
      .bind("to", membership.period.to)
      .bind("id", membership.id.value)
      .execute();
}

void SqlPeopleRepository::delete_membership(MembershipId id) {
  Query(session_, "DELETE FROM membership WHERE id = :id").bind("id", id.value).execute();
}

}  // namespace tdkt::storage
