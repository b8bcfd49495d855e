// /api/v1/complaints: complaints and denunciations about emulation work (khiếu nại, tố cáo) —
// receiving one, editing what was received, assigning, answering, closing or recording a
// withdrawal; the list with its overdue flags, counts by period for the reports, the list as Excel.

#include "app/complaint_service.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"
#include "ingest/history_workbooks.hpp"

namespace tdkt::http {
namespace {

template <typename Id>
Json id_or_null(const std::optional<Id>& id) {
  return id ? Json(id->value) : Json(nullptr);
}

Json complaint_json(const app::ComplaintView& view) {
  const auto& complaint = view.complaint;
  return {{"id", complaint.id.value},
          {"kind", std::string(domain::to_string(complaint.kind))},
          {"kind_label", domain::vietnamese_label(complaint.kind)},
          {"received_on", complaint.received_on.iso()},
          {"accepted_on", date_or_null(complaint.accepted_on)},
          {"from_name", complaint.from_name},
          {"from_address", complaint.from_address},
          {"channel", complaint.channel},
          {"channel_label", domain::channel_label(complaint.channel)},
          {"about", complaint.about},
          {"about_document_id", id_or_null(complaint.about_document)},
          {"about_document_number", view.about_document_number},
          {"about_nomination_id", id_or_null(complaint.about_nomination)},
          {"content", complaint.content},
          {"complex", complaint.complex},
          {"remote_area", complaint.remote_area},
          {"assigned_to_person_id", id_or_null(complaint.assigned_to)},
          {"assigned_to_name", view.assigned_to_name},
          {"assigned_on", date_or_null(complaint.assigned_on)},
          {"deadline", complaint.deadline.iso()},
          {"deadline_reason", complaint.deadline_reason},
          {"rule_deadline", view.rule_deadline.iso()},
          {"rule_text", view.rule_text},
          {"rule_unverified", view.rule_unverified},
          {"overdue", view.overdue},
          {"days_left", view.days_left ? Json(*view.days_left) : Json(nullptr)},
          {"answered_on", date_or_null(complaint.answered_on)},
          {"answer", complaint.answer},
          {"closed_on", date_or_null(complaint.closed_on)},
          {"status", std::string(domain::to_string(complaint.status))},
          {"status_label", domain::vietnamese_label(complaint.status)},
          {"created_at", complaint.created_at},
          {"created_by", complaint.created_by}};
}

Result<ComplaintId> complaint_id(const ApiRequest& request) {
  auto id = parse_id(request.path_params.at(0), "id");
  if (!id) return std::move(id).error();
  return ComplaintId{*id};
}

Result<domain::Complaint> complaint_from(const std::string& body_text) {
  auto body = parse_object(body_text, {"kind", "received_on", "accepted_on", "from_name", "from_address", "channel",
                                       "about", "about_document_id", "about_nomination_id", "content", "complex",
                                       "remote_area", "deadline", "deadline_reason"});
  if (!body) return std::move(body).error();
  Fields fields(*body);
  domain::Complaint complaint;
  auto kind_text = fields.string("kind", true);
  if (!kind_text) return std::move(kind_text).error();
  const auto kind = domain::complaint_kind_from_string(*kind_text);
  if (!kind) return Error::invalid("kind", "Loại đơn là \"complaint\" (khiếu nại) hoặc \"denunciation\" (tố cáo).");
  complaint.kind = *kind;
  auto received = fields.date("received_on", true);
  if (!received) return std::move(received).error();
  complaint.received_on = **received;
  auto accepted = fields.date("accepted_on", false);
  if (!accepted) return std::move(accepted).error();
  complaint.accepted_on = *accepted;
  for (auto [name, target, required] :
       {std::tuple{"from_name", &complaint.from_name, true}, std::tuple{"from_address", &complaint.from_address, false},
        std::tuple{"about", &complaint.about, true}, std::tuple{"content", &complaint.content, false},
        std::tuple{"deadline_reason", &complaint.deadline_reason, false}}) {
    auto value = fields.string(name, required);
    if (!value) return std::move(value).error();
    *target = std::move(*value);
  }
  auto channel = fields.string("channel", false);
  if (!channel) return std::move(channel).error();
  if (!channel->empty()) complaint.channel = *channel;
  auto document = fields.integer("about_document_id", false);
  if (!document) return std::move(document).error();
  if (*document) complaint.about_document = DocumentId{**document};
  auto nomination = fields.integer("about_nomination_id", false);
  if (!nomination) return std::move(nomination).error();
  if (*nomination) complaint.about_nomination = NominationId{**nomination};
  auto complex = fields.boolean("complex", false);
  if (!complex) return std::move(complex).error();
  complaint.complex = *complex;
  auto remote = fields.boolean("remote_area", false);
  if (!remote) return std::move(remote).error();
  complaint.remote_area = *remote;
  auto deadline = fields.date("deadline", false);
  if (!deadline) return std::move(deadline).error();
  if (*deadline) complaint.deadline = **deadline;
  return complaint;
}

Result<std::optional<CivilDate>> date_query(const ApiRequest& request, const std::string& name) {
  const auto text = request.query(name);
  if (text.empty()) return std::optional<CivilDate>();
  auto day = parse_date_field(text, name);
  if (!day) return std::move(day).error();
  return std::optional<CivilDate>(*day);
}

Result<app::ComplaintListRequest> list_request(const ApiRequest& request) {
  app::ComplaintListRequest out;
  if (const auto status = request.query("status"); !status.empty()) {
    out.status = domain::complaint_status_from_string(status);
    if (!out.status) {
      return Error::invalid(
          "status", "Trạng thái \"" + status + "\" không hợp lệ (received, assigned, answered, closed, withdrawn).");
    }
  }
  if (const auto kind = request.query("kind"); !kind.empty()) {
    out.kind = domain::complaint_kind_from_string(kind);
    if (!out.kind) return Error::invalid("kind", "Loại đơn là \"complaint\" hoặc \"denunciation\".");
  }
  const auto overdue = request.query("overdue");
  if (overdue == "true" || overdue == "1") {
    out.overdue_only = true;
  } else if (!overdue.empty() && overdue != "false" && overdue != "0") {
    return Error::invalid("overdue", "overdue là true hoặc false.");
  }
  auto from = date_query(request, "from");
  if (!from) return std::move(from).error();
  out.from = *from;
  auto to = date_query(request, "to");
  if (!to) return std::move(to).error();
  out.to = *to;
  return out;
}

// The date of a lifecycle step: the body's field, or today when absent.
Result<CivilDate> step_date(const Json& body, const std::string& name, const app::Clock& clock) {
  auto day = Fields(body).date(name, false);
  if (!day) return std::move(day).error();
  return day->value_or(clock.today());
}

ApiResponse list_complaints(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(query, list_request(request));
  TDKT_HTTP_TRY(items, services.complaints.list(request.actor, *query));
  Json list = Json::array();
  int overdue = 0;
  for (const auto& item : *items) {
    list.push_back(complaint_json(item));
    if (item.overdue) ++overdue;
  }
  return ok({{"items", list}, {"total", items->size()}, {"overdue", overdue}});
}

ApiResponse create_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(complaint, complaint_from(request.body()));
  TDKT_HTTP_TRY(created, services.complaints.create(request.actor, std::move(*complaint)));
  return ok(complaint_json(*created), 201);
}

ApiResponse get_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, complaint_id(request));
  TDKT_HTTP_TRY(view, services.complaints.complaint(request.actor, *id));
  return ok(complaint_json(*view));
}

