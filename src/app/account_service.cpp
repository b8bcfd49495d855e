#include "app/account_service.hpp"

#include <algorithm>
#include <chrono>

#include "app/access.hpp"
#include "core/civil_date.hpp"
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

Error busy() {
  return {ErrorCode::kBusy, "Máy chủ đang kiểm tra nhiều mật khẩu cùng lúc. Vui lòng thử lại sau ít giây.", ""};
}

// "8 giây", "15 phút".
std::string duration_text(std::int64_t seconds) {
  if (seconds < 60) return std::to_string(seconds) + " giây";
  return std::to_string((seconds + 59) / 60) + " phút";
}

// " (từ 08:39 ngày 22/11/2026)": the first whole minute, in Vietnam's time, at which the wait is over.
std::string from_text(std::int64_t unix_seconds) {
  const auto minute = (unix_seconds + 59) / 60 * 60;
  return " (từ " + vn_instant(Clock::iso_timestamp(minute)) + ")";
}

// One Argon2id check (64 MiB) at a time per slot: held for the life of the guard.
class PasswordCheckSlot {
 public:
  PasswordCheckSlot(std::counting_semaphore<64>& slots, std::int64_t wait_ms)
      : slots_(slots), held_(slots.try_acquire_for(std::chrono::milliseconds(wait_ms))) {}
  ~PasswordCheckSlot() {
    if (held_) slots_.release();
  }
  PasswordCheckSlot(const PasswordCheckSlot&) = delete;
  PasswordCheckSlot& operator=(const PasswordCheckSlot&) = delete;
  bool held() const { return held_; }

 private:
  std::counting_semaphore<64>& slots_;
  bool held_;
};

}  // namespace

std::int64_t throttle_delay(int failures, int free, std::int64_t max_delay) {
  if (failures < free) return 0;
  const int exponent = std::min(failures - free + 1, 30);
  return std::min(max_delay, std::int64_t{1} << exponent);
}

AccountService::AccountService(Store& store, const Clock& clock, const Crypto& crypto, SessionPolicy policy)
    : store_(store),
      clock_(clock),
      crypto_(crypto),
      policy_(policy),
      password_checks_(
          std::make_unique<std::counting_semaphore<64>>(std::clamp(policy.password_checks_at_once, 1, 64))) {}

void AccountService::set_idle_timeout(std::int64_t seconds) {
  policy_.idle_seconds = seconds;
}

bool AccountService::session_live(const StoredSession& session, std::int64_t now) const {
  return now < session.expires_at && now - session.last_seen_at < policy_.idle_seconds;
}

Throttled<std::int64_t> AccountService::begin_attempt(const std::string& username, const std::string& address,
                                                      std::int64_t now) {
  const auto since = now - policy_.failure_window_seconds;
  auto work = store_.write();
  auto& accounts = work->accounts();
  accounts.lock_attempts();
  accounts.delete_attempts_before(since);
  const auto from_address = accounts.failures_from_address(address, since);
  const auto address_wait =
      throttle_delay(from_address.failures, policy_.free_failures_per_address, policy_.max_delay_seconds);
  if (from_address.last_at + address_wait > now) {
    const auto retry_at = from_address.last_at + address_wait;
    work->commit();  // the pruning
    return {Error{ErrorCode::kTooManyAttempts,
                  "Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau " +
                      duration_text(retry_at - now) + from_text(retry_at) + ".",
                  ""},
            retry_at - now};
  }
  const auto pair = accounts.failures_of_pair(username, address, since);
  const auto pair_wait = throttle_delay(pair.failures, policy_.free_failures_per_pair, policy_.max_delay_seconds);
  if (pair.last_at + pair_wait > now) {
    const auto retry_at = pair.last_at + pair_wait;
    work->commit();
    return {Error{ErrorCode::kTooManyAttempts,
                  "Đã nhập sai mật khẩu " + std::to_string(pair.failures) +
                      " lần liên tiếp cho tài khoản này từ địa "
                      "chỉ của bạn. Vui lòng thử lại sau " +
                      duration_text(retry_at - now) + from_text(retry_at) +
                      "; mỗi lần sai tiếp theo, thời gian chờ tăng gấp đôi.",
                  "password"},
            retry_at - now};
  }
  // Recorded as failed before the check: parallel guesses see it and wait their turn.
  const auto id = accounts.record_login_attempt(username, address, false, now);
  work->commit();
  return {id, 0};
}

