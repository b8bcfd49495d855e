// Yearly records, initiatives, grants received, and the verdicts computed from them:
// /api/v1/people/{id}/records, /api/v1/units/{id}/records, .../years/{year}, /api/v1/initiatives,
// /api/v1/grants, /api/v1/people/{id}/eligibility, /api/v1/units/{id}/eligibility, /api/v1/honours.

#include <charconv>

#include "domain/records/records.hpp"
#include "http/errors.hpp"
#include "http/records_json.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "rules_io/verdict_json.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

const std::set<std::string> kPersonYearFields{"rating",       "months_worked",       "leave_months",
                                              "discipline",   "discipline_date",     "discipline_pending",
                                              "pending_note", "notable_achievement", "note"};
const std::set<std::string> kUnitYearFields{"rating",
                                            "members",
                                            "members_completed",
                                            "members_ldtt",
                                            "members_cstdcs",
                                            "members_disciplined",
                                            "leads_bloc",
                                            "notable_achievement",
                                            "discipline_pending",
                                            "note"};
const std::set<std::string> kInitiativeFields{"subject_kind", "subject_id",    "year",     "title",
                                              "level",        "recognised_by", "used_for", "used_for_year"};
const std::set<std::string> kGrantFields{"subject_kind",    "subject_id",    "honour",    "year", "type",
                                         "decision_number", "decision_date", "authority", "note"};

Result<int> parse_year(const std::string& text) {
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size() || year < 1900 || year > 2100) {
    return Error::invalid("year", "Năm \"" + text + "\" không hợp lệ.");
  }
  return year;
}

Result<std::optional<int>> optional_small(const Fields& fields, const std::string& name) {
  auto value = fields.integer(name, false);
  if (!value) return std::move(value).error();
  if (!*value) return std::optional<int>();
  if (**value < -1000000 || **value > 1000000)
    return Error::invalid(fields.field(name), "Giá trị ngoài khoảng cho phép.");
  return std::optional<int>(static_cast<int>(**value));
}

template <typename Enum>
Result<Enum> code_field(const Fields& fields, const std::string& name, std::optional<Enum> (*parse)(std::string_view),
                        Enum fallback, const std::string& allowed) {
  if (!fields.has(name) || fields.is_null(name)) return fallback;
  auto text = fields.string(name, false);
  if (!text) return std::move(text).error();
  if (text->empty()) return fallback;
  auto value = parse(*text);
  if (!value)
    return Error::invalid(fields.field(name),
                          "Giá trị \"" + *text + "\" không hợp lệ; dùng một trong: " + allowed + ".");
  return *value;
}

Result<rules::Rating> rating_field(const Fields& fields) {
  return code_field<rules::Rating>(fields, "rating", rules::rating_from_string, rules::Rating::kNone,
                                   "HTXSNV, HTTNV, HTNV, KHTNV hoặc null (chưa xếp loại)");
}

Result<rules::Known> known_field(const Fields& fields, const std::string& name) {
  if (!fields.has(name) || fields.is_null(name)) return rules::Known::kUnknown;
  auto value = fields.boolean(name, false);
  if (!value) return std::move(value).error();
  return *value ? rules::Known::kYes : rules::Known::kNo;
}

Result<domain::PersonYear> read_person_year(const Json& body, PersonId person, int year) {
  Fields fields(body);
  domain::PersonYear record;
  record.person = person;
  record.year = year;
  TDKT_TRY_ASSIGN(record.rating, rating_field(fields));
  TDKT_TRY_ASSIGN(record.months_worked, optional_small(fields, "months_worked"));
  TDKT_TRY_ASSIGN(record.leave_months, optional_small(fields, "leave_months"));
  TDKT_TRY_ASSIGN(record.discipline,
                  code_field<rules::DisciplineLevel>(
                      fields, "discipline", rules::discipline_level_from_string, rules::DisciplineLevel::kNone,
                      "none, khien_trach, canh_cao, ha_bac_luong, giang_chuc, cach_chuc, buoc_thoi_viec"));
  TDKT_TRY_ASSIGN(record.discipline_date, fields.date("discipline_date", false));
  TDKT_TRY_ASSIGN(record.discipline_pending, fields.boolean("discipline_pending", false));
  TDKT_TRY_ASSIGN(record.pending_note, fields.string("pending_note", false));
  TDKT_TRY_ASSIGN(record.notable_achievement, known_field(fields, "notable_achievement"));
  TDKT_TRY_ASSIGN(record.note, fields.string("note", false));
  return record;
}

