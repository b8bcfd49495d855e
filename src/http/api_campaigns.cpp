// /api/v1/campaigns: registration campaigns (đăng ký thi đua) — opening one, registrations
// entered on the page or imported from the Excel form, withdrawals, the consolidation by unit
// heads and by the officer, reopening, reminders of who has not registered, and the
// consolidated list as Excel.

#include <charconv>

#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "ingest/records_workbook.hpp"
#include "ingest/registration_workbook.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

std::string consolidation_text(const std::optional<CivilDate>& on, const std::string& by) {
  if (!on) return "Chưa xác nhận tổng hợp";
  return "Đã xác nhận tổng hợp ngày " + on->vn() + (by.empty() ? std::string() : " (" + by + ")");
}

// "open", "reopened", "closed" or "consolidated".
std::string status_code(const app::CampaignView& view) {
  if (view.campaign.consolidated()) return "consolidated";
  if (!view.open) return "closed";
  return view.campaign.reopened_until ? "reopened" : "open";
}

// The one place these states are named for people (the pages show `status_label`).
std::string status_label(const std::string& code) {
  if (code == "consolidated") return "Đã tổng hợp toàn cơ quan";
  if (code == "closed") return "Đã hết hạn đăng ký";
  if (code == "reopened") return "Đã mở lại";
  return "Đang nhận đăng ký";
}

Json campaign_json(const app::CampaignView& view, const std::vector<domain::HonourInfo>& directory) {
  const auto& campaign = view.campaign;
  Json honours = Json::array();
  for (const auto& code : campaign.honours) {
    const auto* info = domain::find_honour(directory, code);
    honours.push_back({{"code", code},
                       {"name", info ? info->name : code},
                       {"for_persons", info && info->for_persons},
                       {"for_units", info && info->for_units}});
  }
  Json units = Json::array();
  for (std::size_t i = 0; i < campaign.units.size(); ++i) {
    const auto& unit = campaign.units[i];
    units.push_back({{"unit_id", unit.unit.value},
                     {"name", view.unit_names.at(i)},
                     {"consolidated_on", date_or_null(unit.consolidated_on)},
                     {"consolidated_by", unit.consolidated_by}});
  }
  return {{"id", campaign.id.value},
          {"movement_id", campaign.movement.value},
          {"movement_name", view.movement.name},
          {"year", campaign.year},
          {"deadline", campaign.deadline.iso()},
          {"reopened_until", date_or_null(campaign.reopened_until)},
          {"closes_on", campaign.closes_on().iso()},
          {"status", status_code(view)},
          {"status_label", status_label(status_code(view))},
          {"open", view.open},
          {"closed_reason", view.closed_reason},
          {"reference_day", view.reference_day.iso()},
          {"consolidated_on", date_or_null(campaign.consolidated_on)},
          {"consolidated_by", campaign.consolidated_by},
          {"honours", honours},
          {"units", units}};
}

Json registration_json(const app::RegistrationView& view, const std::vector<domain::HonourInfo>& directory) {
  const auto& registration = view.registration;
  const auto* info = domain::find_honour(directory, registration.honour);
  return {{"id", registration.id.value},
          {"campaign_id", registration.campaign.value},
          {"unit_id", registration.unit.value},
          {"unit_name", view.unit_name},
          {"subject_kind", std::string(rules::to_string(registration.subject.kind))},
          {"subject_id", registration.subject.id},
          {"subject_name", view.subject_name},
          {"honour", registration.honour},
          {"honour_name", info ? info->name : registration.honour},
          {"registered_on", registration.registered_on.iso()},
          {"source", std::string(domain::to_string(registration.source))},
          {"source_label", domain::vietnamese_label(registration.source)},
          {"note", registration.note}};
}

Result<CampaignId> campaign_id(const ApiRequest& request) {
  auto id = parse_id(request.path_params.at(0), "id");
  if (!id) return std::move(id).error();
  return CampaignId{*id};
}

Result<std::vector<std::int64_t>> id_list(const Json& body, const std::string& name) {
  std::vector<std::int64_t> ids;
  if (!body.contains(name) || !body.at(name).is_array()) {
    return Error::invalid(name, "\"" + name + "\" phải là danh sách mã (số nguyên dương).");
  }
  for (const auto& item : body.at(name)) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      return Error::invalid(name, "Mỗi phần tử của \"" + name + "\" là một mã (số nguyên dương).");
    }
    ids.push_back(item.get<std::int64_t>());
  }
  return ids;
}

