// /api/v1/people and /api/v1/memberships: persons, staff and people outside the agency.

#include <charconv>

#include "core/text.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

const std::set<std::string> kPersonFields{"full_name", "family_name", "middle_name", "given_name",
                                          "gender",    "birth_year",  "ethnicity",   "village",
                                          "commune",   "province",    "note"};
const std::set<std::string> kMembershipFields{"unit_id", "position", "from", "to"};

// Applies the fields present in `body` to `draft`. A full name is split the Vietnamese way
// (family, middle, given) unless the parts are given.
Status apply_person_fields(const Json& body, domain::PersonDraft& draft) {
  Fields fields(body);
  const bool has_parts = fields.has("family_name") || fields.has("middle_name") || fields.has("given_name");
  if (fields.has("full_name")) {
    if (has_parts) {
      return Error::invalid("full_name",
                            "Gửi full_name hoặc các phần family_name, middle_name, given_name, không gửi cả hai.");
    }
    auto full = fields.string("full_name", true);
    if (!full) return std::move(full).error();
    const auto parts = text::split_name(*full);
    draft.family_name = parts.family;
    draft.middle_name = parts.middle;
    draft.given_name = parts.given;
  }
  struct TextField {
    const char* name;
    std::string* target;
  };
  for (const auto& item : {TextField{"family_name", &draft.family_name}, TextField{"middle_name", &draft.middle_name},
                           TextField{"given_name", &draft.given_name}, TextField{"ethnicity", &draft.ethnicity},
                           TextField{"village", &draft.village}, TextField{"commune", &draft.commune},
                           TextField{"province", &draft.province}, TextField{"note", &draft.note}}) {
    if (!fields.has(item.name)) continue;
    auto value = fields.string(item.name, false);
    if (!value) return std::move(value).error();
    *item.target = *value;
  }
  if (fields.has("gender")) {
    auto value = fields.string("gender", false);
    if (!value) return std::move(value).error();
    auto gender = domain::gender_from_string(value->empty() ? "unspecified" : *value);
    if (!gender) return Error::invalid("gender", "Giới tính phải là male, female hoặc unspecified.");
    draft.gender = *gender;
  }
  if (fields.has("birth_year")) {
    auto year = fields.integer("birth_year", false);
    if (!year) return std::move(year).error();
    draft.birth_year = *year ? std::optional<int>(static_cast<int>(**year)) : std::nullopt;
  }
  return {};
}

domain::PersonDraft to_draft(const domain::Person& person) {
  return {person.family_name, person.middle_name, person.given_name, person.gender,   person.birth_year,
          person.ethnicity,   person.village,     person.commune,    person.province, person.note};
}

Result<std::optional<int>> query_int(const ApiRequest& request, const std::string& name) {
  if (!request.has_query(name) || request.query(name).empty()) return std::optional<int>();
  const auto text = request.query(name);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return Error::invalid(name, "Tham số \"" + name + "\" phải là số nguyên.");
  }
  return std::optional<int>(value);
}

ApiResponse list_people(const ApiRequest& request, Services& services) {
  app::PeopleListRequest list;
  list.q = request.query("q");
  TDKT_HTTP_TRY(offset, query_int(request, "offset"));
  TDKT_HTTP_TRY(limit, query_int(request, "limit"));
  TDKT_HTTP_TRY(unit, query_int(request, "unit_id"));
  list.offset = offset->value_or(0);
  list.limit = limit->value_or(50);
  if (*unit) list.unit = UnitId{**unit};
  if (request.has_query("as_of")) {
    TDKT_HTTP_TRY(day, as_of(request, services.clock));
    list.as_of = *day;
  }
  TDKT_HTTP_TRY(page, services.people.list(request.actor, list));
  Json items = Json::array();
  for (const auto& person : page->items)
    items.push_back(to_json(person));
  Json body{{"items", items}, {"offset", page->offset}, {"limit", page->limit}, {"has_more", page->has_more}};
  body["next_offset"] = page->has_more ? Json(page->offset + page->limit) : Json(nullptr);
  return ok(std::move(body));
}