Result<domain::UnitYear> read_unit_year(const Json& body, UnitId unit, int year) {
  Fields fields(body);
  domain::UnitYear record;
  record.unit = unit;
  record.year = year;
  TDKT_TRY_ASSIGN(record.rating, rating_field(fields));
  TDKT_TRY_ASSIGN(record.members, optional_small(fields, "members"));
  TDKT_TRY_ASSIGN(record.members_completed, optional_small(fields, "members_completed"));
  TDKT_TRY_ASSIGN(record.members_ldtt, optional_small(fields, "members_ldtt"));
  TDKT_TRY_ASSIGN(record.members_cstdcs, optional_small(fields, "members_cstdcs"));
  TDKT_TRY_ASSIGN(record.members_disciplined, optional_small(fields, "members_disciplined"));
  TDKT_TRY_ASSIGN(record.leads_bloc, known_field(fields, "leads_bloc"));
  TDKT_TRY_ASSIGN(record.notable_achievement, known_field(fields, "notable_achievement"));
  TDKT_TRY_ASSIGN(record.discipline_pending, fields.boolean("discipline_pending", false));
  TDKT_TRY_ASSIGN(record.note, fields.string("note", false));
  return record;
}

Result<domain::SubjectRef> read_subject(const Fields& fields) {
  domain::SubjectRef subject;
  auto kind = fields.string("subject_kind", true);
  if (!kind) return std::move(kind).error();
  if (*kind == "person") {
    subject.kind = rules::SubjectKind::kPerson;
  } else if (*kind == "unit") {
    subject.kind = rules::SubjectKind::kUnit;
  } else {
    return Error::invalid("subject_kind", "Đối tượng phải là \"person\" (cá nhân) hoặc \"unit\" (tập thể).");
  }
  auto id = fields.integer("subject_id", true);
  if (!id) return std::move(id).error();
  subject.id = **id;
  return subject;
}

Result<int> required_year(const Fields& fields, const std::string& name) {
  auto year = fields.integer(name, true);
  if (!year) return std::move(year).error();
  if (**year < 1900 || **year > 2100) return Error::invalid(name, "Năm không hợp lệ.");
  return static_cast<int>(**year);
}

// A full record from a body; `with_subject` for creation (the subject cannot change later).
Result<domain::InitiativeRecord> read_initiative(const Json& body, bool with_subject) {
  Fields fields(body);
  domain::InitiativeRecord record;
  if (with_subject) TDKT_TRY_ASSIGN(record.subject, read_subject(fields));
  TDKT_TRY_ASSIGN(record.year, required_year(fields, "year"));
  TDKT_TRY_ASSIGN(record.title, fields.string("title", true));
  TDKT_TRY_ASSIGN(record.level,
                  code_field<rules::InitiativeLevel>(fields, "level", rules::initiative_level_from_string,
                                                     rules::InitiativeLevel::kUnit, "unit, province, national"));
  TDKT_TRY_ASSIGN(record.recognised_by, fields.string("recognised_by", false));
  TDKT_TRY_ASSIGN(record.used_for, fields.string("used_for", false));
  TDKT_TRY_ASSIGN(record.used_for_year, optional_small(fields, "used_for_year"));
  return record;
}

Result<domain::GrantRecord> read_grant(const Json& body, bool with_subject) {
  Fields fields(body);
  domain::GrantRecord record;
  if (with_subject) TDKT_TRY_ASSIGN(record.subject, read_subject(fields));
  TDKT_TRY_ASSIGN(record.honour, fields.string("honour", true));
  TDKT_TRY_ASSIGN(record.year, required_year(fields, "year"));
  TDKT_TRY_ASSIGN(record.type,
                  code_field<rules::GrantType>(fields, "type", rules::grant_type_from_string, rules::GrantType::kMerit,
                                               "merit, sudden, movement, thematic, long_service, seniority, foreign"));
  TDKT_TRY_ASSIGN(record.decision_number, fields.string("decision_number", false));
  TDKT_TRY_ASSIGN(record.decision_date, fields.date("decision_date", false));
  TDKT_TRY_ASSIGN(record.authority, fields.string("authority", false));
  TDKT_TRY_ASSIGN(record.note, fields.string("note", false));
  return record;
}