ApiResponse list_campaigns(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(views, services.campaigns.list(request.actor));
  Json items = Json::array();
  for (const auto& view : *views)
    items.push_back(campaign_json(view, services.campaigns.honours()));
  // What the "open a campaign" form offers: every honour a registration may aim for.
  Json honours = Json::array();
  for (const auto& honour : services.campaigns.honours()) {
    honours.push_back({{"code", honour.code},
                       {"name", honour.name},
                       {"for_persons", honour.for_persons},
                       {"for_units", honour.for_units}});
  }
  return ok({{"items", items}, {"honours", honours}});
}

ApiResponse create_campaign(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"movement_id", "year", "deadline", "honours", "unit_ids"}));
  Fields fields(*body);
  domain::Campaign campaign;
  TDKT_HTTP_TRY(movement, fields.integer("movement_id", true));
  campaign.movement = MovementId{**movement};
  TDKT_HTTP_TRY(year, fields.integer("year", true));
  campaign.year = static_cast<int>(**year);
  TDKT_HTTP_TRY(deadline, fields.date("deadline", true));
  campaign.deadline = **deadline;
  if (!body->contains("honours") || !body->at("honours").is_array()) {
    return fail(Error::invalid("honours", "\"honours\" phải là danh sách mã danh hiệu."));
  }
  for (const auto& code : body->at("honours")) {
    if (!code.is_string()) return fail(Error::invalid("honours", "Mỗi danh hiệu là một mã (chuỗi), ví dụ \"LDTT\"."));
    campaign.honours.push_back(code.get<std::string>());
  }
  TDKT_HTTP_TRY(units, id_list(*body, "unit_ids"));
  for (const auto id : *units)
    campaign.units.push_back({UnitId{id}, std::nullopt, {}});
  TDKT_HTTP_TRY(view, services.campaigns.create(request.actor, std::move(campaign)));
  return ok(campaign_json(*view, services.campaigns.honours()), 201);
}

ApiResponse get_campaign(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(view, services.campaigns.campaign(request.actor, *id));
  return ok(campaign_json(*view, services.campaigns.honours()));
}

ApiResponse list_registrations(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(registrations, services.campaigns.registrations(request.actor, *id));
  Json items = Json::array();
  for (const auto& registration : *registrations)
    items.push_back(registration_json(registration, services.campaigns.honours()));
  return ok({{"items", items}});
}

ApiResponse create_registration(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"subject_kind", "subject_id", "honour", "note"}));
  Fields fields(*body);
  app::RegistrationRequest registration;
  TDKT_HTTP_TRY(kind_text, fields.string("subject_kind", true));
  const auto kind = rules::subject_kind_from_string(*kind_text);
  if (!kind || *kind == rules::SubjectKind::kHousehold) {
    return fail(Error::invalid("subject_kind", "Đối tượng đăng ký là \"person\" (cá nhân) hoặc \"unit\" (tập thể)."));
  }
  TDKT_HTTP_TRY(subject_id, fields.integer("subject_id", true));
  if (**subject_id <= 0) return fail(Error::invalid("subject_id", "Mã đối tượng phải là số nguyên dương."));
  registration.subject = {*kind, **subject_id};
  TDKT_HTTP_TRY(honour, fields.string("honour", true));
  registration.honour = *honour;
  TDKT_HTTP_TRY(note, fields.string("note", false));
  registration.note = *note;
  TDKT_HTTP_TRY(created, services.campaigns.register_subject(request.actor, *id, registration));
  return ok(registration_json(*created, services.campaigns.honours()), 201);
}

ApiResponse delete_registration(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  if (auto withdrawn = services.campaigns.withdraw(request.actor, RegistrationId{*id}); !withdrawn) {
    return fail(withdrawn.error());
  }
  return ok(nullptr, 204);
}

ApiResponse consolidate_unit(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(unit, parse_id(request.path_params.at(1), "unit_id"));
  TDKT_HTTP_TRY(view, services.campaigns.consolidate_unit(request.actor, *id, UnitId{*unit}));
  return ok(campaign_json(*view, services.campaigns.honours()));
}

ApiResponse consolidate_campaign(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(view, services.campaigns.consolidate(request.actor, *id));
  return ok(campaign_json(*view, services.campaigns.honours()));
}

