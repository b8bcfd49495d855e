// The council, its members, sessions with attendance and agenda items, and ballots. Secret votes
// go to ballot_cast (who voted) and to the counts of session_item: nothing else is written.

#include <soci/soci.h>

#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kCouncilColumns = "SELECT id, unit_id, name, term_from, term_to, document_id FROM council ";
constexpr const char* kSessionColumns =
    "SELECT id, council_id, review_id, held_on, place, status, opened_at, closed_at, minutes_document_id, "
    "paper_ballot FROM council_session ";

template <typename T>
T parsed(std::optional<T> value, const std::string& text, const char* what) {
  if (!value) throw std::runtime_error(std::string("unknown ") + what + " in the database: " + text);
  return *value;
}

domain::Council to_council(const Row& row) {
  domain::Council council;
  council.id = CouncilId{row.integer(0)};
  council.unit = UnitId{row.integer(1)};
  council.name = row.text(2);
  council.term_from = row.date(3);
  council.term_to = row.date(4);
  if (auto document = row.optional_integer(5)) council.establishing_document = DocumentId{*document};
  return council;
}

domain::Session to_session(const Row& row) {
  domain::Session session;
  session.id = SessionId{row.integer(0)};
  session.council = CouncilId{row.integer(1)};
  session.review = ReviewId{row.integer(2)};
  session.held_on = row.date(3);
  session.place = row.text(4);
  session.status = parsed(domain::session_status_from_string(row.text(5)), row.text(5), "session status");
  session.opened_at = row.text(6);
  session.closed_at = row.text(7);
  if (auto document = row.optional_integer(8)) session.minutes_document = DocumentId{*document};
  session.paper_ballot = row.integer(9) != 0;
  return session;
}

std::optional<std::int64_t> optional_id(const std::optional<DocumentId>& id) {
  if (!id) return std::nullopt;
  return id->value;
}

bool flag(const Row& row, std::size_t column) {
  const auto text = row.text(column);
  return text == "1" || text == "t" || text == "true";
}

}  // namespace

