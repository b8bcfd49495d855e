// Yearly records, initiatives and grants. Codes are stored as in the rule files; an unknown
// code read back means the database was edited by hand and is reported, not silently mapped.

#include <soci/soci.h>

#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

namespace rules = domain::rules;

template <typename T>
T must(std::optional<T> value, const char* what, const std::string& code) {
  if (!value) throw std::runtime_error(std::string("unknown ") + what + " code in the database: " + code);
  return *value;
}

std::optional<std::int64_t> optional_int(const std::optional<int>& value) {
  return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

std::optional<int> to_optional_int(const std::optional<std::int64_t>& value) {
  return value ? std::optional<int>(static_cast<int>(*value)) : std::nullopt;
}

std::optional<std::string> rating_code(rules::Rating rating) {
  if (rating == rules::Rating::kNone) return std::nullopt;
  return std::string(rules::to_string(rating));
}

rules::Rating to_rating(const std::optional<std::string>& code) {
  if (!code) return rules::Rating::kNone;
  return must(rules::rating_from_string(*code), "rating", *code);
}

std::string known_code(rules::Known value) {
  switch (value) {
    case rules::Known::kYes: return "yes";
    case rules::Known::kNo: return "no";
    case rules::Known::kUnknown: break;
  }
  return "unknown";
}

rules::Known to_known(const std::string& code) {
  if (code == "yes") return rules::Known::kYes;
  if (code == "no") return rules::Known::kNo;
  return rules::Known::kUnknown;
}

std::string kind_code(rules::SubjectKind kind) {
  return std::string(rules::to_string(kind));
}

constexpr const char* kPersonYearColumns =
    "SELECT person_id, year, rating, months_worked, leave_months, discipline, discipline_date, discipline_pending, "
    "pending_note, notable_achievement, note FROM person_year ";

domain::PersonYear to_person_year(const Row& row) {
  domain::PersonYear record;
  record.person = PersonId{row.integer(0)};
  record.year = static_cast<int>(row.integer(1));
  record.rating = to_rating(row.optional_text(2));
  record.months_worked = to_optional_int(row.optional_integer(3));
  record.leave_months = to_optional_int(row.optional_integer(4));
  record.discipline = must(rules::discipline_level_from_string(row.text(5)), "discipline", row.text(5));
  record.discipline_date = row.optional_date(6);
  record.discipline_pending = row.integer(7) != 0;
  record.pending_note = row.text(8);
  record.notable_achievement = to_known(row.text(9));
  record.note = row.text(10);
  return record;
}

constexpr const char* kUnitYearColumns =
    "SELECT unit_id, year, rating, members, members_completed, members_ldtt, members_cstdcs, members_disciplined, "
    "leads_bloc, notable_achievement, discipline_pending, note FROM unit_year ";

domain::UnitYear to_unit_year(const Row& row) {
  domain::UnitYear record;
  record.unit = UnitId{row.integer(0)};
  record.year = static_cast<int>(row.integer(1));
  record.rating = to_rating(row.optional_text(2));
  record.members = to_optional_int(row.optional_integer(3));
  record.members_completed = to_optional_int(row.optional_integer(4));
  record.members_ldtt = to_optional_int(row.optional_integer(5));
  record.members_cstdcs = to_optional_int(row.optional_integer(6));
  record.members_disciplined = to_optional_int(row.optional_integer(7));
  record.leads_bloc = to_known(row.text(8));
  record.notable_achievement = to_known(row.text(9));
  record.discipline_pending = row.integer(10) != 0;
  record.note = row.text(11);
  return record;
}

constexpr const char* kInitiativeColumns =
    "SELECT id, subject_kind, subject_id, year, title, level, recognised_by, used_for, used_for_year FROM initiative ";

domain::InitiativeRecord to_initiative(const Row& row) {
  domain::InitiativeRecord record;
  record.id = InitiativeId{row.integer(0)};
  record.subject = {must(rules::subject_kind_from_string(row.text(1)), "subject kind", row.text(1)), row.integer(2)};
  record.year = static_cast<int>(row.integer(3));
  record.title = row.text(4);
  record.level = must(rules::initiative_level_from_string(row.text(5)), "initiative level", row.text(5));
  record.recognised_by = row.text(6);
  record.used_for = row.text(7);
  record.used_for_year = to_optional_int(row.optional_integer(8));
  return record;
}

constexpr const char* kGrantColumns =
    "SELECT g.id, g.subject_kind, g.subject_id, g.honour, g.year, g.grant_type, g.decision_number, g.decision_date, "
    "g.authority, g.note, g.source FROM honour_grant g ";

domain::GrantRecord to_grant(const Row& row) {
  domain::GrantRecord record;
  record.id = GrantId{row.integer(0)};
  record.subject = {must(rules::subject_kind_from_string(row.text(1)), "subject kind", row.text(1)), row.integer(2)};
  record.honour = row.text(3);
  record.year = static_cast<int>(row.integer(4));
  record.type = must(rules::grant_type_from_string(row.text(5)), "grant type", row.text(5));
  record.decision_number = row.text(6);
  record.decision_date = row.optional_date(7);
  record.authority = row.text(8);
  record.note = row.text(9);
  record.source = must(domain::grant_source_from_string(row.text(10)), "grant source", row.text(10));
  return record;
}

template <typename T, typename Convert>
std::vector<T> convert_all(const std::vector<Row>& rows, Convert convert) {
  std::vector<T> result;
  result.reserve(rows.size());
  for (const auto& row : rows)
    result.push_back(convert(row));
  return result;
}

// Members at some time in the year: a membership in one of the units that overlaps
// [1 January, 31 December].
std::string members_of_year(std::size_t units) {
  std::string sql = "SELECT m.person_id FROM membership m WHERE m.unit_id IN (0";
  for (std::size_t i = 0; i < units; ++i)
    sql += ", :unit" + std::to_string(i);
  return sql + ") AND m.valid_from <= :last_day AND (m.valid_to IS NULL OR m.valid_to >= :first_day)";
}

Query& bind_year_span(Query& query, const std::vector<UnitId>& units, int year) {
  for (std::size_t i = 0; i < units.size(); ++i)
    query.bind("unit" + std::to_string(i), units[i].value);
  return query.bind("first_day", *CivilDate::from_ymd(year, 1, 1)).bind("last_day", *CivilDate::from_ymd(year, 12, 31));
}

}  // namespace

