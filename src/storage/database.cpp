#include "storage/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "security/sodium_crypto.hpp"
#include "storage/faults.hpp"
#include "storage/migrations.hpp"
#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {

// The dialect seam: everything that differs between SQLite and PostgreSQL at run time.
// (DDL differences live in the per-backend migration folders.)
namespace {

struct Dialect {
  const char* begin_read;
  const char* begin_write;
  const char* migration_folder;
  // Serialises appends to the audit chain inside a write transaction (nullptr: writes are
  // already serialised, as SQLite's BEGIN IMMEDIATE does).
  const char* lock_audit_chain;
};

constexpr Dialect kSqlite{"BEGIN", "BEGIN IMMEDIATE", "sqlite/", nullptr};
constexpr Dialect kPostgresql{"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "BEGIN", "postgresql/",
                              "SELECT pg_advisory_xact_lock(7273847)"};

const Dialect& dialect(Backend backend) {
  return backend == Backend::kSqlite ? kSqlite : kPostgresql;
}

std::string sqlite_connect_string(const std::string& path) {
  std::string escaped;
  for (char c : path) {
    if (c == '"') escaped += '\\';
    escaped += c;
  }
  return "db=\"" + escaped + "\" timeout=10 synchronous=full";
}

// Opens one connection and sets it up. SQLite: WAL, foreign keys, a busy timeout, synchronous
// FULL (a commit that was answered survives a power cut: docs/adr/0013-durability.md) and
// extended result codes (a unique violation is told from other constraint failures).
void open_session(soci::session& session, const Location& location) {
  if (location.backend == Backend::kSqlite) {
    session.open(soci::sqlite3, sqlite_connect_string(location.target));
    session << "PRAGMA foreign_keys = ON";
    session << "PRAGMA busy_timeout = 10000";
    std::string mode;
    session << "PRAGMA journal_mode = WAL", soci::into(mode);
    session << "PRAGMA synchronous = FULL";
    using namespace sqlite_api;  // SOCI wraps the SQLite C API in this namespace
    sqlite3_extended_result_codes(static_cast<soci::sqlite3_session_backend*>(session.get_backend())->conn_, 1);
  } else {
    session.open(soci::postgresql, postgres_conninfo(location.target));
    session << "SET client_min_messages TO WARNING";
  }
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

std::string to_json(const std::optional<app::Snapshot>& snapshot) {
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const auto& [key, value] : *snapshot)
    object[key] = value;
  return object.dump();
}

}  // namespace

// One record of the audit chain: its hash covers the previous record's hash and every field.
struct AuditLink {
  std::string prev_hash;
  std::string at;
  std::string actor;
  std::string entity;
  std::int64_t entity_id;
  std::string action;
  std::optional<std::string> before;
  std::optional<std::string> after;

  std::string hash() const {
    std::string canonical;
    for (const std::string* part : {&prev_hash, &at, &actor, &entity, &action}) {
      canonical += std::to_string(part->size()) + ':' + *part + '\n';
    }
    canonical += std::to_string(entity_id) + '\n';
    for (const auto* part : {&before, &after}) {
      canonical += *part ? std::to_string((*part)->size()) + ':' + **part : std::string("null");
      canonical += '\n';
    }
    return security::blake2b_hex(canonical);
  }
};

class ConnectionPool {
 public:
  ConnectionPool(const Location& location, int size, std::chrono::milliseconds lease_timeout)
      : location_(location), pool_(static_cast<std::size_t>(size)), lease_timeout_(lease_timeout) {
    for (int i = 0; i < size; ++i)
      open_session(pool_.at(static_cast<std::size_t>(i)), location);
  }

