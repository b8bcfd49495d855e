#pragma once
// The emulation and commendation council (Hội đồng Thi đua - Khen thưởng): its members with roles
// over a term, its sessions (phiên họp) with attendance, an agenda of nominations, ballots and
// the tally against each honour's threshold. A threshold and the quorum are shares of ALL the
// members of the council (Decree 98 Điều 30 khoản 7): written votes of absent members count
// toward the approvals, never toward the quorum. Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::domain {

enum class CouncilRole { kChair, kDeputy, kMember, kSecretary };
std::string_view to_string(CouncilRole role);  // "chair", "deputy", "member", "secretary"
std::optional<CouncilRole> council_role_from_string(std::string_view code);
std::string_view vietnamese_label(CouncilRole role);  // "Chủ tịch", "Phó Chủ tịch", "Ủy viên", "Ủy viên, Thư ký"

struct CouncilMember {
  PersonId person;
  CouncilRole role = CouncilRole::kMember;
  std::string position;  // the member's office in the agency: "Trưởng phòng Tổng hợp"
};

struct Council {
  CouncilId id;
  UnitId unit;       // the agency whose council it is
  std::string name;  // "Hội đồng Thi đua - Khen thưởng Ban Dân tộc tỉnh"
  CivilDate term_from;
  CivilDate term_to;
  std::optional<DocumentId> establishing_document;  // the decision establishing it
  std::vector<CouncilMember> members;               // chair first, then deputies, members, secretary

  const CouncilMember* find_member(PersonId person) const;
};

// Normalises and checks a council: name, a term that ends after it starts, each person once,
// at most one chair and one secretary. Sorts the members by role, keeping their order within one.
Result<Council> check_council(Council council);

enum class Attendance { kPresent, kAbsentWritten, kAbsent };
std::string_view to_string(Attendance attendance);  // "present", "absent_written", "absent"
std::optional<Attendance> attendance_from_string(std::string_view code);
std::string_view vietnamese_label(Attendance attendance);  // "Có mặt", "Vắng, có phiếu bằng văn bản", "Vắng"

enum class SessionStatus { kPlanned, kOpen, kClosed };
std::string_view to_string(SessionStatus status);  // "planned", "open", "closed"
std::optional<SessionStatus> session_status_from_string(std::string_view code);
std::string_view vietnamese_label(SessionStatus status);  // "Chưa khai mạc", "Đang họp", "Đã kết thúc"

enum class Choice { kApprove, kReject, kAbstain };
std::string_view to_string(Choice choice);  // "approve", "reject", "abstain"
std::optional<Choice> choice_from_string(std::string_view code);
std::string_view vietnamese_label(Choice choice);  // "Tán thành", "Không tán thành", "Không biểu quyết"

// A member of the council as the session counts them: the members when the session was set up.
struct SessionMember {
  PersonId person;
  CouncilRole role = CouncilRole::kMember;
  std::string position;
  Attendance attendance = Attendance::kPresent;
};

// One nomination on the agenda, with its threshold and the tally. For a secret item the counts
// are the only record of the choices.
struct SessionItem {
  NominationId nomination;
  int position = 0;
  bool secret = false;
  int approvals = 0;
  int rejections = 0;
  int abstentions = 0;
  int members = 0;             // all members of the council: the base of the threshold
  std::string threshold_text;  // "từ 80% tổng số thành viên Hội đồng trở lên (Nghị định …)"
  std::optional<bool> passed;  // set when the session closes
};

struct Session {
  SessionId id;
  CouncilId council;
  ReviewId review;
  CivilDate held_on;
  std::string place;
  SessionStatus status = SessionStatus::kPlanned;
  std::string opened_at;  // ISO timestamps, empty until then
  std::string closed_at;
  std::optional<DocumentId> minutes_document;
  // Declared by the officer before opening: members vote on paper and the officer records each
  // ballot. Otherwise the officer records only the written votes of absent members.
  bool paper_ballot = false;
  std::vector<SessionMember> members;
  std::vector<SessionItem> items;

  const SessionMember* find_member(PersonId person) const;
  SessionItem* find_item(NominationId nomination);
  const SessionItem* find_item(NominationId nomination) const;
  int member_count() const { return static_cast<int>(members.size()); }
  int present_count() const;
};

// Normalises the place and checks the date and place of a session.
Status check_session_details(Session& session);

// Whether the members present reach the quorum. Written votes do not count toward it.
bool quorum_met(const Session& session, const rules::Quorum& quorum);
// "Có mặt 7/9 thành viên; cần ít nhất 2/3 tổng số thành viên Hội đồng có mặt (6/9)."
std::string quorum_text(const Session& session, const rules::Quorum& quorum);

// Why the session does not accept a ballot now, if so: closed, without quorum, not opened.
Status accepts_ballots(const Session& session, const rules::Quorum& quorum);

// Whether `person` may vote in the session, in person (`written` false) or by a written ballot
// recorded for an absent member (`written` true); and not on their own nomination.
Status may_vote(const Session& session, PersonId person, bool written, const std::optional<PersonId>& subject_person,
                std::string_view person_name);

// The tally of one item against its threshold, over ALL members.
struct Tally {
  int approvals = 0;
  int rejections = 0;
  int abstentions = 0;
  int not_voted = 0;  // members who cast no ballot
  int members = 0;
  int required = 0;  // the fewest approvals that pass
  bool passed = false;
};
Tally tally(int approvals, int rejections, int abstentions, int members, const rules::VoteThreshold& threshold);
Tally tally(const std::vector<Choice>& choices, int members, const rules::VoteThreshold& threshold);

// The threshold as the agenda and the minutes write it, with its citation.
std::string threshold_text(const rules::VoteThreshold& threshold);

// "8/9 (88,89%)"
std::string share_of_members(int count, int members);

}  // namespace tdkt::domain
