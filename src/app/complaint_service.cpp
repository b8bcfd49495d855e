#include "app/complaint_service.hpp"

#include "app/access.hpp"

namespace tdkt::app {
namespace {

std::string optional_date(const std::optional<CivilDate>& day) {
  return day ? day->iso() : std::string();
}

template <typename Id>
std::string optional_id(const std::optional<Id>& id) {
  return id ? std::to_string(id->value) : std::string();
}

Snapshot snapshot(const domain::Complaint& complaint) {
  return {{"kind", std::string(domain::to_string(complaint.kind))},
          {"received_on", complaint.received_on.iso()},
          {"accepted_on", optional_date(complaint.accepted_on)},
          {"from_name", complaint.from_name},
          {"from_address", complaint.from_address},
          {"channel", complaint.channel},
          {"about", complaint.about},
          {"about_document_id", optional_id(complaint.about_document)},
          {"about_nomination_id", optional_id(complaint.about_nomination)},
          {"content", complaint.content},
          {"complex", complaint.complex ? "true" : "false"},
          {"remote_area", complaint.remote_area ? "true" : "false"},
          {"assigned_to_person_id", optional_id(complaint.assigned_to)},
          {"assigned_on", optional_date(complaint.assigned_on)},
          {"deadline", complaint.deadline.iso()},
          {"deadline_reason", complaint.deadline_reason},
          {"answered_on", optional_date(complaint.answered_on)},
          {"answer", complaint.answer},
          {"closed_on", optional_date(complaint.closed_on)},
          {"status", std::string(domain::to_string(complaint.status))}};
}

Error not_found(ComplaintId id) {
  return Error::not_found("Không tìm thấy đơn khiếu nại, tố cáo mã " + std::to_string(id.value) + ".");
}

bool open(const domain::Complaint& complaint) {
  return complaint.status == domain::ComplaintStatus::kReceived ||
         complaint.status == domain::ComplaintStatus::kAssigned;
}

}  // namespace

Result<const domain::ComplaintDeadlineRule*> ComplaintService::rule_for(domain::ComplaintKind kind) const {
  const auto* rule = rules_.find(kind);
  if (!rule) {
    return Error::internal("Chưa nạp được quy định thời hạn giải quyết đơn " +
                           std::string(domain::vietnamese_label(kind)) + ".");
  }
  return rule;
}

ComplaintView ComplaintService::view(UnitOfWork& work, domain::Complaint complaint) const {
  ComplaintView out;
  const auto today = clock_.today();
  out.overdue = domain::overdue(complaint, today);
  if (open(complaint)) out.days_left = complaint.deadline.days_since_epoch() - today.days_since_epoch();
  if (const auto* rule = rules_.find(complaint.kind)) {
    out.rule_deadline = domain::rule_deadline(*rule, complaint);
    out.rule_text = rule->describe(complaint.complex, complaint.remote_area);
    out.rule_unverified = rule->unverified;
  }
  if (complaint.assigned_to) {
    if (auto person = work.people().find_person(*complaint.assigned_to)) out.assigned_to_name = person->full_name();
  }
  if (complaint.about_document) {
    if (auto document = work.documents().find_document(*complaint.about_document))
      out.about_document_number = document->number.text();
  }
  out.complaint = std::move(complaint);
  return out;
}

Status ComplaintService::check_references(UnitOfWork& work, const domain::Complaint& complaint) const {
  if (complaint.about_document && !work.documents().find_document(*complaint.about_document)) {
    return Error::invalid("about_document_id", "Văn bản mã " + std::to_string(complaint.about_document->value) +
                                                   " không có trong sổ văn bản.");
  }
  if (complaint.about_nomination && !work.nominations().find(*complaint.about_nomination)) {
    return Error::invalid("about_nomination_id",
                          "Không có đề nghị khen thưởng mã " + std::to_string(complaint.about_nomination->value) + ".");
  }
  return {};
}

Result<std::vector<ComplaintView>> ComplaintService::list(const Actor& actor, const ComplaintListRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kManageComplaints));
  if (request.from && request.to && *request.from > *request.to) {
    return Error::invalid(
        "to", "Ngày kết thúc kỳ (" + request.to->vn() + ") trước ngày bắt đầu (" + request.from->vn() + ").");
  }
  auto work = store_.read();
  ComplaintQuery query{request.status, request.from, request.to, request.kind};
  std::vector<ComplaintView> result;
  for (auto& complaint : work->complaints().list_complaints(query)) {
    auto item = view(*work, std::move(complaint));
    if (request.overdue_only && !item.overdue) continue;
    result.push_back(std::move(item));
  }
  return result;
}