  // A connection for this thread alone, waiting at most the lease timeout; a connection found
  // lost (closed, or PostgreSQL's status not OK) is reopened first. Throws app::StoreFailure:
  // kOverloaded when none frees up in time, kUnavailable when a lost one cannot be reopened.
  std::size_t lease() {
    std::size_t position = 0;
    if (!pool_.try_lease(position, static_cast<int>(lease_timeout_.count()))) {
      throw app::StoreFailure(Error{ErrorCode::kOverloaded,
                                    "Máy chủ đang bận: mọi kết nối tới cơ sở dữ liệu đều đang được dùng. Vui lòng "
                                    "thử lại sau ít giây.",
                                    ""},
                              "no pooled connection became free within the lease timeout");
    }
    if (connection_lost(pool_.at(position))) {
      try {
        reopen(position);
      } catch (...) {
        pool_.give_back(position);
        throw;
      }
    }
    return position;
  }
  void give_back(std::size_t position) { pool_.give_back(position); }
  soci::session& at(std::size_t position) { return pool_.at(position); }

  // Closes and opens again the connection at `position` (leased by the caller). Throws
  // app::StoreFailure (kUnavailable) when the database cannot be reached; the connection is then
  // left closed, and the next lease tries again.
  void reopen(std::size_t position) {
    auto& session = pool_.at(position);
    try {
      session.close();
      open_session(session, location_);
    } catch (const std::exception& e) {
      session.close();
      throw_unavailable(e.what());
    }
  }

 private:
  Location location_;
  soci::connection_pool pool_;
  std::chrono::milliseconds lease_timeout_;
};

namespace {

// A leased connection for the length of a scope (migrations, backups, statistics).
class Lease {
 public:
  explicit Lease(ConnectionPool& pool) : pool_(pool), position_(pool.lease()) {}
  ~Lease() { pool_.give_back(position_); }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  soci::session& session() { return pool_.at(position_); }

  // Runs `read` (statements that change nothing, or only what is missing) and, if the connection
  // turns out dead (the server restarted since its last use), once more on a fresh connection.
  template <typename Read>
  auto retrying_once(Read read) {
    try {
      return read(session());
    } catch (const app::StoreFailure& failure) {
      if (failure.error().code != ErrorCode::kUnavailable || !connection_lost(session())) throw;
    } catch (const soci::soci_error&) {
      if (!connection_lost(session())) throw;
    }
    pool_.reopen(position_);
    try {
      return read(session());
    } catch (const soci::soci_error&) {
      rethrow_store_failure(session());
    }
  }

 private:
  ConnectionPool& pool_;
  std::size_t position_;
};

class SqlUnitOfWork final : public app::UnitOfWork {
 public:
  SqlUnitOfWork(ConnectionPool& pool, const Dialect& dialect, const char* begin)
      : pool_(pool),
        dialect_(dialect),
        position_(pool.lease()),
        session_(pool.at(position_)),
        organisation_(session_),
        people_(session_),
        accounts_(session_),
        records_(session_),
        documents_(session_),
        movements_(session_),
        campaigns_(session_),
        targets_(session_),
        attachments_(session_),
        nominations_(session_),
        council_(session_),
        decisions_(session_),
        grant_history_(session_),
        complaints_(session_) {
    try {
      start(begin);
    } catch (...) {
      pool_.give_back(position_);
      throw;
    }
  }

  ~SqlUnitOfWork() override {
    if (!finished_) {
      try {
        session_ << "ROLLBACK";
      } catch (...) {
        // The connection is unusable; the server has rolled back already. The next lease of
        // this connection reopens it.
      }
    }
    pool_.give_back(position_);
  }
  app::OrganisationRepository& organisation() override { return organisation_; }
  app::PeopleRepository& people() override { return people_; }
  app::AccountRepository& accounts() override { return accounts_; }
  app::RecordsRepository& records() override { return records_; }
  app::DocumentRepository& documents() override { return documents_; }
  app::MovementRepository& movements() override { return movements_; }
  app::CampaignRepository& campaigns() override { return campaigns_; }
  app::TargetRepository& targets() override { return targets_; }
  app::AttachmentRepository& attachments() override { return attachments_; }
  app::NominationRepository& nominations() override { return nominations_; }
  app::CouncilRepository& council() override { return council_; }
  app::DecisionRepository& decisions() override { return decisions_; }
  app::GrantHistoryRepository& grant_history() override { return grant_history_; }
  app::ComplaintRepository& complaints() override { return complaints_; }

