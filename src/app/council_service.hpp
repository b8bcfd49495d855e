#pragma once
// Use cases of the emulation and commendation council (Hội đồng Thi đua - Khen thưởng): the
// officer keeps the council and its members; sets up a session for a review (its agenda: the
// review's nominations under review), takes attendance and opens it when the quorum of the rule
// set in force on the review's decision date is present; members vote on each nomination (secret
// or open as the honour's rule says; the officer records paper ballots and the written votes of
// absent members); closing tallies each item against its threshold, sets each nomination
// approved or rejected and registers the minutes (biên bản) as a numbered document, all in one
// transaction. Every write is one transaction with its audit record; a secret ballot's audit
// record says only that a member voted in the session, never on what or how.

#include <optional>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::app {

struct CouncilView {
  domain::Council council;
  std::string unit_name;
  std::vector<std::string> member_names;  // parallel to council.members
};

struct VoterView {
  PersonId person;
  std::string name;
  bool written = false;
  std::optional<domain::Choice> choice;  // open items only
};

struct SessionItemView {
  // For an open item the counts are those of its ballots so far; for a sealed item, zero.
  domain::SessionItem item;
  domain::Nomination nomination;
  std::string subject_name;
  std::string honour_name;
  int required = 0;  // the fewest approvals that pass
  int voted = 0;     // how many members have voted on it
  // A secret item of a session not yet closed: its counts and who voted are withheld from every
  // reader; only `voted` is shown.
  bool sealed = false;
  std::vector<VoterView> voters;  // empty while sealed
  bool actor_voted = false;
  bool actor_may_vote = false;  // the signed-in member may vote on it now
  std::string actor_refusal;    // why not, when the actor is a member
};

struct SessionView {
  domain::Session session;
  std::string council_name;
  domain::Review review;
  std::vector<std::string> member_names;  // parallel to session.members
  std::string rule_set;                   // the id of the rule set in force on the decision date
  domain::rules::Quorum quorum;
  int quorum_required = 0;
  bool quorum_met = false;
  std::string quorum_text;
  std::vector<SessionItemView> items;
  std::optional<PersonId> actor_member;  // the actor's person when a member of this session
  std::optional<domain::RegisteredDocument> minutes;
};

struct SessionRequest {
  CouncilId council;
  ReviewId review;
  CivilDate held_on;
  std::string place;
  bool paper_ballot = false;  // members vote on paper; the officer records each ballot
};

struct AttendanceChange {
  PersonId person;
  domain::Attendance attendance = domain::Attendance::kPresent;
};

struct BallotRequest {
  NominationId nomination;
  domain::Choice choice = domain::Choice::kApprove;
  // The member the officer records a ballot for: the written vote of a member absent with one,
  // or, in a session declared a paper-ballot session, a paper ballot of a member present.
  // Empty: the signed-in member votes.
  std::optional<PersonId> person;
};

class CouncilService {
 public:
  CouncilService(Store& store, const Clock& clock, const domain::rules::RuleLibrary* library, std::string province)
      : store_(store), clock_(clock), library_(library), province_(std::move(province)) {}

  Result<std::vector<CouncilView>> list(const Actor& actor);
  Result<CouncilView> council(const Actor& actor, CouncilId id);
  Result<CouncilView> create(const Actor& actor, domain::Council council);
  // Replaces the name, term, document and members. Sessions already set up keep their members.
  Result<CouncilView> update(const Actor& actor, domain::Council council);

  // Newest first; of one review when given. A unit head or staff member who is not a member of
  // the session sees only the items of nominations proposed by a unit of their scope.
  Result<std::vector<SessionView>> sessions(const Actor& actor, std::optional<ReviewId> review);
  Result<SessionView> session(const Actor& actor, SessionId id);
  // Declares (or undeclares) a paper-ballot session; before it opens only; audited.
  Result<SessionView> set_paper_ballot(const Actor& actor, SessionId id, bool paper_ballot);
  // Every member of the council is listed as present; the agenda is the review's nominations
  // under review.
  Result<SessionView> create_session(const Actor& actor, const SessionRequest& request);
  // Before the session opens only.
  Result<SessionView> set_attendance(const Actor& actor, SessionId id, const std::vector<AttendanceChange>& changes);
  Result<SessionView> open(const Actor& actor, SessionId id);
  // A member's own ballot (kVote), or one the officer records (kManageReviews) for a member
  // absent with a written vote or in a paper-ballot session; kConflict for a member present in
  // any other session. A secret ballot adds its choice to the item's counts and records only
  // that the member voted; its audit record names the member and the session, nothing more.
  Result<SessionView> cast(const Actor& actor, SessionId id, const BallotRequest& request);
  // Tallies, sets each nomination approved or rejected, registers the minutes.
  Result<SessionView> close(const Actor& actor, SessionId id);

 private:
  Result<domain::rules::RuleSet> rules_for(const domain::Review& review) const;
  Result<SessionView> view(UnitOfWork& work, const Actor& actor, domain::Session session);
  // Drops the items a scoped reader may not see (see sessions()).
  void keep_visible(UnitOfWork& work, const Actor& actor, SessionView& view) const;
  Result<std::vector<domain::SessionItem>> agenda(UnitOfWork& work, const domain::Session& session,
                                                  const domain::rules::RuleSet& rules) const;

  Store& store_;
  const Clock& clock_;
  const domain::rules::RuleLibrary* library_;
  std::string province_;
};

}  // namespace tdkt::app
