#include "app/council_service.hpp"

#include <algorithm>
#include <map>

#include "app/access.hpp"
#include "app/document_service.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

constexpr const char* kMinutesSymbol = "BB-HĐTĐKT";

Error council_not_found(CouncilId id) {
  return Error::not_found("Không tìm thấy Hội đồng mã " + std::to_string(id.value) + ".");
}

Error session_not_found(SessionId id) {
  return Error::not_found("Không tìm thấy phiên họp mã " + std::to_string(id.value) + ".");
}

std::string person_name(UnitOfWork& work, PersonId id) {
  auto person = work.people().find_person(id);
  return person ? person->full_name() : "cá nhân mã " + std::to_string(id.value);
}

std::string unit_name(UnitOfWork& work, UnitId id) {
  auto unit = work.organisation().find_unit(id);
  return unit ? unit->name : "đơn vị mã " + std::to_string(id.value);
}

std::string subject_name(UnitOfWork& work, const domain::SubjectRef& subject) {
  if (subject.kind == rules::SubjectKind::kUnit) return unit_name(work, UnitId{subject.id});
  return person_name(work, PersonId{subject.id});
}

std::optional<PersonId> subject_person(const domain::Nomination& nomination) {
  if (nomination.subject.kind != rules::SubjectKind::kPerson) return std::nullopt;
  return PersonId{nomination.subject.id};
}

Snapshot snapshot(const domain::Council& council) {
  std::string members;
  for (const auto& member : council.members) {
    members += (members.empty() ? "" : ",") + std::to_string(member.person.value) + ":" +
               std::string(domain::to_string(member.role));
  }
  return {{"unit_id", std::to_string(council.unit.value)},
          {"name", council.name},
          {"term_from", council.term_from.iso()},
          {"term_to", council.term_to.iso()},
          {"document_id",
           council.establishing_document ? std::to_string(council.establishing_document->value) : std::string()},
          {"members", members}};
}

Snapshot snapshot(const domain::Session& session) {
  std::string attendance;
  for (const auto& member : session.members) {
    attendance += (attendance.empty() ? "" : ",") + std::to_string(member.person.value) + ":" +
                  std::string(domain::to_string(member.attendance));
  }
  std::string items;
  for (const auto& item : session.items) {
    items += (items.empty() ? "" : ",") + std::to_string(item.nomination.value);
    if (item.passed) {
      items += ":" + std::to_string(item.approvals) + "/" + std::to_string(item.members) +
               (*item.passed ? ":passed" : ":failed");
    }
  }
  return {{"council_id", std::to_string(session.council.value)},
          {"review_id", std::to_string(session.review.value)},
          {"held_on", session.held_on.iso()},
          {"place", session.place},
          {"status", std::string(domain::to_string(session.status))},
          {"attendance", attendance},
          {"items", items},
          {"minutes_document_id",
           session.minutes_document ? std::to_string(session.minutes_document->value) : std::string()},
          {"paper_ballot", session.paper_ballot ? "1" : "0"}};
}

Status require_read(const Actor& actor) {
  return require(actor, domain::Permission::kReadOrganisation);
}

// Checks that the council's unit, members and document exist.
Status check_references(UnitOfWork& work, const domain::Council& council) {
  if (!work.organisation().find_unit(council.unit)) {
    return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(council.unit.value) + ".");
  }
  if (council.establishing_document && !work.documents().find_document(*council.establishing_document)) {
    return Error::invalid("document_id", "Văn bản mã " + std::to_string(council.establishing_document->value) +
                                             " không có trong sổ văn bản.");
  }
  for (std::size_t i = 0; i < council.members.size(); ++i) {
    if (!work.people().find_person(council.members[i].person)) {
      return Error::invalid("members[" + std::to_string(i) + "].person_id",
                            "Không có cá nhân mã " + std::to_string(council.members[i].person.value) + ".");
    }
  }
  return {};
}

CouncilView council_view(UnitOfWork& work, domain::Council council) {
  CouncilView view;
  view.unit_name = unit_name(work, council.unit);
  for (const auto& member : council.members)
    view.member_names.push_back(person_name(work, member.person));
  view.council = std::move(council);
  return view;
}

