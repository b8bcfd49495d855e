#pragma once
// Reading the audit trail. Writing happens inside each use case's own transaction.

#include <set>
#include <vector>

#include "app/access.hpp"
#include "app/ports.hpp"
#include "core/result.hpp"

namespace tdkt::app {

class AuditService {
 public:
  explicit AuditService(Store& store) : store_(store) {}

  // Every change to one record, oldest first.
  Result<std::vector<AuditRecord>> history(const Actor& actor, const std::string& entity, std::int64_t id) {
    TDKT_TRY(require(actor, domain::Permission::kReadAudit));
    static const std::set<std::string> kEntities{"unit",         "person",   "membership",   "restructuring",
                                                 "bloc",         "account",  "person_year",  "unit_year",
                                                 "initiative",   "grant",    "document",     "campaign",
                                                 "registration", "target",   "target_value", "document_attachment",
                                                 "movement",     "complaint"};
    if (!kEntities.contains(entity)) {
      return Error::invalid("entity", "Loại bản ghi \"" + entity + "\" không có trong nhật ký.");
    }
    auto work = store_.read();
    return work->audit_history(entity, id);
  }

  // Recomputes the hash chain of the whole trail (tdkt audit verify).
  AuditVerification verify() {
    auto work = store_.read();
    return work->verify_audit_chain();
  }

 private:
  Store& store_;
};

}  // namespace tdkt::app
