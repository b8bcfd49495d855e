#include "domain/council/council.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

template <typename Enum>
struct Info {
  Enum value;
  std::string_view code;
  std::string_view label;
};

constexpr std::array<Info<CouncilRole>, 4> kRoles{{
    {CouncilRole::kChair, "chair", "Chủ tịch"},
    {CouncilRole::kDeputy, "deputy", "Phó Chủ tịch"},
    {CouncilRole::kMember, "member", "Ủy viên"},
    {CouncilRole::kSecretary, "secretary", "Ủy viên, Thư ký"},
}};

constexpr std::array<Info<Attendance>, 3> kAttendances{{
    {Attendance::kPresent, "present", "Có mặt"},
    {Attendance::kAbsentWritten, "absent_written", "Vắng, có phiếu bằng văn bản"},
    {Attendance::kAbsent, "absent", "Vắng"},
}};

constexpr std::array<Info<SessionStatus>, 3> kStatuses{{
    {SessionStatus::kPlanned, "planned", "Chưa khai mạc"},
    {SessionStatus::kOpen, "open", "Đang họp"},
    {SessionStatus::kClosed, "closed", "Đã kết thúc"},
}};

constexpr std::array<Info<Choice>, 3> kChoices{{
    {Choice::kApprove, "approve", "Tán thành"},
    {Choice::kReject, "reject", "Không tán thành"},
    {Choice::kAbstain, "abstain", "Không biểu quyết"},
}};

template <typename Enum, std::size_t N>
const Info<Enum>& info(const std::array<Info<Enum>, N>& table, Enum value) {
  return table.at(static_cast<std::size_t>(value));
}