// "08 giờ 30" in Vietnam's time (UTC+7) of an ISO timestamp "2026-11-22T01:30:00Z", when its day
// there is `day`.
std::optional<std::string> clock_time_on(const std::string& iso, CivilDate day) {
  if (iso.size() < 16) return std::nullopt;
  auto date = CivilDate::parse_iso(iso.substr(0, 10));
  if (!date) return std::nullopt;
  int hour = std::stoi(iso.substr(11, 2)) + 7;
  const int minute = std::stoi(iso.substr(14, 2));
  if (hour >= 24) {
    hour -= 24;
    date = date->add_days(1);
  }
  if (*date != day) return std::nullopt;
  auto two = [](int value) { return (value < 10 ? "0" : "") + std::to_string(value); };
  return two(hour) + " giờ " + two(minute);
}

std::string names_list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names)
    out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

Result<rules::RuleSet> CouncilService::rules_for(const domain::Review& review) const {
  if (!library_) return Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", ""};
  auto set = library_->in_force(review.decision_date, province_);
  if (!set) {
    Error error = set.error();
    error.field = "review_id";
    if (error.code == ErrorCode::kInternal) error.code = ErrorCode::kInvalidInput;
    return error;
  }
  return set;
}

// ---- Councils ----------------------------------------------------------------------------------

Result<std::vector<CouncilView>> CouncilService::list(const Actor& actor) {
  TDKT_TRY(require_read(actor));
  auto work = store_.read();
  std::vector<CouncilView> views;
  for (auto& council : work->council().list_councils())
    views.push_back(council_view(*work, std::move(council)));
  return views;
}

Result<CouncilView> CouncilService::council(const Actor& actor, CouncilId id) {
  TDKT_TRY(require_read(actor));
  auto work = store_.read();
  auto council = work->council().find_council(id);
  if (!council) return council_not_found(id);
  return council_view(*work, std::move(*council));
}

Result<CouncilView> CouncilService::create(const Actor& actor, domain::Council council) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  council.id = CouncilId{};
  auto checked = domain::check_council(std::move(council));
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  TDKT_TRY(check_references(*work, *checked));
  checked->id = work->council().insert_council(*checked);
  work->audit({actor.name, "council", checked->id.value, "create", std::nullopt, snapshot(*checked)}, clock_.now_iso());
  auto view = council_view(*work, std::move(*checked));
  work->commit();
  return view;
}

Result<CouncilView> CouncilService::update(const Actor& actor, domain::Council council) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto checked = domain::check_council(std::move(council));
  if (!checked) return std::move(checked).error();
  auto work = store_.write();
  auto existing = work->council().find_council(checked->id);
  if (!existing) return council_not_found(checked->id);
  TDKT_TRY(check_references(*work, *checked));
  work->council().update_council(*checked);
  work->audit({actor.name, "council", checked->id.value, "update", snapshot(*existing), snapshot(*checked)},
              clock_.now_iso());
  auto view = council_view(*work, std::move(*checked));
  work->commit();
  return view;
}

// ---- Sessions ----------------------------------------------------------------------------------

Result<std::vector<domain::SessionItem>> CouncilService::agenda(UnitOfWork& work, const domain::Session& session,
                                                                const rules::RuleSet& rules) const {
  std::vector<domain::SessionItem> items;
  for (const auto& nomination : work.nominations().list_review(session.review)) {
    if (nomination.status != domain::NominationStatus::kInReview) continue;
    const auto* honour = rules.find(nomination.honour);
    if (!honour) {
      return Error::invalid("review_id", "Danh hiệu \"" + nomination.honour + "\" của đề nghị mã " +
                                             std::to_string(nomination.id.value) + " không có trong bộ tiêu chuẩn " +
                                             rules.id + " nên chưa xác định được tỷ lệ biểu quyết.");
    }
    domain::SessionItem item;
    item.nomination = nomination.id;
    item.position = static_cast<int>(items.size()) + 1;
    item.secret = honour->council_vote.secret;
    item.members = session.member_count();
    item.threshold_text = domain::threshold_text(honour->council_vote);
    items.push_back(std::move(item));
  }
  return items;
}

