#include "domain/complaints/complaint.hpp"

#include <algorithm>

#include "domain/text_field.hpp"

namespace tdkt::domain {

std::string_view to_string(ComplaintKind kind) {
  return kind == ComplaintKind::kComplaint ? "complaint" : "denunciation";
}

std::optional<ComplaintKind> complaint_kind_from_string(std::string_view text) {
  if (text == "complaint") return ComplaintKind::kComplaint;
  if (text == "denunciation") return ComplaintKind::kDenunciation;
  return std::nullopt;
}

std::string_view vietnamese_label(ComplaintKind kind) {
  return kind == ComplaintKind::kComplaint ? "Khiếu nại" : "Tố cáo";
}

std::string_view to_string(ComplaintStatus status) {
  switch (status) {
    case ComplaintStatus::kReceived: return "received";
    case ComplaintStatus::kAssigned: return "assigned";
    case ComplaintStatus::kAnswered: return "answered";
    case ComplaintStatus::kClosed: return "closed";
    case ComplaintStatus::kWithdrawn: return "withdrawn";
  }
  return "received";
}

std::optional<ComplaintStatus> complaint_status_from_string(std::string_view text) {
  for (const auto status : {ComplaintStatus::kReceived, ComplaintStatus::kAssigned, ComplaintStatus::kAnswered,
                            ComplaintStatus::kClosed, ComplaintStatus::kWithdrawn}) {
    if (to_string(status) == text) return status;
  }
  return std::nullopt;
}

std::string_view vietnamese_label(ComplaintStatus status) {
  switch (status) {
    case ComplaintStatus::kReceived: return "Đã tiếp nhận";
    case ComplaintStatus::kAssigned: return "Đã giao xử lý";
    case ComplaintStatus::kAnswered: return "Đã trả lời";
    case ComplaintStatus::kClosed: return "Đã kết thúc";
    case ComplaintStatus::kWithdrawn: return "Đã rút đơn";
  }
  return "";
}

std::string_view channel_label(std::string_view channel) {
  if (channel == "direct") return "Trực tiếp";
  if (channel == "post") return "Qua bưu điện";
  if (channel == "email") return "Thư điện tử";
  if (channel == "transferred") return "Cơ quan khác chuyển đến";
  if (channel == "other") return "Khác";
  return "";
}

int ComplaintDeadlineRule::days_for(bool complex, bool remote_area) const {
  if (remote_area) return complex ? remote_complex_days : remote_days;
  return complex ? complex_days : days;
}

std::string ComplaintDeadlineRule::describe(bool complex, bool remote_area) const {
  std::string text = "không quá " + std::to_string(days_for(complex, remote_area)) + " ngày kể từ ngày thụ lý";
  if (complex) text += ", vụ việc phức tạp";
  if (remote_area) text += ", vùng sâu, vùng xa đi lại khó khăn";
  if (!citation.empty()) text += " (" + citation + ")";
  return text;
}

const ComplaintDeadlineRule* ComplaintRules::find(ComplaintKind kind) const {
  const auto found = std::find_if(rules.begin(), rules.end(), [kind](const auto& rule) { return rule.kind == kind; });
  return found == rules.end() ? nullptr : &*found;
}

CivilDate deadline_start(const Complaint& complaint) {
  return complaint.accepted_on.value_or(complaint.received_on);
}

CivilDate rule_deadline(const ComplaintDeadlineRule& rule, const Complaint& complaint) {
  return deadline_start(complaint).add_days(rule.days_for(complaint.complex, complaint.remote_area));
}

namespace {

Status not_after_today(const std::optional<CivilDate>& day, const char* field, std::string_view what, CivilDate today) {
  if (day && *day > today) {
    return Error::invalid(field,
                          std::string(what) + " (" + day->vn() + ") không thể sau ngày hôm nay (" + today.vn() + ").");
  }
  return {};
}

Status not_before_receipt(const Complaint& complaint, const std::optional<CivilDate>& day, const char* field,
                          std::string_view what) {
  if (day && *day < complaint.received_on) {
    return Error::invalid(field, std::string(what) + " (" + day->vn() + ") không thể trước ngày nhận đơn (" +
                                     complaint.received_on.vn() + ").");
  }
  return {};
}

}  // namespace

Result<Complaint> check_complaint(Complaint complaint, CivilDate today, CivilDate rule_day) {
  TDKT_TRY(not_after_today(complaint.received_on, "received_on", "Ngày nhận đơn", today));
  TDKT_TRY(not_before_receipt(complaint, complaint.accepted_on, "accepted_on", "Ngày thụ lý"));
  TDKT_TRY(not_after_today(complaint.accepted_on, "accepted_on", "Ngày thụ lý", today));
  TDKT_TRY(check_text_field(complaint.from_name, "from_name", 200, true, "Họ tên người gửi đơn"));
  TDKT_TRY(check_text_field(complaint.from_address, "from_address", 300, false, "Địa chỉ người gửi đơn"));
  const bool known_channel = std::find(std::begin(kComplaintChannels), std::end(kComplaintChannels),
                                       complaint.channel) != std::end(kComplaintChannels);
  if (!known_channel) {
    return Error::invalid("channel", "Hình thức nhận đơn \"" + complaint.channel +
                                         "\" không hợp lệ (direct, post, email, transferred, other).");
  }
  TDKT_TRY(check_text_field(complaint.about, "about", 500, true, "Nội dung bị khiếu nại, tố cáo"));
  TDKT_TRY(check_text_field(complaint.content, "content", 10000, false, "Nội dung đơn"));
  TDKT_TRY(check_text_field(complaint.deadline_reason, "deadline_reason", 1000, false, "Lý do đổi thời hạn"));
  if (complaint.deadline == CivilDate{} || complaint.deadline == rule_day) {
    complaint.deadline = rule_day;
    complaint.deadline_reason.clear();
  } else if (complaint.deadline_reason.empty()) {
    return Error::invalid("deadline_reason", "Thời hạn giải quyết theo quy định là " + rule_day.vn() +
                                                 "; muốn đặt thời hạn khác (" + complaint.deadline.vn() +
                                                 ") phải ghi rõ lý do.");
  }
  if (complaint.deadline < deadline_start(complaint)) {
    return Error::invalid("deadline", "Thời hạn giải quyết (" + complaint.deadline.vn() +
                                          ") không thể trước ngày thụ lý (" + deadline_start(complaint).vn() + ").");
  }
  TDKT_TRY(not_before_receipt(complaint, complaint.assigned_on, "assigned_on", "Ngày giao xử lý"));
  TDKT_TRY(not_before_receipt(complaint, complaint.answered_on, "answered_on", "Ngày trả lời"));
  if (complaint.closed_on && complaint.answered_on && *complaint.closed_on < *complaint.answered_on) {
    return Error::invalid("closed_on", "Ngày kết thúc (" + complaint.closed_on->vn() +
                                           ") không thể trước ngày trả lời (" + complaint.answered_on->vn() + ").");
  }
  return complaint;
}

Status check_assign(const Complaint& complaint, CivilDate on, CivilDate today) {
  if (complaint.status != ComplaintStatus::kReceived && complaint.status != ComplaintStatus::kAssigned) {
    return Error::conflict(
        ErrorCode::kConflict, "status",
        "Đơn đang ở trạng thái \"" + std::string(vietnamese_label(complaint.status)) + "\": không thể giao xử lý nữa.");
  }
  TDKT_TRY(not_before_receipt(complaint, on, "assigned_on", "Ngày giao xử lý"));
  return not_after_today(on, "assigned_on", "Ngày giao xử lý", today);
}

Status check_answer(const Complaint& complaint, CivilDate on, std::string& answer, CivilDate today) {
  if (complaint.status != ComplaintStatus::kReceived && complaint.status != ComplaintStatus::kAssigned) {
    return Error::conflict(
        ErrorCode::kConflict, "status",
        "Đơn đang ở trạng thái \"" + std::string(vietnamese_label(complaint.status)) + "\": không thể trả lời.");
  }
  TDKT_TRY(not_before_receipt(complaint, on, "answered_on", "Ngày trả lời"));
  if (complaint.accepted_on && on < *complaint.accepted_on) {
    return Error::invalid("answered_on", "Ngày trả lời (" + on.vn() + ") không thể trước ngày thụ lý (" +
                                             complaint.accepted_on->vn() + ").");
  }
  TDKT_TRY(not_after_today(on, "answered_on", "Ngày trả lời", today));
  return check_text_field(answer, "answer", 10000, true, "Nội dung trả lời");
}

Status check_close(const Complaint& complaint, CivilDate on, CivilDate today) {
  if (complaint.status == ComplaintStatus::kClosed || complaint.status == ComplaintStatus::kWithdrawn) {
    return Error::conflict(ErrorCode::kConflict, "status",
                           "Đơn đã ở trạng thái \"" + std::string(vietnamese_label(complaint.status)) + "\".");
  }
  if (!complaint.answered_on) {
    return Error::conflict(ErrorCode::kConflict, "answer", "Đơn chưa được trả lời: không thể kết thúc.");
  }
  if (on < *complaint.answered_on) {
    return Error::invalid("closed_on", "Ngày kết thúc (" + on.vn() + ") không thể trước ngày trả lời (" +
                                           complaint.answered_on->vn() + ").");
  }
  return not_after_today(on, "closed_on", "Ngày kết thúc", today);
}

Status check_withdraw(const Complaint& complaint) {
  if (complaint.status != ComplaintStatus::kReceived && complaint.status != ComplaintStatus::kAssigned) {
    return Error::conflict(ErrorCode::kConflict, "status",
                           "Đơn đang ở trạng thái \"" + std::string(vietnamese_label(complaint.status)) +
                               "\": không thể ghi nhận rút đơn.");
  }
  return {};
}

bool overdue(const Complaint& complaint, CivilDate today) {
  const bool open = complaint.status == ComplaintStatus::kReceived || complaint.status == ComplaintStatus::kAssigned;
  return open && !complaint.answered_on && complaint.deadline < today;
}

}  // namespace tdkt::domain
