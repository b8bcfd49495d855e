#pragma once
// Reading the audit trail. Writing happens inside each use case's own transaction.

#include <set>
#include <vector>

#include "app/access.hpp"
#include "app/audit_anchor.hpp"
#include "app/ports.hpp"
#include "core/result.hpp"

namespace tdkt::app {

// What `verify --anchor` found: the anchors compared, and the first that does not hold.
struct AnchorCheck {
  std::size_t anchors = 0;                   // how many anchors were compared
  std::optional<AuditAnchor> newest;         // the anchor of the highest record, when all hold
  std::optional<std::int64_t> first_broken;  // the anchored record that does not hold
  std::optional<std::int64_t> since;         // the rewrite lies between this record and first_broken
  std::string reason;                        // Vietnamese, names the record, the anchor's line and time
};

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

  // The head of a verified chain, to be signed as an anchor at `now` (UTC, ISO 8601): record,
  // count, hash and time filled, key and signature left to the signer. kConflict when the chain
  // is broken (an anchor would bless the damage) or empty.
  Result<AuditAnchor> head(const std::string& now);

  // Compares the stored chain with `anchors` (whose signatures the caller has checked), lowest
  // record first: each anchored record must still be stored, with the anchored hash and the same
  // number of records up to it; the trail must not hold fewer records than any anchor counted.
  // The chain itself is verified first: `verify()`'s failure, if any, is returned as is.
  AnchorCheck check_anchors(std::vector<AuditAnchor> anchors);

 private:
  Store& store_;
};

}  // namespace tdkt::app
