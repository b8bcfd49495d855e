// Excel in and out for yearly records, grants and initiatives: the import form (blank, or
// pre-filled with a unit's members and their stored year) and the import of a filled workbook:
// /api/v1/imports/records/form, /api/v1/imports/records.

#include <algorithm>
#include <charconv>
#include <set>

#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/router.hpp"
#include "ingest/records_workbook.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

constexpr int kFirstFormYear = 2000;

// The honours a form lists and an import accepts by name: those of the rule set in force today,
// then any other code of the catalogue (an honour of an earlier set), as /api/v1/honours lists them.
std::vector<ingest::HonourOption> honour_options(const Services& services) {
  std::vector<ingest::HonourOption> honours;
  if (!services.rules) return honours;
  std::set<std::string> listed;
  if (auto set = services.rules->in_force(services.clock.today())) {
    for (const auto& honour : set->honours) {
      if (listed.insert(honour.code).second) honours.push_back({honour.code, honour.name});
    }
  }
  const auto& catalogue = services.rules->catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    std::string code(catalogue.code(rules::HonourId{static_cast<std::uint16_t>(i)}));
    if (listed.insert(code).second) honours.push_back({code, code});
  }
  return honours;
}

Result<int> form_year(const ApiRequest& request, int current_year) {
  if (!request.has_query("year") || request.query("year").empty()) return current_year;
  const auto text = request.query("year");
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < kFirstFormYear || year > current_year) {
    return Error::invalid("year", "Năm \"" + text + "\" không hợp lệ: cần một năm từ " +
                                      std::to_string(kFirstFormYear) + " đến " + std::to_string(current_year) + ".");
  }
  return year;
}

// GET /api/v1/imports/records/form?unit_id=&year=: the members of the unit in that year (within
// the actor's scope) with their stored records; without unit_id, a blank form.
ApiResponse records_form(const ApiRequest& request, Services& services) {
  if (auto allowed = app::require(request.actor, domain::Permission::kManageRecords); !allowed) {
    return fail(allowed.error());
  }
  const auto today = services.clock.today();
  TDKT_HTTP_TRY(year, form_year(request, today.year()));
  ingest::RecordsFormData data;
  data.year = *year;
  data.honours = honour_options(services);
  data.grant_types = {rules::GrantType::kMerit,    rules::GrantType::kSudden,      rules::GrantType::kMovement,
                      rules::GrantType::kThematic, rules::GrantType::kLongService, rules::GrantType::kSeniority,
                      rules::GrantType::kForeign};
  if (!request.query("unit_id").empty()) {
    TDKT_HTTP_TRY(unit_id, parse_id(request.query("unit_id"), "unit_id"));
    auto unit = services.organisation.unit(UnitId{*unit_id});
    if (!unit) return fail(Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(*unit_id) + "."));
    const auto first = *CivilDate::from_ymd(*year, 1, 1);
    // The members on the last day of the year the unit existed, and not after today.
    auto day = std::min(*CivilDate::from_ymd(*year, 12, 31), today);
    if (unit->period.to) day = std::min(day, *unit->period.to);
    if (day < first || day < unit->period.from) {
      return fail(Error::invalid(
          "unit_id", "Đơn vị \"" + unit->name + "\" không hoạt động trong năm " + std::to_string(*year) + "."));
    }
    TDKT_HTTP_TRY(members, services.people.members(request.actor, unit->id, day));
    data.title = unit->name;
    for (const auto& member : *members) {
      ingest::FormPerson person{member.person.id, member.person.full_name(), std::nullopt};
      TDKT_HTTP_TRY(records, services.records.person_records(request.actor, member.person.id));
      for (const auto& stored : records->years) {
        if (stored.year == *year) person.stored = stored;
      }
      data.persons.push_back(std::move(person));
    }
  }
  TDKT_HTTP_TRY(bytes, ingest::records_form(data));
  ApiResponse response;
  response.download = Download{kXlsxType, "Mau-nhap-ho-so-" + std::to_string(*year) + ".xlsx", std::move(*bytes)};
  return response;
}