ApiResponse reopen_campaign(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"until"}));
  TDKT_HTTP_TRY(until, Fields(*body).date("until", true));
  TDKT_HTTP_TRY(view, services.campaigns.reopen(request.actor, *id, **until));
  return ok(campaign_json(*view, services.campaigns.honours()));
}

Json subject_json(const app::RosterEntry& entry) {
  return {{"subject_kind", std::string(rules::to_string(entry.subject.kind))},
          {"subject_id", entry.subject.id},
          {"name", entry.name},
          {"unit_id", entry.unit.value},
          {"honours", entry.honours}};
}

Result<std::optional<UnitId>> unit_query(const ApiRequest& request) {
  if (request.query("unit_id").empty()) return std::optional<UnitId>();
  auto id = parse_id(request.query("unit_id"), "unit_id");
  if (!id) return std::move(id).error();
  return std::optional<UnitId>(UnitId{*id});
}

ApiResponse campaign_roster(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(unit, unit_query(request));
  TDKT_HTTP_TRY(roster, services.campaigns.roster(request.actor, *id, *unit));
  Json items = Json::array();
  for (const auto& entry : *roster)
    items.push_back(subject_json(entry));
  return ok({{"items", items}});
}

ApiResponse campaign_reminders(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(reminders, services.campaigns.reminders(request.actor, *id));
  Json units = Json::array();
  for (const auto& unit : reminders->units) {
    Json missing = Json::array();
    for (const auto& person : unit.missing_persons)
      missing.push_back({{"person_id", person.subject.id}, {"name", person.name}});
    units.push_back({{"unit_id", unit.unit.value},
                     {"name", unit.unit_name},
                     {"consolidated", unit.consolidated},
                     {"unit_expected", unit.unit_expected},
                     {"unit_registered", unit.unit_registered},
                     {"persons_expected", unit.persons_expected},
                     {"persons_registered", unit.persons_registered},
                     {"missing_persons", missing}});
  }
  return ok({{"reference_day", reminders->reference_day.iso()},
             {"missing_persons", reminders->missing_persons},
             {"missing_units", reminders->missing_units},
             {"units", units}});
}

// "DANG-KY-THI-DUA-2023-3.xlsx"
std::string file_name(const char* prefix, const domain::Campaign& campaign) {
  return std::string(prefix) + "-" + std::to_string(campaign.year) + "-" + std::to_string(campaign.id.value) + ".xlsx";
}

std::vector<domain::HonourInfo> campaign_honours(const domain::Campaign& campaign,
                                                 const std::vector<domain::HonourInfo>& directory) {
  std::vector<domain::HonourInfo> honours;
  for (const auto& code : campaign.honours) {
    if (const auto* info = domain::find_honour(directory, code)) honours.push_back(*info);
  }
  return honours;
}

// GET /api/v1/campaigns/{id}/form?unit_id=: the units and members who must register (of one
// unit, or every unit), with what each has registered so far.
ApiResponse campaign_form(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(unit, unit_query(request));
  TDKT_HTTP_TRY(view, services.campaigns.campaign(request.actor, *id));
  TDKT_HTTP_TRY(roster, services.campaigns.roster(request.actor, *id, *unit));
  ingest::RegistrationFormData data;
  data.title = "ĐĂNG KÝ THI ĐUA NĂM " + std::to_string(view->campaign.year) + " — " + view->movement.name;
  data.deadline = view->campaign.closes_on();
  data.honours = campaign_honours(view->campaign, services.campaigns.honours());
  for (std::size_t i = 0; i < view->campaign.units.size(); ++i) {
    if (*unit && view->campaign.units[i].unit == **unit) data.unit = view->unit_names[i];
  }
  auto name_of = [&view](UnitId unit_id) {
    for (std::size_t i = 0; i < view->campaign.units.size(); ++i) {
      if (view->campaign.units[i].unit == unit_id) return view->unit_names[i];
    }
    return std::string();
  };
  for (const auto& entry : *roster) {
    if (entry.honours.empty()) {
      data.subjects.push_back({entry.subject, entry.name, name_of(entry.unit), {}});
    }
    for (const auto& honour : entry.honours)
      data.subjects.push_back({entry.subject, entry.name, name_of(entry.unit), honour});
  }
  TDKT_HTTP_TRY(bytes, ingest::registration_form(data));
  ApiResponse response;
  response.download = Download{kXlsxType, file_name("Mau-dang-ky-thi-dua", view->campaign), std::move(*bytes)};
  return response;
}