std::optional<domain::Council> SqlCouncilRepository::find_council(CouncilId id) {
  auto row = Query(session_, std::string(kCouncilColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  auto council = to_council(*row);
  for (const auto& member : Query(session_,
                                  "SELECT person_id, role, office FROM council_member WHERE council_id = :c "
                                  "ORDER BY position")
                                .bind("c", id.value)
                                .rows()) {
    council.members.push_back({PersonId{member.integer(0)},
                               parsed(domain::council_role_from_string(member.text(1)), member.text(1), "role"),
                               member.text(2)});
  }
  return council;
}

std::vector<domain::Council> SqlCouncilRepository::list_councils() {
  std::vector<domain::Council> councils;
  for (const auto& row : Query(session_, std::string("SELECT id FROM council ORDER BY term_from DESC, id DESC")).rows())
    councils.push_back(*find_council(CouncilId{row.integer(0)}));
  return councils;
}

void SqlCouncilRepository::insert_members(const domain::Council& council) {
  int position = 0;
  for (const auto& member : council.members) {
    Query(session_,
          "INSERT INTO council_member (council_id, person_id, role, position, office) "
          "VALUES (:c, :p, :r, :n, :o)")
        .bind("c", council.id.value)
        .bind("p", member.person.value)
        .bind("r", std::string(domain::to_string(member.role)))
        .bind("n", static_cast<std::int64_t>(++position))
        .bind("o", member.position)
        .execute();
  }
}

CouncilId SqlCouncilRepository::insert_council(const domain::Council& council) {
  domain::Council saved = council;
  saved.id = CouncilId{Query(session_,
                             "INSERT INTO council (unit_id, name, term_from, term_to, document_id) "
                             "VALUES (:u, :n, :f, :t, :d) RETURNING id")
                           .bind("u", council.unit.value)
                           .bind("n", council.name)
                           .bind("f", council.term_from)
                           .bind("t", council.term_to)
                           .bind("d", optional_id(council.establishing_document))
                           .insert_returning_id()};
  insert_members(saved);
  return saved.id;
}

void SqlCouncilRepository::update_council(const domain::Council& council) {
  Query(session_,
        "UPDATE council SET unit_id = :u, name = :n, term_from = :f, term_to = :t, document_id = :d WHERE id = :id")
      .bind("u", council.unit.value)
      .bind("n", council.name)
      .bind("f", council.term_from)
      .bind("t", council.term_to)
      .bind("d", optional_id(council.establishing_document))
      .bind("id", council.id.value)
      .execute();
  Query(session_, "DELETE FROM council_member WHERE council_id = :c").bind("c", council.id.value).execute();
  insert_members(council);
}

std::vector<domain::Session> SqlCouncilRepository::load(std::vector<domain::Session> sessions) {
  for (auto& session : sessions) {
    for (const auto& row : Query(session_,
                                 "SELECT person_id, role, office, attendance FROM session_attendance "
                                 "WHERE session_id = :s ORDER BY position")
                               .bind("s", session.id.value)
                               .rows()) {
      session.members.push_back(
          {PersonId{row.integer(0)}, parsed(domain::council_role_from_string(row.text(1)), row.text(1), "role"),
           row.text(2), parsed(domain::attendance_from_string(row.text(3)), row.text(3), "attendance")});
    }
    for (const auto& row : Query(session_,
                                 "SELECT nomination_id, position, secret, approvals, rejections, abstentions, "
                                 "members, threshold_text, passed FROM session_item WHERE session_id = :s "
                                 "ORDER BY position")
                               .bind("s", session.id.value)
                               .rows()) {
      domain::SessionItem item;
      item.nomination = NominationId{row.integer(0)};
      item.position = static_cast<int>(row.integer(1));
      item.secret = flag(row, 2);
      item.approvals = static_cast<int>(row.integer(3));
      item.rejections = static_cast<int>(row.integer(4));
      item.abstentions = static_cast<int>(row.integer(5));
      item.members = static_cast<int>(row.integer(6));
      item.threshold_text = row.text(7);
      if (!row.is_null(8)) item.passed = flag(row, 8);
      session.items.push_back(std::move(item));
    }
  }
  return sessions;
}

std::optional<domain::Session> SqlCouncilRepository::find_session(SessionId id) {
  auto row = Query(session_, std::string(kSessionColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return load({to_session(*row)}).front();
}

std::vector<domain::Session> SqlCouncilRepository::list_sessions(std::optional<ReviewId> review) {
  std::vector<domain::Session> sessions;
  if (review) {
    for (const auto& row :
         Query(session_, std::string(kSessionColumns) + "WHERE review_id = :r ORDER BY held_on DESC, id DESC")
             .bind("r", review->value)
             .rows())
      sessions.push_back(to_session(row));
  } else {
    for (const auto& row : Query(session_, std::string(kSessionColumns) + "ORDER BY held_on DESC, id DESC").rows())
      sessions.push_back(to_session(row));
  }
  return load(std::move(sessions));
}

void SqlCouncilRepository::insert_attendance(const domain::Session& session) {
  int position = 0;
  for (const auto& member : session.members) {
    Query(session_,
          "INSERT INTO session_attendance (session_id, person_id, role, position, office, attendance) "
          "VALUES (:s, :p, :r, :n, :o, :a)")
        .bind("s", session.id.value)
        .bind("p", member.person.value)
        .bind("r", std::string(domain::to_string(member.role)))
        .bind("n", static_cast<std::int64_t>(++position))
        .bind("o", member.position)
        .bind("a", std::string(domain::to_string(member.attendance)))
        .execute();
  }
}

void SqlCouncilRepository::insert_items(const domain::Session& session) {
  for (const auto& item : session.items) {
    std::optional<std::int64_t> passed;
    if (item.passed) passed = *item.passed ? 1 : 0;
    Query(session_,
          "INSERT INTO session_item (session_id, nomination_id, position, secret, approvals, rejections, "
          "abstentions, members, threshold_text, passed) VALUES (:s, :n, :p, :x, :a, :r, :b, :m, :t, :d)")
        .bind("s", session.id.value)
        .bind("n", item.nomination.value)
        .bind("p", static_cast<std::int64_t>(item.position))
        .bind("x", static_cast<std::int64_t>(item.secret ? 1 : 0))
        .bind("a", static_cast<std::int64_t>(item.approvals))
        .bind("r", static_cast<std::int64_t>(item.rejections))
        .bind("b", static_cast<std::int64_t>(item.abstentions))
        .bind("m", static_cast<std::int64_t>(item.members))
        .bind("t", item.threshold_text)
        .bind("d", passed)
        .execute();
  }
}

SessionId SqlCouncilRepository::insert_session(const domain::Session& session) {
  domain::Session saved = session;
  saved.id = SessionId{Query(session_,
                             "INSERT INTO council_session (council_id, review_id, held_on, place, status, opened_at, "
                             "closed_at, minutes_document_id, paper_ballot) VALUES (:c, :r, :h, :p, :s, :o, :x, :m, "
                             ":b) RETURNING id")
                           .bind("c", session.council.value)
                           .bind("r", session.review.value)
                           .bind("h", session.held_on)
                           .bind("p", session.place)
                           .bind("s", std::string(domain::to_string(session.status)))
                           .bind("o", session.opened_at)
                           .bind("x", session.closed_at)
                           .bind("m", optional_id(session.minutes_document))
                           .bind("b", std::int64_t{session.paper_ballot ? 1 : 0})
                           .insert_returning_id()};
  insert_attendance(saved);
  insert_items(saved);
  return saved.id;
}

void SqlCouncilRepository::update_session(const domain::Session& session, bool with_items) {
  Query(session_,
        "UPDATE council_session SET held_on = :h, place = :p, status = :s, opened_at = :o, closed_at = :x, "
        "minutes_document_id = :m, paper_ballot = :b WHERE id = :id")
      .bind("h", session.held_on)
      .bind("p", session.place)
      .bind("s", std::string(domain::to_string(session.status)))
      .bind("o", session.opened_at)
      .bind("x", session.closed_at)
      .bind("m", optional_id(session.minutes_document))
      .bind("b", std::int64_t{session.paper_ballot ? 1 : 0})
      .bind("id", session.id.value)
      .execute();
  Query(session_, "DELETE FROM session_attendance WHERE session_id = :s").bind("s", session.id.value).execute();
  insert_attendance(session);
  if (!with_items) return;
  Query(session_, "DELETE FROM session_item WHERE session_id = :s").bind("s", session.id.value).execute();
  insert_items(session);
}

std::vector<app::OpenBallot> SqlCouncilRepository::ballots(SessionId session) {
  std::vector<app::OpenBallot> ballots;
  for (const auto& row : Query(session_,
                               "SELECT person_id, nomination_id, choice, written FROM ballot WHERE session_id = :s "
                               "ORDER BY nomination_id, person_id")
                             .bind("s", session.value)
                             .rows()) {
    ballots.push_back({PersonId{row.integer(0)}, NominationId{row.integer(1)},
                       parsed(domain::choice_from_string(row.text(2)), row.text(2), "choice"), flag(row, 3)});
  }
  return ballots;
}

void SqlCouncilRepository::insert_ballot(SessionId session, const app::OpenBallot& ballot) {
  Query(session_,
        "INSERT INTO ballot (session_id, nomination_id, person_id, choice, written) VALUES (:s, :n, :p, :c, :w)")
      .bind("s", session.value)
      .bind("n", ballot.nomination.value)
      .bind("p", ballot.person.value)
      .bind("c", std::string(domain::to_string(ballot.choice)))
      .bind("w", static_cast<std::int64_t>(ballot.written ? 1 : 0))
      .execute();
}

std::vector<app::BallotCast> SqlCouncilRepository::casts(SessionId session) {
  std::vector<app::BallotCast> casts;
  for (const auto& row : Query(session_,
                               "SELECT person_id, nomination_id, written FROM ballot_cast WHERE session_id = :s "
                               "ORDER BY nomination_id, person_id")
                             .bind("s", session.value)
                             .rows()) {
    casts.push_back({PersonId{row.integer(0)}, NominationId{row.integer(1)}, flag(row, 2)});
  }
  return casts;
}

void SqlCouncilRepository::insert_secret_ballot(SessionId session, const app::BallotCast& cast, domain::Choice choice) {
  Query(session_, "INSERT INTO ballot_cast (session_id, nomination_id, person_id, written) VALUES (:s, :n, :p, :w)")
      .bind("s", session.value)
      .bind("n", cast.nomination.value)
      .bind("p", cast.person.value)
      .bind("w", static_cast<std::int64_t>(cast.written ? 1 : 0))
      .execute();
  const char* column = "abstentions";
  if (choice == domain::Choice::kApprove) column = "approvals";
  if (choice == domain::Choice::kReject) column = "rejections";
  Query(session_, std::string("UPDATE session_item SET ") + column + " = " + column +
                      " + 1 WHERE session_id = :s AND nomination_id = :n")
      .bind("s", session.value)
      .bind("n", cast.nomination.value)
      .execute();
}

}  // namespace tdkt::storage
