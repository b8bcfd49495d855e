#pragma once
// Decisions (quyết định khen thưởng), proposals to higher authorities (tờ trình đề nghị cấp trên
// khen thưởng) and achievement reports (báo cáo thành tích). The head of agency decides the
// honours within the agency's authority (Luật TĐKT Điều 78–80); for the others the agency sends a
// proposal with its dossier and records the higher authority's decision when it comes back.
// Either way the granted entries become grants (honour_grant, source "decided"). Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/records/records.hpp"

namespace tdkt::domain {

// An own decision (the head of agency's) or a higher authority's, recorded when it comes back.
enum class DecisionKind { kOwn, kHigher };
enum class DecisionStatus { kDraft, kIssued };
enum class ProposalStatus { kDraft, kSubmitted, kDecided };
enum class ReportStatus { kDraft, kConfirmed };

std::string_view to_string(DecisionKind kind);      // "own", "higher"
std::string_view to_string(DecisionStatus status);  // "draft", "issued"
std::string_view to_string(ProposalStatus status);  // "draft", "submitted", "decided"
std::string_view to_string(ReportStatus status);    // "draft", "confirmed"
std::optional<DecisionKind> decision_kind_from_string(std::string_view code);
std::optional<DecisionStatus> decision_status_from_string(std::string_view code);
std::optional<ProposalStatus> proposal_status_from_string(std::string_view code);
std::optional<ReportStatus> report_status_from_string(std::string_view code);
std::string_view vietnamese_label(DecisionStatus status);  // "Dự thảo", "Đã ban hành"
std::string_view vietnamese_label(ProposalStatus status);  // "Dự thảo", "Đã trình", "Đã có quyết định"
std::string_view vietnamese_label(ReportStatus status);    // "Đang soạn", "Đã xác nhận"

// Who decides an honour, as the rule set in force says: the level ("agency", "province",
// "prime_minister", "president"), its Vietnamese name and the article that says so.
struct HonourAuthority {
  std::string honour;       // "BK_TINH"
  std::string honour_name;  // "Bằng khen của Chủ tịch UBND tỉnh"
  std::string level;        // "province"
  std::string level_label;  // "Chủ tịch UBND tỉnh"
  std::string citation;     // "Luật TĐKT Điều 79"
};

// One subject granted (or not) one honour for a year.
struct DecisionEntry {
  int position = 0;
  std::optional<NominationId> nomination;
  SubjectRef subject;
  std::string honour;
  int year = 0;
  GrantType grant_type = GrantType::kMerit;
  bool granted = true;
  std::optional<GrantId> grant;  // the grant written when the decision was issued or recorded
  // For messages and the annex list; not stored.
  std::string subject_name;
};

struct Decision {
  DecisionId id;
  DecisionKind kind = DecisionKind::kOwn;
  std::optional<ReviewId> review;
  std::optional<ProposalId> proposal;      // a higher decision answering a proposal
  std::optional<DocumentId> document;      // set on issue (own) or when recorded (higher)
  std::string authority;                   // "Trưởng ban Ban Dân tộc tỉnh Bình Phước"
  std::string authority_level = "agency";  // as HonourAuthority::level
  std::string title;                       // "Khen thưởng danh hiệu thi đua năm 2026"
  DecisionStatus status = DecisionStatus::kDraft;
  std::string created_at;
  std::string created_by;
  std::string issued_at;
  std::string issued_by;
  std::vector<DecisionEntry> entries;
};

struct Proposal {
  ProposalId id;
  ReviewId review;
  std::string authority_level = "province";
  std::string authority;                 // "Chủ tịch UBND tỉnh Đồng Nai"
  std::optional<DocumentId> submission;  // the tờ trình, numbered from the register
  std::optional<DecisionId> decision;    // the higher decision recorded
  ProposalStatus status = ProposalStatus::kDraft;
  std::string created_at;
  std::string created_by;
  std::vector<NominationId> nominations;  // in the order of the list
};

// The achievement report of one nominated subject (Nghị định 152/2025/NĐ-CP, Phụ lục, Mẫu 05 for
// individuals, the collective form for units): what the subject's unit fills, its head confirms.
struct AchievementReport {
  NominationId nomination;
  bool collective = false;
  // Pre-filled from the records, editable.
  std::string name;      // họ tên / tên tập thể
  std::string position;  // chức vụ
  std::string unit;      // đơn vị công tác
  // I. Sơ lược lý lịch (cá nhân) / Đặc điểm, tình hình (tập thể).
  std::string profile;
  // Chức năng, nhiệm vụ được giao.
  std::string duties;
  // II. Thành tích đạt được.
  std::string achievements;
  // Các biện pháp, giải pháp công tác đã thực hiện.
  std::string measures;
  // III. Các hình thức khen thưởng đã được ghi nhận: one line each, filled from the grants.
  std::vector<std::string> previous_grants;
  // Xếp loại các năm: one line each, filled from the yearly records.
  std::vector<std::string> ratings;
  ReportStatus status = ReportStatus::kDraft;
  std::string updated_at;
  std::string updated_by;
  std::string confirmed_by;
};

// An own decision may only grant honours the agency decides; otherwise the message names the
// authority and its article: "Bằng khen của Chủ tịch UBND tỉnh thuộc thẩm quyền Chủ tịch UBND tỉnh
// (Luật TĐKT Điều 79)". `field` names the offending entry.
Status check_own_authority(const HonourAuthority& authority, const std::string& field);

// Refuses a decision that would grant one achievement twice: the same subject, honour and year
// twice among the granted entries, or already among `existing` grants of that subject.
// Entries must carry their subject_name. Errors name "entries[i]".
Status check_no_double_grant(const std::vector<DecisionEntry>& entries,
                             const std::vector<std::vector<GrantRecord>>& existing_per_entry);

// Normalises and checks the fields of a report; `confirming` also requires the achievements.
Result<AchievementReport> check_report(AchievementReport report, bool confirming);

// The grant an entry becomes: source "decided", with the decision's number, date and authority.
GrantRecord grant_of(const DecisionEntry& entry, const std::string& number, CivilDate date,
                     const std::string& authority);

}  // namespace tdkt::domain
