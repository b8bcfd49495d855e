#pragma once
// Use cases of yearly records, initiatives and grants received. Every write is one transaction
// with its audit record; reads and writes are held to the actor's people scope.

#include <functional>
#include <string_view>
#include <vector>

#include "app/import_gate.hpp"
#include "app/ports.hpp"

namespace tdkt::app {

struct PersonRecords {
  std::vector<domain::PersonYear> years;
  std::vector<domain::InitiativeRecord> initiatives;
  std::vector<domain::GrantRecord> grants;
};

// A unit's year as the engine sees it: the stored record (own or a predecessor's), with member
// counts filled in from the members' own records where the record leaves them empty.
struct UnitYearView {
  domain::UnitYear record;
  UnitId recorded_by;   // the unit whose record this is: the unit itself or a predecessor
  bool stored = false;  // false: nothing stored, every count derived from members' records
  // Which counts were derived rather than stored.
  bool derived_members = false;
  bool derived_completed = false;
  bool derived_ldtt = false;
  bool derived_cstdcs = false;
  bool derived_disciplined = false;
};

struct UnitRecords {
  std::vector<UnitId> lineage;  // the unit, then its predecessors (a chain continues across restructuring)
  std::vector<UnitYearView> years;
  std::vector<domain::InitiativeRecord> initiatives;
  std::vector<domain::GrantRecord> grants;  // the unit's and its predecessors'
};

// One row of an import, as read from a spreadsheet: `row` is the spreadsheet row number, for
// the report.
template <typename Record>
struct ImportRow {
  int row = 0;
  std::string sheet;
  Record record;
  std::string name_check;  // the name written beside the id, checked against the stored name
};

// The fields of a person's year that an imported row sets or erases.
enum class PersonYearField {
  kRating,
  kMonthsWorked,
  kLeaveMonths,
  kDiscipline,
  kDisciplineDate,
  kDisciplinePending,
  kPendingNote,
  kNotableAchievement,
  kNote,
};

// A field's code (as in the API and the import's problems: "rating") and its name in the form
// ("Xếp loại").
struct PersonYearFieldInfo {
  PersonYearField field;
  std::string_view code;
  std::string_view label;
};
const std::vector<PersonYearFieldInfo>& person_year_fields();

// What one imported row does to a person's year (issue 23: imports never guess): the fields it
// sets, with their values in `values`, and the fields it erases, which the row must say
// explicitly. Every other field keeps what is stored: an empty cell never erases anything.
struct PersonYearEdit {
  domain::PersonYear values;  // the person, the year, and the value of each field in `set`
  std::vector<PersonYearField> set;
  std::vector<PersonYearField> erased;
};

struct ImportBatch {
  std::vector<ImportRow<PersonYearEdit>> person_years;
  std::vector<ImportRow<domain::GrantRecord>> grants;
  std::vector<ImportRow<domain::InitiativeRecord>> initiatives;
};

struct ImportProblem {
  std::string sheet;
  int row = 0;
  std::string field;
  std::string message;
};

// One field of a record as an import would leave it, in the words and formats users see
// ("Hoàn thành tốt nhiệm vụ", "15/01/2025", "Có"); an empty text is an empty field.
struct FieldChange {
  std::string field;  // "rating", "honour"
  std::string label;  // "Xếp loại", "Danh hiệu"
  std::string before;
  std::string after;
};

enum class ChangeAction { kCreate, kUpdate, kUnchanged };

// What an import does to one record: shown before the officer confirms (the dry run) and after.
struct RecordChange {
  std::string sheet;
  int row = 0;
  domain::SubjectRef subject;
  std::string subject_name;  // as stored
  std::string record;        // "person_year", "grant", "initiative"
  int year = 0;
  ChangeAction action = ChangeAction::kCreate;
  // kUpdate: the fields that change, before → after; kCreate: the fields written (before empty);
  // kUnchanged: none.
  std::vector<FieldChange> fields;
};

struct ImportReport {
  bool applied = false;  // false when any row is invalid, or for a dry run
  int person_years_created = 0;
  int person_years_updated = 0;
  int person_years_unchanged = 0;  // rows equal to the stored year: nothing written
  int grants_created = 0;
  int initiatives_created = 0;
  std::vector<ImportProblem> problems;
  std::vector<RecordChange> changes;  // one per row, in the order of the sheets and rows
};

class RecordsService {
 public:
  // `is_honour` answers whether a code is in the honour catalogue of the rule library.
  RecordsService(Store& store, const Clock& clock, std::function<bool(std::string_view)> is_honour)
      : store_(store), clock_(clock), is_honour_(std::move(is_honour)) {}