ApiResponse person_records(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(records, services.records.person_records(request.actor, PersonId{*id}));
  Json years = Json::array();
  for (const auto& record : records->years)
    years.push_back(to_json(record));
  return ok({{"person_id", *id},
             {"years", years},
             {"initiatives", to_json(records->initiatives)},
             {"grants", grants_json(records->grants, services)}});
}

ApiResponse put_person_year(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(year, parse_year(request.path_params.at(1)));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kPersonYearFields));
  TDKT_HTTP_TRY(record, read_person_year(*body, PersonId{*id}, *year));
  TDKT_HTTP_TRY(saved, services.records.save_person_year(request.actor, *record));
  return ok(to_json(*saved));
}

ApiResponse delete_person_year(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(year, parse_year(request.path_params.at(1)));
  if (auto deleted = services.records.delete_person_year(request.actor, PersonId{*id}, *year); !deleted) {
    return fail(deleted.error());
  }
  return ok(nullptr, 204);
}

ApiResponse unit_records(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(records, services.records.unit_records(request.actor, UnitId{*id}));
  Json lineage = Json::array();
  for (const auto unit : records->lineage) {
    auto found = services.organisation.unit(unit);
    lineage.push_back({{"id", unit.value}, {"name", found ? found->name : std::string()}});
  }
  Json years = Json::array();
  for (const auto& view : records->years)
    years.push_back(to_json(view));
  return ok({{"unit_id", *id},
             {"lineage", lineage},
             {"years", years},
             {"initiatives", to_json(records->initiatives)},
             {"grants", grants_json(records->grants, services)}});
}

ApiResponse put_unit_year(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(year, parse_year(request.path_params.at(1)));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kUnitYearFields));
  TDKT_HTTP_TRY(record, read_unit_year(*body, UnitId{*id}, *year));
  TDKT_HTTP_TRY(saved, services.records.save_unit_year(request.actor, *record));
  return ok(to_json(*saved));
}

ApiResponse delete_unit_year(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(year, parse_year(request.path_params.at(1)));
  if (auto deleted = services.records.delete_unit_year(request.actor, UnitId{*id}, *year); !deleted) {
    return fail(deleted.error());
  }
  return ok(nullptr, 204);
}

ApiResponse create_initiative(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kInitiativeFields));
  TDKT_HTTP_TRY(record, read_initiative(*body, true));
  TDKT_HTTP_TRY(saved, services.records.add_initiative(request.actor, *record));
  return ok(to_json(std::vector{*saved}).at(0), 201);
}

ApiResponse update_initiative(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  auto allowed = kInitiativeFields;
  allowed.erase("subject_kind");
  allowed.erase("subject_id");
  TDKT_HTTP_TRY(body, parse_object(request.body(), allowed));
  TDKT_HTTP_TRY(record, read_initiative(*body, false));
  TDKT_HTTP_TRY(saved, services.records.update_initiative(request.actor, InitiativeId{*id}, *record));
  return ok(to_json(std::vector{*saved}).at(0));
}

ApiResponse delete_initiative(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  if (auto deleted = services.records.delete_initiative(request.actor, InitiativeId{*id}); !deleted) {
    return fail(deleted.error());
  }
  return ok(nullptr, 204);
}

ApiResponse create_grant(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kGrantFields));
  TDKT_HTTP_TRY(record, read_grant(*body, true));
  TDKT_HTTP_TRY(saved, services.records.add_grant(request.actor, *record));
  return ok(grants_json({*saved}, services).at(0), 201);
}

ApiResponse update_grant(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  auto allowed = kGrantFields;
  allowed.erase("subject_kind");
  allowed.erase("subject_id");
  TDKT_HTTP_TRY(body, parse_object(request.body(), allowed));
  TDKT_HTTP_TRY(record, read_grant(*body, false));
  TDKT_HTTP_TRY(saved, services.records.update_grant(request.actor, GrantId{*id}, *record));
  return ok(grants_json({*saved}, services).at(0));
}

ApiResponse delete_grant(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  if (auto deleted = services.records.delete_grant(request.actor, GrantId{*id}); !deleted) {
    return fail(deleted.error());
  }
  return ok(nullptr, 204);
}

