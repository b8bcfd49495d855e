// /api/v1/login, /logout, /session, /account/password, /accounts, /roles: signing in and the
// administration of accounts.

#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

const std::set<std::string> kLoginFields{"username", "password"};
const std::set<std::string> kPasswordFields{"current_password", "new_password"};
const std::set<std::string> kAccountFields{"username",      "display_name", "role",
                                           "scope_unit_id", "person_id",    "password"};
const std::set<std::string> kAccountPatchFields{"display_name", "role",   "scope_unit_id",
                                                "person_id",    "active", "new_password"};

Json permissions_of(domain::Role role) {
  Json list = Json::array();
  for (auto permission : domain::all_permissions()) {
    if (domain::allows(role, permission)) list.push_back(domain::to_string(permission));
  }
  return list;
}

Json account_json(const domain::Account& account) {
  return {{"id", account.id.value},
          {"username", account.username},
          {"display_name", account.display_name},
          {"role", domain::to_string(account.role)},
          {"role_label", domain::vietnamese_label(account.role)},
          {"scope_unit_id", account.scope_unit ? Json(account.scope_unit->value) : Json(nullptr)},
          {"person_id", account.person ? Json(account.person->value) : Json(nullptr)},
          {"active", account.active}};
}

// A refusal that may be retried carries Retry-After (429 too_many_attempts, busy).
ApiResponse refused(const Error& error, std::int64_t retry_after_seconds) {
  ApiResponse response = fail(error);
  if (retry_after_seconds > 0) response.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  return response;
}

ApiResponse login(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kLoginFields));
  Fields fields(*body);
  TDKT_HTTP_TRY(username, fields.string("username", true));
  TDKT_HTTP_TRY(password, fields.string("password", true));
  auto signed_in = services.accounts.login({*username, *password, request.http.client_address, request.session_token});
  if (!signed_in.result) return refused(signed_in.result.error(), signed_in.retry_after_seconds);
  const auto& session = signed_in.result;
  ApiResponse response = ok({{"account", account_json(session->account)},
                             {"csrf_token", session->csrf_token},
                             {"permissions", permissions_of(session->account.role)},
                             {"expires_at", app::Clock::iso_timestamp(session->expires_at)}});
  response.headers.emplace_back("X-Tdkt-Session", session->token);  // turned into the cookie by the server
  return response;
}

ApiResponse logout(const ApiRequest& request, Services& services) {
  services.accounts.logout(request.session_token);
  ApiResponse response = ok(nullptr, 204);
  response.headers.emplace_back("X-Tdkt-Session", "");
  return response;
}

ApiResponse current_session(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(csrf, services.accounts.csrf_token(request.session_token));
  const auto& actor = request.actor;
  return ok({{"account",
              {{"id", actor.account ? Json(actor.account->value) : Json(nullptr)},
               {"username", actor.name},
               {"display_name", actor.display_name},
               {"role", domain::to_string(actor.role)},
               {"role_label", domain::vietnamese_label(actor.role)},
               {"scope_unit_id", actor.scope_unit ? Json(actor.scope_unit->value) : Json(nullptr)},
               {"person_id", actor.person ? Json(actor.person->value) : Json(nullptr)}}},
             {"csrf_token", *csrf},
             {"permissions", permissions_of(actor.role)}});
}

ApiResponse change_password(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kPasswordFields));
  Fields fields(*body);
  TDKT_HTTP_TRY(current, fields.string("current_password", true));
  TDKT_HTTP_TRY(replacement, fields.string("new_password", true));
  auto changed = services.accounts.change_password(
      request.actor, {*current, *replacement, request.http.client_address, request.session_token});
  if (!changed.result) return refused(changed.result.error(), changed.retry_after_seconds);
  return ok(nullptr, 204);
}

ApiResponse list_accounts(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(accounts, services.accounts.list(request.actor));
  Json list = Json::array();
  for (const auto& account : *accounts)
    list.push_back(account_json(account));
  return ok({{"accounts", list}});
}