Result<SessionView> CouncilService::view(UnitOfWork& work, const Actor& actor, domain::Session session) {
  SessionView view;
  auto review = work.nominations().find_review(session.review);
  if (!review) return Error::internal("Phiên họp không có đợt xét.");
  view.review = std::move(*review);
  auto council = work.council().find_council(session.council);
  view.council_name = council ? council->name : std::string();
  auto rules = rules_for(view.review);
  if (!rules) return std::move(rules).error();
  view.rule_set = rules->id;
  view.quorum = rules->council_quorum;
  view.quorum_required = view.quorum.required(session.member_count());
  view.quorum_met = domain::quorum_met(session, view.quorum);
  view.quorum_text = domain::quorum_text(session, view.quorum);
  for (const auto& member : session.members) {
    view.member_names.push_back(person_name(work, member.person));
    if (actor.person && member.person == *actor.person) view.actor_member = member.person;
  }
  const auto ballots = work.council().ballots(session.id);
  const auto casts = work.council().casts(session.id);
  const auto accepts = domain::accepts_ballots(session, view.quorum);
  for (const auto& item : session.items) {
    SessionItemView item_view;
    item_view.item = item;
    auto nomination = work.nominations().find(item.nomination);
    if (!nomination) return Error::internal("Phiên họp có đề nghị không còn trong hệ thống.");
    item_view.subject_name = subject_name(work, nomination->subject);
    const auto* honour = rules->find(nomination->honour);
    item_view.honour_name = honour ? honour->name : nomination->honour;
    item_view.required = honour ? honour->council_vote.required(item.members) : 0;
    // A secret item shows nothing but how many have voted until the session closes: neither the
    // running counts nor who voted, since two polls around one ballot would give that member's
    // choice. Every role, the officer included, sees it so.
    item_view.sealed = item.secret && session.status != domain::SessionStatus::kClosed;
    if (item_view.sealed || (!item.passed && !item.secret)) {
      item_view.item.approvals = item_view.item.rejections = item_view.item.abstentions = 0;
    }
    for (const auto& ballot : ballots) {
      if (ballot.nomination != item.nomination) continue;
      ++item_view.voted;
      if (view.actor_member && ballot.person == *view.actor_member) item_view.actor_voted = true;
      item_view.voters.push_back({ballot.person, person_name(work, ballot.person), ballot.written, ballot.choice});
      if (!item.passed) {
        if (ballot.choice == domain::Choice::kApprove) ++item_view.item.approvals;
        if (ballot.choice == domain::Choice::kReject) ++item_view.item.rejections;
        if (ballot.choice == domain::Choice::kAbstain) ++item_view.item.abstentions;
      }
    }
    for (const auto& cast : casts) {
      if (cast.nomination != item.nomination) continue;
      ++item_view.voted;
      if (view.actor_member && cast.person == *view.actor_member) item_view.actor_voted = true;
      if (!item_view.sealed) {
        item_view.voters.push_back({cast.person, person_name(work, cast.person), cast.written, std::nullopt});
      }
    }
    if (view.actor_member) {
      Status may = accepts;
      if (may) may = domain::may_vote(session, *view.actor_member, false, subject_person(*nomination), "Bạn");
      if (may && item_view.actor_voted) may = Error::conflict(ErrorCode::kConflict, "", "Bạn đã biểu quyết.");
      if (may && !domain::allows(actor.role, domain::Permission::kVote) &&
          !domain::allows(actor.role, domain::Permission::kManageReviews)) {
        may = Error{ErrorCode::kForbidden, "Tài khoản không có quyền biểu quyết.", ""};
      }
      item_view.actor_may_vote = may.ok();
      if (!may) item_view.actor_refusal = may.error().message;
    }
    item_view.nomination = std::move(*nomination);
    view.items.push_back(std::move(item_view));
  }
  if (session.minutes_document) view.minutes = work.documents().find_document(*session.minutes_document);
  view.session = std::move(session);
  return view;
}

void CouncilService::keep_visible(UnitOfWork& work, const Actor& actor, SessionView& view) const {
  if (view.actor_member) return;  // a member reads the whole agenda they vote on
  ScopeFilter scope(work, actor, clock_.today());
  if (scope.everyone()) return;
  std::erase_if(view.items, [&](const SessionItemView& item) { return !scope.covers_unit(item.nomination.unit); });
}

Result<std::vector<SessionView>> CouncilService::sessions(const Actor& actor, std::optional<ReviewId> review) {
  TDKT_TRY(require_read(actor));
  auto work = store_.read();
  std::vector<SessionView> views;
  for (auto& session : work->council().list_sessions(review)) {
    auto view = this->view(*work, actor, std::move(session));
    if (!view) return std::move(view).error();
    keep_visible(*work, actor, *view);
    views.push_back(std::move(*view));
  }
  return views;
}

