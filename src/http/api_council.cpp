// /api/v1/councils and /api/v1/sessions: the emulation and commendation council (Hội đồng Thi
// đua - Khen thưởng) with its members, and its sessions — attendance, opening with the quorum,
// ballots (a secret item shows only how many have voted until the session closes), closing with
// the tally and the minutes (biên bản) registered as a document.

#include "app/access.hpp"
#include "http/errors.hpp"
#include "http/representations.hpp"
#include "http/router.hpp"

namespace tdkt::http {
namespace {

namespace rules = domain::rules;

Json council_json(const app::CouncilView& view) {
  const auto& council = view.council;
  Json members = Json::array();
  for (std::size_t i = 0; i < council.members.size(); ++i) {
    const auto& member = council.members[i];
    members.push_back({{"person_id", member.person.value},
                       {"name", view.member_names.at(i)},
                       {"role", std::string(domain::to_string(member.role))},
                       {"role_label", domain::vietnamese_label(member.role)},
                       {"position", member.position}});
  }
  return {{"id", council.id.value},
          {"unit_id", council.unit.value},
          {"unit_name", view.unit_name},
          {"name", council.name},
          {"term_from", council.term_from.iso()},
          {"term_to", council.term_to.iso()},
          {"document_id", council.establishing_document ? Json(council.establishing_document->value) : Json(nullptr)},
          {"members", members}};
}

Json session_json(const app::SessionView& view, const app::Actor& actor) {
  const auto& session = view.session;
  Json members = Json::array();
  for (std::size_t i = 0; i < session.members.size(); ++i) {
    const auto& member = session.members[i];
    members.push_back({{"person_id", member.person.value},
                       {"name", view.member_names.at(i)},
                       {"role", std::string(domain::to_string(member.role))},
                       {"role_label", domain::vietnamese_label(member.role)},
                       {"position", member.position},
                       {"attendance", std::string(domain::to_string(member.attendance))},
                       {"attendance_label", domain::vietnamese_label(member.attendance)}});
  }
  Json items = Json::array();
  for (const auto& entry : view.items) {
    const auto& item = entry.item;
    Json voters = Json::array();
    for (const auto& voter : entry.voters) {
      Json row{{"person_id", voter.person.value}, {"name", voter.name}, {"written", voter.written}};
      if (voter.choice) {
        row["choice"] = std::string(domain::to_string(*voter.choice));
        row["choice_label"] = domain::vietnamese_label(*voter.choice);
      }
      voters.push_back(std::move(row));
    }
    const auto& nomination = entry.nomination;
    items.push_back({{"nomination_id", item.nomination.value},
                     {"position", item.position},
                     {"subject_kind", std::string(rules::to_string(nomination.subject.kind))},
                     {"subject_id", nomination.subject.id},
                     {"subject_name", entry.subject_name},
                     {"honour", nomination.honour},
                     {"honour_name", entry.honour_name},
                     {"nomination_status", std::string(domain::to_string(nomination.status))},
                     {"nomination_status_label", domain::vietnamese_label(nomination.status)},
                     {"secret", item.secret},
                     {"threshold_text", item.threshold_text},
                     {"required", entry.required},
                     {"members", item.members},
                     {"approvals", entry.sealed ? Json(nullptr) : Json(item.approvals)},
                     {"rejections", entry.sealed ? Json(nullptr) : Json(item.rejections)},
                     {"abstentions", entry.sealed ? Json(nullptr) : Json(item.abstentions)},
                     {"sealed", entry.sealed},
                     {"voted", entry.voted},
                     {"voters", voters},
                     {"passed", item.passed ? Json(*item.passed) : Json(nullptr)},
                     {"actor_voted", entry.actor_voted},
                     {"actor_may_vote", entry.actor_may_vote},
                     {"actor_refusal", entry.actor_refusal}});
  }
  return {{"id", session.id.value},
          {"council_id", session.council.value},
          {"council_name", view.council_name},
          {"review_id", session.review.value},
          {"review_name", view.review.name},
          {"review_year", view.review.year},
          {"decision_date", view.review.decision_date.iso()},
          {"held_on", session.held_on.iso()},
          {"place", session.place},
          {"status", std::string(domain::to_string(session.status))},
          {"status_label", domain::vietnamese_label(session.status)},
          {"paper_ballot", session.paper_ballot},
          {"opened_at", session.opened_at},
          {"closed_at", session.closed_at},
          {"rule_set", view.rule_set},
          {"quorum",
           {{"present", session.present_count()},
            {"members", session.member_count()},
            {"required", view.quorum_required},
            {"met", view.quorum_met},
            {"text", view.quorum_text},
            {"citation", view.quorum.citation},
            {"unverified", view.quorum.unverified}}},
          {"members", members},
          {"items", items},
          {"actor_member_id", view.actor_member ? Json(view.actor_member->value) : Json(nullptr)},
          {"can_manage", domain::allows(actor.role, domain::Permission::kManageReviews)},
          {"minutes_document_id", session.minutes_document ? Json(session.minutes_document->value) : Json(nullptr)},
          {"minutes", view.minutes ? document_json(*view.minutes, false) : Json(nullptr)}};
}

Result<domain::Council> council_from(const ApiRequest& request) {
  Json body;
  TDKT_TRY_ASSIGN(body,
                  parse_object(request.body(), {"unit_id", "name", "term_from", "term_to", "document_id", "members"}));
  Fields fields(body);
  domain::Council council;
  std::optional<std::int64_t> unit;
  TDKT_TRY_ASSIGN(unit, fields.integer("unit_id", true));
  council.unit = UnitId{*unit};
  TDKT_TRY_ASSIGN(council.name, fields.string("name", true));
  std::optional<CivilDate> from;
  TDKT_TRY_ASSIGN(from, fields.date("term_from", true));
  council.term_from = *from;
  std::optional<CivilDate> to;
  TDKT_TRY_ASSIGN(to, fields.date("term_to", true));
  council.term_to = *to;
  std::optional<std::int64_t> document;
  TDKT_TRY_ASSIGN(document, fields.integer("document_id", false));
  if (document) council.establishing_document = DocumentId{*document};
  if (body.contains("members")) {
    if (!body.at("members").is_array()) {
      return Error::invalid("members", "\"members\" là danh sách thành viên {person_id, role, position}.");
    }
    for (std::size_t i = 0; i < body.at("members").size(); ++i) {
      const auto& item = body.at("members").at(i);
      const std::string prefix = "members[" + std::to_string(i) + "].";
      if (!item.is_object())
        return Error::invalid("members[" + std::to_string(i) + "]", "Thành viên là một đối tượng.");
      TDKT_TRY(check_fields(item, {"person_id", "role", "position"}, prefix));
      Fields member_fields(item, prefix);
      domain::CouncilMember member;
      std::optional<std::int64_t> person;
      TDKT_TRY_ASSIGN(person, member_fields.integer("person_id", true));
      member.person = PersonId{*person};
      std::string role;
      TDKT_TRY_ASSIGN(role, member_fields.string("role", true));
      auto parsed = domain::council_role_from_string(role);
      if (!parsed) {
        return Error::invalid(prefix + "role", "Vai trò \"" + role +
                                                   "\" không hợp lệ; dùng chair, deputy, member "
                                                   "hoặc secretary.");
      }
      member.role = *parsed;
      TDKT_TRY_ASSIGN(member.position, member_fields.string("position", false));
      council.members.push_back(std::move(member));
    }
  }
  return council;
}

ApiResponse list_councils(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(views, services.council.list(request.actor));
  Json items = Json::array();
  for (const auto& view : *views)
    items.push_back(council_json(view));
  return ok({{"items", items}});
}

ApiResponse create_council(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(council, council_from(request));
  TDKT_HTTP_TRY(view, services.council.create(request.actor, std::move(*council)));
  return ok(council_json(*view), 201);
}

ApiResponse get_council(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.council.council(request.actor, CouncilId{*id}));
  return ok(council_json(*view));
}

ApiResponse update_council(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(council, council_from(request));
  council->id = CouncilId{*id};
  TDKT_HTTP_TRY(view, services.council.update(request.actor, std::move(*council)));
  return ok(council_json(*view));
}

ApiResponse list_sessions(const ApiRequest& request, Services& services) {
  std::optional<ReviewId> review;
  if (request.has_query("review_id")) {
    TDKT_HTTP_TRY(id, parse_id(request.query("review_id"), "review_id"));
    review = ReviewId{*id};
  }
  TDKT_HTTP_TRY(views, services.council.sessions(request.actor, review));
  Json items = Json::array();
  for (const auto& view : *views)
    items.push_back(session_json(view, request.actor));
  return ok({{"items", items}});
}

ApiResponse create_session(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"council_id", "review_id", "held_on", "place", "paper_ballot"}));
  Fields fields(*body);
  app::SessionRequest session;
  TDKT_HTTP_TRY(council, fields.integer("council_id", true));
  session.council = CouncilId{**council};
  TDKT_HTTP_TRY(review, fields.integer("review_id", true));
  session.review = ReviewId{**review};
  TDKT_HTTP_TRY(held_on, fields.date("held_on", true));
  session.held_on = **held_on;
  TDKT_HTTP_TRY(place, fields.string("place", true));
  session.place = *place;
  TDKT_HTTP_TRY(paper, fields.boolean("paper_ballot", false));
  session.paper_ballot = *paper;
  TDKT_HTTP_TRY(view, services.council.create_session(request.actor, session));
  return ok(session_json(*view, request.actor), 201);
}