// POST /api/v1/campaigns/{id}/import?dry_run=, the body a filled form (.xlsx).
ApiResponse import_registrations(const ApiRequest& request, Services& services) {
  // Before reading the file: an account that may not register learns nothing from it, and an
  // import beyond the ones running is turned away before its workbook is opened.
  if (auto allowed = app::require(request.actor, domain::Permission::kRegister); !allowed) {
    return fail(allowed.error());
  }
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(permit, services.imports.enter());
  TDKT_HTTP_TRY(dry_run, dry_run_flag(request));
  TDKT_HTTP_TRY(parsed, ingest::read_registration_workbook(request.body(), services.campaigns.honours()));
  if (!parsed->problems.empty()) return import_refused(parsed->problems);
  TDKT_HTTP_TRY(report, services.campaigns.import(request.actor, *permit, *id, parsed->rows, *dry_run));
  if (!report->problems.empty()) return import_refused(report->problems);
  return ok({{"applied", report->applied},
             {"dry_run", *dry_run},
             {"created", report->created},
             {"unchanged", report->unchanged},
             {"problems", Json::array()}});
}

// GET /api/v1/campaigns/{id}/export: the consolidated list as .xlsx.
ApiResponse export_registrations(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, campaign_id(request));
  TDKT_HTTP_TRY(view, services.campaigns.campaign(request.actor, *id));
  TDKT_HTTP_TRY(registrations, services.campaigns.registrations(request.actor, *id));
  const auto& campaign = view->campaign;
  ingest::RegistrationListData data;
  data.title = "DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM " + std::to_string(campaign.year);
  data.subtitle = view->movement.name + ". Hạn đăng ký: " + campaign.deadline.vn() +
                  (campaign.reopened_until ? " (mở lại đến " + campaign.reopened_until->vn() + ")" : std::string()) +
                  ". " +
                  (campaign.consolidated() ? "Đã tổng hợp toàn cơ quan ngày " + campaign.consolidated_on->vn() + "."
                                           : std::string("Chưa tổng hợp toàn cơ quan."));
  data.honours = campaign_honours(campaign, services.campaigns.honours());
  for (std::size_t i = 0; i < campaign.units.size(); ++i) {
    ingest::ListedUnit unit;
    unit.name = view->unit_names[i];
    unit.status = consolidation_text(campaign.units[i].consolidated_on, campaign.units[i].consolidated_by);
    for (const auto& item : *registrations) {
      const auto& registration = item.registration;
      if (registration.unit != campaign.units[i].unit) continue;
      unit.registrations.push_back({registration.subject, item.subject_name, registration.honour,
                                    registration.registered_on, registration.source, registration.note});
    }
    data.units.push_back(std::move(unit));
  }
  TDKT_HTTP_TRY(bytes, ingest::registration_list(data));
  ApiResponse response;
  response.download = Download{kXlsxType, file_name("Danh-sach-dang-ky-thi-dua", campaign), std::move(*bytes)};
  return response;
}

}  // namespace

std::vector<Route> campaign_routes() {
  return {
      {"GET", "/api/v1/campaigns", list_campaigns},
      {"POST", "/api/v1/campaigns", create_campaign},
      {"GET", "/api/v1/campaigns/{id}", get_campaign},
      {"GET", "/api/v1/campaigns/{id}/registrations", list_registrations},
      {"POST", "/api/v1/campaigns/{id}/registrations", create_registration},
      {"DELETE", "/api/v1/registrations/{id}", delete_registration},
      {"POST", "/api/v1/campaigns/{id}/units/{unit_id}/consolidate", consolidate_unit},
      {"POST", "/api/v1/campaigns/{id}/consolidate", consolidate_campaign},
      {"POST", "/api/v1/campaigns/{id}/reopen", reopen_campaign},
      {"GET", "/api/v1/campaigns/{id}/roster", campaign_roster},
      {"GET", "/api/v1/campaigns/{id}/reminders", campaign_reminders},
      {"GET", "/api/v1/campaigns/{id}/form", campaign_form},
      {"POST", "/api/v1/campaigns/{id}/import", import_registrations, Access::kSignedIn, Body::kSpreadsheet},
      {"GET", "/api/v1/campaigns/{id}/export", export_registrations},
  };
}

}  // namespace tdkt::http
