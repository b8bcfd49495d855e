#pragma once
// Accounts, sessions and sign-in: password check (Argon2id), throttling of failed sign-ins per
// account and per address, sessions kept in the database so that several server instances
// behind one address serve the same user.

#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct SessionPolicy {
  std::int64_t lifetime_seconds = std::int64_t{12} * 3600;  // a working day, then sign in again
  int max_failures_per_account = 5;                         // then the account waits
  int max_failures_per_address = 20;                        // then the address waits
  std::int64_t failure_window_seconds = std::int64_t{15} * 60;
};

struct IssuedSession {
  std::string token;  // goes to the cookie; only its digest is stored
  std::string csrf_token;
  domain::Account account;
  std::int64_t expires_at = 0;
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

class AccountService {
 public:
  AccountService(Store& store, const Clock& clock, const Crypto& crypto, SessionPolicy policy = {})
      : store_(store), clock_(clock), crypto_(crypto), policy_(policy) {}

  // kUnauthenticated for a wrong username or password (the same message for both);
  // kTooManyAttempts while the account or the address is throttled.
  Result<IssuedSession> login(const std::string& username, const std::string& password, const std::string& address);
  // The actor behind a session token; kUnauthenticated when unknown or expired.
  Result<Actor> authenticate(const std::string& token);
  // The CSRF token of a live session.
  Result<std::string> csrf_token(const std::string& token);
  void logout(const std::string& token);
  Status change_password(const Actor& actor, const std::string& current, const std::string& replacement);

  Result<domain::Account> create(const Actor& actor, const AccountDraft& draft);
  Result<domain::Account> update(const Actor& actor, AccountId id, const AccountPatch& patch);
  Result<std::vector<domain::Account>> list(const Actor& actor);

 private:
  Store& store_;
  const Clock& clock_;
  const Crypto& crypto_;
  SessionPolicy policy_;
};

}  // namespace tdkt::app