ApiResponse put_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, complaint_id(request));
  TDKT_HTTP_TRY(complaint, complaint_from(request.body()));
  complaint->id = *id;
  TDKT_HTTP_TRY(updated, services.complaints.update(request.actor, std::move(*complaint)));
  return ok(complaint_json(*updated));
}

ApiResponse assign_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, complaint_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"person_id", "assigned_on"}));
  TDKT_HTTP_TRY(person, Fields(*body).integer("person_id", true));
  if (**person <= 0) return fail(Error::invalid("person_id", "Mã cá nhân phải là số nguyên dương."));
  TDKT_HTTP_TRY(on, step_date(*body, "assigned_on", services.clock));
  TDKT_HTTP_TRY(view, services.complaints.assign(request.actor, *id, PersonId{**person}, *on));
  return ok(complaint_json(*view));
}

ApiResponse answer_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, complaint_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"answer", "answered_on"}));
  TDKT_HTTP_TRY(answer, Fields(*body).string("answer", true));
  TDKT_HTTP_TRY(on, step_date(*body, "answered_on", services.clock));
  TDKT_HTTP_TRY(view, services.complaints.answer(request.actor, *id, *on, std::move(*answer)));
  return ok(complaint_json(*view));
}

ApiResponse close_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, complaint_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"closed_on"}));
  TDKT_HTTP_TRY(on, step_date(*body, "closed_on", services.clock));
  TDKT_HTTP_TRY(view, services.complaints.close(request.actor, *id, *on));
  return ok(complaint_json(*view));
}

