#include "server/context.hpp"

#include <chrono>
#include <ctime>

namespace tdkt::server {

CivilDate SystemClock::today() const {
  using namespace std::chrono;
  const auto vietnam = floor<days>(system_clock::now() + hours(7));
  return CivilDate::from_days(static_cast<std::int32_t>(vietnam.time_since_epoch().count()));
}

std::string SystemClock::now_iso() const {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

Context::Context(const storage::Location& location, int pool_size,
                 std::unique_ptr<app::Clock> clock)
    : clock_(std::move(clock)),
      database_(storage::Database::open(location, pool_size)),
      organisation_(*database_, *clock_),
      people_(*database_, *clock_),
      audit_(*database_) {}

http::Services Context::services() {
  return http::Services{
      organisation_, people_, audit_, *clock_, [this] {
        http::Json body;
        body["backend"] =
            database_->location().backend == storage::Backend::kSqlite ? "sqlite" : "postgresql";
        body["schema_version"] = database_->schema_version();
        return body;
      }};
}

}  // namespace tdkt::server
