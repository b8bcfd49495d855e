#pragma once
// Use cases of decisions (quyết định khen thưởng) and proposals to higher authorities (tờ trình
// đề nghị cấp trên khen thưởng), issue 6 points 3 and 4:
// - the head of agency's own decision, drafted from a review's approved nominations whose honour
//   the agency decides (the rule set in force on the review's decision date says who decides),
//   edited, then issued: numbered from the register (QĐ-<unit>), drafted in the Decree 30 layout
//   with its annex list, one grant per entry, nominations decided; one transaction;
// - a proposal for the approved nominations decided above the agency: the submission (tờ trình,
//   TTr-<unit>), the list, one achievement report per subject (filled by the subject's unit and
//   confirmed by its head), the council's minutes and tallies, the initiatives; exported as one
//   ZIP of DOCX and PDF files;
// - the higher decision recorded when it comes back: registered (not own), grants for the
//   granted nominations, the others not_granted; one transaction.
// Officers (kManageReviews) do all of it; a unit head (kNominate) fills and confirms the reports
// of nominations of their units.

#include <optional>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::app {

// How the agency signs and heads its documents; empty fields are taken from the review's unit
// (issuer = unit name, place = unit place, symbol = "QĐ-"/"TTr-" + unit short name).
struct SigningRequest {
  CivilDate issued_on;
  std::string symbol;
  std::string issuer;
  std::string issuer_parent;
  std::string place;
  std::string signer_name;
  std::string signer_authority;  // "TRƯỞNG BAN", "KT. TRƯỞNG BAN"
  std::string signer_position;
  std::vector<std::string> recipients;
};

struct IssueRequest {
  SigningRequest signing;
  // Extra legal bases written in the preamble after the law and decree (the agency's regulation).
  std::vector<std::string> bases;
  // "Xét đề nghị của ..." : whose proposal; default "Thường trực Hội đồng Thi đua - Khen thưởng".
  std::string proposer;
};

struct DecisionDraftRequest {
  ReviewId review;
  std::string title;  // default "Về việc khen thưởng danh hiệu thi đua năm <year>"
  // The approved nominations to put in; empty: every approved one the agency decides.
  std::vector<NominationId> nominations;
};

struct DecisionUpdate {
  std::string title;
  // Entries by nomination (kept in this order); entries without a nomination name their subject.
  std::vector<domain::DecisionEntry> entries;
};

struct DecisionView {
  domain::Decision decision;  // entries carry their subject names
  std::optional<domain::RegisteredDocument> document;
  std::vector<std::string> honour_names;  // parallel to decision.entries
  std::vector<std::string> unit_names;    // parallel: the subject's unit (persons) or parent (units)
  std::vector<std::string> positions;     // parallel: a person's position
};

struct ProposalRequest {
  ReviewId review;
  std::string authority_level;            // "province", "prime_minister", "president"
  std::string authority;                  // "Chủ tịch UBND tỉnh Đồng Nai"; default: the level's label
  std::vector<NominationId> nominations;  // empty: every approved one decided at that level
  SigningRequest signing;                 // of the submission (tờ trình)
};

struct ProposalItem {
  domain::Nomination nomination;
  std::string subject_name;
  std::string honour_name;
  std::string unit_name;
  std::string position;
  std::optional<domain::ReportStatus> report;  // nullopt: not started
};

struct ProposalView {
  domain::Proposal proposal;
  std::optional<domain::RegisteredDocument> submission;
  std::optional<domain::RegisteredDocument> decision_document;
  std::vector<ProposalItem> items;
};

struct HigherDecisionRequest {
  std::string number;  // "631/QĐ-UBND"
  CivilDate issued_on;
  std::string issuer;  // "UBND tỉnh Đồng Nai"
  std::string authority;
  std::string signer_name;
  std::string summary;
  std::vector<NominationId> granted;  // the proposal's other nominations are not granted
};

// One file of a dossier: a document to render as DOCX (and PDF), with what the renderer writes
// instead of the register's type heading and number when set.
struct DossierFile {
  std::string name;  // without extension: "01-to-trinh-05-ttr-bdt"
  domain::RegisteredDocument document;
  std::string kind_name;    // "BÁO CÁO THÀNH TÍCH"; empty: the document type's heading
  std::string number_text;  // empty: the document's number (or none when it has none)
};

// What the dossier archive holds, in order: the submission, the list, one achievement report per
// subject, the council's minutes, the tallies, the initiatives. The HTTP layer renders and zips.
struct DossierContent {
  std::string file_name;  // "ho-so-de-nghi-05-ttr-bdt.zip"
  std::vector<DossierFile> files;
};

struct ReportView {
  domain::AchievementReport report;
  domain::Nomination nomination;
  std::string honour_name;
  bool stored = false;  // false: pre-filled, not saved yet
};

class DecisionService {
 public:
  DecisionService(Store& store, const Clock& clock, const domain::rules::RuleLibrary* library, std::string province)
      : store_(store), clock_(clock), library_(library), province_(std::move(province)) {}

  Result<std::vector<DecisionView>> decisions(const Actor& actor, std::optional<ReviewId> review);
  Result<DecisionView> decision(const Actor& actor, DecisionId id);
  Result<DecisionView> draft(const Actor& actor, const DecisionDraftRequest& request);
  Result<DecisionView> update(const Actor& actor, DecisionId id, DecisionUpdate update);
  Result<DecisionView> issue(const Actor& actor, DecisionId id, IssueRequest request);

  Result<std::vector<ProposalView>> proposals(const Actor& actor, std::optional<ReviewId> review);
  Result<ProposalView> proposal(const Actor& actor, ProposalId id);
  Result<ProposalView> create_proposal(const Actor& actor, ProposalRequest request);
  Result<DossierContent> dossier(const Actor& actor, ProposalId id);
  Result<ProposalView> record_higher_decision(const Actor& actor, ProposalId id, HigherDecisionRequest request);

  Result<ReportView> report(const Actor& actor, NominationId nomination);
  Result<ReportView> save_report(const Actor& actor, NominationId nomination, domain::AchievementReport report);
  Result<ReportView> confirm_report(const Actor& actor, NominationId nomination);

 private:
  Result<domain::rules::RuleSet> rules_for(const domain::Review& review) const;

  Store& store_;
  const Clock& clock_;
  const domain::rules::RuleLibrary* library_;
  std::string province_;
};

}  // namespace tdkt::app