Result<SessionView> CouncilService::session(const Actor& actor, SessionId id) {
  TDKT_TRY(require_read(actor));
  auto work = store_.read();
  auto session = work->council().find_session(id);
  if (!session) return session_not_found(id);
  auto result = view(*work, actor, std::move(*session));
  if (result) keep_visible(*work, actor, *result);
  return result;
}

Result<SessionView> CouncilService::set_paper_ballot(const Actor& actor, SessionId id, bool paper_ballot) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto session = work->council().find_session(id);
  if (!session) return session_not_found(id);
  if (session->status != domain::SessionStatus::kPlanned) {
    return Error::conflict(ErrorCode::kConflict, "paper_ballot",
                           "Phiên họp đã khai mạc; hình thức bỏ phiếu giấy chỉ đăng ký trước khi khai mạc.");
  }
  const auto before = snapshot(*session);
  session->paper_ballot = paper_ballot;
  work->council().update_session(*session, false);
  work->audit({actor.name, "session", id.value, "paper_ballot", before, snapshot(*session)}, clock_.now_iso());
  auto result = view(*work, actor, std::move(*session));
  if (!result) return result;
  work->commit();
  return result;
}

Result<SessionView> CouncilService::create_session(const Actor& actor, const SessionRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto council = work->council().find_council(request.council);
  if (!council) {
    return Error::invalid("council_id", "Không có Hội đồng mã " + std::to_string(request.council.value) + ".");
  }
  auto review = work->nominations().find_review(request.review);
  if (!review) return Error::invalid("review_id", "Không có đợt xét mã " + std::to_string(request.review.value) + ".");
  if (review->status != domain::ReviewStatus::kOpen) {
    return Error::conflict(ErrorCode::kConflict, "review_id", "Đợt xét \"" + review->name + "\" đã kết thúc.");
  }
  if (council->members.empty()) {
    return Error::invalid("council_id", "Hội đồng \"" + council->name + "\" chưa có thành viên.");
  }
  if (request.held_on < council->term_from || council->term_to < request.held_on) {
    return Error::invalid("held_on", "Ngày họp " + request.held_on.vn() + " ngoài nhiệm kỳ của Hội đồng (" +
                                         council->term_from.vn() + " – " + council->term_to.vn() + ").");
  }
  domain::Session session;
  session.council = council->id;
  session.review = review->id;
  session.held_on = request.held_on;
  session.place = request.place;
  session.paper_ballot = request.paper_ballot;
  TDKT_TRY(domain::check_session_details(session));
  for (const auto& member : council->members)
    session.members.push_back({member.person, member.role, member.position, domain::Attendance::kPresent});
  auto rules = rules_for(*review);
  if (!rules) return std::move(rules).error();
  auto items = agenda(*work, session, *rules);
  if (!items) return std::move(items).error();
  session.items = std::move(*items);
  session.id = work->council().insert_session(session);
  work->audit({actor.name, "session", session.id.value, "create", std::nullopt, snapshot(session)}, clock_.now_iso());
  auto result = view(*work, actor, std::move(session));
  if (!result) return result;
  work->commit();
  return result;
}

Result<SessionView> CouncilService::set_attendance(const Actor& actor, SessionId id,
                                                   const std::vector<AttendanceChange>& changes) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto session = work->council().find_session(id);
  if (!session) return session_not_found(id);
  if (session->status != domain::SessionStatus::kPlanned) {
    return Error::conflict(ErrorCode::kConflict, "session",
                           "Phiên họp đã khai mạc; điểm danh chỉ sửa trước khi khai mạc.");
  }
  const auto before = snapshot(*session);
  for (std::size_t i = 0; i < changes.size(); ++i) {
    auto found = std::find_if(session->members.begin(), session->members.end(),
                              [&](const domain::SessionMember& member) { return member.person == changes[i].person; });
    if (found == session->members.end()) {
      return Error::invalid("attendance[" + std::to_string(i) + "].person_id",
                            person_name(*work, changes[i].person) + " không phải thành viên của phiên họp này.");
    }
    found->attendance = changes[i].attendance;
  }
  work->council().update_session(*session, false);
  work->audit({actor.name, "session", id.value, "attendance", before, snapshot(*session)}, clock_.now_iso());
  auto result = view(*work, actor, std::move(*session));
  if (!result) return result;
  work->commit();
  return result;
}

