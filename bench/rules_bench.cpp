// The eligibility engine at scale (issue 4). Generates 2,000,000 persons x 10 years and 100,000
// units x 10 years of records in compact in-memory arrays, then times, in one run:
//   (a) the engine: every honour of the subject's kind, for the last year, for every subject;
//   (b) a bare pass over the same records (the floor: every record read once, nothing judged);
//   (c) LDTT, CSTDCS and the CSTD_TINH chain written as SQL and run by SQLite on the same data.
// The SQL answers are checked against the engine's verdicts for the same three honours.
//   tdkt_bench_rules [PERSONS] [UNITS]      (defaults 2000000 100000)

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "domain/rules/evaluator.hpp"
#include "rules_io/rule_files.hpp"

namespace {

using namespace tdkt::domain::rules;

constexpr int kFirstYear = 2016;
constexpr int kYears = 10;
constexpr int kLastYear = kFirstYear + kYears - 1;

// A small deterministic generator (splitmix64).
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int percent() { return static_cast<int>(next() % 100); }
};

// Every subject's records, flat: years[i * kYears + k]; grants and initiatives by offsets.
struct Population {
  SubjectKind kind = SubjectKind::kPerson;
  std::size_t count = 0;
  std::vector<YearRecord> years;
  std::vector<MemberCounts> members;
  std::vector<Grant> grants;
  std::vector<std::uint32_t> grant_offsets{0};
  std::vector<Initiative> initiatives;
  std::vector<std::uint32_t> initiative_offsets{0};

  SubjectView view(std::size_t i) const {
    const auto years_of = std::span<const YearRecord>(years).subspan(i * kYears, kYears);
    const auto members_of = members.empty() ? std::span<const MemberCounts>()
                                            : std::span<const MemberCounts>(members).subspan(i * kYears, kYears);
    return {kind, years_of, members_of,
            std::span<const Grant>(grants).subspan(grant_offsets[i], grant_offsets[i + 1] - grant_offsets[i]),
            std::span<const Initiative>(initiatives)
                .subspan(initiative_offsets[i], initiative_offsets[i + 1] - initiative_offsets[i])};
  }
};

Rating random_rating(Random& random) {
  const int p = random.percent();
  return p < 15   ? Rating::kCompletedExcellently
         : p < 75 ? Rating::kCompletedWell
         : p < 95 ? Rating::kCompleted
                  : Rating::kNotCompleted;
}

// Persons whose grants follow the rules most of the time: LDTT when rated well, CSTDCS for most
// of those rated excellently or with an initiative, CSTD_TINH after three CSTDCS, some awards.
Population make_persons(std::size_t count, const HonourCatalogue& honours) {
  const auto id = [&](const char* code) { return *honours.find(code); };
  const HonourId ldtt = id("LDTT"), cstdcs = id("CSTDCS"), tinh = id("CSTD_TINH"), bk_tinh = id("BK_TINH"),
                 bk_ttg = id("BK_TTG");
  Population population;
  population.count = count;
  population.years.reserve(count * kYears);
  population.grants.reserve(count * 11);
  population.grant_offsets.reserve(count + 1);
  population.initiative_offsets.reserve(count + 1);
  Random random{42};
  for (std::size_t i = 0; i < count; ++i) {
    int streak = 0;
    for (int k = 0; k < kYears; ++k) {
      const auto year = static_cast<std::int16_t>(kFirstYear + k);
      YearRecord record;
      record.year = year;
      record.rating = random_rating(random);
      record.months_worked = static_cast<std::uint8_t>(random.percent() < 3 ? 4 : 12);
      record.discipline = random.percent() < 2 ? DisciplineLevel::kReprimand : DisciplineLevel::kNone;
      record.discipline_pending = random.percent() < 1;
      record.notable_achievement = random.percent() < 10 ? Known::kYes : Known::kNo;
      population.years.push_back(record);
      bool initiative = false;
      if (random.percent() < 12) {
        const auto level = random.percent() < 10 ? InitiativeLevel::kProvince : InitiativeLevel::kUnit;
        population.initiatives.push_back({{}, year, level, random.percent() < 30});
        initiative = !population.initiatives.back().used;
      }
      const bool is_ldtt = record.rating >= Rating::kCompletedWell && record.months_worked >= 6;
      if (is_ldtt) population.grants.push_back({ldtt, year, GrantType::kMerit});
      const bool is_cstdcs =
          is_ldtt && (record.rating == Rating::kCompletedExcellently || initiative) && random.percent() < 80;
      if (is_cstdcs)
        population.grants.push_back({cstdcs, year, random.percent() < 5 ? GrantType::kSudden : GrantType::kMerit});
      streak = is_cstdcs ? streak + 1 : 0;
      if (streak == 3 && year < kLastYear) {
        population.grants.push_back({tinh, year, GrantType::kMerit});
        streak = 0;
      }
      if (random.percent() < 2) population.grants.push_back({bk_tinh, year, GrantType::kMerit});
      if (random.percent() < 1 && k < 4) population.grants.push_back({bk_ttg, year, GrantType::kMerit});
    }
    population.grant_offsets.push_back(static_cast<std::uint32_t>(population.grants.size()));
    population.initiative_offsets.push_back(static_cast<std::uint32_t>(population.initiatives.size()));
  }
  return population;
}