std::vector<domain::PersonYear> SqlRecordsRepository::person_years(PersonId person) {
  return convert_all<domain::PersonYear>(
      Query(session_, std::string(kPersonYearColumns) + "WHERE person_id = :p ORDER BY year")
          .bind("p", person.value)
          .rows(),
      to_person_year);
}

std::optional<domain::PersonYear> SqlRecordsRepository::find_person_year(PersonId person, int year) {
  auto row = Query(session_, std::string(kPersonYearColumns) + "WHERE person_id = :p AND year = :y")
                 .bind("p", person.value)
                 .bind("y", std::int64_t{year})
                 .first();
  if (!row) return std::nullopt;
  return to_person_year(*row);
}

void SqlRecordsRepository::upsert_person_year(const domain::PersonYear& record) {
  Query(session_,
        "INSERT INTO person_year (person_id, year, rating, months_worked, leave_months, discipline, discipline_date, "
        "discipline_pending, pending_note, notable_achievement, note) VALUES (:p, :y, :rating, :months, :leave, "
        ":discipline, :ddate, :pending, :pnote, :notable, :note) ON CONFLICT (person_id, year) DO UPDATE SET rating = "
        "excluded.rating, "
        "months_worked = excluded.months_worked, leave_months = excluded.leave_months, discipline = "
        "excluded.discipline, discipline_date = excluded.discipline_date, discipline_pending = "
        "excluded.discipline_pending, pending_note = excluded.pending_note, notable_achievement = "
        "excluded.notable_achievement, note = "
        "excluded.note")
      .bind("p", record.person.value)
      .bind("y", std::int64_t{record.year})
      .bind("rating", rating_code(record.rating))
      .bind("months", optional_int(record.months_worked))
      .bind("leave", optional_int(record.leave_months))
      .bind("discipline", std::string(rules::to_string(record.discipline)))
      .bind("ddate", record.discipline_date)
      .bind("pending", std::int64_t{record.discipline_pending ? 1 : 0})
      .bind("pnote", record.pending_note)
      .bind("notable", known_code(record.notable_achievement))
      .bind("note", record.note)
      .execute();
}