Throttled<IssuedSession> AccountService::login(const SignIn& request) {
  const auto now = clock_.now_unix();
  // A name longer than any account's is never looked up; its attempt counts under its first
  // characters.
  const bool possible = request.username.size() <= kMaxUsernameLength;
  const std::string username = request.username.substr(0, kMaxUsernameLength);
  const PasswordCheckSlot slot(*password_checks_, policy_.password_check_wait_ms);
  if (!slot.held()) return {busy(), 1};
  auto attempt = begin_attempt(username, request.address, now);
  if (!attempt.result) return {std::move(attempt.result).error(), attempt.retry_after_seconds};

  std::optional<StoredAccount> stored;
  if (possible) {
    auto work = store_.read();
    stored = work->accounts().find_by_username(username);
  }
  // Verify even for an unknown name, so that timing does not tell which names exist; outside
  // any transaction, so that no lock or pooled connection waits for Argon2.
  static const std::string kDummyHash = crypto_.hash_password("tdkt-dummy-password");
  const bool verified = crypto_.verify_password(stored ? stored->password_hash : kDummyHash, request.password);
  if (!stored || !verified) return {wrong_credentials(), 0};
  if (!stored->account.active) {
    return {Error{ErrorCode::kUnauthenticated, "Tài khoản đã bị vô hiệu hóa. Liên hệ quản trị viên.", "username"}, 0};
  }
  auto work = store_.write();
  auto& accounts = work->accounts();
  accounts.mark_attempt_succeeded(*attempt.result);
  // A new sign-in needs no old session: the one this browser still carried ends, and so does
  // every session past its lifetime or idle time.
  if (!request.previous_token.empty()) accounts.delete_session(crypto_.digest(request.previous_token));
  accounts.delete_expired_sessions(now, now - policy_.idle_seconds);
  IssuedSession issued{crypto_.random_token(), crypto_.random_token(), stored->account, now + policy_.lifetime_seconds};
  accounts.insert_session(crypto_.digest(issued.token), {stored->account.id, issued.csrf_token, issued.expires_at, now},
                          request.address, now);
  work->commit();
  return {std::move(issued), 0};
}