Population make_units(std::size_t count, const HonourCatalogue& honours) {
  const HonourId co_tinh = *honours.find("CO_TINH"), bk_tinh = *honours.find("BK_TINH");
  Population population;
  population.kind = SubjectKind::kUnit;
  population.count = count;
  Random random{7};
  for (std::size_t i = 0; i < count; ++i) {
    for (int k = 0; k < kYears; ++k) {
      const auto year = static_cast<std::int16_t>(kFirstYear + k);
      YearRecord record;
      record.year = year;
      record.rating = random_rating(random);
      record.months_worked = 12;
      record.leads_bloc = random.percent() < 5 ? Known::kYes : Known::kNo;
      record.notable_achievement = random.percent() < 10 ? Known::kYes : Known::kNo;
      population.years.push_back(record);
      MemberCounts counts;
      const int members = 5 + random.percent() % 30;
      counts[MemberField::kMembers] = members;
      counts[MemberField::kCompleted] = members - (random.percent() < 20 ? 1 : 0);
      counts[MemberField::kLdtt] = members * (50 + random.percent() % 50) / 100;
      counts[MemberField::kCstdcs] = counts[MemberField::kLdtt] / 5;
      counts[MemberField::kDisciplined] = random.percent() < 5 ? 1 : 0;
      population.members.push_back(counts);
      if (record.leads_bloc == Known::kYes) population.grants.push_back({co_tinh, year, GrantType::kMerit});
      if (random.percent() < 3) population.grants.push_back({bk_tinh, year, GrantType::kMerit});
    }
    population.grant_offsets.push_back(static_cast<std::uint32_t>(population.grants.size()));
    population.initiative_offsets.push_back(0);
  }
  return population;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Verdict counts per honour: [honour index][verdict].
using Counts = std::vector<std::array<std::uint64_t, 3>>;

Counts run_engine(const Evaluator& evaluator, const Population& population,
                  const std::vector<const HonourRule*>& honours) {
  Counts counts(honours.size());
  std::vector<Verdict> verdicts(honours.size());
  for (std::size_t i = 0; i < population.count; ++i) {
    evaluator.verdicts(population.view(i), honours, kLastYear, verdicts);
    for (std::size_t h = 0; h < honours.size(); ++h)
      ++counts[h][static_cast<std::size_t>(verdicts[h])];
  }
  return counts;
}

// Reads every record of every subject once.
std::uint64_t bare_pass(const Population& population) {
  std::uint64_t sum = 0;
  for (std::size_t i = 0; i < population.count; ++i) {
    const auto view = population.view(i);
    for (const auto& record : view.years)
      sum += static_cast<std::uint64_t>(record.rating) + record.months_worked + record.discipline_pending;
    for (const auto& counts : view.members)
      sum += static_cast<std::uint64_t>(counts[MemberField::kLdtt]);
    for (const auto& grant : view.grants)
      sum += grant.honour.value + static_cast<std::uint64_t>(grant.year);
    for (const auto& initiative : view.initiatives)
      sum += static_cast<std::uint64_t>(initiative.level);
  }
  return sum;
}

void exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::fprintf(stderr, "sqlite: %s\n%s\n", message, sql);
    std::exit(1);
  }
}

std::int64_t count_query(sqlite3* db, const char* sql) {
  sqlite3_stmt* statement = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &statement, nullptr);
  std::int64_t result = -1;
  if (sqlite3_step(statement) == SQLITE_ROW) result = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  return result;
}