void SqlRecordsRepository::delete_person_year(PersonId person, int year) {
  Query(session_, "DELETE FROM person_year WHERE person_id = :p AND year = :y")
      .bind("p", person.value)
      .bind("y", std::int64_t{year})
      .execute();
}

std::vector<domain::PersonYear> SqlRecordsRepository::member_years(const std::vector<UnitId>& units, int year) {
  Query query(session_, std::string(kPersonYearColumns) + "WHERE year = :y AND person_id IN (" +
                            members_of_year(units.size()) + ") ORDER BY person_id");
  query.bind("y", std::int64_t{year});
  return convert_all<domain::PersonYear>(bind_year_span(query, units, year).rows(), to_person_year);
}

int SqlRecordsRepository::member_count(const std::vector<UnitId>& units, int year) {
  Query query(session_, "SELECT COUNT(DISTINCT person_id) FROM (" + members_of_year(units.size()) + ") members");
  return static_cast<int>(bind_year_span(query, units, year).first()->integer(0));
}

std::vector<domain::GrantRecord> SqlRecordsRepository::member_grants(const std::vector<UnitId>& units, int year) {
  Query query(session_, std::string(kGrantColumns) +
                            "WHERE g.subject_kind = 'person' AND g.year = :y AND g.grant_type = 'merit' AND "
                            "g.subject_id IN (" +
                            members_of_year(units.size()) + ") ORDER BY g.subject_id, g.id");
  query.bind("y", std::int64_t{year});
  return convert_all<domain::GrantRecord>(bind_year_span(query, units, year).rows(), to_grant);
}

std::vector<domain::UnitYear> SqlRecordsRepository::unit_years(UnitId unit) {
  return convert_all<domain::UnitYear>(
      Query(session_, std::string(kUnitYearColumns) + "WHERE unit_id = :u ORDER BY year").bind("u", unit.value).rows(),
      to_unit_year);
}

std::optional<domain::UnitYear> SqlRecordsRepository::find_unit_year(UnitId unit, int year) {
  auto row = Query(session_, std::string(kUnitYearColumns) + "WHERE unit_id = :u AND year = :y")
                 .bind("u", unit.value)
                 .bind("y", std::int64_t{year})
                 .first();
  if (!row) return std::nullopt;
  return to_unit_year(*row);
}

void SqlRecordsRepository::upsert_unit_year(const domain::UnitYear& record) {
  Query(session_,
        "INSERT INTO unit_year (unit_id, year, rating, members, members_completed, members_ldtt, members_cstdcs, "
        "members_disciplined, leads_bloc, notable_achievement, discipline_pending, note) VALUES (:u, :y, :rating, "
        ":members, :completed, :ldtt, :cstdcs, :disciplined, :leads, :notable, :pending, :note) ON CONFLICT "
        "(unit_id, year) DO UPDATE SET rating = excluded.rating, members = excluded.members, members_completed = "
        "excluded.members_completed, members_ldtt = excluded.members_ldtt, members_cstdcs = excluded.members_cstdcs, "
        "members_disciplined = excluded.members_disciplined, leads_bloc = excluded.leads_bloc, notable_achievement "
        "= excluded.notable_achievement, discipline_pending = excluded.discipline_pending, note = excluded.note")
      .bind("u", record.unit.value)
      .bind("y", std::int64_t{record.year})
      .bind("rating", rating_code(record.rating))
      .bind("members", optional_int(record.members))
      .bind("completed", optional_int(record.members_completed))
      .bind("ldtt", optional_int(record.members_ldtt))
      .bind("cstdcs", optional_int(record.members_cstdcs))
      .bind("disciplined", optional_int(record.members_disciplined))
      .bind("leads", known_code(record.leads_bloc))
      .bind("notable", known_code(record.notable_achievement))
      .bind("pending", std::int64_t{record.discipline_pending ? 1 : 0})
      .bind("note", record.note)
      .execute();
}

void SqlRecordsRepository::delete_unit_year(UnitId unit, int year) {
  Query(session_, "DELETE FROM unit_year WHERE unit_id = :u AND year = :y")
      .bind("u", unit.value)
      .bind("y", std::int64_t{year})
      .execute();
}

std::vector<domain::InitiativeRecord> SqlRecordsRepository::initiatives(const domain::SubjectRef& subject) {
  return convert_all<domain::InitiativeRecord>(
      Query(session_, std::string(kInitiativeColumns) + "WHERE subject_kind = :k AND subject_id = :s ORDER BY year, id")
          .bind("k", kind_code(subject.kind))
          .bind("s", subject.id)
          .rows(),
      to_initiative);
}