ApiResponse create_person(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kPersonFields));
  domain::PersonDraft draft;
  if (auto applied = apply_person_fields(*body, draft); !applied) return fail(applied.error());
  TDKT_HTTP_TRY(person, services.people.create(request.actor, draft));
  return ok(to_json(*person), 201);
}

Json memberships_json(const std::vector<domain::Membership>& memberships, Services& services) {
  Json list = Json::array();
  for (const auto& membership : memberships) {
    Json item = to_json(membership);
    auto unit = services.organisation.unit(membership.unit);
    item["unit_name"] = unit ? unit->name : std::string();
    list.push_back(std::move(item));
  }
  return list;
}

ApiResponse get_person(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(person, services.people.person(request.actor, PersonId{*id}));
  TDKT_HTTP_TRY(memberships, services.people.memberships(request.actor, PersonId{*id}));
  Json body = to_json(*person);
  body["memberships"] = memberships_json(*memberships, services);
  return ok(std::move(body));
}

ApiResponse update_person(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kPersonFields));
  TDKT_HTTP_TRY(existing, services.people.person(request.actor, PersonId{*id}));
  auto draft = to_draft(*existing);
  if (auto applied = apply_person_fields(*body, draft); !applied) return fail(applied.error());
  TDKT_HTTP_TRY(person, services.people.update(request.actor, PersonId{*id}, draft));
  return ok(to_json(*person));
}

ApiResponse list_memberships(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(memberships, services.people.memberships(request.actor, PersonId{*id}));
  return ok({{"person_id", *id}, {"memberships", memberships_json(*memberships, services)}});
}

Result<domain::Membership> read_membership(const Json& body, domain::Membership membership) {
  Fields fields(body);
  auto unit = fields.integer("unit_id", true);
  if (!unit) return std::move(unit).error();
  membership.unit = UnitId{**unit};
  auto position = fields.string("position", false);
  if (!position) return std::move(position).error();
  membership.position = *position;
  auto from = fields.date("from", true);
  if (!from) return std::move(from).error();
  membership.period.from = **from;
  auto to = fields.date("to", false);
  if (!to) return std::move(to).error();
  membership.period.to = *to;
  return membership;
}

ApiResponse add_membership(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kMembershipFields));
  domain::Membership base;
  base.person = PersonId{*id};
  TDKT_HTTP_TRY(membership, read_membership(*body, base));
  TDKT_HTTP_TRY(saved, services.people.add_membership(request.actor, *membership));
  return ok(to_json(*saved), 201);
}

ApiResponse update_membership(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kMembershipFields));
  Fields fields(*body);
  app::MembershipPatch patch;
  if (fields.has("unit_id")) {
    TDKT_HTTP_TRY(unit, fields.integer("unit_id", true));
    patch.unit = UnitId{**unit};
  }
  if (fields.has("position")) {
    TDKT_HTTP_TRY(position, fields.string("position", false));
    patch.position = *position;
  }
  if (fields.has("from")) {
    TDKT_HTTP_TRY(from, fields.date("from", true));
    patch.from = **from;
  }
  if (fields.has("to")) {
    TDKT_HTTP_TRY(to, fields.date("to", false));
    patch.to = *to;
  }
  TDKT_HTTP_TRY(saved, services.people.update_membership(request.actor, MembershipId{*id}, patch));
  return ok(to_json(*saved));
}

ApiResponse delete_membership(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  if (auto deleted = services.people.delete_membership(request.actor, MembershipId{*id}); !deleted) {
    return fail(deleted.error());
  }
  return ok(nullptr, 204);
}

}  // namespace

std::vector<Route> people_routes() {
  return {
      {"GET", "/api/v1/people", list_people},
      {"POST", "/api/v1/people", create_person},
      {"GET", "/api/v1/people/{id}", get_person},
      {"PATCH", "/api/v1/people/{id}", update_person},
      {"GET", "/api/v1/people/{id}/memberships", list_memberships},
      {"POST", "/api/v1/people/{id}/memberships", add_membership},
      {"PATCH", "/api/v1/memberships/{id}", update_membership},
      {"DELETE", "/api/v1/memberships/{id}", delete_membership},
  };
}

}  // namespace tdkt::http