void load_sqlite(sqlite3* db, const Population& persons) {
  exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;");
  exec(db,
       "CREATE TABLE person_year(person INTEGER, year INTEGER, rating INTEGER, months INTEGER, discipline INTEGER,"
       " pending INTEGER, PRIMARY KEY(person, year)) WITHOUT ROWID;"
       "CREATE TABLE grant_record(person INTEGER, honour INTEGER, year INTEGER, type INTEGER);"
       "CREATE TABLE initiative(person INTEGER, year INTEGER, level INTEGER, used INTEGER);");
  exec(db, "BEGIN");
  sqlite3_stmt* year_row = nullptr;
  sqlite3_stmt* grant_row = nullptr;
  sqlite3_stmt* initiative_row = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO person_year VALUES(?,?,?,?,?,?)", -1, &year_row, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO grant_record VALUES(?,?,?,?)", -1, &grant_row, nullptr);
  sqlite3_prepare_v2(db, "INSERT INTO initiative VALUES(?,?,?,?)", -1, &initiative_row, nullptr);
  auto insert = [](sqlite3_stmt* statement, std::initializer_list<std::int64_t> values) {
    int column = 1;
    for (auto value : values)
      sqlite3_bind_int64(statement, column++, value);
    sqlite3_step(statement);
    sqlite3_reset(statement);
  };
  for (std::size_t i = 0; i < persons.count; ++i) {
    const auto view = persons.view(i);
    const auto person = static_cast<std::int64_t>(i);
    for (const auto& r : view.years)
      insert(year_row, {person, r.year, static_cast<int>(r.rating), r.months_worked, static_cast<int>(r.discipline),
                        r.discipline_pending});
    for (const auto& g : view.grants)
      insert(grant_row, {person, g.honour.value, g.year, static_cast<int>(g.type)});
    for (const auto& n : view.initiatives)
      insert(initiative_row, {person, n.year, static_cast<int>(n.level), n.used});
  }
  sqlite3_finalize(year_row);
  sqlite3_finalize(grant_row);
  sqlite3_finalize(initiative_row);
  exec(db, "COMMIT");
  exec(db,
       "CREATE INDEX grant_by_person ON grant_record(person, honour, year, type);"
       "CREATE INDEX initiative_by_person ON initiative(person, year, level, used);"
       "CREATE INDEX person_year_by_year ON person_year(year, person); ANALYZE;");
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t person_count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2'000'000;
  const std::size_t unit_count = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 100'000;
  const auto& library = tdkt::rules_io::builtin_rule_library();
  if (!library) {
    std::fprintf(stderr, "rule files: %s\n", library.error().message.c_str());
    return 1;
  }
  const auto rules = library->in_force(*tdkt::CivilDate::from_ymd(kLastYear + 1, 3, 1));
  const Evaluator evaluator(*rules);
  const auto& catalogue = library->catalogue();

  auto start = std::chrono::steady_clock::now();
  const auto persons = make_persons(person_count, catalogue);
  const auto units = make_units(unit_count, catalogue);
  const std::size_t subjects = person_count + unit_count;
  const double memory_mb =
      static_cast<double>(persons.years.size() * sizeof(YearRecord) + units.years.size() * sizeof(YearRecord) +
                          units.members.size() * sizeof(MemberCounts) +
                          (persons.grants.size() + units.grants.size()) * sizeof(Grant) +
                          persons.initiatives.size() * sizeof(Initiative)) /
      1e6;
  std::printf("generated %zu persons and %zu units x %d years (%d-%d): %zu grants, %zu initiatives, %.0f MB, %.1f s\n",
              person_count, unit_count, kYears, kFirstYear, kLastYear, persons.grants.size() + units.grants.size(),
              persons.initiatives.size(), memory_mb, seconds_since(start));
  std::printf("rule set %s; decision date %d-03-01; evaluation year %d\n", rules->id.c_str(), kLastYear + 1, kLastYear);

  const auto person_honours = evaluator.honours_for(SubjectKind::kPerson);
  const auto unit_honours = evaluator.honours_for(SubjectKind::kUnit);

  // (b) first, so that both passes find the records equally warm.
  start = std::chrono::steady_clock::now();
  const auto checksum = bare_pass(persons) + bare_pass(units);
  const double bare = seconds_since(start);

  start = std::chrono::steady_clock::now();
  const auto person_counts = run_engine(evaluator, persons, person_honours);
  const auto unit_counts = run_engine(evaluator, units, unit_honours);
  const double engine = seconds_since(start);

  const std::vector<const HonourRule*> three{rules->find("LDTT"), rules->find("CSTDCS"), rules->find("CSTD_TINH")};
  start = std::chrono::steady_clock::now();
  const auto three_counts = run_engine(evaluator, persons, three);
  const double engine_three = seconds_since(start);

  const double verdicts = static_cast<double>(person_count * person_honours.size() + unit_count * unit_honours.size());
  std::printf(
      "\n(a) engine, every honour (%zu for persons, %zu for units), last year: %.3f s, %.2f M subject-years/s, "
      "%.1f M verdicts/s\n",
      person_honours.size(), unit_honours.size(), engine, static_cast<double>(subjects) / engine / 1e6,
      verdicts / engine / 1e6);
  std::printf(
      "(b) bare pass over the same records (checksum %llu): %.3f s, %.2f M subject-years/s read "
      "(%.2f M subjects/s)\n",
      static_cast<unsigned long long>(checksum), bare, static_cast<double>(subjects) * kYears / bare / 1e6,
      static_cast<double>(subjects) / bare / 1e6);
  for (std::size_t h = 0; h < person_honours.size(); ++h)
    std::printf("    %-10s eligible %9llu  ineligible %9llu  insufficient %9llu\n", person_honours[h]->code.c_str(),
                static_cast<unsigned long long>(person_counts[h][0]),
                static_cast<unsigned long long>(person_counts[h][1]),
                static_cast<unsigned long long>(person_counts[h][2]));
  for (std::size_t h = 0; h < unit_honours.size(); ++h)
    std::printf("    %-10s eligible %9llu  ineligible %9llu  insufficient %9llu\n", unit_honours[h]->code.c_str(),
                static_cast<unsigned long long>(unit_counts[h][0]), static_cast<unsigned long long>(unit_counts[h][1]),
                static_cast<unsigned long long>(unit_counts[h][2]));

  start = std::chrono::steady_clock::now();
  sqlite3* db = nullptr;
  sqlite3_open(":memory:", &db);
  load_sqlite(db, persons);
  std::printf("\nSQLite %s, in memory: loaded and indexed in %.1f s\n", sqlite3_libversion(), seconds_since(start));

  const auto ldtt = std::to_string(catalogue.find("LDTT")->value);
  const auto cstdcs = std::to_string(catalogue.find("CSTDCS")->value);
  const auto y = std::to_string(kLastYear);
  // The same clauses as the ND152_2025 rule set: ratings 3 = HTTNV, 4 = HTXSNV; grant type 0 = merit.
  const std::string ldtt_sql = "SELECT count(*) FROM person_year p WHERE p.year = " + y +
                               " AND p.rating >= 3 AND p.months >= 6 AND p.pending = 0";
  const std::string cstdcs_sql =
      "SELECT count(*) FROM person_year p WHERE p.year = " + y +
      " AND p.pending = 0 AND ((p.rating >= 3 AND p.months >= 6) OR EXISTS (SELECT 1 FROM grant_record g WHERE "
      "g.person = p.person AND g.honour = " +
      ldtt + " AND g.year = " + y +
      " AND g.type = 0)) AND (p.rating = 4 OR EXISTS (SELECT 1 FROM initiative i WHERE i.person = p.person AND "
      "i.year <= " +
      y + " AND i.level >= 1 AND i.used = 0))";
  const std::string tinh_sql =
      "SELECT count(*) FROM person_year p WHERE p.year = " + y +
      " AND p.pending = 0 AND (SELECT count(DISTINCT g.year) FROM grant_record g WHERE g.person = p.person AND "
      "g.honour = " +
      cstdcs + " AND g.type = 0 AND g.year BETWEEN " + std::to_string(kLastYear - 2) + " AND " + y +
      ") = 3 AND EXISTS (SELECT 1 FROM initiative i WHERE i.person = p.person AND i.year BETWEEN " +
      std::to_string(kLastYear - 2) + " AND " + y + " AND i.level >= 2 AND i.used = 0)";
  start = std::chrono::steady_clock::now();
  const std::array<std::int64_t, 3> sql_counts{count_query(db, ldtt_sql.c_str()), count_query(db, cstdcs_sql.c_str()),
                                               count_query(db, tinh_sql.c_str())};
  const double sql = seconds_since(start);
  sqlite3_close(db);
  std::printf("(c) SQLite, LDTT + CSTDCS + CSTD_TINH chain: %.3f s, %.2f M subject-years/s\n", sql,
              static_cast<double>(person_count) / sql / 1e6);
  std::printf("    engine, the same three honours: %.3f s\n", engine_three);
  bool agree = true;
  for (std::size_t h = 0; h < 3; ++h) {
    const auto engine_eligible = static_cast<std::int64_t>(three_counts[h][0]);
    std::printf("    %-10s SQL %9lld  engine %9lld\n", three[h]->code.c_str(), static_cast<long long>(sql_counts[h]),
                static_cast<long long>(engine_eligible));
    agree = agree && engine_eligible == sql_counts[h];
  }

  std::printf("\nratio a/b (engine / bare pass): %.2f\n", engine / bare);
  std::printf("ratio c/a (SQLite three honours / engine every honour): %.1f\n", sql / engine);
  std::printf("ratio c/a3 (SQLite / engine, the same three honours): %.1f\n", sql / engine_three);
  if (!agree) {
    std::printf("SQL and engine disagree\n");
    return 1;
  }
  return 0;
}
