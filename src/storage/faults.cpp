#include "storage/faults.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <string>

#include "app/ports.hpp"

namespace tdkt::storage {
namespace {

bool is_postgresql(soci::session& session) {
  return session.get_backend() != nullptr && session.get_backend_name() == "postgresql";
}

[[noreturn]] void conflict(const char* cause) {
  throw app::StoreFailure(Error{ErrorCode::kConflict,
                                "Dữ liệu này vừa được một yêu cầu khác ghi cùng lúc (trùng khóa duy nhất); thao tác "
                                "của bạn chưa được thực hiện. Hãy tải lại để xem dữ liệu mới nhất.",
                                ""},
                          cause);
}

[[noreturn]] void busy(const char* cause) {
  throw app::StoreFailure(Error{ErrorCode::kBusy,
                                "Cơ sở dữ liệu đang bận với các thao tác ghi khác; thao tác chưa được thực hiện. "
                                "Vui lòng thử lại sau ít giây.",
                                ""},
                          cause);
}

[[noreturn]] void lost(Stage stage, const char* cause) {
  if (stage == Stage::kCommit) {
    throw app::StoreFailure(Error{ErrorCode::kUnavailable,
                                  "Mất kết nối tới cơ sở dữ liệu đúng lúc lưu; không xác định được thao tác đã được "
                                  "lưu hay chưa. Hãy tải lại để kiểm tra trước khi làm lại.",
                                  ""},
                            cause);
  }
  throw_unavailable(cause);
}

}  // namespace

bool connection_lost(soci::session& session) {
  if (session.get_backend() == nullptr) return true;
  if (!is_postgresql(session)) return false;
  const auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  return backend->conn_ == nullptr || PQstatus(backend->conn_) != CONNECTION_OK;
}

void throw_unavailable(const char* cause) {
  throw app::StoreFailure(Error{ErrorCode::kUnavailable,
                                "Không kết nối được tới cơ sở dữ liệu; thao tác chưa được thực hiện. Vui lòng thử "
                                "lại sau ít giây hoặc báo quản trị viên.",
                                ""},
                          cause);
}

void rethrow_store_failure(soci::session& session, Stage stage) {
  try {
    throw;
  } catch (const app::StoreFailure&) {
    throw;
  } catch (const soci::postgresql_soci_error& e) {
    const auto state = e.sqlstate();
    if (state == "23505") conflict(e.what());                                      // unique_violation
    if (state == "40P01" || state == "55P03" || state == "40001") busy(e.what());  // deadlock, lock, serialization
    // Class 08 (connection exception), 57P01-57P03 (the server shut down or restarted).
    if (state.rfind("08", 0) == 0 || state.rfind("57P0", 0) == 0 || connection_lost(session)) lost(stage, e.what());
    throw;
  } catch (const soci::sqlite3_soci_error& e) {
    using namespace sqlite_api;  // SOCI wraps the SQLite C API (and its result codes) in this namespace
    const int code = e.result();
    // Extended result codes are on for every connection (storage/database.cpp); the message is a
    // second witness for a connection that has them off.
    const std::string text = e.what();
    if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY ||
        ((code & 0xff) == SQLITE_CONSTRAINT && text.find("UNIQUE constraint failed") != std::string::npos)) {
      conflict(e.what());
    }
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) busy(e.what());
    throw;
  } catch (const soci::soci_error& e) {
    if (connection_lost(session)) lost(stage, e.what());
    throw;
  }
}

}  // namespace tdkt::storage