Result<SessionView> CouncilService::open(const Actor& actor, SessionId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto session = work->council().find_session(id);
  if (!session) return session_not_found(id);
  if (session->status != domain::SessionStatus::kPlanned) {
    return Error::conflict(ErrorCode::kConflict, "session",
                           std::string("Phiên họp ") +
                               (session->status == domain::SessionStatus::kOpen ? "đã khai mạc." : "đã kết thúc."));
  }
  auto review = work->nominations().find_review(session->review);
  if (!review) return Error::internal("Phiên họp không có đợt xét.");
  auto rules = rules_for(*review);
  if (!rules) return std::move(rules).error();
  if (!domain::quorum_met(*session, rules->council_quorum)) {
    return Error::conflict(ErrorCode::kConflict, "attendance",
                           "Chưa khai mạc được: không đủ số thành viên có mặt. " +
                               domain::quorum_text(*session, rules->council_quorum) +
                               " Phiếu bằng văn bản của thành viên vắng mặt không tính vào số có mặt.");
  }
  for (const auto& other : work->council().list_sessions(session->review)) {
    if (other.id != session->id && other.status == domain::SessionStatus::kOpen) {
      return Error::conflict(ErrorCode::kConflict, "session",
                             "Đợt xét này đang có phiên họp mã " + std::to_string(other.id.value) +
                                 " chưa kết thúc; kết thúc phiên đó trước.");
    }
  }
  auto items = agenda(*work, *session, *rules);
  if (!items) return std::move(items).error();
  if (items->empty()) {
    return Error::conflict(ErrorCode::kConflict, "review_id",
                           "Đợt xét \"" + review->name + "\" chưa có đề nghị nào đang chờ Hội đồng xét.");
  }
  const auto before = snapshot(*session);
  session->items = std::move(*items);
  session->status = domain::SessionStatus::kOpen;
  session->opened_at = clock_.now_iso();
  work->council().update_session(*session, true);
  work->audit({actor.name, "session", id.value, "open", before, snapshot(*session)}, clock_.now_iso());
  auto result = view(*work, actor, std::move(*session));
  if (!result) return result;
  work->commit();
  return result;
}

Result<SessionView> CouncilService::cast(const Actor& actor, SessionId id, const BallotRequest& request) {
  const bool for_other = request.person && (!actor.person || *request.person != *actor.person);
  if (for_other) {
    TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  } else {
    // A member votes with kVote; the officer who is also a member (often the secretary) votes too.
    if (!domain::allows(actor.role, domain::Permission::kManageReviews))
      TDKT_TRY(require(actor, domain::Permission::kVote));
    if (!actor.person) {
      return Error::invalid("person_id", "Tài khoản \"" + actor.name +
                                             "\" chưa gắn với cá nhân nào nên không biểu quyết được; cán bộ ghi "
                                             "phiếu cho thành viên thì chọn thành viên (person_id).");
    }
  }
  const PersonId voter = request.person.value_or(actor.person.value_or(PersonId{}));
  auto work = store_.write();
  auto session = work->council().find_session(id);
  if (!session) return session_not_found(id);
  auto review = work->nominations().find_review(session->review);
  if (!review) return Error::internal("Phiên họp không có đợt xét.");
  auto rules = rules_for(*review);
  if (!rules) return std::move(rules).error();
  TDKT_TRY(domain::accepts_ballots(*session, rules->council_quorum));
  auto* item = session->find_item(request.nomination);
  auto nomination = work->nominations().find(request.nomination);
  if (!item || !nomination) {
    return Error::invalid("nomination_id", "Đề nghị mã " + std::to_string(request.nomination.value) +
                                               " không có trong chương trình phiên họp.");
  }
  const auto* member = session->find_member(voter);
  const bool written = for_other && member && member->attendance == domain::Attendance::kAbsentWritten;
  const auto name = person_name(*work, voter);
  TDKT_TRY(domain::may_vote(*session, voter, written, subject_person(*nomination), name));
  if (for_other && !written && !session->paper_ballot) {
    // A member present votes themselves: the officer does not pre-empt them.
    return Error::conflict(ErrorCode::kConflict, "person_id",
                           name +
                               " có mặt và tự biểu quyết trên trang phiên họp. Cán bộ chỉ ghi phiếu thay thành viên "
                               "vắng mặt có phiếu biểu quyết bằng văn bản, hoặc ghi phiếu giấy khi phiên họp đã được "
                               "đăng ký là phiên bỏ phiếu giấy trước khi khai mạc.");
  }
  const auto ballots = work->council().ballots(id);
  const auto casts = work->council().casts(id);
  const bool voted =
      std::any_of(ballots.begin(), ballots.end(),
                  [&](const OpenBallot& b) { return b.nomination == request.nomination && b.person == voter; }) ||
      std::any_of(casts.begin(), casts.end(),
                  [&](const BallotCast& c) { return c.nomination == request.nomination && c.person == voter; });
  if (voted) {
    return Error::conflict(ErrorCode::kConflict, "nomination_id",
                           name + " đã biểu quyết đề nghị này; mỗi thành viên chỉ biểu quyết một lần.");
  }
  if (item->secret) {
    // Only that the member voted, and the counts. The audit record, ordered and timed, says no
    // more than "this member voted in this session": not the item, not the choice.
    work->council().insert_secret_ballot(id, {voter, request.nomination, written}, request.choice);
    work->audit({actor.name, "session", id.value, "ballot_cast", std::nullopt,
                 Snapshot{{"person_id", std::to_string(voter.value)}, {"written", written ? "1" : "0"}}},
                clock_.now_iso());
  } else {
    work->council().insert_ballot(id, {voter, request.nomination, request.choice, written});
    work->audit({actor.name, "session", id.value, "ballot", std::nullopt,
                 Snapshot{{"nomination_id", std::to_string(request.nomination.value)},
                          {"person_id", std::to_string(voter.value)},
                          {"written", written ? "1" : "0"},
                          {"choice", std::string(domain::to_string(request.choice))}}},
                clock_.now_iso());
  }
  auto stored = work->council().find_session(id);
  auto result = view(*work, actor, std::move(*stored));
  if (!result) return result;
  work->commit();
  return result;
}

