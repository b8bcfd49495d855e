#pragma once
// The composition root: the one place where adapters (storage, http) meet the ports and use
// cases. The CLI and the tests build a Context and use what it wires.

#include <memory>

#include "app/account_service.hpp"
#include "app/attachment_service.hpp"
#include "app/audit_service.hpp"
#include "app/campaign_service.hpp"
#include "app/complaint_service.hpp"
#include "app/council_service.hpp"
#include "app/decision_service.hpp"
#include "app/document_service.hpp"
#include "app/eligibility_service.hpp"
#include "app/grant_history_service.hpp"
#include "app/import_gate.hpp"
#include "app/movement_service.hpp"
#include "app/nomination_service.hpp"
#include "app/organisation_service.hpp"
#include "app/people_service.hpp"
#include "app/records_service.hpp"
#include "app/report_service.hpp"
#include "app/statistics_service.hpp"
#include "app/target_service.hpp"
#include "documents/pdf.hpp"
#include "http/server.hpp"
#include "ingest/demo.hpp"
#include "security/sodium_crypto.hpp"
#include "storage/database.hpp"

namespace tdkt::server {

// The wall clock, in UTC for timestamps and in Vietnam's time (UTC+7) for "today".
class SystemClock final : public app::Clock {
 public:
  CivilDate today() const override;
  std::int64_t now_unix() const override;
};

// The province whose layer of rules applies on top of the national rule sets when the
// configuration names none (`--province`, `province =` in the configuration file): the first
// users' province. "" applies the national rules alone.
inline constexpr const char* kDefaultProvince = "dong_nai";

// Refuses a province that has no layer in the rule library (rules/provincial/<province>/), with
// the provinces it has. "" (national rules alone) is accepted.
Status check_province(const std::string& province);

class Context {
 public:
  // Opens the database (does not migrate). Throws std::runtime_error when unreachable.
  // `fast_password_hashing` is for tests only (minimum Argon2id limits).
  // `concurrent_imports`: how many spreadsheet imports may run at once (app::ImportGate).
  explicit Context(const storage::Location& location, int pool_size = 8,
                   std::unique_ptr<app::Clock> clock = std::make_unique<SystemClock>(),
                   bool fast_password_hashing = false, std::string province = kDefaultProvince,
                   int concurrent_imports = app::ImportGate::kDefaultCapacity);

  storage::Database& database() { return *database_; }
  app::OrganisationService& organisation() { return organisation_; }
  app::PeopleService& people() { return people_; }
  app::AuditService& audit() { return audit_; }
  app::AccountService& accounts() { return accounts_; }
  app::RecordsService& records() { return records_; }
  app::EligibilityService& eligibility() { return eligibility_; }
  app::DocumentService& documents() { return documents_; }
  app::MovementService& movements() { return movements_; }
  app::TargetService& targets() { return targets_; }
  app::AttachmentService& attachments() { return attachments_; }
  app::CampaignService& campaigns() { return campaigns_; }
  app::GrantHistoryService& grant_history() { return grant_history_; }
  app::ComplaintService& complaints() { return complaints_; }
  app::CouncilService& council() { return council_; }
  app::ReportService& reports() { return reports_; }
  app::StatisticsService& statistics() { return statistics_; }
  app::DecisionService& decisions() { return decisions_; }
  app::NominationService& nominations() { return nominations_; }
  const app::Clock& clock() const { return *clock_; }
  const std::string& province() const { return province_; }
  documents::PdfConverter& pdf() { return *pdf_; }
  // Replaces the PDF converter (its limit and cache); call before serving.
  void set_pdf_limits(documents::PdfConverter::Limits limits);
  app::ImportGate& imports() { return imports_; }

  http::Services services();
  ingest::DemoServices demo_services() {
    return {organisation_, people_,  accounts_,  records_, documents_,
            movements_,    targets_, campaigns_, council_, imports_};
  }

 private:
  std::unique_ptr<app::Clock> clock_;
  std::string province_;
  security::SodiumCrypto crypto_;
  std::unique_ptr<storage::Database> database_;
  app::ImportGate imports_;
  app::OrganisationService organisation_;
  app::PeopleService people_;
  app::AuditService audit_;
  app::AccountService accounts_;
  app::RecordsService records_;
  app::EligibilityService eligibility_;
  app::DocumentService documents_;
  app::MovementService movements_;
  app::TargetService targets_;
  app::AttachmentService attachments_;
  app::CampaignService campaigns_;
  app::GrantHistoryService grant_history_;
  app::ComplaintService complaints_;
  app::CouncilService council_;
  app::DecisionService decisions_;
  app::NominationService nominations_;
  app::ReportService reports_;
  app::StatisticsService statistics_;
  std::unique_ptr<documents::PdfConverter> pdf_;
};

}  // namespace tdkt::server
