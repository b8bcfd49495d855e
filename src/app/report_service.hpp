#pragma once
// The review report (báo cáo sơ kết, tổng kết) of a period, issue 7 point 1, first part: every
// figure the officer used to count by hand, counted from the records (the agency's own documents
// issued in the period, the movements in force by launching level, the grants decided in the
// period by level as individuals and collectives, complaints, the council and its sessions), and
// the draft of the report in the structure of seed 004 in the Decree 30 layout. The narrative
// (assessment, direction for the next period) is left for the officer to write. Read-only.

#include <optional>
#include <string>
#include <vector>

#include "app/complaint_service.hpp"
#include "app/council_service.hpp"
#include "app/grant_history_service.hpp"
#include "app/ports.hpp"
#include "app/target_service.hpp"

namespace tdkt::app {

struct ReportRequest {
  CivilDate from;
  CivilDate to;
};

// Grants decided in the period at one level of deciding authority.
struct ReportGrantLevel {
  std::string level;  // "state" (President, Prime Minister), "province", "agency", "other"
  std::string label;  // "Khen thưởng cấp Nhà nước"
  int individuals = 0;
  int collectives = 0;
  std::vector<GrantHistoryItem> grants;  // the grants counted, for the links of the preview
};

// What the officer writes in the report: the judgement the records cannot give. Each part is
// paragraphs (one a line); a part left empty stays marked in the draft for someone to write.
struct ReportNarrative {
  std::string situation;   // I. Đặc điểm, tình hình
  std::string highlights;  // III. kết quả nổi bật, gương điển hình tiên tiến
  std::string strengths;   // VII. ưu điểm
  std::string weaknesses;  // VII. tồn tại, hạn chế và nguyên nhân
  std::string lessons;     // VII. bài học kinh nghiệm
  std::string direction;   // Phần thứ hai: phương hướng, nhiệm vụ, giải pháp
};

// The review report issued before, whose narrative the preview offers as a start.
struct PreviousReport {
  DocumentId id;
  std::string number;  // "01/BC-BDT"
  CivilDate issued_on;
  std::string summary;
  ReportNarrative narrative;
};

struct ReportFigures {
  CivilDate from;
  CivilDate to;
  std::string period_text;  // "6 tháng đầu năm 2023", "năm 2023", "từ 01/03/2023 đến 31/08/2023"
  // Who issues the report: taken from the newest own document of the register issued by the end
  // of the period.
  std::string issuer;
  std::string issuer_parent;
  std::string place;
  std::string signer_name;
  std::string signer_authority;
  std::string symbol;  // "BC-SDTTG": "BC-" and the agency's part of its newest own number
  std::vector<domain::RegisteredDocument> documents;  // the agency's own, issued in the period, oldest first
  std::vector<domain::Movement> national;             // movements in force during the period, by level
  std::vector<domain::Movement> provincial;
  std::vector<domain::Movement> own;
  std::vector<ReportGrantLevel> grants;  // state, province, agency, other (levels with none kept)
  int individuals = 0;
  int collectives = 0;
  ComplaintCounts complaints;
  std::optional<CouncilView> council;  // the council whose term covers the end of the period
  int sessions = 0;                    // its sessions held in the period
  // The targets of the movements in force during the period, judged on its last day.
  std::vector<MovementTargets> targets;
  // Phần thứ hai: targets not yet achieved whose due day is after the period, and the movements
  // in force in the next period (as long as this one): continuing or scheduled.
  std::vector<TargetView> open_targets;
  std::vector<domain::Movement> next_movements;
  std::optional<PreviousReport> previous;
};

struct ReportIssueRequest {
  ReportRequest period;
  ReportNarrative narrative;
  CivilDate issued_on;
  std::string signer_name;       // empty: the signer of the newest own document
  std::string signer_authority;  // "GIÁM ĐỐC", "KT. GIÁM ĐỐC"
  std::string signer_position;   // "PHÓ GIÁM ĐỐC" under "KT. …"
};

class ReportService {
 public:
  ReportService(Store& store, const Clock& clock, GrantHistoryService& grants, ComplaintService& complaints,
                CouncilService& council, TargetService& targets)
      : store_(store), clock_(clock), grants_(grants), complaints_(complaints), council_(council), targets_(targets) {}

  // Refused (field "to") when the period ends before it starts or spans more than five years.
  Result<ReportFigures> figures(const Actor& actor, const ReportRequest& request);
  // The draft report, not numbered ("Số:    /BC-…"): the register numbers it when it is issued.
  Result<domain::RegisteredDocument> draft(const Actor& actor, const ReportFigures& figures,
                                           const ReportNarrative& narrative = {}) const;
  // Counts the period again, writes the narrative in and registers the report as the agency's own
  // document with the next number of its symbol (BC-…), in one transaction with its audit record.
  // Needs manage_reviews and manage_documents; a part longer than 20.000 characters is refused
  // (field "narrative.<part>").
  Result<domain::RegisteredDocument> issue(const Actor& actor, const ReportIssueRequest& request);

 private:
  // The targets of the period's movements (judged on its last day), those still open after it,
  // and the movements in force after it.
  Status count_targets(const Actor& actor, ReportFigures& figures);
  // The newest review report of another period issued by the end of this one.
  std::optional<PreviousReport> previous_report(const ReportRequest& request) const;

  Store& store_;
  const Clock& clock_;
  GrantHistoryService& grants_;
  ComplaintService& complaints_;
  CouncilService& council_;
  TargetService& targets_;
};

// The narrative parts of an issued review report, read back from its paragraphs (the parts the
// officer wrote; the marks of parts left empty are not text).
ReportNarrative narrative_of(const domain::RegisteredDocument& report);

// "6 tháng đầu năm 2023" for 01/01–30/06, "năm 2023" for a whole year, "6 tháng cuối năm 2023"
// for 01/07–31/12, otherwise "từ 01/03/2023 đến 31/08/2023".
std::string period_text(CivilDate from, CivilDate to);

}  // namespace tdkt::app