ApiResponse get_session(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.council.session(request.actor, SessionId{*id}));
  return ok(session_json(*view, request.actor));
}

ApiResponse set_attendance(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"attendance"}));
  if (!body->contains("attendance") || !body->at("attendance").is_array()) {
    return fail(Error::invalid("attendance", "\"attendance\" là danh sách {person_id, attendance}."));
  }
  std::vector<app::AttendanceChange> changes;
  for (std::size_t i = 0; i < body->at("attendance").size(); ++i) {
    const auto& item = body->at("attendance").at(i);
    const std::string prefix = "attendance[" + std::to_string(i) + "].";
    if (!item.is_object()) return fail(Error::invalid(prefix + "person_id", "Mỗi dòng điểm danh là một đối tượng."));
    if (auto checked = check_fields(item, {"person_id", "attendance"}, prefix); !checked) return fail(checked.error());
    Fields fields(item, prefix);
    TDKT_HTTP_TRY(person, fields.integer("person_id", true));
    TDKT_HTTP_TRY(code, fields.string("attendance", true));
    auto attendance = domain::attendance_from_string(*code);
    if (!attendance) {
      return fail(
          Error::invalid(prefix + "attendance",
                         "Điểm danh \"" + *code + "\" không hợp lệ; dùng present, absent_written hoặc absent."));
    }
    changes.push_back({PersonId{**person}, *attendance});
  }
  TDKT_HTTP_TRY(view, services.council.set_attendance(request.actor, SessionId{*id}, changes));
  return ok(session_json(*view, request.actor));
}