  Result<PersonRecords> person_records(const Actor& actor, PersonId person);
  // Creates or replaces the record of record.person for record.year.
  Result<domain::PersonYear> save_person_year(const Actor& actor, domain::PersonYear record);
  Status delete_person_year(const Actor& actor, PersonId person, int year);

  Result<UnitRecords> unit_records(const Actor& actor, UnitId unit);
  Result<domain::UnitYear> save_unit_year(const Actor& actor, domain::UnitYear record);
  Status delete_unit_year(const Actor& actor, UnitId unit, int year);

  Result<domain::InitiativeRecord> add_initiative(const Actor& actor, domain::InitiativeRecord record);
  Result<domain::InitiativeRecord> update_initiative(const Actor& actor, InitiativeId id,
                                                     domain::InitiativeRecord record);
  Status delete_initiative(const Actor& actor, InitiativeId id);

  Result<domain::GrantRecord> add_grant(const Actor& actor, domain::GrantRecord record);
  Result<domain::GrantRecord> update_grant(const Actor& actor, GrantId id, domain::GrantRecord record);
  Status delete_grant(const Actor& actor, GrantId id);

  // Checks every row in a read unit of work (the actor's scope worked out once), then, unless a
  // row is invalid or `dry_run` is set, writes them all in one short write transaction with an
  // audit record each. A person's year keeps every stored field the row neither sets nor erases;
  // grants and initiatives are added (a grant already stored with the same honour, year and
  // decision number is a problem). The report lists each row's change (RecordChange) whether or
  // not it was written. Errors: kForbidden without kManageRecords; kConflict (field "file") when
  // a record read during the check changed before the write, nothing written then. Row problems
  // are in the report, not errors. `permit`: an ImportGate's, held for the whole import.
  // Thread-safe.
  Result<ImportReport> import(const Actor& actor, const ImportPermit& permit, const ImportBatch& batch, bool dry_run);

 private:
  // Reads need the subject within the people scope today. Writes of `year` also need, for a
  // scoped account, a person who worked in one of its units (or their predecessors) in that year,
  // and a unit of its scope or a predecessor whose successors all are.
  Status require_subject(UnitOfWork& work, const Actor& actor, const domain::SubjectRef& subject, bool write,
                         std::optional<int> year = std::nullopt);
  Status require_person(UnitOfWork& work, const Actor& actor, PersonId person, bool write,
                        std::optional<int> year = std::nullopt);
  Status require_unit(UnitOfWork& work, const Actor& actor, UnitId unit, bool write);
  Result<domain::GrantRecord> checked_grant(UnitOfWork& work, domain::GrantRecord record);
  Result<domain::InitiativeRecord> checked_initiative(UnitOfWork& work, domain::InitiativeRecord record);

  Store& store_;
  const Clock& clock_;
  std::function<bool(std::string_view)> is_honour_;
};

// The unit and its predecessors, nearest first, following successions backwards. A unit that
// merged several predecessors lists them all.
std::vector<UnitId> unit_lineage(UnitOfWork& work, UnitId unit);

// Which member counts a unit's years carry where the stored record leaves them empty.
enum class MemberFigures {
  kDerived,     // every count derived from the members' own records
  kStoredOnly,  // only the number of members: ratings, titles and discipline of the members are
                // people's records, withheld from an account whose people scope leaves the unit out
};

// The years of a unit as the engine sees them (see UnitYearView), ascending.
std::vector<UnitYearView> unit_year_views(UnitOfWork& work, const std::vector<UnitId>& lineage,
                                          MemberFigures figures = MemberFigures::kDerived);

// The figures `actor` may see of `unit`'s members: derived within its people scope only.
MemberFigures member_figures_for(UnitOfWork& work, const Actor& actor, UnitId unit, CivilDate today);

}  // namespace tdkt::app