namespace {

// The minutes (biên bản) of a closed session in the Decree 30 layout.
domain::RegisteredDocument minutes_document(const SessionView& view, const domain::Unit* unit,
                                            const std::vector<std::vector<std::string>>& dissent,
                                            const std::vector<std::vector<std::string>>& written) {
  const auto& session = view.session;
  domain::RegisteredDocument document;
  document.type = domain::DocumentType::kMinutes;
  document.own = true;
  auto parsed = domain::parse_document_number(std::string("1/") + kMinutesSymbol);
  document.number = *parsed;
  document.issued_on = session.held_on;
  document.issuer = view.council_name;
  document.issuer_parent = unit ? unit->name : std::string();
  document.place = unit && !unit->place.empty() ? unit->place : session.place;
  document.summary = "Họp Hội đồng Thi đua - Khen thưởng: " + view.review.name;

  const domain::SessionMember* chair = nullptr;
  const domain::SessionMember* secretary = nullptr;
  std::string chair_name;
  std::string secretary_name;
  for (std::size_t i = 0; i < session.members.size(); ++i) {
    const auto& member = session.members[i];
    if (member.attendance != domain::Attendance::kPresent) continue;
    if (!chair && (member.role == domain::CouncilRole::kChair || member.role == domain::CouncilRole::kDeputy)) {
      chair = &member;
      chair_name = view.member_names[i];
    }
    if (member.role == domain::CouncilRole::kSecretary) {
      secretary = &member;
      secretary_name = view.member_names[i];
    }
  }
  if (chair) {
    document.signer_name = chair_name;
    if (chair->role == domain::CouncilRole::kChair) {
      document.signer_authority = "CHỦ TỊCH HỘI ĐỒNG";
    } else {
      document.signer_authority = "KT. CHỦ TỊCH HỘI ĐỒNG";
      document.signer_position = "PHÓ CHỦ TỊCH";
    }
  }
  document.recipients = {"Thủ trưởng cơ quan", "Thành viên Hội đồng", "Lưu: VT, hồ sơ thi đua, khen thưởng"};

  auto& body = document.body;
  auto paragraph = [&body](std::string text) { body.push_back({"paragraph", std::move(text)}); };
  auto bullet = [&body](std::string text) { body.push_back({"bullet", std::move(text)}); };
  std::string time = "Vào " + session.held_on.vn_long();
  if (auto at = clock_time_on(session.opened_at, session.held_on))
    time = "Vào hồi " + *at + ", " + session.held_on.vn_long();
  paragraph(time + ", tại " + session.place + ", " + view.council_name + " họp xét " + view.review.name + ".");
  body.push_back({"heading2", "I. THÀNH PHẦN THAM DỰ"});
  paragraph("Chủ trì: " +
            (chair ? chair_name + " – " + std::string(domain::vietnamese_label(chair->role)) + " Hội đồng"
                   : std::string("(không có Chủ tịch, Phó Chủ tịch có mặt)")) +
            ".");
  paragraph("Thư ký: " + (secretary ? secretary_name : std::string("(Thư ký vắng mặt)")) + ".");
  int present = 0;
  int absent_written = 0;
  int absent = 0;
  for (std::size_t i = 0; i < session.members.size(); ++i) {
    const auto& member = session.members[i];
    if (member.attendance == domain::Attendance::kPresent) ++present;
    if (member.attendance == domain::Attendance::kAbsentWritten) ++absent_written;
    if (member.attendance == domain::Attendance::kAbsent) ++absent;
    bullet(view.member_names[i] + (member.position.empty() ? "" : ", " + member.position) + " – " +
           std::string(domain::vietnamese_label(member.role)) + ": " +
           std::string(domain::vietnamese_label(member.attendance)) + ".");
  }
  paragraph("Tổng số thành viên Hội đồng: " + std::to_string(session.member_count()) + "; có mặt " +
            std::to_string(present) + "; vắng mặt có phiếu biểu quyết bằng văn bản " + std::to_string(absent_written) +
            "; vắng mặt " + std::to_string(absent) + ".");
  paragraph(view.quorum_text + " Phiên họp đủ điều kiện tiến hành.");
  body.push_back({"heading2", "II. NỘI DUNG VÀ KẾT QUẢ BIỂU QUYẾT"});
  paragraph("Hội đồng xem xét " + std::to_string(session.items.size()) + " đề nghị khen thưởng của " +
            view.review.name + " (bộ tiêu chuẩn " + view.rule_set +
            "); tỷ lệ tán thành tính trên tổng số thành viên "
            "Hội đồng, kể cả phiếu bằng văn bản của thành viên vắng mặt.");
  std::vector<std::string> passed_list;
  for (std::size_t i = 0; i < view.items.size(); ++i) {
    const auto& item_view = view.items[i];
    const auto& item = item_view.item;
    const std::string title = item_view.subject_name + " – " + item_view.honour_name;
    body.push_back({"heading3", std::to_string(i + 1) + ". " + title});
    bullet(std::string("Hình thức biểu quyết: ") + (item.secret ? "bỏ phiếu kín." : "biểu quyết công khai."));
    bullet("Tỷ lệ cần đạt: " + item.threshold_text + "; tối thiểu " + std::to_string(item_view.required) + "/" +
           std::to_string(item.members) + " thành viên tán thành.");
    const int not_voted = std::max(0, item.members - item.approvals - item.rejections - item.abstentions);
    bullet("Tán thành: " + domain::share_of_members(item.approvals, item.members) + "; không tán thành: " +
           std::to_string(item.rejections) + "; không biểu quyết: " + std::to_string(item.abstentions) +
           "; không bỏ phiếu: " + std::to_string(not_voted) + ".");
    if (!written[i].empty()) {
      bullet("Phiếu biểu quyết bằng văn bản của thành viên vắng mặt: " + names_list(written[i]) + ".");
    }
    if (!item.secret) {
      bullet("Ý kiến khác: " + (dissent[i].empty() ? std::string("không có") : names_list(dissent[i])) + ".");
    }
    const bool passed = item.passed.value_or(false);
    bullet(std::string("Kết quả: ") + (passed ? "ĐẠT" : "KHÔNG ĐẠT") + " tỷ lệ đề nghị khen thưởng.");
    if (passed) passed_list.push_back(title);
  }
  body.push_back({"heading2", "III. KẾT LUẬN"});
  if (passed_list.empty()) {
    paragraph("Không có đề nghị nào đạt tỷ lệ biểu quyết.");
  } else {
    paragraph("Hội đồng thống nhất đề nghị Thủ trưởng cơ quan khen thưởng hoặc trình cấp trên khen thưởng " +
              std::to_string(passed_list.size()) + " trường hợp:");
    for (const auto& title : passed_list)
      bullet(title + ".");
  }
  std::string end = "Phiên họp kết thúc";
  if (auto at = clock_time_on(session.closed_at, session.held_on)) end += " vào hồi " + *at + " cùng ngày";
  paragraph(end + ". Biên bản đã được thông qua trước các thành viên dự họp." +
            (secretary ? " Thư ký: " + secretary_name + "." : std::string()));
  return document;
}

}  // namespace