// PUT /api/v1/sessions/{id}/paper-ballot {"paper_ballot": true}: before the session opens.
ApiResponse set_paper_ballot(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"paper_ballot"}));
  const Fields fields(*body);
  if (!fields.has("paper_ballot") || fields.is_null("paper_ballot")) {
    return fail(Error::invalid("paper_ballot", "Cần \"paper_ballot\": true (phiên bỏ phiếu giấy) hoặc false."));
  }
  TDKT_HTTP_TRY(paper, fields.boolean("paper_ballot", false));
  TDKT_HTTP_TRY(view, services.council.set_paper_ballot(request.actor, SessionId{*id}, *paper));
  return ok(session_json(*view, request.actor));
}

ApiResponse open_session(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.council.open(request.actor, SessionId{*id}));
  return ok(session_json(*view, request.actor));
}

ApiResponse cast_ballot(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(body, parse_object(request.body(), {"nomination_id", "choice", "person_id"}));
  Fields fields(*body);
  app::BallotRequest ballot;
  TDKT_HTTP_TRY(nomination, fields.integer("nomination_id", true));
  ballot.nomination = NominationId{**nomination};
  TDKT_HTTP_TRY(code, fields.string("choice", true));
  auto choice = domain::choice_from_string(*code);
  if (!choice) {
    return fail(Error::invalid("choice", "Lựa chọn \"" + *code +
                                             "\" không hợp lệ; dùng approve (tán thành), reject "
                                             "(không tán thành) hoặc abstain (không biểu quyết)."));
  }
  ballot.choice = *choice;
  TDKT_HTTP_TRY(person, fields.integer("person_id", false));
  if (*person) ballot.person = PersonId{**person};
  TDKT_HTTP_TRY(view, services.council.cast(request.actor, SessionId{*id}, ballot));
  return ok(session_json(*view, request.actor), 201);
}

ApiResponse close_session(const ApiRequest& request, Services& services) {
  TDKT_HTTP_TRY(id, parse_id(request.path_params.at(0), "id"));
  TDKT_HTTP_TRY(view, services.council.close(request.actor, SessionId{*id}));
  return ok(session_json(*view, request.actor));
}

}  // namespace

std::vector<Route> council_routes() {
  return {
      {"GET", "/api/v1/councils", list_councils},
      {"POST", "/api/v1/councils", create_council},
      {"GET", "/api/v1/councils/{id}", get_council},
      {"PUT", "/api/v1/councils/{id}", update_council},
      {"GET", "/api/v1/sessions", list_sessions},
      {"POST", "/api/v1/sessions", create_session},
      {"GET", "/api/v1/sessions/{id}", get_session},
      {"PUT", "/api/v1/sessions/{id}/attendance", set_attendance},
      {"PUT", "/api/v1/sessions/{id}/paper-ballot", set_paper_ballot},
      {"POST", "/api/v1/sessions/{id}/open", open_session},
      {"POST", "/api/v1/sessions/{id}/ballots", cast_ballot},
      {"POST", "/api/v1/sessions/{id}/close", close_session},
  };
}

}  // namespace tdkt::http
