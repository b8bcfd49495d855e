#include "domain/decisions/decision.hpp"

#include <array>

#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

template <typename Enum>
struct Name {
  Enum value;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<Name<DecisionKind>, 2> kKinds{{
    {DecisionKind::kOwn, "own", "Của cơ quan"},
    {DecisionKind::kHigher, "higher", "Của cấp trên"},
}};
constexpr std::array<Name<DecisionStatus>, 2> kDecisionStatuses{{
    {DecisionStatus::kDraft, "draft", "Dự thảo"},
    {DecisionStatus::kIssued, "issued", "Đã ban hành"},
}};
constexpr std::array<Name<ProposalStatus>, 3> kProposalStatuses{{
    {ProposalStatus::kDraft, "draft", "Dự thảo"},
    {ProposalStatus::kSubmitted, "submitted", "Đã trình"},
    {ProposalStatus::kDecided, "decided", "Đã có quyết định"},
}};
constexpr std::array<Name<ReportStatus>, 2> kReportStatuses{{
    {ReportStatus::kDraft, "draft", "Đang soạn"},
    {ReportStatus::kConfirmed, "confirmed", "Đã xác nhận"},
}};

template <typename Enum, std::size_t N>
std::string_view code_of(const std::array<Name<Enum>, N>& names, Enum value) {
  for (const auto& name : names) {
    if (name.value == value) return name.code;
  }
  return "";
}

template <typename Enum, std::size_t N>
std::string_view label_of(const std::array<Name<Enum>, N>& names, Enum value) {
  for (const auto& name : names) {
    if (name.value == value) return name.label;
  }
  return "";
}

template <typename Enum, std::size_t N>
std::optional<Enum> parse(const std::array<Name<Enum>, N>& names, std::string_view code) {
  for (const auto& name : names) {
    if (name.code == code) return name.value;
  }
  return std::nullopt;
}

std::string entry_field(std::size_t index) {
  return "entries[" + std::to_string(index) + "]";
}

std::string describe(const DecisionEntry& entry) {
  return entry.subject_name + " (" + entry.honour + " năm " + std::to_string(entry.year) + ")";
}

}  // namespace

std::string_view to_string(DecisionKind kind) {
  return code_of(kKinds, kind);
}
std::string_view to_string(DecisionStatus status) {
  return code_of(kDecisionStatuses, status);
}
std::string_view to_string(ProposalStatus status) {
  return code_of(kProposalStatuses, status);
}
std::string_view to_string(ReportStatus status) {
  return code_of(kReportStatuses, status);
}
std::optional<DecisionKind> decision_kind_from_string(std::string_view code) {
  return parse(kKinds, code);
}
std::optional<DecisionStatus> decision_status_from_string(std::string_view code) {
  return parse(kDecisionStatuses, code);
}
std::optional<ProposalStatus> proposal_status_from_string(std::string_view code) {
  return parse(kProposalStatuses, code);
}
std::optional<ReportStatus> report_status_from_string(std::string_view code) {
  return parse(kReportStatuses, code);
}
std::string_view vietnamese_label(DecisionStatus status) {
  return label_of(kDecisionStatuses, status);
}
std::string_view vietnamese_label(ProposalStatus status) {
  return label_of(kProposalStatuses, status);
}
std::string_view vietnamese_label(ReportStatus status) {
  return label_of(kReportStatuses, status);
}

Status check_own_authority(const HonourAuthority& authority, const std::string& field) {
  if (authority.level == "agency") return {};
  std::string message = authority.honour_name + " thuộc thẩm quyền " + authority.level_label;
  if (!authority.citation.empty()) message += " (" + authority.citation + ")";
  message += "; cơ quan không tự quyết định được mà lập hồ sơ trình cấp trên.";
  return Error::invalid(field, std::move(message));
}

Status check_no_double_grant(const std::vector<DecisionEntry>& entries,
                             const std::vector<std::vector<GrantRecord>>& existing_per_entry) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& entry = entries[i];
    if (!entry.granted) continue;
    for (std::size_t j = 0; j < i; ++j) {
      const auto& other = entries[j];
      if (other.granted && other.subject == entry.subject && other.honour == entry.honour && other.year == entry.year) {
        return Error::conflict(ErrorCode::kConflict, entry_field(i),
                               "Quyết định khen thưởng hai lần cùng một thành tích: " + describe(entry) +
                                   " đã có ở dòng " + std::to_string(j + 1) + ".");
      }
    }
    if (i >= existing_per_entry.size()) continue;
    for (const auto& grant : existing_per_entry[i]) {
      if (grant.subject == entry.subject && grant.honour == entry.honour && grant.year == entry.year) {
        std::string by = grant.decision_number.empty() ? std::string() : " theo Quyết định số " + grant.decision_number;
        if (!by.empty() && grant.decision_date) by += " ngày " + grant.decision_date->vn();
        return Error::conflict(
            ErrorCode::kConflict, entry_field(i),
            describe(entry) + " đã được khen thưởng" + by + "; một thành tích không khen thưởng hai lần.");
      }
    }
  }
  return {};
}

Result<AchievementReport> check_report(AchievementReport report, bool confirming) {
  TDKT_TRY(check_text_field(report.name, "name", 300, true, "Họ tên / tên tập thể"));
  TDKT_TRY(check_text_field(report.position, "position", 300, false, "Chức vụ"));
  TDKT_TRY(check_text_field(report.unit, "unit", 300, false, "Đơn vị công tác"));
  TDKT_TRY(check_text_field(report.profile, "profile", 5000, false,
                            report.collective ? "Đặc điểm, tình hình" : "Sơ lược lý lịch"));
  TDKT_TRY(check_text_field(report.duties, "duties", 5000, false, "Chức năng, nhiệm vụ"));
  TDKT_TRY(check_text_field(report.achievements, "achievements", 30000, confirming, "Thành tích đạt được"));
  TDKT_TRY(check_text_field(report.measures, "measures", 10000, false, "Biện pháp, giải pháp"));
  for (std::size_t i = 0; i < report.previous_grants.size(); ++i) {
    TDKT_TRY(check_text_field(report.previous_grants[i], ("previous_grants[" + std::to_string(i) + "]").c_str(), 500,
                              true, "Hình thức khen thưởng"));
  }
  for (std::size_t i = 0; i < report.ratings.size(); ++i) {
    TDKT_TRY(
        check_text_field(report.ratings[i], ("ratings[" + std::to_string(i) + "]").c_str(), 500, true, "Xếp loại"));
  }
  return report;
}

GrantRecord grant_of(const DecisionEntry& entry, const std::string& number, CivilDate date,
                     const std::string& authority) {
  GrantRecord grant;
  grant.subject = entry.subject;
  grant.honour = entry.honour;
  grant.year = entry.year;
  grant.type = entry.grant_type;
  grant.decision_number = number;
  grant.decision_date = date;
  grant.authority = authority;
  grant.source = GrantSource::kDecided;
  return grant;
}

}  // namespace tdkt::domain