Result<domain::Role> read_role(const Fields& fields, bool required) {
  auto text = fields.string("role", required);
  if (!text) return std::move(text).error();
  auto role = domain::role_from_string(*text);
  if (!role) {
    return Error::invalid(
        "role", "Vai trò \"" + *text + "\" không hợp lệ (admin, officer, council_member, unit_head, staff, viewer).");
  }
  return *role;
}

ApiResponse create_account(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), kAccountFields));
  Fields fields(*body);
  app::AccountDraft draft;
  TDKT_HTTP_TRY(username, fields.string("username", true));
  TDKT_HTTP_TRY(display_name, fields.string("display_name", false));
  TDKT_HTTP_TRY(role, read_role(fields, true));
  TDKT_HTTP_TRY(scope, fields.integer("scope_unit_id", false));
  TDKT_HTTP_TRY(person, fields.integer("person_id", false));
  TDKT_HTTP_TRY(password, fields.string("password", true));
  draft.username = *username;
  draft.display_name = *display_name;
  draft.role = *role;
  if (*scope) draft.scope_unit = UnitId{**scope};
  if (*person) draft.person = PersonId{**person};
  draft.password = *password;
  TDKT_HTTP_TRY(account, services.accounts.create(request.actor, draft));
  return ok(account_json(*account), 201);
}

ApiResponse update_account(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), kAccountPatchFields));
  Fields fields(*body);
  app::AccountPatch patch;
  if (fields.has("display_name")) {
    TDKT_HTTP_TRY(value, fields.string("display_name", true));
    patch.display_name = *value;
  }
  if (fields.has("role")) {
    TDKT_HTTP_TRY(role, read_role(fields, true));
    patch.role = *role;
  }
  if (fields.has("scope_unit_id")) {
    TDKT_HTTP_TRY(scope, fields.integer("scope_unit_id", false));
    patch.scope_unit = *scope ? std::optional<UnitId>(UnitId{**scope}) : std::nullopt;
  }
  if (fields.has("person_id")) {
    TDKT_HTTP_TRY(person, fields.integer("person_id", false));
    patch.person = *person ? std::optional<PersonId>(PersonId{**person}) : std::nullopt;
  }
  if (fields.has("active")) {
    if (fields.is_null("active")) return fail(Error::invalid("active", "Trường \"active\" phải là true hoặc false."));
    TDKT_HTTP_TRY(active, fields.boolean("active", true));
    patch.active = *active;
  }
  if (fields.has("new_password")) {
    TDKT_HTTP_TRY(password, fields.string("new_password", true));
    patch.new_password = *password;
  }
  TDKT_HTTP_TRY(account, services.accounts.update(request.actor, AccountId{*id}, patch));
  return ok(account_json(*account));
}

ApiResponse list_roles(const ApiRequest&, Services&) {
  Json roles = Json::array();
  for (auto role : domain::all_roles()) {
    roles.push_back({{"role", domain::to_string(role)},
                     {"label", domain::vietnamese_label(role)},
                     {"permissions", permissions_of(role)}});
  }
  Json permissions = Json::array();
  for (auto permission : domain::all_permissions()) {
    permissions.push_back(
        {{"permission", domain::to_string(permission)}, {"label", domain::vietnamese_label(permission)}});
  }
  return ok({{"roles", roles}, {"permissions", permissions}});
}

}  // namespace

std::vector<Route> account_routes() {
  return {
      {"POST", "/api/v1/login", login, Access::kPublic},  {"POST", "/api/v1/logout", logout},
      {"GET", "/api/v1/session", current_session},        {"POST", "/api/v1/account/password", change_password},
      {"GET", "/api/v1/accounts", list_accounts},         {"POST", "/api/v1/accounts", create_account},
      {"PATCH", "/api/v1/accounts/{id}", update_account}, {"GET", "/api/v1/roles", list_roles},
  };
}

}  // namespace tdkt::http
