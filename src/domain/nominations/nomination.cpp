#include "domain/nominations/nomination.hpp"

#include <array>
#include <utility>

#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

struct StatusInfo {
  NominationStatus status;
  std::string_view code;
  std::string_view label;
};
constexpr std::array<StatusInfo, 8> kStatuses{{
    {NominationStatus::kProposed, "proposed", "Đã đề nghị"},
    {NominationStatus::kWithdrawn, "withdrawn", "Đã rút"},
    {NominationStatus::kInReview, "in_review", "Đang xét"},
    {NominationStatus::kApproved, "approved", "Hội đồng thông qua"},
    {NominationStatus::kRejected, "rejected", "Hội đồng không thông qua"},
    {NominationStatus::kProposedUp, "proposed_up", "Đã trình cấp trên"},
    {NominationStatus::kDecided, "decided", "Đã quyết định khen thưởng"},
    {NominationStatus::kNotGranted, "not_granted", "Không được khen thưởng"},
}};

constexpr std::array<std::pair<ReviewStatus, std::string_view>, 2> kReviewCodes{{
    {ReviewStatus::kOpen, "open"},
    {ReviewStatus::kClosed, "closed"},
}};

Status check_year(int year, int current_year) {
  if (year < kFirstRecordYear || year > current_year + 1) {
    return Error::invalid(
        "year", "Năm phải từ " + std::to_string(kFirstRecordYear) + " đến " + std::to_string(current_year + 1) + ".");
  }
  return {};
}

void append_json_string(std::string& out, std::string_view value) {
  out += '"';
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          constexpr std::string_view kHex = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(static_cast<unsigned char>(c) >> 4) & 0xF];
          out += kHex[static_cast<unsigned char>(c) & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_reasons(std::string& out, const std::vector<VerdictReason>& reasons) {
  out += '[';
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    const auto& reason = reasons[i];
    if (i > 0) out += ',';
    out += "{\"rule\":";
    append_json_string(out, reason.rule);
    out += ",\"citation\":";
    append_json_string(out, reason.citation);
    out += ",\"text\":";
    append_json_string(out, reason.text);
    out += ",\"outcome\":";
    append_json_string(out, reason.outcome);
    out += std::string(",\"met\":") + (reason.met() ? "true" : "false");
    out += std::string(",\"guard\":") + (reason.guard ? "true" : "false");
    out += std::string(",\"unverified\":") + (reason.unverified ? "true" : "false");
    out += ",\"details\":";
    append_reasons(out, reason.details);
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string reasons_json(const std::vector<VerdictReason>& reasons) {
  std::string out;
  append_reasons(out, reasons);
  return out;
}

const VerdictReason* first_failing(const std::vector<VerdictReason>& reasons) {
  for (const auto& reason : reasons) {
    if (reason.met()) continue;
    if (const auto* deeper = first_failing(reason.details); deeper && reason.citation.empty()) return deeper;
    return &reason;
  }
  return nullptr;
}

std::string_view verdict_label(std::string_view verdict) {
  if (verdict == "eligible") return "Đủ điều kiện";
  if (verdict == "ineligible") return "Không đủ điều kiện";
  return "Chưa đủ dữ liệu để xét";
}

std::string_view to_string(NominationStatus status) {
  return kStatuses.at(static_cast<std::size_t>(status)).code;
}

std::optional<NominationStatus> nomination_status_from_string(std::string_view code) {
  for (const auto& info : kStatuses) {
    if (info.code == code) return info.status;
  }
  return std::nullopt;
}

std::string_view vietnamese_label(NominationStatus status) {
  return kStatuses.at(static_cast<std::size_t>(status)).label;
}

std::string_view to_string(ReviewStatus status) {
  return kReviewCodes.at(static_cast<std::size_t>(status)).second;
}

std::optional<ReviewStatus> review_status_from_string(std::string_view code) {
  for (const auto& [status, text] : kReviewCodes) {
    if (text == code) return status;
  }
  return std::nullopt;
}

std::string_view vietnamese_label(ReviewStatus status) {
  return status == ReviewStatus::kOpen ? "Đang xét" : "Đã kết thúc";
}

bool needs_justification(std::string_view verdict) {
  return verdict != "eligible";
}

Status check_nomination(Nomination& nomination, int current_year) {
  TDKT_TRY(check_year(nomination.year, current_year));
  TDKT_TRY(check_paragraphs(nomination.achievement, "achievement", kMaxNominationText, "Tóm tắt thành tích"));
  TDKT_TRY(check_paragraphs(nomination.justification, "justification", kMaxNominationText, "Giải trình"));
  return {};
}

Status can_withdraw(const Nomination& nomination) {
  if (nomination.status == NominationStatus::kProposed || nomination.status == NominationStatus::kInReview) return {};
  return Error::conflict(ErrorCode::kConflict, "status",
                         "Không thể rút đề nghị ở trạng thái \"" + std::string(vietnamese_label(nomination.status)) +
                             "\"; chỉ rút được đề nghị đang chờ xét hoặc đang xét.");
}

Status review_open(const Review& review) {
  if (review.status == ReviewStatus::kOpen) return {};
  return Error::conflict(ErrorCode::kConflict, "review_id",
                         "Đợt xét \"" + review.name + "\" đã kết thúc; không thể thay đổi.");
}

Status can_gather(const Nomination& nomination, const Review& review) {
  TDKT_TRY(review_open(review));
  const auto which = "Đề nghị số " + std::to_string(nomination.id.value);
  if (nomination.review && *nomination.review == review.id) {
    return Error::conflict(ErrorCode::kConflict, "nomination_ids", which + " đã có trong đợt xét này.");
  }
  if (nomination.review || nomination.status != NominationStatus::kProposed) {
    return Error::conflict(ErrorCode::kConflict, "nomination_ids",
                           which + " đang ở trạng thái \"" + std::string(vietnamese_label(nomination.status)) +
                               "\"; chỉ đưa vào đợt xét được đề nghị đang chờ xét.");
  }
  if (nomination.year != review.year) {
    return Error::conflict(ErrorCode::kConflict, "nomination_ids",
                           which + " là đề nghị khen thưởng năm " + std::to_string(nomination.year) +
                               ", không thuộc đợt xét năm " + std::to_string(review.year) + ".");
  }
  return {};
}

Status can_remove(const Nomination& nomination, const Review& review) {
  TDKT_TRY(review_open(review));
  const auto which = "Đề nghị số " + std::to_string(nomination.id.value);
  if (!nomination.review || *nomination.review != review.id) {
    return Error::not_found(which + " không có trong đợt xét này.");
  }
  if (nomination.status != NominationStatus::kInReview) {
    return Error::conflict(ErrorCode::kConflict, "status",
                           which + " đã ở trạng thái \"" + std::string(vietnamese_label(nomination.status)) +
                               "\"; không thể đưa ra khỏi đợt xét.");
  }
  return {};
}

Status check_review(Review& review, int current_year) {
  TDKT_TRY(check_text_field(review.name, "name", kMaxReviewName, true, "Tên đợt xét"));
  TDKT_TRY(check_year(review.year, current_year));
  if (review.decision_date.year() < review.year) {
    return Error::invalid("decision_date", "Ngày xét " + review.decision_date.vn() + " phải từ năm " +
                                               std::to_string(review.year) + " trở đi.");
  }
  return {};
}

std::string_view subject_kind_label(rules::SubjectKind kind) {
  return kind == rules::SubjectKind::kUnit ? "Tập thể" : "Cá nhân";
}

}  // namespace tdkt::domain
