#include "server/context.hpp"

#include <chrono>
#include <ctime>

#include "rules_io/complaint_rules.hpp"
#include "rules_io/rule_files.hpp"
#include "rules_io/statistical_forms.hpp"

namespace tdkt::server {
namespace {

const domain::rules::RuleLibrary* builtin_rules() {
  const auto& library = rules_io::builtin_rule_library();
  return library ? &*library : nullptr;
}

// What registrations know of each honour: its name, and whether persons or units aim for it.
std::vector<domain::HonourInfo> honour_directory() {
  const auto& library = rules_io::builtin_rule_library();
  return library ? domain::honour_directory(*library) : std::vector<domain::HonourInfo>{};
}

// The deadlines of complaints and denunciations (rules/complaints/deadlines.json); none when the
// file failed to load, and receiving a complaint then says so.
domain::ComplaintRules complaint_rules() {
  const auto& rules = rules_io::builtin_complaint_rules();
  return rules ? *rules : domain::ComplaintRules{};
}

// The statistical forms of the Ministry of Home Affairs (rules/statistics); none when they failed
// to load, and asking for a form then says so.
const domain::statistics::FormCatalogue* statistical_forms() {
  const auto& forms = rules_io::builtin_statistics();
  return forms ? &*forms : nullptr;
}

}  // namespace

CivilDate SystemClock::today() const {
  using namespace std::chrono;
  const auto vietnam = floor<days>(system_clock::now() + hours(7));
  return CivilDate::from_days(static_cast<std::int32_t>(vietnam.time_since_epoch().count()));
}

std::int64_t SystemClock::now_unix() const {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Status check_province(const std::string& province) {
  if (province.empty()) return {};
  const auto& library = rules_io::builtin_rule_library();
  if (!library) return Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", "province"};
  std::string known;
  for (const auto& layer : library->provincial_layers()) {
    if (layer.province == province) return {};
    if (known.find("\"" + layer.province + "\"") == std::string::npos) {
      known += (known.empty() ? "" : ", ") + ("\"" + layer.province + "\"");
    }
  }
  return Error::invalid("province", "Tỉnh \"" + province +
                                        "\" chưa có bộ quy định riêng trong rules/provincial; các tỉnh đã có: " +
                                        known + " (hoặc để trống để chỉ áp dụng quy định của Trung ương).");
}

Context::Context(const storage::Location& location, int pool_size, std::unique_ptr<app::Clock> clock,
                 bool fast_password_hashing, std::string province, int concurrent_imports)
    : clock_(std::move(clock)),
      province_(std::move(province)),
      crypto_(fast_password_hashing),
      database_(storage::Database::open(location, pool_size)),
      imports_(concurrent_imports),
      organisation_(*database_, *clock_),
      people_(*database_, *clock_),
      audit_(*database_),
      accounts_(*database_, *clock_, crypto_),
      records_(*database_, *clock_,
               [](std::string_view code) {
                 const auto& library = rules_io::builtin_rule_library();
                 return library && library->catalogue().find(code).has_value();
               }),
      eligibility_(*database_, *clock_, builtin_rules(), province_),
      documents_(*database_, *clock_),
      movements_(*database_, *clock_),
      targets_(*database_, *clock_),
      attachments_(*database_, *clock_),
      campaigns_(*database_, *clock_, honour_directory()),
      grant_history_(*database_, *clock_, builtin_rules(), province_),
      complaints_(*database_, *clock_, complaint_rules()),
      council_(*database_, *clock_, builtin_rules(), province_),
      decisions_(*database_, *clock_, builtin_rules(), province_),
      nominations_(*database_, *clock_, eligibility_, builtin_rules(), province_),
      reports_(*database_, *clock_, grant_history_, complaints_, council_, targets_),
      statistics_(*database_, *clock_, grant_history_, targets_, campaigns_, complaints_, statistical_forms()),
      pdf_(std::make_unique<documents::PdfConverter>(documents::PdfConverter::Limits{})) {}

void Context::set_pdf_limits(documents::PdfConverter::Limits limits) {
  pdf_ = std::make_unique<documents::PdfConverter>(limits);
}

http::Services Context::services() {
  const auto& rules = rules_io::builtin_rule_library();
  return http::Services{organisation_,
                        people_,
                        audit_,
                        accounts_,
                        records_,
                        eligibility_,
                        documents_,
                        movements_,
                        rules ? &*rules : nullptr,
                        *clock_,
                        [this] {
                          http::Json body;
                          body["backend"] =
                              database_->location().backend == storage::Backend::kSqlite ? "sqlite" : "postgresql";
                          body["schema_version"] = database_->schema_version();
                          return body;
                        },
                        targets_,
                        attachments_,
                        campaigns_,
                        grant_history_,
                        complaints_,
                        council_,
                        decisions_,
                        nominations_,
                        reports_,
                        statistics_,
                        *pdf_,
                        province_,
                        imports_};
}

}  // namespace tdkt::server