Result<ComplaintView> ComplaintService::complaint(const Actor& actor, ComplaintId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageComplaints));
  auto work = store_.read();
  auto found = work->complaints().find_complaint(id);
  if (!found) return not_found(id);
  return view(*work, std::move(*found));
}

Result<ComplaintView> ComplaintService::create(const Actor& actor, domain::Complaint complaint) {
  TDKT_TRY(require(actor, domain::Permission::kManageComplaints));
  const domain::ComplaintDeadlineRule* rule = nullptr;
  TDKT_TRY_ASSIGN(rule, rule_for(complaint.kind));
  complaint.id = ComplaintId{};
  complaint.status = domain::ComplaintStatus::kReceived;
  complaint.assigned_to.reset();
  complaint.assigned_on.reset();
  complaint.answered_on.reset();
  complaint.answer.clear();
  complaint.closed_on.reset();
  const auto rule_day = domain::rule_deadline(*rule, complaint);
  auto checked = domain::check_complaint(std::move(complaint), clock_.today(), rule_day);
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  TDKT_TRY(check_references(*work, *checked));
  checked->created_at = clock_.now_iso();
  checked->created_by = actor.name;
  checked->id = work->complaints().insert_complaint(*checked);
  work->audit({actor.name, "complaint", checked->id.value, "create", std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return view(*work, std::move(*checked));
}

Result<ComplaintView> ComplaintService::update(const Actor& actor, domain::Complaint complaint) {
  TDKT_TRY(require(actor, domain::Permission::kManageComplaints));
  const domain::ComplaintDeadlineRule* rule = nullptr;
  TDKT_TRY_ASSIGN(rule, rule_for(complaint.kind));
  auto work = store_.write();
  auto existing = work->complaints().find_complaint(complaint.id);
  if (!existing) return not_found(complaint.id);
  if (!open(*existing) && existing->status != domain::ComplaintStatus::kAnswered) {
    return Error::conflict(
        ErrorCode::kConflict, "status",
        "Đơn đã ở trạng thái \"" + std::string(domain::vietnamese_label(existing->status)) + "\": không sửa được nữa.");
  }
  // The lifecycle stays as stored; only what was recorded at receipt changes.
  complaint.status = existing->status;
  complaint.assigned_to = existing->assigned_to;
  complaint.assigned_on = existing->assigned_on;
  complaint.answered_on = existing->answered_on;
  complaint.answer = existing->answer;
  complaint.closed_on = existing->closed_on;
  complaint.created_at = existing->created_at;
  complaint.created_by = existing->created_by;
  const auto rule_day = domain::rule_deadline(*rule, complaint);
  auto checked = domain::check_complaint(std::move(complaint), clock_.today(), rule_day);
  if (!checked) return std::move(checked).error();
  TDKT_TRY(check_references(*work, *checked));
  work->complaints().update_complaint(*checked);
  work->audit({actor.name, "complaint", checked->id.value, "update", snapshot(*existing), snapshot(*checked)},
              clock_.now_iso());
  work->commit();
  return view(*work, std::move(*checked));
}

template <typename Change>
Result<ComplaintView> ComplaintService::change(const Actor& actor, ComplaintId id, Change change) {
  TDKT_TRY(require(actor, domain::Permission::kManageComplaints));
  auto work = store_.write();
  auto existing = work->complaints().find_complaint(id);
  if (!existing) return not_found(id);
  auto changed = *existing;
  TDKT_TRY(change(*work, changed));
  work->complaints().update_complaint(changed);
  work->audit({actor.name, "complaint", id.value, "update", snapshot(*existing), snapshot(changed)}, clock_.now_iso());
  work->commit();
  return view(*work, std::move(changed));
}

Result<ComplaintView> ComplaintService::assign(const Actor& actor, ComplaintId id, PersonId person, CivilDate on) {
  const auto today = clock_.today();
  return change(actor, id, [&](UnitOfWork& work, domain::Complaint& complaint) -> Status {
    TDKT_TRY(domain::check_assign(complaint, on, today));
    if (!work.people().find_person(person)) {
      return Error::invalid("person_id", "Không có cá nhân mã " + std::to_string(person.value) + ".");
    }
    complaint.assigned_to = person;
    complaint.assigned_on = on;
    complaint.status = domain::ComplaintStatus::kAssigned;
    return {};
  });
}

Result<ComplaintView> ComplaintService::answer(const Actor& actor, ComplaintId id, CivilDate on, std::string answer) {
  const auto today = clock_.today();
  return change(actor, id, [&](UnitOfWork&, domain::Complaint& complaint) -> Status {
    TDKT_TRY(domain::check_answer(complaint, on, answer, today));
    complaint.answered_on = on;
    complaint.answer = std::move(answer);
    complaint.status = domain::ComplaintStatus::kAnswered;
    return {};
  });
}

Result<ComplaintView> ComplaintService::close(const Actor& actor, ComplaintId id, CivilDate on) {
  const auto today = clock_.today();
  return change(actor, id, [&](UnitOfWork&, domain::Complaint& complaint) -> Status {
    TDKT_TRY(domain::check_close(complaint, on, today));
    complaint.closed_on = on;
    complaint.status = domain::ComplaintStatus::kClosed;
    return {};
  });
}

Result<ComplaintView> ComplaintService::withdraw(const Actor& actor, ComplaintId id, CivilDate on) {
  const auto today = clock_.today();
  return change(actor, id, [&](UnitOfWork&, domain::Complaint& complaint) -> Status {
    TDKT_TRY(domain::check_withdraw(complaint));
    if (on < complaint.received_on || on > today) {
      return Error::invalid("withdrawn_on", "Ngày rút đơn (" + on.vn() + ") phải từ ngày nhận đơn (" +
                                                complaint.received_on.vn() + ") đến hôm nay.");
    }
    complaint.answer = "Người gửi đơn đã rút đơn ngày " + on.vn() + ".";
    complaint.status = domain::ComplaintStatus::kWithdrawn;
    return {};
  });
}

Result<ComplaintCounts> ComplaintService::counts(const Actor& actor, CivilDate from, CivilDate to) {
  TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
  if (from > to) {
    return Error::invalid("to", "Ngày kết thúc kỳ (" + to.vn() + ") trước ngày bắt đầu (" + from.vn() + ").");
  }
  const auto today = clock_.today();
  auto work = store_.read();
  ComplaintCounts counts;
  counts.from = from;
  counts.to = to;
  const Period period{from, to};
  for (const auto& complaint : work->complaints().list_complaints({})) {
    if (period.contains(complaint.received_on)) {
      ++counts.received;
      ++(complaint.kind == domain::ComplaintKind::kComplaint ? counts.complaints : counts.denunciations);
      if (complaint.status == domain::ComplaintStatus::kWithdrawn) ++counts.withdrawn;
      if (open(complaint)) ++counts.open;
      if (domain::overdue(complaint, today)) ++counts.overdue;
    }
    if (complaint.answered_on && period.contains(*complaint.answered_on)) {
      ++counts.answered;
      if (*complaint.answered_on > complaint.deadline) ++counts.answered_late;
    }
    if (complaint.closed_on && period.contains(*complaint.closed_on)) ++counts.closed;
  }
  return counts;
}

}  // namespace tdkt::app
