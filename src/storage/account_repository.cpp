#include <soci/soci.h>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kAccountColumns =
    "SELECT id, username, display_name, role, scope_unit_id, person_id, active, password_hash FROM user_account ";

app::StoredAccount to_account(const Row& row) {
  app::StoredAccount stored;
  auto& account = stored.account;
  account.id = AccountId{row.integer(0)};
  account.username = row.text(1);
  account.display_name = row.text(2);
  account.role = domain::role_from_string(row.text(3)).value_or(domain::Role::kViewer);
  if (auto unit = row.optional_integer(4)) account.scope_unit = UnitId{*unit};
  if (auto person = row.optional_integer(5)) account.person = PersonId{*person};
  account.active = row.integer(6) != 0;
  stored.password_hash = row.text(7);
  return stored;
}

std::optional<std::int64_t> optional_value(const auto& id) {
  return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
}

}  // namespace

std::optional<app::StoredAccount> SqlAccountRepository::find_by_username(const std::string& username) {
  auto row = Query(session_, std::string(kAccountColumns) + "WHERE username = :u").bind("u", username).first();
  if (!row) return std::nullopt;
  return to_account(*row);
}

std::optional<app::StoredAccount> SqlAccountRepository::find(AccountId id) {
  auto row = Query(session_, std::string(kAccountColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_account(*row);
}

std::vector<domain::Account> SqlAccountRepository::list() {
  std::vector<domain::Account> result;
  for (const auto& row : Query(session_, std::string(kAccountColumns) + "ORDER BY username").rows()) {
    result.push_back(to_account(row).account);
  }
  return result;
}

AccountId SqlAccountRepository::insert(const domain::Account& account, const std::string& password_hash,
                                       std::int64_t now) {
  return AccountId{Query(session_,
                         "INSERT INTO user_account (username, display_name, password_hash, role, scope_unit_id, "
                         "person_id, active, created_at, password_changed_at) VALUES (:u, :d, :h, :r, :s, :p, :a, "
                         ":c, :pc) RETURNING id")
                       .bind("u", account.username)
                       .bind("d", account.display_name)
                       .bind("h", password_hash)
                       .bind("r", std::string(domain::to_string(account.role)))
                       .bind("s", optional_value(account.scope_unit))
                       .bind("p", optional_value(account.person))
                       .bind("a", std::int64_t{account.active ? 1 : 0})
                       .bind("c", now)
                       .bind("pc", now)
                       .insert_returning_id()};
}

void SqlAccountRepository::update(const domain::Account& account) {
  Query(session_,
        "UPDATE user_account SET display_name = :d, role = :r, scope_unit_id = :s, person_id = :p, active = :a "
        "WHERE id = :id")
      .bind("d", account.display_name)
      .bind("r", std::string(domain::to_string(account.role)))
      .bind("s", optional_value(account.scope_unit))
      .bind("p", optional_value(account.person))
      .bind("a", std::int64_t{account.active ? 1 : 0})
      .bind("id", account.id.value)
      .execute();
}

void SqlAccountRepository::set_password(AccountId id, const std::string& password_hash, std::int64_t now) {
  Query(session_, "UPDATE user_account SET password_hash = :h, password_changed_at = :at WHERE id = :id")
      .bind("h", password_hash)
      .bind("at", now)
      .bind("id", id.value)
      .execute();
}

void SqlAccountRepository::insert_session(const std::string& token_digest, const app::StoredSession& session,
                                          const std::string& address, std::int64_t now) {
  Query(session_,
        "INSERT INTO user_session (token_digest, account_id, csrf_token, address, created_at, expires_at, "
        "last_seen_at) VALUES (:t, :a, :c, :addr, :now, :exp, :seen)")
      .bind("t", token_digest)
      .bind("a", session.account.value)
      .bind("c", session.csrf_token)
      .bind("addr", address)
      .bind("now", now)
      .bind("exp", session.expires_at)
      .bind("seen", now)
      .execute();
}

std::optional<app::StoredSession> SqlAccountRepository::find_session(const std::string& token_digest) {
  auto row = Query(session_,
                   "SELECT account_id, csrf_token, expires_at, last_seen_at FROM user_session WHERE token_digest = :t")
                 .bind("t", token_digest)
                 .first();
  if (!row) return std::nullopt;
  return app::StoredSession{AccountId{row->integer(0)}, row->text(1), row->integer(2), row->integer(3)};
}

void SqlAccountRepository::touch_session(const std::string& token_digest, std::int64_t now) {
  Query(session_, "UPDATE user_session SET last_seen_at = :now WHERE token_digest = :t AND last_seen_at < :now2")
      .bind("now", now)
      .bind("t", token_digest)
      .bind("now2", now)
      .execute();
}

void SqlAccountRepository::delete_session(const std::string& token_digest) {
  Query(session_, "DELETE FROM user_session WHERE token_digest = :t").bind("t", token_digest).execute();
}

void SqlAccountRepository::delete_sessions_of(AccountId id) {
  Query(session_, "DELETE FROM user_session WHERE account_id = :a").bind("a", id.value).execute();
}

void SqlAccountRepository::delete_other_sessions(AccountId id, const std::string& keep_digest) {
  Query(session_, "DELETE FROM user_session WHERE account_id = :a AND token_digest <> :t")
      .bind("a", id.value)
      .bind("t", keep_digest)
      .execute();
}

void SqlAccountRepository::delete_expired_sessions(std::int64_t now, std::int64_t idle_since) {
  Query(session_, "DELETE FROM user_session WHERE expires_at <= :now OR last_seen_at <= :idle")
      .bind("now", now)
      .bind("idle", idle_since)
      .execute();
}

void SqlAccountRepository::lock_attempts() {
  if (session_.get_backend_name() == "postgresql") session_ << "SELECT pg_advisory_xact_lock(7273848)";
}

std::int64_t SqlAccountRepository::record_login_attempt(const std::string& username, const std::string& address,
                                                        bool succeeded, std::int64_t now) {
  return Query(session_,
               "INSERT INTO login_attempt (username, address, at, succeeded) VALUES (:u, :a, :at, :s) RETURNING id")
      .bind("u", username)
      .bind("a", address)
      .bind("at", now)
      .bind("s", std::int64_t{succeeded ? 1 : 0})
      .insert_returning_id();
}

void SqlAccountRepository::mark_attempt_succeeded(std::int64_t id) {
  Query(session_, "UPDATE login_attempt SET succeeded = 1 WHERE id = :id").bind("id", id).execute();
}

app::AttemptCount SqlAccountRepository::failures_of_pair(const std::string& username, const std::string& address,
                                                         std::int64_t since) {
  // Failures after the pair's last success count: signing in from that address clears its slate,
  // never another address's.
  auto row = Query(session_,
                   "SELECT COUNT(*), COALESCE(MAX(at), 0) FROM login_attempt WHERE username = :u AND address = :a "
                   "AND succeeded = 0 AND at >= :since AND id > COALESCE((SELECT MAX(id) FROM login_attempt WHERE "
                   "username = :u2 AND address = :a2 AND succeeded = 1), 0)")
                 .bind("u", username)
                 .bind("a", address)
                 .bind("since", since)
                 .bind("u2", username)
                 .bind("a2", address)
                 .first();
  return {static_cast<int>(row->integer(0)), row->integer(1)};
}

app::AttemptCount SqlAccountRepository::failures_from_address(const std::string& address, std::int64_t since) {
  auto row = Query(session_,
                   "SELECT COUNT(*), COALESCE(MAX(at), 0) FROM login_attempt WHERE address = :a AND succeeded = 0 "
                   "AND at >= :since")
                 .bind("a", address)
                 .bind("since", since)
                 .first();
  return {static_cast<int>(row->integer(0)), row->integer(1)};
}

void SqlAccountRepository::delete_attempts_before(std::int64_t before) {
  Query(session_, "DELETE FROM login_attempt WHERE at < :before").bind("before", before).execute();
}

}  // namespace tdkt::storage