  void lock_numbering() override {
    if (locked_ || !dialect_.lock_audit_chain) return;
    run(dialect_.lock_audit_chain);
    locked_ = true;
  }

  void audit(const app::AuditEntry& entry, const std::string& at) override {
    lock_numbering();
    auto last = Query(session_, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").first();
    AuditLink link{last ? last->text(0) : std::string(),
                   at,
                   entry.actor,
                   entry.entity,
                   entry.entity_id,
                   entry.action,
                   entry.before ? std::optional<std::string>(to_json(entry.before)) : std::nullopt,
                   entry.after ? std::optional<std::string>(to_json(entry.after)) : std::nullopt};
    Query(session_,
          "INSERT INTO audit_log (at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash) "
          "VALUES (:at, :actor, :entity, :entity_id, :action, :before, :after, :prev, :hash)")
        .bind("at", link.at)
        .bind("actor", link.actor)
        .bind("entity", link.entity)
        .bind("entity_id", link.entity_id)
        .bind("action", link.action)
        .bind("before", link.before)
        .bind("after", link.after)
        .bind("prev", link.prev_hash)
        .bind("hash", link.hash())
        .execute();
  }

  app::AuditVerification verify_audit_chain() override {
    app::AuditVerification result;
    std::string expected_prev;
    for (const auto& row : Query(session_,
                                 "SELECT id, at, actor, entity, entity_id, action, before_json, after_json, prev_hash, "
                                 "hash FROM audit_log ORDER BY id")
                               .rows()) {
      ++result.records;
      const AuditLink link{row.text(8),    row.text(1), row.text(2),          row.text(3),
                           row.integer(4), row.text(5), row.optional_text(6), row.optional_text(7)};
      if (link.prev_hash != expected_prev) {
        result.first_broken = row.integer(0);
        result.reason = "liên kết tới bản ghi trước không khớp (bản ghi trước đã bị xóa hoặc sửa)";
        return result;
      }
      if (link.hash() != row.text(9)) {
        result.first_broken = row.integer(0);
        result.reason = "nội dung bản ghi không khớp với mã băm (bản ghi đã bị sửa)";
        return result;
      }
      expected_prev = row.text(9);
      result.last_id = row.integer(0);
      result.last_hash = row.text(9);
      result.last_at = row.text(1);
    }
    return result;
  }

  std::optional<app::AuditLinkRecord> audit_link(std::int64_t id) override {
    auto row = Query(session_,
                     "SELECT a.id, a.hash, (SELECT COUNT(*) FROM audit_log b WHERE b.id <= a.id) FROM audit_log a "
                     "WHERE a.id = :id")
                   .bind("id", id)
                   .first();
    if (!row) return std::nullopt;
    return app::AuditLinkRecord{row->integer(0), row->text(1), row->integer(2)};
  }

  std::vector<app::AuditRecord> audit_history(const std::string& entity, std::int64_t id) override {
    std::vector<app::AuditRecord> result;
    for (const auto& row : Query(session_,
                                 "SELECT id, at, actor, entity, entity_id, action, before_json, after_json "
                                 "FROM audit_log WHERE entity = :entity AND entity_id = :id ORDER BY id")
                               .bind("entity", entity)
                               .bind("id", id)
                               .rows()) {
      app::AuditRecord record;
      record.id = row.integer(0);
      record.at = row.text(1);
      record.entry.actor = row.text(2);
      record.entry.entity = row.text(3);
      record.entry.entity_id = row.integer(4);
      record.entry.action = row.text(5);
      auto parse = [](const std::optional<std::string>& json) -> std::optional<app::Snapshot> {
        if (!json) return std::nullopt;
        app::Snapshot snapshot;
        const auto object = nlohmann::ordered_json::parse(*json);
        for (const auto& [key, value] : object.items()) {
          snapshot.emplace_back(key, value.get<std::string>());
        }
        return snapshot;
      };
      record.entry.before = parse(row.optional_text(6));
      record.entry.after = parse(row.optional_text(7));
      result.push_back(std::move(record));
    }
    return result;
  }

  void commit() override {
    run("COMMIT", Stage::kCommit);
    finished_ = true;
  }

 private:
  void run(const char* sql, Stage stage = Stage::kStatement) {
    try {
      session_ << sql;
    } catch (const soci::soci_error&) {
      rethrow_store_failure(session_, stage);
    }
  }

  // BEGIN, once more on a fresh connection if this one was found dead: the server restarted or
  // failed over since the connection's last use. Nothing of the transaction has been sent yet,
  // so the retry is safe for reads and writes alike; later statements are not retried.
  void start(const char* begin) {
    try {
      session_ << begin;
      return;
    } catch (const soci::soci_error&) {
      if (!connection_lost(session_)) rethrow_store_failure(session_);
    }
    pool_.reopen(position_);
    run(begin);
  }

  ConnectionPool& pool_;
  const Dialect& dialect_;
  std::size_t position_;
  soci::session& session_;
  SqlOrganisationRepository organisation_;
  SqlPeopleRepository people_;
  SqlAccountRepository accounts_;
  SqlRecordsRepository records_;
  SqlDocumentRepository documents_;
  SqlMovementRepository movements_;
  SqlCampaignRepository campaigns_;
  SqlTargetRepository targets_;
  SqlAttachmentRepository attachments_;
  SqlNominationRepository nominations_;
  SqlCouncilRepository council_;
  SqlDecisionRepository decisions_;
  SqlGrantHistoryRepository grant_history_;
  SqlComplaintRepository complaints_;
  bool finished_ = false;
  bool locked_ = false;
};

struct Migration {
  int number;
  std::string name;
  std::string_view sql;
};

std::vector<Migration> migrations_for(Backend backend) {
  std::vector<Migration> result;
  const std::string folder = dialect(backend).migration_folder;
  for (const auto& file : migration_files()) {
    if (file.path.substr(0, folder.size()) != folder) continue;
    const auto name = std::string(file.path.substr(folder.size()));
    result.push_back({std::stoi(name.substr(0, 4)), name, file.data});
  }
  std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
  return result;
}

// Splits a migration into statements at semicolons that end a line; strips comment lines.
std::vector<std::string> statements(std::string_view sql) {
  std::vector<std::string> result;
  std::string current;
  std::size_t start = 0;
  while (start < sql.size()) {
    auto end = sql.find('\n', start);
    if (end == std::string_view::npos) end = sql.size();
    std::string_view line = sql.substr(start, end - start);
    start = end + 1;
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line.substr(first, 2) == "--") continue;
    current.append(line).push_back('\n');
    const auto last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      result.push_back(std::move(current));
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) result.push_back(current);
  return result;
}

// Creates the table of applied migrations when it is missing. Looks first, so that a role
// without the right to create tables (the application's role on PostgreSQL, docs/deployment.md)
// can start once the owner has migrated.
void ensure_migration_table(soci::session& session, Backend backend) {
  const char* exists = backend == Backend::kSqlite
                           ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'"
                           : "SELECT COUNT(*) FROM (SELECT to_regclass('schema_migration') AS t) x WHERE t IS NOT NULL";
  if (Query(session, exists).first()->integer(0) > 0) return;
  session << "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, name TEXT "
             "NOT NULL, "
             "applied_at TEXT NOT NULL)";
}

int applied_version(soci::session& session) {
  return static_cast<int>(Query(session, "SELECT COALESCE(MAX(version), 0) FROM schema_migration").first()->integer(0));
}

// Runs the PostgreSQL client program `tool` with `arguments` and --dbname for `uri`, in the
// parent's environment minus tdkt's own settings (TDKT_DB may carry a password) plus PGPASSWORD
// when the URI has a password: never on the command line, where `ps` shows it. kUnavailable when
// the program cannot be run or fails (`consequence` says what that leaves).
Status run_postgres_tool(const std::string& tool, std::vector<std::string> arguments, const std::string& uri,
                         const std::string& consequence) {
  std::vector<std::string> environment;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view variable(*entry);
    if (variable.starts_with("TDKT_") || variable.starts_with("PGPASSWORD=")) continue;
    environment.emplace_back(variable);
  }
  if (const auto password = postgres_password(uri)) environment.push_back("PGPASSWORD=" + *password);
  arguments.insert(arguments.begin(), tool);
  arguments.push_back("--dbname=" + postgres_conninfo(uri, PasswordIn::kOmitted));
  std::vector<char*> args;
  for (auto& argument : arguments)
    args.push_back(argument.data());
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& variable : environment)
    envp.push_back(variable.data());
  envp.push_back(nullptr);
  const pid_t child = fork();
  if (child == 0) {
    execvpe(args[0], args.data(), envp.data());
    _exit(127);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) == 127) {
    return Error{ErrorCode::kUnavailable, "Không chạy được " + tool + "; kiểm tra gói postgresql-client.", "file"};
  }
  if (WEXITSTATUS(status) != 0) {
    return Error{ErrorCode::kUnavailable,
                 tool + " báo lỗi (mã " + std::to_string(WEXITSTATUS(status)) + "); " + consequence, "file"};
  }
  return {};
}

}  // namespace

