#pragma once
// Accounts, sessions and sign-in: password check (Argon2id), throttling of failed sign-ins per
// account and client address together, sessions kept in the database so that several server
// instances behind one address serve the same user. ADR 0006 and ADR 0011 record the choices.

#include <cstdint>
#include <memory>
#include <semaphore>
#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct SessionPolicy {
  std::int64_t lifetime_seconds = std::int64_t{12} * 3600;  // a working day at most, then sign in again
  std::int64_t idle_seconds = std::int64_t{2} * 3600;       // unused that long, the session ends
  std::int64_t touch_seconds = 60;                          // last use written at most this often
  // Failed sign-ins of one account from one client address: the first ones are free, then each
  // further attempt waits 2, 4, 8 … seconds after the previous one, up to max_delay_seconds.
  int free_failures_per_pair = 3;
  // Failed sign-ins from one client address, whatever the names: the same growing wait after
  // this many (high: an office behind one NAT address shares it).
  int free_failures_per_address = 50;
  std::int64_t max_delay_seconds = std::int64_t{15} * 60;
  // Failures older than this are forgotten, and pruned from the store.
  std::int64_t failure_window_seconds = std::int64_t{60} * 60;
  // Argon2id (64 MiB each) checks at once in this process; a request that cannot get one within
  // the wait is refused as busy.
  int password_checks_at_once = 2;
  std::int64_t password_check_wait_ms = 3000;
};

// The longest username an account may have (domain::check_username): longer ones are refused
// before any lookup.
inline constexpr std::size_t kMaxUsernameLength = 40;

// The wait before the next attempt after `failures` failures of which the first `free` cost
// nothing: 0, then 2, 4, 8 … seconds, never above `max_delay`.
std::int64_t throttle_delay(int failures, int free, std::int64_t max_delay);

struct IssuedSession {
  std::string token;  // goes to the cookie; only its digest is stored
  std::string csrf_token;
  domain::Account account;
  std::int64_t expires_at = 0;
};

// A refusal that may be tried again later carries when: the seconds for Retry-After.
template <typename T>
struct Throttled {
  Result<T> result;
  std::int64_t retry_after_seconds = 0;  // > 0 with kTooManyAttempts and kBusy
};

struct SignIn {
  std::string username;
  std::string password;
  std::string address;         // the client's address (ApiRequest.http.client_address)
  std::string previous_token;  // the session cookie the browser still sends, if any: ended
};

struct PasswordChange {
  std::string current;
  std::string replacement;
  std::string address;        // the client's address, for throttling wrong current passwords
  std::string session_token;  // the session making the change: kept, every other one ends
};

struct AccountDraft {
  std::string username;
  std::string display_name;
  domain::Role role = domain::Role::kStaff;
  std::optional<UnitId> scope_unit;
  std::optional<PersonId> person;
  std::string password;
};

struct AccountPatch {
  std::optional<std::string> display_name;
  std::optional<domain::Role> role;
  std::optional<std::optional<UnitId>> scope_unit;
  std::optional<std::optional<PersonId>> person;
  std::optional<bool> active;
  std::optional<std::string> new_password;  // an administrator's reset
};

// Thread-safe: every method may be called from any server thread at once; state lives in the
// store, except the count of password checks running in this process.
class AccountService {
 public:
  AccountService(Store& store, const Clock& clock, const Crypto& crypto, SessionPolicy policy = {});

  // Sets how long an unused session lasts (`tdkt serve --session-idle-minutes`). Call before
  // serving: the policy is read without a lock.
  void set_idle_timeout(std::int64_t seconds);
  const SessionPolicy& policy() const { return policy_; }

  // kUnauthenticated for a wrong username or password (the same message for both);
  // kTooManyAttempts while this account is throttled for this client address, or the address
  // for every name (with the seconds to wait); kBusy when too many passwords are being checked.
  // The password is checked outside any transaction; the attempt is recorded before the check
  // (so parallel guesses count) in a short transaction, and the session in another.
  Throttled<IssuedSession> login(const SignIn& request);
  // The actor behind a session token; kUnauthenticated when unknown, expired or unused for the
  // idle time. Marks the session used (at most once per touch interval).
  Result<Actor> authenticate(const std::string& token);
  // The CSRF token of a live session.
  Result<std::string> csrf_token(const std::string& token);
  void logout(const std::string& token);
  // Checks the current password (throttled like a sign-in of this account from this address),
  // sets the new one and ends every other session of the account; the one making the change
  // stays signed in. kInvalidInput (field current_password or new_password) when refused.
  Throttled<void> change_password(const Actor& actor, const PasswordChange& request);

  Result<domain::Account> create(const Actor& actor, const AccountDraft& draft);
  Result<domain::Account> update(const Actor& actor, AccountId id, const AccountPatch& patch);
  Result<std::vector<domain::Account>> list(const Actor& actor);

 private:
  // Records an attempt of (username, address) unless throttled; returns its id.
  Throttled<std::int64_t> begin_attempt(const std::string& username, const std::string& address, std::int64_t now);
  bool session_live(const StoredSession& session, std::int64_t now) const;

  Store& store_;
  const Clock& clock_;
  const Crypto& crypto_;
  SessionPolicy policy_;
  std::unique_ptr<std::counting_semaphore<64>> password_checks_;
};

}  // namespace tdkt::app
