#include "app/audit_service.hpp"

#include <algorithm>

namespace tdkt::app {

Result<AuditAnchor> AuditService::head(const std::string& now) {
  const auto verification = verify();
  if (verification.first_broken) {
    return Error::conflict(ErrorCode::kConflict, "audit",
                           "Nhật ký KHÔNG toàn vẹn tại bản ghi #" + std::to_string(*verification.first_broken) + " (" +
                               verification.reason + "); không ký mốc neo trên một nhật ký hỏng.");
  }
  if (verification.records == 0) {
    return Error::conflict(ErrorCode::kConflict, "audit", "Nhật ký chưa có bản ghi nào để neo.");
  }
  AuditAnchor anchor;
  anchor.record = verification.last_id;
  anchor.records = verification.records;
  anchor.hash = verification.last_hash;
  anchor.at = verification.last_at;
  anchor.anchored_at = now;
  return anchor;
}

AnchorCheck AuditService::check_anchors(std::vector<AuditAnchor> anchors) {
  AnchorCheck check;
  auto work = store_.read();
  const auto chain = work->verify_audit_chain();
  if (chain.first_broken) {
    check.first_broken = chain.first_broken;
    check.reason = chain.reason;
    return check;
  }
  std::stable_sort(anchors.begin(), anchors.end(), [](const auto& a, const auto& b) { return a.record < b.record; });
  std::int64_t last_good = 0;
  for (const auto& anchor : anchors) {
    ++check.anchors;
    const auto where =
        "mốc neo lúc " + anchor.anchored_at +
        (anchor.line_number > 0 ? " (dòng " + std::to_string(anchor.line_number) + " của tệp mốc)" : std::string());
    auto fail = [&](std::string reason) {
      check.first_broken = anchor.record;
      check.since = last_good + 1;
      check.reason = std::move(reason);
      return check;
    };
    if (chain.records < anchor.records || chain.last_id < anchor.record) {
      return fail("nhật ký bị cắt bớt: " + where + " ghi nhận " + std::to_string(anchor.records) +
                  " bản ghi, đến bản ghi #" + std::to_string(anchor.record) + ", nay chỉ còn " +
                  std::to_string(chain.records) + " bản ghi" +
                  (chain.records > 0 ? ", đến #" + std::to_string(chain.last_id) : std::string()) +
                  ": các bản ghi mới nhất đã bị xóa");
    }
    const auto link = work->audit_link(anchor.record);
    if (!link) {
      return fail("bản ghi #" + std::to_string(anchor.record) + " của " + where +
                  " không còn trong nhật ký: đã bị xóa");
    }
    const auto range = "từ bản ghi #" + std::to_string(last_good + 1) + " đến #" + std::to_string(anchor.record);
    if (link->hash != anchor.hash) {
      return fail("bản ghi #" + std::to_string(anchor.record) + " không khớp " + where +
                  ": nhật ký đã bị sửa (và chuỗi mã băm tính lại) sau khi neo, ở một bản ghi " + range);
    }
    if (link->records_up_to != anchor.records) {
      return fail("đến bản ghi #" + std::to_string(anchor.record) + " có " + std::to_string(link->records_up_to) +
                  " bản ghi, " + where + " ghi nhận " + std::to_string(anchor.records) +
                  ": có bản ghi đã bị xóa hoặc chèn thêm " + range);
    }
    last_good = anchor.record;
    check.newest = anchor;
  }
  return check;
}

}  // namespace tdkt::app