Database::Database(Location location, std::unique_ptr<ConnectionPool> pool)
    : location_(std::move(location)), pool_(std::move(pool)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const Location& location, int pool_size,
                                         std::chrono::milliseconds lease_timeout) {
  if (location.backend == Backend::kSqlite) {
    const auto parent = std::filesystem::path(location.target).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
  }
  return std::unique_ptr<Database>(
      new Database(location, std::make_unique<ConnectionPool>(location, pool_size, lease_timeout)));
}

int Database::migrate() {
  Lease lease(*pool_);
  auto& session = lease.session();
  const auto& seam = dialect(location_.backend);
  int applied = 0;
  for (const auto& migration : migrations_for(location_.backend)) {
    session << seam.begin_write;
    try {
      if (location_.backend == Backend::kPostgresql) {
        // Several instances may start at once: one applies, the others wait and then see it done.
        session << "SELECT pg_advisory_xact_lock(7273846)";
      }
      ensure_migration_table(session, location_.backend);
      if (applied_version(session) >= migration.number) {
        session << "COMMIT";
        continue;
      }
      for (const auto& statement : statements(migration.sql))
        session << statement;
      Query(session, "INSERT INTO schema_migration (version, name, applied_at) VALUES (:v, :n, :at)")
          .bind("v", std::int64_t{migration.number})
          .bind("n", migration.name)
          .bind("at", utc_now())
          .execute();
      session << "COMMIT";
      ++applied;
    } catch (...) {
      session << "ROLLBACK";
      throw;
    }
  }
  return applied;
}