ApiResponse withdraw_complaint(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, complaint_id(request));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"withdrawn_on"}));
  TDKT_HTTP_TRY(on, step_date(*body, "withdrawn_on", services.clock));
  TDKT_HTTP_TRY(view, services.complaints.withdraw(request.actor, *id, *on));
  return ok(complaint_json(*view));
}

ApiResponse complaint_counts(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(from, date_query(request, "from"));
  TDKT_HTTP_TRY(to, date_query(request, "to"));
  if (!*from) return fail(Error::invalid("from", "Chưa có ngày bắt đầu kỳ (from=YYYY-MM-DD)."));
  if (!*to) return fail(Error::invalid("to", "Chưa có ngày kết thúc kỳ (to=YYYY-MM-DD)."));
  TDKT_HTTP_TRY(counts, services.complaints.counts(request.actor, **from, **to));
  return ok({{"from", counts->from.iso()},
             {"to", counts->to.iso()},
             {"received", counts->received},
             {"by_kind", {{"complaint", counts->complaints}, {"denunciation", counts->denunciations}}},
             {"answered", counts->answered},
             {"answered_late", counts->answered_late},
             {"closed", counts->closed},
             {"withdrawn", counts->withdrawn},
             {"open", counts->open},
             {"overdue", counts->overdue}});
}

ApiResponse export_complaints(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(query, list_request(request));
  TDKT_HTTP_TRY(items, services.complaints.list(request.actor, *query));
  std::string subtitle;
  if (query->from) subtitle += "Từ ngày " + query->from->vn();
  if (query->to) subtitle += std::string(subtitle.empty() ? "Đến" : " đến") + " ngày " + query->to->vn();
  subtitle += std::string(subtitle.empty() ? "" : ". ") + "Lập ngày " + services.clock.today().vn() + ".";
  TDKT_HTTP_TRY(
      bytes, ingest::complaint_workbook("DANH SÁCH ĐƠN KHIẾU NẠI, TỐ CÁO VỀ THI ĐUA, KHEN THƯỞNG", subtitle, *items));
  ApiResponse response;
  response.download = Download{kXlsxType, "Khieu-nai-to-cao.xlsx", std::move(*bytes)};
  return response;
}

}  // namespace

std::vector<Route> complaint_routes() {
  return {
      {"GET", "/api/v1/complaints", list_complaints},
      {"POST", "/api/v1/complaints", create_complaint},
      {"GET", "/api/v1/complaints/counts", complaint_counts},
      {"GET", "/api/v1/complaints/export", export_complaints},
      {"GET", "/api/v1/complaints/{id}", get_complaint},
      {"PUT", "/api/v1/complaints/{id}", put_complaint},
      {"POST", "/api/v1/complaints/{id}/assign", assign_complaint},
      {"POST", "/api/v1/complaints/{id}/answer", answer_complaint},
      {"POST", "/api/v1/complaints/{id}/close", close_complaint},
      {"POST", "/api/v1/complaints/{id}/withdraw", withdraw_complaint},
  };
}

}  // namespace tdkt::http
