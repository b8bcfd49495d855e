// /api/v1/rule-sets: the rule set in force on a date, with every honour, clause, citation,
// quota and deadline — what a lawyer reviews. Read-only; the engine judges with the same set.

#include "domain/rules/rule_set.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

Json clause_json(const rules::Clause& clause) {
  Json json{{"id", clause.id},
            {"kind", rules::condition_kind(clause.condition)},
            {"citation", clause.citation},
            {"text", clause.text},
            {"unverified", clause.unverified},
            {"note", clause.note}};
  const std::vector<rules::Clause>* children = nullptr;
  if (const auto* any = std::get_if<rules::AnyOf>(&clause.condition)) children = &any->clauses;
  if (const auto* all = std::get_if<rules::AllOf>(&clause.condition)) children = &all->clauses;
  if (children) {
    json["clauses"] = Json::array();
    for (const auto& child : *children)
      json["clauses"].push_back(clause_json(child));
  }
  return json;
}

Json rule_set_json(const rules::RuleSet& set, const rules::HonourCatalogue& catalogue) {
  Json bases = Json::array();
  for (const auto& basis : set.legal_bases)
    bases.push_back({{"id", basis.id}, {"title", basis.title}});
  Json guards = Json::array();
  for (const auto& clause : set.guards)
    guards.push_back(clause_json(clause));
  Json honours = Json::array();
  for (const auto& honour : set.honours) {
    Json subjects = Json::object();
    for (auto kind : {rules::SubjectKind::kPerson, rules::SubjectKind::kUnit, rules::SubjectKind::kHousehold}) {
      if (!honour.applies_to(kind)) continue;
      Json clauses = Json::array();
      for (const auto& clause : honour.clauses_for(kind))
        clauses.push_back(clause_json(clause));
      subjects[std::string(rules::to_string(kind))] = clauses;
    }
    honours.push_back({{"code", honour.code},
                       {"name", honour.name},
                       {"short_name", honour.short_name},
                       {"kind", rules::to_string(honour.kind)},
                       {"citation", honour.citation},
                       {"subjects", subjects}});
  }
  Json quotas = Json::array();
  for (const auto& quota : set.quotas) {
    quotas.push_back({{"id", quota.id},
                      {"honour", catalogue.code(quota.honour)},
                      {"citation", quota.citation},
                      {"text", quota.text},
                      {"unverified", quota.unverified},
                      {"note", quota.note}});
  }
  Json deadlines = Json::array();
  for (const auto& deadline : set.deadlines) {
    Json codes = Json::array();
    for (auto honour : deadline.honours)
      codes.push_back(catalogue.code(honour));
    deadlines.push_back({{"id", deadline.id},
                         {"honours", codes},
                         {"day", deadline.day},
                         {"month", deadline.month},
                         {"year_offset", deadline.year_offset},
                         {"citation", deadline.citation},
                         {"unverified", deadline.unverified},
                         {"note", deadline.note}});
  }
  return {{"id", set.id},
          {"name", set.name},
          {"legal_bases", bases},
          {"valid_from", set.validity.from.iso()},
          {"valid_to", date_or_null(set.validity.to)},
          {"first_year", set.first_year},
          {"layers", set.layers},
          {"guards", guards},
          {"honours", honours},
          {"quotas", quotas},
          {"deadlines", deadlines}};
}

ApiResponse list_rule_sets(const ApiRequest& request, Services& services) {
  if (!services.rules) return fail(Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", ""});
  const auto& library = *services.rules;
  TDKT_HTTP_TRY(day, as_of(request, services.clock));
  const auto province = request.has_query("province") ? request.query("province") : services.province;
  Json sets = Json::array();
  for (const auto& set : library.sets()) {
    sets.push_back({{"id", set.id},
                    {"name", set.name},
                    {"valid_from", set.validity.from.iso()},
                    {"valid_to", date_or_null(set.validity.to)}});
  }
  Json body{{"as_of", day->iso()}, {"province", province}, {"sets", sets}};
  auto in_force = library.in_force(*day, province);
  if (!in_force) {
    Error error = in_force.error();
    if (error.field.empty()) error.field = "as_of";
    if (error.code == ErrorCode::kInternal) error.code = ErrorCode::kInvalidInput;
    return fail(error);
  }
  body["in_force"] = rule_set_json(*in_force, library.catalogue());
  return ok(std::move(body));
}

}  // namespace

std::vector<Route> rules_routes() {
  return {{"GET", "/api/v1/rule-sets", list_rule_sets}};
}

}  // namespace tdkt::http