void Database::optimize() {
  Lease lease(*pool_);
  if (location_.backend == Backend::kPostgresql) {
    lease.session() << "ANALYZE";
  } else {
    lease.session() << "PRAGMA optimize";
  }
}

int Database::schema_version() {
  Lease lease(*pool_);
  return lease.retrying_once([&](soci::session& session) {
    ensure_migration_table(session, location_.backend);
    return applied_version(session);
  });
}

int Database::pending_migrations() {
  const int version = schema_version();
  const auto all = migrations_for(location_.backend);
  return static_cast<int>(std::count_if(all.begin(), all.end(), [&](const auto& m) { return m.number > version; }));
}

Status Database::backup(const std::string& file) {
  if (location_.backend == Backend::kSqlite) {
    using namespace sqlite_api;  // SOCI wraps the SQLite C API in this namespace
    Lease lease(*pool_);
    auto* backend = static_cast<soci::sqlite3_session_backend*>(lease.session().get_backend());
    sqlite3* target = nullptr;
    if (sqlite3_open(file.c_str(), &target) != SQLITE_OK) {
      sqlite3_close(target);
      return Error::invalid("file", "Không mở được tệp sao lưu \"" + file + "\" để ghi.");
    }
    sqlite3_backup* copy = sqlite3_backup_init(target, "main", backend->conn_, "main");
    int rc = copy ? sqlite3_backup_step(copy, -1) : sqlite3_errcode(target);
    if (copy) sqlite3_backup_finish(copy);
    const int final_rc = sqlite3_errcode(target);
    sqlite3_close(target);
    if (rc != SQLITE_DONE || final_rc != SQLITE_OK) {
      return Error{ErrorCode::kUnavailable, "Sao lưu không thành công (mã SQLite " + std::to_string(rc) + ").", "file"};
    }
    return {};
  }
  return run_postgres_tool("pg_dump", {"--format=custom", "--no-owner", "--file", file}, location_.target,
                           "xem thông báo ở trên.");
}