std::string_view action_text(app::ChangeAction action) {
  switch (action) {
    case app::ChangeAction::kCreate: return "create";
    case app::ChangeAction::kUpdate: return "update";
    case app::ChangeAction::kUnchanged: return "unchanged";
  }
  return "create";
}

// Each row's change: who, which record, and each field before → after (issue 23: the officer
// sees what a file would do before writing it).
Json changes_json(const std::vector<app::RecordChange>& changes) {
  Json list = Json::array();
  for (const auto& change : changes) {
    Json fields = Json::array();
    for (const auto& field : change.fields) {
      fields.push_back(
          {{"field", field.field}, {"label", field.label}, {"before", field.before}, {"after", field.after}});
    }
    list.push_back({{"sheet", change.sheet},
                    {"row", change.row},
                    {"subject_kind", std::string(rules::to_string(change.subject.kind))},
                    {"subject_id", change.subject.id},
                    {"subject_name", change.subject_name},
                    {"record", change.record},
                    {"year", change.year},
                    {"action", std::string(action_text(change.action))},
                    {"fields", std::move(fields)}});
  }
  return list;
}

// POST /api/v1/imports/records?dry_run=true|false, the body an .xlsx workbook.
ApiResponse import_records(const ApiRequest& request, Services& services) {
  // Before reading the file: an account that may not import learns nothing from it, and an
  // import beyond the ones running is turned away before its workbook is opened.
  if (auto allowed = app::require(request.actor, domain::Permission::kManageRecords); !allowed) {
    return fail(allowed.error());
  }
  TDKT_HTTP_TRY(permit, services.imports.enter());
  TDKT_HTTP_TRY(dry_run, dry_run_flag(request));
  ingest::ReadOptions options;
  options.honours = honour_options(services);
  TDKT_HTTP_TRY(parsed, ingest::read_records_workbook(request.body(), options));
  if (!parsed->problems.empty()) return import_refused(parsed->problems);
  TDKT_HTTP_TRY(report, services.records.import(request.actor, *permit, parsed->batch, *dry_run));
  if (!report->problems.empty()) return import_refused(report->problems);
  return ok({{"applied", report->applied},
             {"dry_run", *dry_run},
             {"person_years_created", report->person_years_created},
             {"person_years_updated", report->person_years_updated},
             {"person_years_unchanged", report->person_years_unchanged},
             {"grants_created", report->grants_created},
             {"initiatives_created", report->initiatives_created},
             {"changes", changes_json(report->changes)},
             {"problems", Json::array()}});
}

}  // namespace

Result<bool> dry_run_flag(const ApiRequest& request) {
  const auto text = request.query("dry_run");
  if (text.empty() || text == "false" || text == "0") return false;
  if (text == "true" || text == "1") return true;
  return Error::invalid("dry_run", "dry_run phải là true hoặc false, không phải \"" + text + "\".");
}

ApiResponse import_refused(const std::vector<app::ImportProblem>& problems) {
  Json list = Json::array();
  for (const auto& problem : problems) {
    list.push_back(
        {{"sheet", problem.sheet}, {"row", problem.row}, {"field", problem.field}, {"message", problem.message}});
  }
  auto body = error_body(Error::invalid("file", "Tệp có " + std::to_string(ingest::rows_with_problems(problems)) +
                                                    " dòng không hợp lệ; chưa nhập dòng nào."));
  body["problems"] = std::move(list);
  return ok(std::move(body), 400);
}

std::vector<Route> import_routes() {
  return {
      {"GET", "/api/v1/imports/records/form", records_form},
      {"POST", "/api/v1/imports/records", import_records, Access::kSignedIn, Body::kSpreadsheet},
  };
}

}  // namespace tdkt::http
