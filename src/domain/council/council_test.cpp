#include "domain/council/council.hpp"

#include <gtest/gtest.h>

namespace tdkt::domain {
namespace {

rules::VoteThreshold at_least(int numerator, int denominator) {
  rules::VoteThreshold threshold;
  threshold.numerator = numerator;
  threshold.denominator = denominator;
  threshold.strict = false;
  return threshold;
}

rules::VoteThreshold majority() {
  return rules::VoteThreshold{};  // more than 1/2
}

std::vector<Choice> ballots(int approve, int reject, int abstain) {
  std::vector<Choice> choices(static_cast<std::size_t>(approve), Choice::kApprove);
  choices.insert(choices.end(), static_cast<std::size_t>(reject), Choice::kReject);
  choices.insert(choices.end(), static_cast<std::size_t>(abstain), Choice::kAbstain);
  return choices;
}

Session session_of(int present, int written, int absent) {
  Session session;
  std::int64_t next = 1;
  auto add = [&](int count, Attendance attendance) {
    for (int i = 0; i < count; ++i)
      session.members.push_back({PersonId{next++}, CouncilRole::kMember, "", attendance});
  };
  add(present, Attendance::kPresent);
  add(written, Attendance::kAbsentWritten);
  add(absent, Attendance::kAbsent);
  return session;
}

TEST(CouncilTally, EightyPercentOfNineNeedsEight) {
  const auto threshold = at_least(4, 5);
  EXPECT_TRUE(tally(ballots(8, 1, 0), 9, threshold).passed);
  EXPECT_FALSE(tally(ballots(7, 2, 0), 9, threshold).passed);
  EXPECT_EQ(tally(ballots(7, 2, 0), 9, threshold).required, 8);
  // 80 % of 10 is exactly 8: "at least" reaches it.
  EXPECT_TRUE(tally(ballots(8, 2, 0), 10, threshold).passed);
  EXPECT_FALSE(tally(ballots(7, 3, 0), 10, threshold).passed);
}

TEST(CouncilTally, NinetyPercentOfNineNeedsAllNine) {
  const auto threshold = at_least(9, 10);
  EXPECT_FALSE(tally(ballots(8, 1, 0), 9, threshold).passed);  // 88,9 %
  EXPECT_TRUE(tally(ballots(9, 0, 0), 9, threshold).passed);
  EXPECT_EQ(tally(ballots(9, 0, 0), 9, threshold).required, 9);
  // 90 % of 10 is exactly 9.
  EXPECT_TRUE(tally(ballots(9, 1, 0), 10, threshold).passed);
}

TEST(CouncilTally, MajorityIsMoreThanHalfOfAllMembers) {
  EXPECT_TRUE(tally(ballots(5, 4, 0), 9, majority()).passed);
  EXPECT_FALSE(tally(ballots(4, 5, 0), 9, majority()).passed);
  // Half of 10 is not more than half.
  EXPECT_FALSE(tally(ballots(5, 5, 0), 10, majority()).passed);
  EXPECT_TRUE(tally(ballots(6, 4, 0), 10, majority()).passed);
}

TEST(CouncilTally, CountsAreOfAllMembersNotOfThoseWhoVoted) {
  // 5 approvals among 5 ballots is 100 % of the ballots but 5/9 of the council: below 80 %.
  const auto result = tally(ballots(5, 0, 0), 9, at_least(4, 5));
  EXPECT_FALSE(result.passed);
  EXPECT_EQ(result.not_voted, 4);
  // Abstentions are not approvals.
  const auto abstained = tally(ballots(4, 0, 5), 9, majority());
  EXPECT_FALSE(abstained.passed);
  EXPECT_EQ(abstained.abstentions, 5);
}

TEST(CouncilTally, WrittenVotesOfAbsentMembersCountTowardApprovals) {
  // 7 present approve and the 2 absent send written approvals: 9/9.
  auto session = session_of(7, 2, 0);
  std::vector<Choice> choices = ballots(7, 0, 0);
  EXPECT_FALSE(tally(choices, session.member_count(), at_least(9, 10)).passed);
  choices.push_back(Choice::kApprove);
  choices.push_back(Choice::kApprove);
  EXPECT_TRUE(tally(choices, session.member_count(), at_least(9, 10)).passed);
}

TEST(CouncilQuorum, PresentMembersOnlyAndWrittenVotesDoNotCount) {
  rules::Quorum quorum;  // at least 2/3
  EXPECT_TRUE(quorum_met(session_of(6, 0, 3), quorum));
  EXPECT_FALSE(quorum_met(session_of(5, 1, 3), quorum));  // the written vote does not make 6
  EXPECT_FALSE(quorum_met(session_of(5, 4, 0), quorum));
  EXPECT_NE(quorum_text(session_of(5, 4, 0), quorum).find("Có mặt 5/9"), std::string::npos);
}

TEST(CouncilSession, BallotsOnlyWhileOpenWithQuorum) {
  rules::Quorum quorum;
  auto session = session_of(8, 1, 0);
  auto planned = accepts_ballots(session, quorum);
  ASSERT_FALSE(planned);
  EXPECT_NE(planned.error().message.find("chưa khai mạc"), std::string::npos);
  session.status = SessionStatus::kOpen;
  EXPECT_TRUE(accepts_ballots(session, quorum));
  session.status = SessionStatus::kClosed;
  auto closed = accepts_ballots(session, quorum);
  ASSERT_FALSE(closed);
  EXPECT_NE(closed.error().message.find("đã kết thúc"), std::string::npos);
  auto without = session_of(3, 3, 3);
  without.status = SessionStatus::kOpen;
  auto no_quorum = accepts_ballots(without, quorum);
  ASSERT_FALSE(no_quorum);
  EXPECT_NE(no_quorum.error().message.find("không đủ"), std::string::npos);
}

TEST(CouncilSession, WhoMayVote) {
  auto session = session_of(2, 1, 1);  // persons 1, 2 present; 3 written; 4 absent
  EXPECT_TRUE(may_vote(session, PersonId{1}, false, PersonId{99}, "A"));
  EXPECT_EQ(may_vote(session, PersonId{1}, false, PersonId{1}, "A").error().code, ErrorCode::kConflict);
  EXPECT_EQ(may_vote(session, PersonId{50}, false, std::nullopt, "X").error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(may_vote(session, PersonId{3}, true, std::nullopt, "C"));
  EXPECT_FALSE(may_vote(session, PersonId{3}, false, std::nullopt, "C"));
  EXPECT_FALSE(may_vote(session, PersonId{1}, true, std::nullopt, "A"));
  EXPECT_FALSE(may_vote(session, PersonId{4}, true, std::nullopt, "D"));
  EXPECT_FALSE(may_vote(session, PersonId{4}, false, std::nullopt, "D"));
}

TEST(Council, ChecksMembersAndSortsByRole) {
  Council council;
  council.unit = UnitId{1};
  council.name = "  Hội đồng   Thi đua - Khen thưởng ";
  council.term_from = *CivilDate::from_ymd(2021, 1, 1);
  council.term_to = *CivilDate::from_ymd(2025, 12, 31);
  council.members = {{PersonId{3}, CouncilRole::kSecretary, ""},
                     {PersonId{2}, CouncilRole::kMember, ""},
                     {PersonId{1}, CouncilRole::kChair, "Trưởng ban"}};
  auto checked = check_council(council);
  ASSERT_TRUE(checked) << checked.error().message;
  EXPECT_EQ(checked->name, "Hội đồng Thi đua - Khen thưởng");
  EXPECT_EQ(checked->members.front().role, CouncilRole::kChair);
  EXPECT_EQ(checked->members.back().role, CouncilRole::kSecretary);

  auto twice = council;
  twice.members.push_back({PersonId{2}, CouncilRole::kDeputy, ""});
  EXPECT_EQ(check_council(twice).error().field, "members[3].person_id");
  auto two_chairs = council;
  two_chairs.members.push_back({PersonId{4}, CouncilRole::kChair, ""});
  EXPECT_EQ(check_council(two_chairs).error().field, "members[3].role");
  auto backwards = council;
  backwards.term_to = *CivilDate::from_ymd(2020, 1, 1);
  EXPECT_EQ(check_council(backwards).error().field, "term_to");
}

TEST(Council, CodesRoundTrip) {
  for (auto role : {CouncilRole::kChair, CouncilRole::kDeputy, CouncilRole::kMember, CouncilRole::kSecretary})
    EXPECT_EQ(council_role_from_string(to_string(role)), role);
  for (auto choice : {Choice::kApprove, Choice::kReject, Choice::kAbstain})
    EXPECT_EQ(choice_from_string(to_string(choice)), choice);
  EXPECT_FALSE(attendance_from_string("late"));
  EXPECT_EQ(share_of_members(8, 9), "8/9 (88,89%)");
}

}  // namespace
}  // namespace tdkt::domain
