#pragma once
// Nominations (đề nghị khen thưởng) and annual reviews (đợt xét khen thưởng). A proposing unit
// nominates a subject (a person or a unit) for one honour for a year, optionally from a
// registration; the verdict of the rules when nominated is kept with it (ADR 0008), and a
// nomination the rules refuse goes forward only with a written justification. The officer
// gathers nominations into a review; the council and decisions move them on.
// Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/records/records.hpp"

namespace tdkt::domain {

// proposed → (withdrawn) → in_review → approved / rejected → decided / not_granted; honours
// decided above the agency: approved → proposed_up → decided / not_granted.
enum class NominationStatus {
  kProposed,
  kWithdrawn,
  kInReview,
  kApproved,
  kRejected,
  kProposedUp,
  kDecided,
  kNotGranted,
};

// "proposed", "withdrawn", "in_review", "approved", "rejected", "proposed_up", "decided", "not_granted"
std::string_view to_string(NominationStatus status);
std::optional<NominationStatus> nomination_status_from_string(std::string_view code);
// "Đã đề nghị", "Đã rút", "Đang xét", "Hội đồng thông qua", "Hội đồng không thông qua",
// "Đã trình cấp trên", "Đã quyết định khen thưởng", "Không được khen thưởng"
std::string_view vietnamese_label(NominationStatus status);

enum class ReviewStatus { kOpen, kClosed };
std::string_view to_string(ReviewStatus status);  // "open", "closed"
std::optional<ReviewStatus> review_status_from_string(std::string_view code);
std::string_view vietnamese_label(ReviewStatus status);  // "Đang xét", "Đã kết thúc"

// An annual review of the agency (đợt xét khen thưởng): its decision date picks the rule set in
// force.
struct Review {
  ReviewId id;
  int year = 0;
  UnitId unit;  // the agency unit that reviews
  std::string name;
  CivilDate decision_date;
  ReviewStatus status = ReviewStatus::kOpen;
  std::string created_at;
  std::string created_by;
};

struct Nomination {
  NominationId id;
  int year = 0;
  SubjectRef subject;
  std::string honour;  // the honour's code ("LDTT")
  UnitId unit;         // the proposing unit
  std::optional<RegistrationId> registration;
  std::optional<ReviewId> review;
  std::string verdict;       // "eligible", "ineligible", "insufficient_data" when nominated
  std::string verdict_json;  // the reasons: [{"rule","citation","text","met","outcome"}...]
  std::string rule_set;      // the id of the rule set that judged it
  std::string justification;
  std::string achievement;
  NominationStatus status = NominationStatus::kProposed;
  std::string created_at;
  std::string created_by;
};

// One clause of the verdict as kept with the nomination: the clause id, its citation, the text
// explaining it, and whether it was met ("met", "unmet", "unknown").
struct VerdictReason {
  std::string rule;
  std::string citation;
  std::string text;
  std::string outcome;
  bool guard = false;
  bool unverified = false;
  std::vector<VerdictReason> details;
  bool met() const { return outcome == "met"; }
};

// The reasons as stored in nomination.verdict_json: [{"rule","citation","text","outcome","met",
// "guard","unverified","details":[...]}...].
std::string reasons_json(const std::vector<VerdictReason>& reasons);

// The first reason not met (depth first), to cite in a refusal; nullptr when every one is met.
const VerdictReason* first_failing(const std::vector<VerdictReason>& reasons);

// "Đủ điều kiện", "Không đủ điều kiện", "Chưa đủ dữ liệu để xét"
std::string_view verdict_label(std::string_view verdict);

// The longest achievement summary and justification, in characters.
inline constexpr std::size_t kMaxNominationText = 10000;
inline constexpr std::size_t kMaxReviewName = 300;

// Whether a verdict ("eligible", "ineligible", "insufficient_data") lets a nomination go forward
// without a written justification: only an eligible one does.
bool needs_justification(std::string_view verdict);

// Normalises and checks what a unit writes with its nomination: a year within the records'
// range (kFirstRecordYear to the year after `current_year`), the achievement summary and the
// justification (paragraphs kept, at most kMaxNominationText characters each). Does not judge
// eligibility.
Status check_nomination(Nomination& nomination, int current_year);

// Whether the nomination may be withdrawn: only while proposed or in review.
Status can_withdraw(const Nomination& nomination);
// Whether the nomination may be gathered into `review`: proposed (not in another review), of
// the review's year, and the review open.
Status can_gather(const Nomination& nomination, const Review& review);
// Whether the nomination may leave the review: in it and still in_review, the review open.
Status can_remove(const Nomination& nomination, const Review& review);

// Normalises and checks a review: a name, a year within the records' range (up to the year
// after `current_year`), a decision date not before the year begins.
Status check_review(Review& review, int current_year);
// Whether the review may still change (gather, remove, re-check, close): it is open.
Status review_open(const Review& review);

// "Cá nhân" / "Tập thể"
std::string_view subject_kind_label(rules::SubjectKind kind);

}  // namespace tdkt::domain
