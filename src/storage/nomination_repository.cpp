// Nominations and annual reviews (migration 0006). The verdict's reasons are stored as the JSON
// text the use case wrote; the repository does not read into it.

#include <soci/soci.h>

#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

constexpr const char* kReviewColumns =
    "SELECT id, year, unit_id, name, decision_date, status, created_at, created_by FROM review ";

constexpr const char* kNominationColumns =
    "SELECT id, year, subject_kind, subject_id, honour, unit_id, registration_id, review_id, verdict, verdict_json, "
    "rule_set, justification, achievement, status, created_at, created_by FROM nomination ";

domain::Review to_review(const Row& row) {
  domain::Review review;
  review.id = ReviewId{row.integer(0)};
  review.year = static_cast<int>(row.integer(1));
  review.unit = UnitId{row.integer(2)};
  review.name = row.text(3);
  review.decision_date = row.date(4);
  const auto status = domain::review_status_from_string(row.text(5));
  if (!status) throw std::runtime_error("unknown review status in the database: " + row.text(5));
  review.status = *status;
  review.created_at = row.text(6);
  review.created_by = row.text(7);
  return review;
}

domain::Nomination to_nomination(const Row& row) {
  domain::Nomination nomination;
  nomination.id = NominationId{row.integer(0)};
  nomination.year = static_cast<int>(row.integer(1));
  const auto kind = domain::rules::subject_kind_from_string(row.text(2));
  if (!kind) throw std::runtime_error("unknown subject kind in the database: " + row.text(2));
  nomination.subject = {*kind, row.integer(3)};
  nomination.honour = row.text(4);
  nomination.unit = UnitId{row.integer(5)};
  if (const auto registration = row.optional_integer(6)) nomination.registration = RegistrationId{*registration};
  if (const auto review = row.optional_integer(7)) nomination.review = ReviewId{*review};
  nomination.verdict = row.text(8);
  nomination.verdict_json = row.text(9);
  nomination.rule_set = row.text(10);
  nomination.justification = row.text(11);
  nomination.achievement = row.text(12);
  const auto status = domain::nomination_status_from_string(row.text(13));
  if (!status) throw std::runtime_error("unknown nomination status in the database: " + row.text(13));
  nomination.status = *status;
  nomination.created_at = row.text(14);
  nomination.created_by = row.text(15);
  return nomination;
}

std::vector<domain::Nomination> to_nominations(const std::vector<Row>& rows) {
  std::vector<domain::Nomination> nominations;
  nominations.reserve(rows.size());
  for (const auto& row : rows)
    nominations.push_back(to_nomination(row));
  return nominations;
}

std::optional<std::int64_t> optional_id(const auto& id) {
  if (!id) return std::nullopt;
  return id->value;
}

}  // namespace

