#pragma once
// Complaints and denunciations about emulation and commendation work (khiếu nại, tố cáo về
// công tác thi đua, khen thưởng): received, assigned to an officer, answered by a deadline that
// the law sets, closed. The deadlines are data (rules/complaints/deadlines.json), not code.
// Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

enum class ComplaintKind { kComplaint, kDenunciation };  // khiếu nại, tố cáo
std::string_view to_string(ComplaintKind kind);
std::optional<ComplaintKind> complaint_kind_from_string(std::string_view text);
std::string_view vietnamese_label(ComplaintKind kind);  // "Khiếu nại", "Tố cáo"

enum class ComplaintStatus { kReceived, kAssigned, kAnswered, kClosed, kWithdrawn };
std::string_view to_string(ComplaintStatus status);
std::optional<ComplaintStatus> complaint_status_from_string(std::string_view text);
std::string_view vietnamese_label(ComplaintStatus status);  // "Đã tiếp nhận", ...

// How a letter came in: in person, by post, by e-mail, transferred by another agency, other.
inline constexpr std::string_view kComplaintChannels[] = {"direct", "post", "email", "transferred", "other"};
std::string_view channel_label(std::string_view channel);  // "Trực tiếp", "Qua bưu điện", ...

// The time the law gives to resolve a complaint or a denunciation, counted in days from the day
// it was accepted (thụ lý): the ordinary case, a complex case, and both in remote and difficult
// areas (vùng sâu, vùng xa đi lại khó khăn).
struct ComplaintDeadlineRule {
  ComplaintKind kind = ComplaintKind::kComplaint;
  int days = 30;
  int complex_days = 45;
  int remote_days = 30;
  int remote_complex_days = 45;
  std::string citation;  // "Luật Khiếu nại 2011, Điều 28"
  bool unverified = false;
  std::string note;

  int days_for(bool complex, bool remote_area) const;
  // "không quá 30 ngày kể từ ngày thụ lý (Luật Khiếu nại 2011, Điều 28)"
  std::string describe(bool complex, bool remote_area) const;
};

struct ComplaintRules {
  std::vector<ComplaintDeadlineRule> rules;
  const ComplaintDeadlineRule* find(ComplaintKind kind) const;
};

struct Complaint {
  ComplaintId id;
  ComplaintKind kind = ComplaintKind::kComplaint;
  CivilDate received_on;
  std::optional<CivilDate> accepted_on;  // thụ lý; the deadline counts from it (from receipt until then)
  std::string from_name;
  std::string from_address;
  std::string channel = "direct";
  std::string about;  // what it is about, in words
  std::optional<DocumentId> about_document;
  std::optional<NominationId> about_nomination;
  std::string content;
  bool complex = false;      // vụ việc phức tạp
  bool remote_area = false;  // vùng sâu, vùng xa đi lại khó khăn
  std::optional<PersonId> assigned_to;
  std::optional<CivilDate> assigned_on;
  CivilDate deadline;
  std::string deadline_reason;  // why the officer set a deadline other than the rule's; empty otherwise
  std::optional<CivilDate> answered_on;
  std::string answer;
  std::optional<CivilDate> closed_on;
  ComplaintStatus status = ComplaintStatus::kReceived;
  std::string created_at;
  std::string created_by;
};

// The day the rule's period starts: acceptance, or receipt while not yet accepted.
CivilDate deadline_start(const Complaint& complaint);
// The deadline the rule gives the complaint.
CivilDate rule_deadline(const ComplaintDeadlineRule& rule, const Complaint& complaint);

// Normalises and checks what is typed when a complaint is received or edited: dates in order
// and not after `today`, required texts, the channel, and a deadline other than the rule's
// only with a reason. `rule_day` is what the rule gives; an unset deadline takes it.
Result<Complaint> check_complaint(Complaint complaint, CivilDate today, CivilDate rule_day);

// The moves of the lifecycle; each refuses with the field and a Vietnamese reason.
Status check_assign(const Complaint& complaint, CivilDate on, CivilDate today);
Status check_answer(const Complaint& complaint, CivilDate on, std::string& answer, CivilDate today);
Status check_close(const Complaint& complaint, CivilDate on, CivilDate today);
Status check_withdraw(const Complaint& complaint);

// Not answered (nor closed, nor withdrawn) and the deadline has passed.
bool overdue(const Complaint& complaint, CivilDate today);

}  // namespace tdkt::domain