Result<Actor> AccountService::authenticate(const std::string& token) {
  if (token.empty()) return Error{ErrorCode::kUnauthenticated, "Vui lòng đăng nhập.", ""};
  const auto digest = crypto_.digest(token);
  const auto now = clock_.now_unix();
  std::optional<StoredAccount> account;
  std::int64_t last_seen = 0;
  {
    auto work = store_.read();
    auto session = work->accounts().find_session(digest);
    if (!session) {
      return Error{ErrorCode::kUnauthenticated, "Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.", ""};
    }
    if (session->expires_at <= now) {
      return Error{ErrorCode::kUnauthenticated, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", ""};
    }
    if (now - session->last_seen_at >= policy_.idle_seconds) {
      return Error{ErrorCode::kUnauthenticated,
                   "Phiên đăng nhập đã hết hạn vì không sử dụng quá " + duration_text(policy_.idle_seconds) +
                       ". Vui lòng đăng nhập lại.",
                   ""};
    }
    last_seen = session->last_seen_at;
    account = work->accounts().find(session->account);
  }
  if (!account || !account->account.active) {
    return Error{ErrorCode::kUnauthenticated, "Tài khoản không còn hoạt động.", ""};
  }
  if (now - last_seen >= policy_.touch_seconds) {
    // Reads do not write on every request: the last use is kept to the touch interval.
    auto work = store_.write();
    work->accounts().touch_session(digest, now);
    work->commit();
  }
  return actor_of(account->account);
}

Result<std::string> AccountService::csrf_token(const std::string& token) {
  auto work = store_.read();
  auto session = work->accounts().find_session(crypto_.digest(token));
  if (!session || !session_live(*session, clock_.now_unix())) {
    return Error{ErrorCode::kUnauthenticated, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.", ""};
  }
  return session->csrf_token;
}

void AccountService::logout(const std::string& token) {
  auto work = store_.write();
  work->accounts().delete_session(crypto_.digest(token));
  work->commit();
}

Throttled<void> AccountService::change_password(const Actor& actor, const PasswordChange& request) {
  if (!actor.account) return {Error{ErrorCode::kUnauthenticated, "Vui lòng đăng nhập.", ""}, 0};
  const auto now = clock_.now_unix();
  std::optional<StoredAccount> stored;
  {
    auto work = store_.read();
    stored = work->accounts().find(*actor.account);
  }
  if (!stored) return {Error{ErrorCode::kUnauthenticated, "Tài khoản không còn tồn tại.", ""}, 0};
  if (auto checked = domain::check_new_password(request.replacement, stored->account.username); !checked) {
    return {std::move(checked).error(), 0};
  }
  const PasswordCheckSlot slot(*password_checks_, policy_.password_check_wait_ms);
  if (!slot.held()) return {busy(), 1};
  // A wrong current password counts as a failed sign-in of the account from this address.
  auto attempt = begin_attempt(stored->account.username, request.address, now);
  if (!attempt.result) {
    const auto& held = attempt.result.error();
    return {Error{held.code, held.message, held.field == "password" ? "current_password" : held.field},
            attempt.retry_after_seconds};
  }
  if (!crypto_.verify_password(stored->password_hash, request.current)) {
    return {Error::invalid("current_password", "Mật khẩu hiện tại không đúng."), 0};
  }
  const auto hash = crypto_.hash_password(request.replacement);
  auto work = store_.write();
  auto& accounts = work->accounts();
  accounts.mark_attempt_succeeded(*attempt.result);
  accounts.set_password(stored->account.id, hash, now);
  // Whoever else was signed in with the old password is signed out; this browser stays.
  accounts.delete_other_sessions(stored->account.id, crypto_.digest(request.session_token));
  work->audit({actor.name, "account", stored->account.id.value, "change_password", std::nullopt, std::nullopt},
              clock_.now_iso());
  work->commit();
  return {Status{}, 0};
}

Result<domain::Account> AccountService::create(const Actor& actor, const AccountDraft& draft) {
  TDKT_TRY(require(actor, domain::Permission::kManageAccounts));
  TDKT_TRY(domain::check_username(draft.username));
  if (auto password = domain::check_new_password(draft.password, draft.username); !password) {
    Error error = std::move(password).error();
    error.field = "password";  // the field of this request
    return error;
  }
  std::string hash;
  {
    // Hashed before the transaction opens: Argon2 holds neither a lock nor a pooled connection.
    const PasswordCheckSlot slot(*password_checks_, policy_.password_check_wait_ms);
    if (!slot.held()) return busy();
    hash = crypto_.hash_password(draft.password);
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
  account.id = accounts.insert(account, hash, clock_.now_unix());
  work->audit({actor.name, "account", account.id.value, "create", std::nullopt, snapshot(account)}, clock_.now_iso());
  work->commit();
  return account;
}

Result<domain::Account> AccountService::update(const Actor& actor, AccountId id, const AccountPatch& patch) {
  TDKT_TRY(require(actor, domain::Permission::kManageAccounts));
  std::optional<std::string> hash;
  if (patch.new_password) {
    std::optional<StoredAccount> target;
    {
      auto work = store_.read();
      target = work->accounts().find(id);
    }
    if (!target) return Error::not_found("Không tìm thấy tài khoản mã " + std::to_string(id.value) + ".");
    TDKT_TRY(domain::check_new_password(*patch.new_password, target->account.username));
    // Hashed before the transaction opens (the username never changes in between).
    const PasswordCheckSlot slot(*password_checks_, policy_.password_check_wait_ms);
    if (!slot.held()) return busy();
    hash = crypto_.hash_password(*patch.new_password);
  }
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
  if (hash) accounts.set_password(id, *hash, clock_.now_unix());
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
