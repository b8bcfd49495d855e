#include "app/account_service.hpp"

#include "app/access.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

Snapshot snapshot(const domain::Account& account) {
  return {{"username", account.username},
          {"display_name", account.display_name},
          {"role", std::string(domain::to_string(account.role))},
          {"scope_unit_id", account.scope_unit ? std::to_string(account.scope_unit->value) : std::string()},
          {"person_id", account.person ? std::to_string(account.person->value) : std::string()},
          {"active", account.active ? "true" : "false"}};
}

Error wrong_credentials() {
  return {ErrorCode::kUnauthenticated, "Tên đăng nhập hoặc mật khẩu không đúng.", "password"};
}

Actor actor_of(const domain::Account& account) {
  Actor actor;
  actor.name = account.username;
  actor.account = account.id;
  actor.role = account.role;
  actor.scope_unit = account.scope_unit;
  actor.person = account.person;
  actor.display_name = account.display_name.empty() ? account.username : account.display_name;
  return actor;
}

std::string minutes(std::int64_t seconds) {
  return std::to_string((seconds + 59) / 60);
}

}  // namespace

Result<IssuedSession> AccountService::login(const std::string& username, const std::string& password,
                                            const std::string& address) {
  const auto now = clock_.now_unix();
  const auto since = now - policy_.failure_window_seconds;
  auto work = store_.write();
  auto& accounts = work->accounts();
  if (accounts.failures_from_address(address, since) >= policy_.max_failures_per_address) {
    return Error{ErrorCode::kTooManyAttempts,
                 "Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau " +
                     minutes(policy_.failure_window_seconds) + " phút.",
                 ""};
  }
  if (accounts.failures_for_username(username, since) >= policy_.max_failures_per_account) {
    return Error{ErrorCode::kTooManyAttempts,
                 "Tài khoản tạm khóa vì nhập sai mật khẩu " + std::to_string(policy_.max_failures_per_account) +
                     " lần. Vui lòng thử lại sau " + minutes(policy_.failure_window_seconds) +
                     " phút hoặc liên hệ quản trị viên.",
                 "username"};
  }
  auto stored = accounts.find_by_username(username);
  // Verify even for an unknown name, so that timing does not tell which names exist.
  static const std::string kDummyHash = crypto_.hash_password("tdkt-dummy-password");
  const bool verified = crypto_.verify_password(stored ? stored->password_hash : kDummyHash, password);
  if (!stored || !verified || !stored->account.active) {
    accounts.record_login_attempt(username, address, false, now);
    work->commit();
    if (stored && verified && !stored->account.active) {
      return Error{ErrorCode::kUnauthenticated, "Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.", "username"};
    }
    return wrong_credentials();
  }
  accounts.record_login_attempt(username, address, true, now);
  accounts.delete_expired_sessions(now);
  IssuedSession issued{crypto_.random_token(), crypto_.random_token(), stored->account, now + policy_.lifetime_seconds};
  accounts.insert_session(crypto_.digest(issued.token), {stored->account.id, issued.csrf_token, issued.expires_at},
                          address, now);
  work->commit();
  return issued;
}