std::optional<domain::InitiativeRecord> SqlRecordsRepository::find_initiative(InitiativeId id) {
  auto row = Query(session_, std::string(kInitiativeColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_initiative(*row);
}

InitiativeId SqlRecordsRepository::insert_initiative(const domain::InitiativeRecord& record) {
  return InitiativeId{Query(session_,
                            "INSERT INTO initiative (subject_kind, subject_id, year, title, level, recognised_by, "
                            "used_for, used_for_year) VALUES (:k, :s, :y, :title, :level, :by, :used, :used_year) "
                            "RETURNING id")
                          .bind("k", kind_code(record.subject.kind))
                          .bind("s", record.subject.id)
                          .bind("y", std::int64_t{record.year})
                          .bind("title", record.title)
                          .bind("level", std::string(rules::to_string(record.level)))
                          .bind("by", record.recognised_by)
                          .bind("used", record.used_for)
                          .bind("used_year", optional_int(record.used_for_year))
                          .insert_returning_id()};
}

void SqlRecordsRepository::update_initiative(const domain::InitiativeRecord& record) {
  Query(session_,
        "UPDATE initiative SET year = :y, title = :title, level = :level, recognised_by = :by, used_for = :used, "
        "used_for_year = :used_year WHERE id = :id")
      .bind("y", std::int64_t{record.year})
      .bind("title", record.title)
      .bind("level", std::string(rules::to_string(record.level)))
      .bind("by", record.recognised_by)
      .bind("used", record.used_for)
      .bind("used_year", optional_int(record.used_for_year))
      .bind("id", record.id.value)
      .execute();
}

void SqlRecordsRepository::delete_initiative(InitiativeId id) {
  Query(session_, "DELETE FROM initiative WHERE id = :id").bind("id", id.value).execute();
}

std::vector<domain::GrantRecord> SqlRecordsRepository::grants(const domain::SubjectRef& subject) {
  return convert_all<domain::GrantRecord>(
      Query(session_,
            std::string(kGrantColumns) + "WHERE g.subject_kind = :k AND g.subject_id = :s ORDER BY g.year, g.id")
          .bind("k", kind_code(subject.kind))
          .bind("s", subject.id)
          .rows(),
      to_grant);
}

std::optional<domain::GrantRecord> SqlRecordsRepository::find_grant(GrantId id) {
  auto row = Query(session_, std::string(kGrantColumns) + "WHERE g.id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_grant(*row);
}

GrantId SqlRecordsRepository::insert_grant(const domain::GrantRecord& record) {
  return GrantId{Query(session_,
                       "INSERT INTO honour_grant (subject_kind, subject_id, honour, year, grant_type, "
                       "decision_number, decision_date, authority, note, source) VALUES (:k, :s, :honour, :y, :type, "
                       ":number, :date, :authority, :note, :source) RETURNING id")
                     .bind("k", kind_code(record.subject.kind))
                     .bind("s", record.subject.id)
                     .bind("honour", record.honour)
                     .bind("y", std::int64_t{record.year})
                     .bind("type", std::string(rules::to_string(record.type)))
                     .bind("number", record.decision_number)
                     .bind("date", record.decision_date)
                     .bind("authority", record.authority)
                     .bind("note", record.note)
                     .bind("source", std::string(domain::to_string(record.source)))
                     .insert_returning_id()};
}

void SqlRecordsRepository::update_grant(const domain::GrantRecord& record) {
  Query(session_,
        "UPDATE honour_grant SET honour = :honour, year = :y, grant_type = :type, decision_number = :number, "
        "decision_date = :date, authority = :authority, note = :note WHERE id = :id")
      .bind("honour", record.honour)
      .bind("y", std::int64_t{record.year})
      .bind("type", std::string(rules::to_string(record.type)))
      .bind("number", record.decision_number)
      .bind("date", record.decision_date)
      .bind("authority", record.authority)
      .bind("note", record.note)
      .bind("id", record.id.value)
      .execute();
}

void SqlRecordsRepository::delete_grant(GrantId id) {
  Query(session_, "DELETE FROM honour_grant WHERE id = :id").bind("id", id.value).execute();
}

}  // namespace tdkt::storage
