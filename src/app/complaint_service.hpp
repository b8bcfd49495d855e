#pragma once
// Use cases of complaints and denunciations about emulation work: received, assigned to an
// officer, answered, closed (or withdrawn). Those who manage complaints (kManageComplaints) do
// everything; the counts by period, which feed the reports, are read by every account that reads
// the organisation. Every write is one transaction with its audit record.

#include <optional>
#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct ComplaintListRequest {
  std::optional<domain::ComplaintStatus> status;
  std::optional<domain::ComplaintKind> kind;
  bool overdue_only = false;
  std::optional<CivilDate> from;  // received on or after
  std::optional<CivilDate> to;    // received on or before
};

struct ComplaintView {
  domain::Complaint complaint;
  bool overdue = false;
  std::optional<int> days_left;  // to the deadline, while open (negative when overdue)
  CivilDate rule_deadline;       // what the rules give; differs from complaint.deadline when the officer changed it
  std::string rule_text;  // "không quá 30 ngày kể từ ngày thụ lý (Luật Khiếu nại 2011, Điều 28)"
  bool rule_unverified = false;
  std::string assigned_to_name;
  std::string about_document_number;  // "12/QĐ-BDT"
};

struct ComplaintCounts {
  CivilDate from;
  CivilDate to;
  int received = 0;       // received in the period
  int complaints = 0;     // of which khiếu nại
  int denunciations = 0;  // of which tố cáo
  int answered = 0;       // answered in the period
  int answered_late = 0;  // of those, after their deadline
  int closed = 0;         // closed in the period
  int withdrawn = 0;      // received in the period and withdrawn
  int open = 0;           // received in the period, not answered nor withdrawn
  int overdue = 0;        // received in the period and overdue today
};

class ComplaintService {
 public:
  ComplaintService(Store& store, const Clock& clock, domain::ComplaintRules rules)
      : store_(store), clock_(clock), rules_(std::move(rules)) {}

  const domain::ComplaintRules& rules() const { return rules_; }

  Result<std::vector<ComplaintView>> list(const Actor& actor, const ComplaintListRequest& request);
  Result<ComplaintView> complaint(const Actor& actor, ComplaintId id);
  // Receives a complaint: the deadline is the rule's unless the complaint carries another one
  // with its reason.
  Result<ComplaintView> create(const Actor& actor, domain::Complaint complaint);
  // Changes what was recorded at receipt (not the lifecycle); refused once closed or withdrawn.
  Result<ComplaintView> update(const Actor& actor, domain::Complaint complaint);
  Result<ComplaintView> assign(const Actor& actor, ComplaintId id, PersonId person, CivilDate on);
  Result<ComplaintView> answer(const Actor& actor, ComplaintId id, CivilDate on, std::string answer);
  Result<ComplaintView> close(const Actor& actor, ComplaintId id, CivilDate on);
  Result<ComplaintView> withdraw(const Actor& actor, ComplaintId id, CivilDate on);
  Result<ComplaintCounts> counts(const Actor& actor, CivilDate from, CivilDate to);

 private:
  Result<const domain::ComplaintDeadlineRule*> rule_for(domain::ComplaintKind kind) const;
  ComplaintView view(UnitOfWork& work, domain::Complaint complaint) const;
  Status check_references(UnitOfWork& work, const domain::Complaint& complaint) const;
  template <typename Change>
  Result<ComplaintView> change(const Actor& actor, ComplaintId id, Change change);

  Store& store_;
  const Clock& clock_;
  domain::ComplaintRules rules_;
};

}  // namespace tdkt::app