Result<SessionView> CouncilService::close(const Actor& actor, SessionId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  // Before the status is read: of two closes at once, the second sees the session closed
  // instead of registering a second minutes.
  work->lock_numbering();
  auto session = work->council().find_session(id);
  if (!session) return session_not_found(id);
  if (session->status == domain::SessionStatus::kClosed) {
    return Error::conflict(ErrorCode::kConflict, "session",
                           "Phiên họp đã kết thúc lúc " + vn_instant(session->closed_at) + ".");
  }
  if (session->status != domain::SessionStatus::kOpen) {
    return Error::conflict(ErrorCode::kConflict, "session", "Phiên họp chưa khai mạc.");
  }
  auto review = work->nominations().find_review(session->review);
  if (!review) return Error::internal("Phiên họp không có đợt xét.");
  auto rules = rules_for(*review);
  if (!rules) return std::move(rules).error();
  const auto before = snapshot(*session);
  const auto ballots = work->council().ballots(id);
  const auto casts = work->council().casts(id);
  std::vector<std::vector<std::string>> dissent(session->items.size());
  std::vector<std::vector<std::string>> written(session->items.size());
  for (std::size_t i = 0; i < session->items.size(); ++i) {
    auto& item = session->items[i];
    auto nomination = work->nominations().find(item.nomination);
    if (!nomination) return Error::internal("Phiên họp có đề nghị không còn trong hệ thống.");
    const auto* honour = rules->find(nomination->honour);
    if (!honour) {
      return Error::invalid("review_id",
                            "Danh hiệu \"" + nomination->honour + "\" không có trong bộ tiêu chuẩn " + rules->id + ".");
    }
    domain::Tally result;
    if (item.secret) {
      result = domain::tally(item.approvals, item.rejections, item.abstentions, item.members, honour->council_vote);
      for (const auto& cast : casts) {
        if (cast.nomination == item.nomination && cast.written) written[i].push_back(person_name(*work, cast.person));
      }
    } else {
      std::vector<domain::Choice> choices;
      for (const auto& ballot : ballots) {
        if (ballot.nomination != item.nomination) continue;
        choices.push_back(ballot.choice);
        const auto name = person_name(*work, ballot.person);
        if (ballot.written)
          written[i].push_back(name + " (" + std::string(domain::vietnamese_label(ballot.choice)) + ")");
        if (ballot.choice != domain::Choice::kApprove) {
          dissent[i].push_back(name + " – " + std::string(domain::vietnamese_label(ballot.choice)));
        }
      }
      result = domain::tally(choices, item.members, honour->council_vote);
    }
    item.approvals = result.approvals;
    item.rejections = result.rejections;
    item.abstentions = result.abstentions;
    item.threshold_text = domain::threshold_text(honour->council_vote);
    item.passed = result.passed;
    if (nomination->status == domain::NominationStatus::kInReview) {
      work->nominations().set_status(
          item.nomination, result.passed ? domain::NominationStatus::kApproved : domain::NominationStatus::kRejected);
      work->audit({actor.name, "nomination", item.nomination.value, "council_result",
                   Snapshot{{"status", std::string(domain::to_string(nomination->status))}},
                   Snapshot{{"status", result.passed ? "approved" : "rejected"},
                            {"session_id", std::to_string(id.value)},
                            {"approvals", std::to_string(result.approvals)},
                            {"members", std::to_string(result.members)}}},
                  clock_.now_iso());
    }
  }
  session->status = domain::SessionStatus::kClosed;
  session->closed_at = clock_.now_iso();
  auto closed_view = view(*work, actor, *session);
  if (!closed_view) return closed_view;
  auto unit = work->organisation().find_unit(review->unit);
  DocumentRegistration registration;
  registration.document = minutes_document(*closed_view, unit ? &*unit : nullptr, dissent, written);
  registration.assign_number = true;
  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (!registered) return std::move(registered).error();
  session->minutes_document = registered->id;
  work->council().update_session(*session, true);
  work->audit({actor.name, "session", id.value, "close", before, snapshot(*session)}, clock_.now_iso());
  auto result = view(*work, actor, std::move(*session));
  if (!result) return result;
  work->commit();
  return result;
}

}  // namespace tdkt::app
