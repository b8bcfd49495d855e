#pragma once
// Use cases of nominations (đề nghị khen thưởng) and annual reviews (đợt xét khen thưởng): tdkt
// proposes the registered subjects of a year with the verdict of the rules for each (and why the
// others are not eligible); a unit head nominates for the unit's subtree, the officer anywhere;
// the verdict and its reasons are kept with the nomination, and one the rules refuse goes forward
// only with a written justification. The officer gathers nominations into a review, where each
// shows its verdict, reasons and place in the quotas of the rule set in force.
// Every write is one transaction with its audit record.

#include <optional>
#include <string>
#include <vector>

#include "app/eligibility_service.hpp"
#include "app/ports.hpp"

namespace tdkt::app {

// The verdict of the rules for one subject, honour and year.
struct Judgement {
  std::string verdict;  // "eligible", "ineligible", "insufficient_data"
  std::vector<domain::VerdictReason> reasons;
  std::string rule_set;  // the id of the rule set in force on the decision date
};

struct NominationView {
  domain::Nomination nomination;
  std::string subject_name;
  std::string unit_name;  // the proposing unit
  std::string honour_name;
  std::string created_by_name;
  std::optional<std::string> review_name;
};

// One registered subject of the year, with the verdict of the rules for the registered honour.
struct Candidate {
  domain::SubjectRef subject;
  std::string subject_name;
  UnitId unit;  // the unit the registration is counted under: the proposing unit by default
  std::string unit_name;
  std::string honour;
  std::string honour_name;
  RegistrationId registration;
  CampaignId campaign;
  Judgement judgement;
  std::optional<NominationId> nomination;  // the live nomination already made, if any
};

struct CandidateQuery {
  int year = 0;
  std::optional<CampaignId> campaign;  // the registrations of one campaign; of every campaign of the year
  std::optional<UnitId> unit;          // the registrations counted under this unit's subtree
};

struct NominationRequest {
  domain::SubjectRef subject;
  std::string honour;
  int year = 0;
  std::optional<UnitId> unit;  // the proposing unit; default: the registration's, the subject unit, the person's
  std::optional<RegistrationId> registration;
  std::string achievement;
  std::string justification;  // required when the rules refuse
};

struct NominationFilter {
  std::optional<int> year;
  std::optional<UnitId> unit;  // proposed by this unit's subtree
  std::optional<domain::NominationStatus> status;
};

struct ReviewRequest {
  int year = 0;
  UnitId unit;  // the agency unit that reviews
  std::string name;
  CivilDate decision_date;
};

// Where a nomination stands in one quota of the rule set: its position among the batch's
// nominations of the honour (in the group, for per-group quotas), their count and the limit.
struct QuotaPlace {
  std::string quota;  // the quota's id
  std::string citation;
  std::string group;
  int position = 0;  // 1-based
  int count = 0;
  int limit = 0;
  bool exceeds = false;  // position > limit
  std::string text;      // "CO_CP: 2 trên giới hạn 1", or the quota's breach text
};

struct ReviewEntry {
  NominationView view;
  std::vector<QuotaPlace> quotas;
};

struct ReviewSummary {
  domain::Review review;
  std::string unit_name;
  int nominations = 0;
};

struct ReviewView {
  domain::Review review;
  std::string unit_name;
  std::string rule_set;       // the id of the rule set in force on the decision date
  std::string rule_set_name;  // its name, or why none is in force
  std::vector<ReviewEntry> entries;
  std::vector<std::string> quota_breaches;  // the breach texts, with their citations
};

class NominationService {
 public:
  // `library` and `province` as for EligibilityService; `eligibility` builds the facts.
  NominationService(Store& store, const Clock& clock, const EligibilityService& eligibility,
                    const domain::rules::RuleLibrary* library, std::string province);

  // The registered subjects of the year with the verdict of each (kNominate; a unit head sees
  // the registrations counted under the unit's subtree).
  Result<std::vector<Candidate>> candidates(const Actor& actor, const CandidateQuery& query);

  // Judges the subject under the rule set in force today and stores the nomination with its
  // verdict; refused (field `justification`) when the rules refuse and no justification is given.
  Result<NominationView> nominate(const Actor& actor, const NominationRequest& request);
  Result<std::vector<NominationView>> list(const Actor& actor, const NominationFilter& filter);
  Result<NominationView> nomination(const Actor& actor, NominationId id);
  Result<NominationView> withdraw(const Actor& actor, NominationId id);

  // Reviews: kManageReviews to write, kNominate to read.
  Result<ReviewView> create_review(const Actor& actor, const ReviewRequest& request);
  Result<std::vector<ReviewSummary>> reviews(const Actor& actor, std::optional<int> year);
  Result<ReviewView> review(const Actor& actor, ReviewId id);
  // Gathers the nominations into the review (all or none).
  Result<ReviewView> gather(const Actor& actor, ReviewId id, const std::vector<NominationId>& nominations);
  Result<ReviewView> remove(const Actor& actor, ReviewId id, NominationId nomination);
  // Judges every nomination of the review again under the rule set in force on its decision date.
  Result<ReviewView> recheck(const Actor& actor, ReviewId id);
  Result<ReviewView> close(const Actor& actor, ReviewId id);

  // The verdict of the rules for one subject, honour and year, on `decision_date`.
  Result<Judgement> judge(UnitOfWork& work, const domain::SubjectRef& subject, const std::string& honour, int year,
                          CivilDate decision_date) const;

 private:
  Result<ReviewView> review_view(UnitOfWork& work, domain::Review review) const;
  NominationView view(UnitOfWork& work, domain::Nomination nomination) const;
  std::string honour_name(const std::string& code) const;

  Store& store_;
  const Clock& clock_;
  const EligibilityService& eligibility_;
  const domain::rules::RuleLibrary* library_;
  std::string province_;
  std::vector<domain::HonourInfo> honours_;
};

}  // namespace tdkt::app