Result<Actor> AccountService::authenticate(const std::string& token) {
  if (token.empty()) return Error{ErrorCode::kUnauthenticated, "Vui lòng đăng nhập.", ""};
  auto work = store_.read();
  auto session = work->accounts().find_session(crypto_.digest(token));
  if (!session) return Error{ErrorCode::kUnauthenticated, "Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.", ""};
  if (session->expires_at <= clock_.now_unix()) {
    return Error{ErrorCode::kUnauthenticated, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", ""};
  }
  auto account = work->accounts().find(session->account);
  if (!account || !account->account.active) {
    return Error{ErrorCode::kUnauthenticated, "Tài khoản không còn hoạt động.", ""};
  }
  return actor_of(account->account);
}

Result<std::string> AccountService::csrf_token(const std::string& token) {
  auto work = store_.read();
  auto session = work->accounts().find_session(crypto_.digest(token));
  if (!session || session->expires_at <= clock_.now_unix()) {
    return Error{ErrorCode::kUnauthenticated, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", ""};
  }
  return session->csrf_token;
}

void AccountService::logout(const std::string& token) {
  auto work = store_.write();
  work->accounts().delete_session(crypto_.digest(token));
  work->commit();
}

Status AccountService::change_password(const Actor& actor, const std::string& current, const std::string& replacement) {
  if (!actor.account) return Error{ErrorCode::kUnauthenticated, "Vui lòng đăng nhập.", ""};
  auto work = store_.write();
  auto stored = work->accounts().find(*actor.account);
  if (!stored) return Error{ErrorCode::kUnauthenticated, "Tài khoản không còn tồn tại.", ""};
  if (!crypto_.verify_password(stored->password_hash, current)) {
    return Error::invalid("current_password", "Mật khẩu hiện tại không đúng.");
  }
  TDKT_TRY(domain::check_new_password(replacement, stored->account.username));
  work->accounts().set_password(stored->account.id, crypto_.hash_password(replacement), clock_.now_unix());
  work->audit({actor.name, "account", stored->account.id.value, "change_password", std::nullopt, std::nullopt},
              clock_.now_iso());
  work->commit();
  return {};
}

Result<domain::Account> AccountService::create(const Actor& actor, const AccountDraft& draft) {
  TDKT_TRY(require(actor, domain::Permission::kManageAccounts));
  TDKT_TRY(domain::check_username(draft.username));
  if (auto password = domain::check_new_password(draft.password, draft.username); !password) {
    Error error = std::move(password).error();
    error.field = "password";  // the field of this request
    return error;
  }
  auto work = store_.write();
  auto& accounts = work->accounts();
  if (accounts.find_by_username(draft.username)) {
    return Error::conflict(ErrorCode::kConflict, "username", "Tên đăng nhập \"" + draft.username + "\" đã có.");
  }
  if (draft.scope_unit && !work->organisation().find_unit(*draft.scope_unit)) {
    return Error::invalid("scope_unit_id", "Không tìm thấy đơn vị được giao.");
  }
  if (draft.person && !work->people().find_person(*draft.person)) {
    return Error::invalid("person_id", "Không tìm thấy cá nhân gắn với tài khoản.");
  }
  domain::Account account{AccountId{}, draft.username,   text::normalize(draft.display_name),
                          draft.role,  draft.scope_unit, draft.person,
                          true};
  account.id = accounts.insert(account, crypto_.hash_password(draft.password), clock_.now_unix());
  work->audit({actor.name, "account", account.id.value, "create", std::nullopt, snapshot(account)}, clock_.now_iso());
  work->commit();
  return account;
}

Result<domain::Account> AccountService::update(const Actor& actor, AccountId id, const AccountPatch& patch) {
  TDKT_TRY(require(actor, domain::Permission::kManageAccounts));
  auto work = store_.write();
  auto& accounts = work->accounts();
  auto stored = accounts.find(id);
  if (!stored) return Error::not_found("Không tìm thấy tài khoản mã " + std::to_string(id.value) + ".");
  domain::Account account = stored->account;
  if (patch.display_name) account.display_name = text::normalize(*patch.display_name);
  if (patch.role) account.role = *patch.role;
  if (patch.scope_unit) account.scope_unit = *patch.scope_unit;
  if (patch.person) account.person = *patch.person;
  if (patch.active) account.active = *patch.active;
  if (actor.account && *actor.account == id && (!account.active || account.role != domain::Role::kAdmin)) {
    return Error::conflict(ErrorCode::kConflict, "role",
                           "Không thể tự bỏ quyền quản trị hoặc vô hiệu hóa chính tài khoản đang đăng nhập.");
  }
  if (account.scope_unit && !work->organisation().find_unit(*account.scope_unit)) {
    return Error::invalid("scope_unit_id", "Không tìm thấy đơn vị được giao.");
  }
  if (account.person && !work->people().find_person(*account.person)) {
    return Error::invalid("person_id", "Không tìm thấy cá nhân gắn với tài khoản.");
  }
  if (patch.new_password) {
    TDKT_TRY(domain::check_new_password(*patch.new_password, account.username));
    accounts.set_password(id, crypto_.hash_password(*patch.new_password), clock_.now_unix());
  }
  accounts.update(account);
  if (!account.active || patch.new_password) accounts.delete_sessions_of(id);
  const bool only_password = patch.new_password && snapshot(stored->account) == snapshot(account);
  work->audit({actor.name, "account", id.value, only_password ? "reset_password" : "update",
               only_password ? std::nullopt : std::optional<Snapshot>(snapshot(stored->account)),
               only_password ? std::nullopt : std::optional<Snapshot>(snapshot(account))},
              clock_.now_iso());
  work->commit();
  return account;
}

Result<std::vector<domain::Account>> AccountService::list(const Actor& actor) {
  TDKT_TRY(require(actor, domain::Permission::kManageAccounts));
  auto work = store_.read();
  return work->accounts().list();
}

}  // namespace tdkt::app