ApiResponse eligibility(const ApiRequest& request, Services& services, rules::SubjectKind kind) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  app::EligibilityRequest wanted;
  wanted.subject = {kind, *id};
  if (request.has_query("year") && !request.query("year").empty()) {
    TDKT_HTTP_TRY(year, parse_year(request.query("year")));
    wanted.year = *year;
  }
  if (request.has_query("decision_date") && !request.query("decision_date").empty()) {
    TDKT_HTTP_TRY(day, parse_date_field(request.query("decision_date"), "decision_date"));
    wanted.decision_date = *day;
  }
  TDKT_HTTP_TRY(report, services.eligibility.evaluate(request.actor, wanted));
  const auto& set = *report->rules;
  Json results = Json::array();
  for (const auto& result : report->results)
    results.push_back(rules_io::result_json(result, set.vocabulary));
  Json path = Json::array();
  for (const auto& step : report->path)
    path.push_back(rules_io::path_step_json(step));
  return ok({{"subject", {{"kind", std::string(rules::to_string(kind))}, {"id", *id}, {"name", report->subject_name}}},
             {"rule_set", set.id},
             {"rule_set_name", set.name},
             {"layers", set.layers},
             {"decision_date", report->decision_date.iso()},
             {"year", report->year},
             {"notes", report->notes},
             {"results", results},
             {"path", path}});
}

ApiResponse person_eligibility(const ApiRequest& request, Services& services) {
  return eligibility(request, services, rules::SubjectKind::kPerson);
}

ApiResponse unit_eligibility(const ApiRequest& request, Services& services) {
  return eligibility(request, services, rules::SubjectKind::kUnit);
}

// The honours a grant may record: those of the rule set in force today, then any other code of
// the catalogue (an honour of an earlier set).
ApiResponse list_honours(const ApiRequest& /*request*/, Services& services) {
  if (!services.rules) return fail(Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", ""});
  Json items = Json::array();
  std::set<std::string> listed;
  if (auto set = services.rules->in_force(services.clock.today())) {
    for (const auto& honour : set->honours) {
      Json subjects = Json::array();
      for (auto kind : {rules::SubjectKind::kPerson, rules::SubjectKind::kUnit, rules::SubjectKind::kHousehold}) {
        if (honour.applies_to(kind)) subjects.push_back(std::string(rules::to_string(kind)));
      }
      items.push_back(
          {{"code", honour.code}, {"name", honour.name}, {"short_name", honour.short_name}, {"subjects", subjects}});
      listed.insert(honour.code);
    }
  }
  const auto& catalogue = services.rules->catalogue();
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    const auto code = std::string(catalogue.code(rules::HonourId{static_cast<std::uint16_t>(i)}));
    if (listed.insert(code).second) {
      items.push_back({{"code", code}, {"name", code}, {"short_name", code}, {"subjects", Json::array()}});
    }
  }
  Json types = Json::array();
  for (auto type :
       {rules::GrantType::kMerit, rules::GrantType::kSudden, rules::GrantType::kMovement, rules::GrantType::kThematic,
        rules::GrantType::kLongService, rules::GrantType::kSeniority, rules::GrantType::kForeign}) {
    types.push_back({{"code", std::string(rules::to_string(type))}, {"label", domain::vietnamese_label(type)}});
  }
  return ok({{"honours", items}, {"grant_types", types}});
}

}  // namespace

std::vector<Route> records_routes() {
  return {
      {"GET", "/api/v1/honours", list_honours},
      {"GET", "/api/v1/people/{id}/records", person_records},
      {"PUT", "/api/v1/people/{id}/years/{year}", put_person_year},
      {"DELETE", "/api/v1/people/{id}/years/{year}", delete_person_year},
      {"GET", "/api/v1/people/{id}/eligibility", person_eligibility},
      {"GET", "/api/v1/units/{id}/records", unit_records},
      {"PUT", "/api/v1/units/{id}/years/{year}", put_unit_year},
      {"DELETE", "/api/v1/units/{id}/years/{year}", delete_unit_year},
      {"GET", "/api/v1/units/{id}/eligibility", unit_eligibility},
      {"POST", "/api/v1/initiatives", create_initiative},
      {"PATCH", "/api/v1/initiatives/{id}", update_initiative},
      {"DELETE", "/api/v1/initiatives/{id}", delete_initiative},
      {"POST", "/api/v1/grants", create_grant},
      {"PATCH", "/api/v1/grants/{id}", update_grant},
      {"DELETE", "/api/v1/grants/{id}", delete_grant},
  };
}

}  // namespace tdkt::http