Status Database::restore(const std::string& file) {
  if (!std::filesystem::is_regular_file(file)) {
    return Error::invalid("file", "Không có tệp sao lưu \"" + file + "\".");
  }
  Lease lease(*pool_);
  auto& session = lease.session();
  const char* count_tables =
      location_.backend == Backend::kSqlite
          ? "SELECT COUNT(*) FROM sqlite_master"
          : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()";
  if (Query(session, count_tables).first()->integer(0) != 0) {
    return Error::conflict(ErrorCode::kConflict, "db",
                           "Cơ sở dữ liệu " + location_.display() +
                               " đã có dữ liệu; chỉ khôi phục vào một cơ sở dữ liệu trống (tệp SQLite mới hoặc cơ "
                               "sở dữ liệu PostgreSQL vừa tạo).");
  }
  if (location_.backend == Backend::kSqlite) {
    using namespace sqlite_api;  // SOCI wraps the SQLite C API in this namespace
    auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
    sqlite3* source = nullptr;
    if (sqlite3_open_v2(file.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      sqlite3_close(source);
      return Error::invalid("file", "Không mở được tệp sao lưu \"" + file + "\".");
    }
    int rc = SQLITE_OK;
    std::string check;
    {
      sqlite3_stmt* statement = nullptr;
      rc = sqlite3_prepare_v2(source, "PRAGMA quick_check", -1, &statement, nullptr);
      if (rc == SQLITE_OK && sqlite3_step(statement) == SQLITE_ROW) {
        check = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
      }
      sqlite3_finalize(statement);
    }
    if (check != "ok") {
      sqlite3_close(source);
      return Error::invalid("file", "Tệp \"" + file + "\" không phải một bản sao lưu SQLite nguyên vẹn.");
    }
    sqlite3_backup* copy = sqlite3_backup_init(backend->conn_, "main", source, "main");
    rc = copy ? sqlite3_backup_step(copy, -1) : sqlite3_errcode(backend->conn_);
    if (copy) sqlite3_backup_finish(copy);
    sqlite3_close(source);
    if (rc != SQLITE_DONE) {
      return Error{ErrorCode::kUnavailable, "Khôi phục không thành công (mã SQLite " + std::to_string(rc) + ").",
                   "file"};
    }
    return {};
  }
  return run_postgres_tool("pg_restore", {"--no-owner", "--exit-on-error", "--single-transaction", file},
                           location_.target, "không có gì được khôi phục.");
}

std::unique_ptr<app::UnitOfWork> Database::read() {
  const auto& seam = dialect(location_.backend);
  return std::make_unique<SqlUnitOfWork>(*pool_, seam, seam.begin_read);
}

std::unique_ptr<app::UnitOfWork> Database::write() {
  const auto& seam = dialect(location_.backend);
  return std::make_unique<SqlUnitOfWork>(*pool_, seam, seam.begin_write);
}

}  // namespace tdkt::storage