std::optional<domain::Review> SqlNominationRepository::find_review(ReviewId id) {
  auto row = Query(session_, std::string(kReviewColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_review(*row);
}

std::vector<domain::Review> SqlNominationRepository::list_reviews(std::optional<int> year) {
  std::string sql = kReviewColumns;
  if (year) sql += "WHERE year = :y ";
  Query query(session_, sql + "ORDER BY year DESC, id DESC");
  if (year) query.bind("y", std::int64_t{*year});
  std::vector<domain::Review> reviews;
  for (const auto& row : query.rows())
    reviews.push_back(to_review(row));
  return reviews;
}

ReviewId SqlNominationRepository::insert_review(const domain::Review& review) {
  return ReviewId{Query(session_,
                        "INSERT INTO review (year, unit_id, name, decision_date, status, created_at, created_by) "
                        "VALUES (:y, :u, :name, :date, :status, :at, :by) RETURNING id")
                      .bind("y", std::int64_t{review.year})
                      .bind("u", review.unit.value)
                      .bind("name", review.name)
                      .bind("date", review.decision_date)
                      .bind("status", std::string(domain::to_string(review.status)))
                      .bind("at", review.created_at)
                      .bind("by", review.created_by)
                      .insert_returning_id()};
}

void SqlNominationRepository::set_review_status(ReviewId id, domain::ReviewStatus status) {
  Query(session_, "UPDATE review SET status = :status WHERE id = :id")
      .bind("status", std::string(domain::to_string(status)))
      .bind("id", id.value)
      .execute();
}

std::optional<domain::Nomination> SqlNominationRepository::find(NominationId id) {
  auto row = Query(session_, std::string(kNominationColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_nomination(*row);
}

std::optional<domain::Nomination> SqlNominationRepository::find_live(int year, const domain::SubjectRef& subject,
                                                                     const std::string& honour) {
  auto row = Query(session_, std::string(kNominationColumns) +
                                 "WHERE year = :y AND subject_kind = :kind AND subject_id = :sid AND honour = :h "
                                 "AND status <> 'withdrawn'")
                 .bind("y", std::int64_t{year})
                 .bind("kind", std::string(domain::rules::to_string(subject.kind)))
                 .bind("sid", subject.id)
                 .bind("h", honour)
                 .first();
  if (!row) return std::nullopt;
  return to_nomination(*row);
}

std::vector<domain::Nomination> SqlNominationRepository::list(const app::NominationQuery& query) {
  std::string sql = std::string(kNominationColumns) + "WHERE 1 = 1";
  if (query.year) sql += " AND year = :y";
  if (query.status) sql += " AND status = :status";
  if (query.review) sql += " AND review_id = :review";
  if (query.subject) sql += " AND subject_kind = :kind AND subject_id = :sid";
  if (query.units) {
    sql += " AND unit_id IN (0";
    for (std::size_t i = 0; i < query.units->size(); ++i)
      sql += ", :unit" + std::to_string(i);
    sql += ")";
  }
  Query statement(session_, sql + " ORDER BY year DESC, id");
  if (query.year) statement.bind("y", std::int64_t{*query.year});
  if (query.status) statement.bind("status", std::string(domain::to_string(*query.status)));
  if (query.review) statement.bind("review", query.review->value);
  if (query.subject) {
    statement.bind("kind", std::string(domain::rules::to_string(query.subject->kind)));
    statement.bind("sid", query.subject->id);
  }
  if (query.units) {
    for (std::size_t i = 0; i < query.units->size(); ++i)
      statement.bind("unit" + std::to_string(i), (*query.units)[i].value);
  }
  return to_nominations(statement.rows());
}

std::vector<domain::Nomination> SqlNominationRepository::list_review(ReviewId review) {
  return to_nominations(Query(session_, std::string(kNominationColumns) + "WHERE review_id = :r ORDER BY id")
                            .bind("r", review.value)
                            .rows());
}

NominationId SqlNominationRepository::insert(const domain::Nomination& nomination) {
  return NominationId{
      Query(session_,
            "INSERT INTO nomination (year, subject_kind, subject_id, honour, unit_id, registration_id, review_id, "
            "verdict, verdict_json, rule_set, justification, achievement, status, created_at, created_by) VALUES (:y, "
            ":kind, :sid, :h, :u, :reg, :review, :verdict, :vjson, :rules, :just, :ach, :status, :at, :by) "
            "RETURNING id")
          .bind("y", std::int64_t{nomination.year})
          .bind("kind", std::string(domain::rules::to_string(nomination.subject.kind)))
          .bind("sid", nomination.subject.id)
          .bind("h", nomination.honour)
          .bind("u", nomination.unit.value)
          .bind("reg", optional_id(nomination.registration))
          .bind("review", optional_id(nomination.review))
          .bind("verdict", nomination.verdict)
          .bind("vjson", nomination.verdict_json)
          .bind("rules", nomination.rule_set)
          .bind("just", nomination.justification)
          .bind("ach", nomination.achievement)
          .bind("status", std::string(domain::to_string(nomination.status)))
          .bind("at", nomination.created_at)
          .bind("by", nomination.created_by)
          .insert_returning_id()};
}

void SqlNominationRepository::set_status(NominationId id, domain::NominationStatus status) {
  Query(session_, "UPDATE nomination SET status = :status WHERE id = :id")
      .bind("status", std::string(domain::to_string(status)))
      .bind("id", id.value)
      .execute();
}

void SqlNominationRepository::set_review(NominationId id, std::optional<ReviewId> review,
                                         domain::NominationStatus status) {
  Query(session_, "UPDATE nomination SET review_id = :review, status = :status WHERE id = :id")
      .bind("review", optional_id(review))
      .bind("status", std::string(domain::to_string(status)))
      .bind("id", id.value)
      .execute();
}

void SqlNominationRepository::set_verdict(NominationId id, const std::string& verdict, const std::string& verdict_json,
                                          const std::string& rule_set) {
  Query(session_, "UPDATE nomination SET verdict = :verdict, verdict_json = :vjson, rule_set = :rules WHERE id = :id")
      .bind("verdict", verdict)
      .bind("vjson", verdict_json)
      .bind("rules", rule_set)
      .bind("id", id.value)
      .execute();
}

}  // namespace tdkt::storage