template <typename Enum, std::size_t N>
std::optional<Enum> from_code(const std::array<Info<Enum>, N>& table, std::string_view code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(CouncilRole role) {
  return info(kRoles, role).code;
}
std::optional<CouncilRole> council_role_from_string(std::string_view code) {
  return from_code(kRoles, code);
}
std::string_view vietnamese_label(CouncilRole role) {
  return info(kRoles, role).label;
}
std::string_view to_string(Attendance attendance) {
  return info(kAttendances, attendance).code;
}
std::optional<Attendance> attendance_from_string(std::string_view code) {
  return from_code(kAttendances, code);
}
std::string_view vietnamese_label(Attendance attendance) {
  return info(kAttendances, attendance).label;
}
std::string_view to_string(SessionStatus status) {
  return info(kStatuses, status).code;
}
std::optional<SessionStatus> session_status_from_string(std::string_view code) {
  return from_code(kStatuses, code);
}
std::string_view vietnamese_label(SessionStatus status) {
  return info(kStatuses, status).label;
}
std::string_view to_string(Choice choice) {
  return info(kChoices, choice).code;
}
std::optional<Choice> choice_from_string(std::string_view code) {
  return from_code(kChoices, code);
}
std::string_view vietnamese_label(Choice choice) {
  return info(kChoices, choice).label;
}

const CouncilMember* Council::find_member(PersonId person) const {
  for (const auto& member : members) {
    if (member.person == person) return &member;
  }
  return nullptr;
}

Result<Council> check_council(Council council) {
  TDKT_TRY(check_text_field(council.name, "name", 300, true, "Tên Hội đồng"));
  if (council.unit.value <= 0) return Error::invalid("unit_id", "Chưa chọn cơ quan của Hội đồng.");
  if (council.term_to < council.term_from) {
    return Error::invalid(
        "term_to", "Nhiệm kỳ kết thúc " + council.term_to.vn() + " trước ngày bắt đầu " + council.term_from.vn() + ".");
  }
  if (council.members.size() > 100) return Error::invalid("members", "Hội đồng nhiều quá 100 thành viên.");
  int chairs = 0;
  int secretaries = 0;
  for (std::size_t i = 0; i < council.members.size(); ++i) {
    auto& member = council.members[i];
    const std::string field = "members[" + std::to_string(i) + "]";
    if (member.person.value <= 0) return Error::invalid(field + ".person_id", "Chưa chọn thành viên.");
    TDKT_TRY(check_text_field(member.position, (field + ".position").c_str(), 300, false, "Chức vụ"));
    for (std::size_t j = 0; j < i; ++j) {
      if (council.members[j].person == member.person) {
        return Error::invalid(field + ".person_id", "Một người được chọn hai lần trong Hội đồng.");
      }
    }
    if (member.role == CouncilRole::kChair && ++chairs > 1) {
      return Error::invalid(field + ".role", "Hội đồng chỉ có một Chủ tịch.");
    }
    if (member.role == CouncilRole::kSecretary && ++secretaries > 1) {
      return Error::invalid(field + ".role", "Hội đồng chỉ có một Thư ký.");
    }
  }
  std::stable_sort(council.members.begin(), council.members.end(),
                   [](const CouncilMember& a, const CouncilMember& b) { return a.role < b.role; });
  return council;
}

const SessionMember* Session::find_member(PersonId person) const {
  for (const auto& member : members) {
    if (member.person == person) return &member;
  }
  return nullptr;
}

SessionItem* Session::find_item(NominationId nomination) {
  for (auto& item : items) {
    if (item.nomination == nomination) return &item;
  }
  return nullptr;
}

const SessionItem* Session::find_item(NominationId nomination) const {
  for (const auto& item : items) {
    if (item.nomination == nomination) return &item;
  }
  return nullptr;
}

int Session::present_count() const {
  return static_cast<int>(std::count_if(members.begin(), members.end(), [](const SessionMember& member) {
    return member.attendance == Attendance::kPresent;
  }));
}

Status check_session_details(Session& session) {
  TDKT_TRY(check_text_field(session.place, "place", 300, true, "Địa điểm họp"));
  if (session.held_on.year() < 2000) return Error::invalid("held_on", "Ngày họp không hợp lệ.");
  return {};
}

bool quorum_met(const Session& session, const rules::Quorum& quorum) {
  return quorum.met(session.present_count(), session.member_count());
}

std::string quorum_text(const Session& session, const rules::Quorum& quorum) {
  const int members = session.member_count();
  return "Có mặt " + std::to_string(session.present_count()) + "/" + std::to_string(members) + " thành viên; cần " +
         quorum.describe() + " (" + std::to_string(quorum.required(members)) + "/" + std::to_string(members) + ")" +
         (quorum.citation.empty() ? "" : ", theo " + quorum.citation) + ".";
}

Status accepts_ballots(const Session& session, const rules::Quorum& quorum) {
  if (session.status == SessionStatus::kClosed) {
    return Error::conflict(ErrorCode::kConflict, "session",
                           "Phiên họp đã kết thúc" +
                               (session.closed_at.empty() ? std::string() : " lúc " + vn_instant(session.closed_at)) +
                               "; không nhận thêm phiếu biểu quyết.");
  }
  if (session.member_count() == 0 || !quorum_met(session, quorum)) {
    return Error::conflict(ErrorCode::kConflict, "session",
                           "Phiên họp không đủ số thành viên có mặt để biểu quyết. " + quorum_text(session, quorum));
  }
  if (session.status != SessionStatus::kOpen) {
    return Error::conflict(ErrorCode::kConflict, "session",
                           "Phiên họp chưa khai mạc; chỉ biểu quyết sau khi Chủ tịch Hội đồng khai mạc phiên họp.");
  }
  return {};
}

Status may_vote(const Session& session, PersonId person, bool written, const std::optional<PersonId>& subject_person,
                std::string_view person_name) {
  const auto* member = session.find_member(person);
  if (!member) {
    return Error{ErrorCode::kForbidden,
                 std::string(person_name) + " không phải thành viên Hội đồng của phiên họp này nên không biểu quyết.",
                 "person_id"};
  }
  if (written && member->attendance != Attendance::kAbsentWritten) {
    return Error::invalid("person_id", std::string(person_name) +
                                           (member->attendance == Attendance::kPresent
                                                ? " có mặt tại phiên họp: tự biểu quyết, không ghi phiếu bằng văn bản."
                                                : " vắng mặt không có phiếu bằng văn bản (theo điểm danh)."));
  }
  if (!written && member->attendance != Attendance::kPresent) {
    return Error::invalid("person_id", std::string(person_name) +
                                           " vắng mặt tại phiên họp (theo điểm danh); thành viên vắng mặt chỉ "
                                           "biểu quyết bằng văn bản, do Thư ký ghi nhận.");
  }
  if (subject_person && *subject_person == person) {
    return Error::conflict(ErrorCode::kConflict, "nomination_id",
                           std::string(person_name) +
                               " là người được đề nghị khen thưởng; thành viên Hội đồng "
                               "không biểu quyết đề nghị khen thưởng cho chính mình.");
  }
  return {};
}

Tally tally(int approvals, int rejections, int abstentions, int members, const rules::VoteThreshold& threshold) {
  Tally result;
  result.approvals = approvals;
  result.rejections = rejections;
  result.abstentions = abstentions;
  result.members = members;
  result.not_voted = std::max(0, members - approvals - rejections - abstentions);
  result.required = threshold.required(members);
  result.passed = threshold.met(approvals, members);
  return result;
}

Tally tally(const std::vector<Choice>& choices, int members, const rules::VoteThreshold& threshold) {
  std::array<int, 3> counts{};
  for (const auto choice : choices)
    ++counts.at(static_cast<std::size_t>(choice));
  return tally(counts[0], counts[1], counts[2], members, threshold);
}

std::string threshold_text(const rules::VoteThreshold& threshold) {
  std::string text = threshold.describe();
  text += threshold.secret ? ", bỏ phiếu kín" : ", biểu quyết công khai";
  if (!threshold.citation.empty()) text += " (" + threshold.citation + ")";
  return text;
}

std::string share_of_members(int count, int members) {
  if (members <= 0) return std::to_string(count) + "/0";
  return std::to_string(count) + "/" + std::to_string(members) + " (" +
         text::format_decimal(100.0 * count / members, 2) + "%)";
}

}  // namespace tdkt::domain
