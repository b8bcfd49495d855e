// Decisions, proposals and achievement reports (migration 0008). A report's fields are stored as
// one JSON object (content_json), read and written whole. The council's minutes and tallies are
// read from the council tables (migration 0007).

#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

using Json = nlohmann::json;
namespace rules = domain::rules;

constexpr const char* kDecisionColumns =
    "SELECT id, kind, review_id, proposal_id, document_id, authority, authority_level, title, status, created_at, "
    "created_by, issued_at, issued_by FROM decision ";

constexpr const char* kProposalColumns =
    "SELECT id, review_id, authority_level, authority, submission_document_id, decision_id, status, created_at, "
    "created_by FROM proposal ";

constexpr const char* kEntryColumns =
    "SELECT decision_id, position, nomination_id, subject_kind, subject_id, honour, year, grant_type, granted, "
    "grant_id FROM decision_entry ";

template <typename T>
T required(std::optional<T> value, const char* what, const std::string& text) {
  if (!value) throw std::runtime_error(std::string("unknown ") + what + " in the database: " + text);
  return *value;
}

domain::Decision to_decision(const Row& row) {
  domain::Decision decision;
  decision.id = DecisionId{row.integer(0)};
  decision.kind = required(domain::decision_kind_from_string(row.text(1)), "decision kind", row.text(1));
  if (const auto review = row.optional_integer(2)) decision.review = ReviewId{*review};
  if (const auto proposal = row.optional_integer(3)) decision.proposal = ProposalId{*proposal};
  if (const auto document = row.optional_integer(4)) decision.document = DocumentId{*document};
  decision.authority = row.text(5);
  decision.authority_level = row.text(6);
  decision.title = row.text(7);
  decision.status = required(domain::decision_status_from_string(row.text(8)), "decision status", row.text(8));
  decision.created_at = row.text(9);
  decision.created_by = row.text(10);
  decision.issued_at = row.text(11);
  decision.issued_by = row.text(12);
  return decision;
}

domain::DecisionEntry to_entry(const Row& row) {
  domain::DecisionEntry entry;
  entry.position = static_cast<int>(row.integer(1));
  if (const auto nomination = row.optional_integer(2)) entry.nomination = NominationId{*nomination};
  entry.subject = {required(rules::subject_kind_from_string(row.text(3)), "subject kind", row.text(3)), row.integer(4)};
  entry.honour = row.text(5);
  entry.year = static_cast<int>(row.integer(6));
  entry.grant_type = required(rules::grant_type_from_string(row.text(7)), "grant type", row.text(7));
  entry.granted = row.integer(8) != 0;
  if (const auto grant = row.optional_integer(9)) entry.grant = GrantId{*grant};
  return entry;
}

domain::Proposal to_proposal(const Row& row) {
  domain::Proposal proposal;
  proposal.id = ProposalId{row.integer(0)};
  proposal.review = ReviewId{row.integer(1)};
  proposal.authority_level = row.text(2);
  proposal.authority = row.text(3);
  if (const auto submission = row.optional_integer(4)) proposal.submission = DocumentId{*submission};
  if (const auto decision = row.optional_integer(5)) proposal.decision = DecisionId{*decision};
  proposal.status = required(domain::proposal_status_from_string(row.text(6)), "proposal status", row.text(6));
  proposal.created_at = row.text(7);
  proposal.created_by = row.text(8);
  return proposal;
}

std::optional<std::int64_t> optional_id(const auto& id) {
  if (!id) return std::nullopt;
  return id->value;
}

Json lines(const std::vector<std::string>& values) {
  return Json(values);
}

std::vector<std::string> read_lines(const Json& json, const char* key) {
  std::vector<std::string> out;
  if (json.contains(key)) {
    for (const auto& line : json.at(key))
      out.push_back(line.get<std::string>());
  }
  return out;
}

std::string text_of(const Json& json, const char* key) {
  return json.contains(key) ? json.at(key).get<std::string>() : std::string();
}

}  // namespace

std::optional<domain::Decision> SqlDecisionRepository::find_decision(DecisionId id) {
  auto row = Query(session_, std::string(kDecisionColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  auto decision = to_decision(*row);
  for (const auto& entry_row : Query(session_, std::string(kEntryColumns) + "WHERE decision_id = :id ORDER BY position")
                                   .bind("id", id.value)
                                   .rows()) {
    decision.entries.push_back(to_entry(entry_row));
  }
  return decision;
}

std::vector<domain::Decision> SqlDecisionRepository::list_decisions(std::optional<ReviewId> review) {
  std::vector<domain::Decision> out;
  const auto rows = review ? Query(session_, std::string(kDecisionColumns) + "WHERE review_id = :r ORDER BY id DESC")
                                 .bind("r", review->value)
                                 .rows()
                           : Query(session_, std::string(kDecisionColumns) + "ORDER BY id DESC").rows();
  for (const auto& row : rows) {
    auto decision = to_decision(row);
    for (const auto& entry_row :
         Query(session_, std::string(kEntryColumns) + "WHERE decision_id = :id ORDER BY position")
             .bind("id", decision.id.value)
             .rows()) {
      decision.entries.push_back(to_entry(entry_row));
    }
    out.push_back(std::move(decision));
  }
  return out;
}

void SqlDecisionRepository::insert_entries(const domain::Decision& decision) {
  for (const auto& entry : decision.entries) {
    Query(session_,
          "INSERT INTO decision_entry (decision_id, position, nomination_id, subject_kind, subject_id, honour, year, "
          "grant_type, granted, grant_id) VALUES (:d, :p, :n, :sk, :si, :h, :y, :gt, :g, :gi)")
        .bind("d", decision.id.value)
        .bind("p", std::int64_t{entry.position})
        .bind("n", optional_id(entry.nomination))
        .bind("sk", std::string(rules::to_string(entry.subject.kind)))
        .bind("si", entry.subject.id)
        .bind("h", entry.honour)
        .bind("y", std::int64_t{entry.year})
        .bind("gt", std::string(rules::to_string(entry.grant_type)))
        .bind("g", std::int64_t{entry.granted ? 1 : 0})
        .bind("gi", optional_id(entry.grant))
        .execute();
  }
}

DecisionId SqlDecisionRepository::insert_decision(const domain::Decision& decision) {
  auto stored = decision;
  stored.id = DecisionId{Query(session_,
                               "INSERT INTO decision (kind, review_id, proposal_id, document_id, authority, "
                               "authority_level, title, status, created_at, created_by, issued_at, issued_by) VALUES "
                               "(:k, :r, :p, :d, :a, :al, :t, :s, :ca, :cb, :ia, :ib) RETURNING id")
                             .bind("k", std::string(domain::to_string(decision.kind)))
                             .bind("r", optional_id(decision.review))
                             .bind("p", optional_id(decision.proposal))
                             .bind("d", optional_id(decision.document))
                             .bind("a", decision.authority)
                             .bind("al", decision.authority_level)
                             .bind("t", decision.title)
                             .bind("s", std::string(domain::to_string(decision.status)))
                             .bind("ca", decision.created_at)
                             .bind("cb", decision.created_by)
                             .bind("ia", decision.issued_at)
                             .bind("ib", decision.issued_by)
                             .insert_returning_id()};
  insert_entries(stored);
  return stored.id;
}

void SqlDecisionRepository::update_decision(const domain::Decision& decision) {
  Query(session_,
        "UPDATE decision SET kind = :k, review_id = :r, proposal_id = :p, document_id = :d, authority = :a, "
        "authority_level = :al, title = :t, status = :s, issued_at = :ia, issued_by = :ib WHERE id = :id")
      .bind("k", std::string(domain::to_string(decision.kind)))
      .bind("r", optional_id(decision.review))
      .bind("p", optional_id(decision.proposal))
      .bind("d", optional_id(decision.document))
      .bind("a", decision.authority)
      .bind("al", decision.authority_level)
      .bind("t", decision.title)
      .bind("s", std::string(domain::to_string(decision.status)))
      .bind("ia", decision.issued_at)
      .bind("ib", decision.issued_by)
      .bind("id", decision.id.value)
      .execute();
  Query(session_, "DELETE FROM decision_entry WHERE decision_id = :id").bind("id", decision.id.value).execute();
  insert_entries(decision);
}

std::vector<std::pair<DecisionId, domain::DecisionEntry>> SqlDecisionRepository::entries_of(NominationId nomination) {
  std::vector<std::pair<DecisionId, domain::DecisionEntry>> out;
  for (const auto& row :
       Query(session_, std::string(kEntryColumns) + "WHERE nomination_id = :n ORDER BY decision_id, position")
           .bind("n", nomination.value)
           .rows()) {
    out.emplace_back(DecisionId{row.integer(0)}, to_entry(row));
  }
  return out;
}

std::optional<domain::Proposal> SqlDecisionRepository::find_proposal(ProposalId id) {
  auto row = Query(session_, std::string(kProposalColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  auto proposal = to_proposal(*row);
  for (const auto& item :
       Query(session_, "SELECT nomination_id FROM proposal_nomination WHERE proposal_id = :id ORDER BY position")
           .bind("id", id.value)
           .rows()) {
    proposal.nominations.emplace_back(item.integer(0));
  }
  return proposal;
}

std::vector<domain::Proposal> SqlDecisionRepository::list_proposals(std::optional<ReviewId> review) {
  std::vector<domain::Proposal> out;
  const auto rows = review ? Query(session_, std::string(kProposalColumns) + "WHERE review_id = :r ORDER BY id DESC")
                                 .bind("r", review->value)
                                 .rows()
                           : Query(session_, std::string(kProposalColumns) + "ORDER BY id DESC").rows();
  for (const auto& row : rows) {
    if (auto proposal = find_proposal(ProposalId{row.integer(0)})) out.push_back(std::move(*proposal));
  }
  return out;
}

std::optional<ProposalId> SqlDecisionRepository::proposal_of(NominationId nomination) {
  auto row = Query(session_, "SELECT proposal_id FROM proposal_nomination WHERE nomination_id = :n")
                 .bind("n", nomination.value)
                 .first();
  if (!row) return std::nullopt;
  return ProposalId{row->integer(0)};
}

ProposalId SqlDecisionRepository::insert_proposal(const domain::Proposal& proposal) {
  const ProposalId id{Query(session_,
                            "INSERT INTO proposal (review_id, authority_level, authority, submission_document_id, "
                            "decision_id, status, created_at, created_by) VALUES (:r, :al, :a, :s, :d, :st, :ca, :cb) "
                            "RETURNING id")
                          .bind("r", proposal.review.value)
                          .bind("al", proposal.authority_level)
                          .bind("a", proposal.authority)
                          .bind("s", optional_id(proposal.submission))
                          .bind("d", optional_id(proposal.decision))
                          .bind("st", std::string(domain::to_string(proposal.status)))
                          .bind("ca", proposal.created_at)
                          .bind("cb", proposal.created_by)
                          .insert_returning_id()};
  std::int64_t position = 0;
  for (const auto nomination : proposal.nominations) {
    Query(session_, "INSERT INTO proposal_nomination (proposal_id, nomination_id, position) VALUES (:p, :n, :pos)")
        .bind("p", id.value)
        .bind("n", nomination.value)
        .bind("pos", ++position)
        .execute();
  }
  return id;
}

void SqlDecisionRepository::update_proposal(const domain::Proposal& proposal) {
  Query(
      session_,
      "UPDATE proposal SET authority = :a, submission_document_id = :s, decision_id = :d, status = :st WHERE id = :id")
      .bind("a", proposal.authority)
      .bind("s", optional_id(proposal.submission))
      .bind("d", optional_id(proposal.decision))
      .bind("st", std::string(domain::to_string(proposal.status)))
      .bind("id", proposal.id.value)
      .execute();
}

std::optional<domain::AchievementReport> SqlDecisionRepository::find_report(NominationId nomination) {
  auto row = Query(session_,
                   "SELECT content_json, status, updated_at, updated_by, confirmed_by FROM achievement_report "
                   "WHERE nomination_id = :n")
                 .bind("n", nomination.value)
                 .first();
  if (!row) return std::nullopt;
  const auto json = Json::parse(row->text(0));
  domain::AchievementReport report;
  report.nomination = nomination;
  report.collective = json.value("collective", false);
  report.name = text_of(json, "name");
  report.position = text_of(json, "position");
  report.unit = text_of(json, "unit");
  report.profile = text_of(json, "profile");
  report.duties = text_of(json, "duties");
  report.achievements = text_of(json, "achievements");
  report.measures = text_of(json, "measures");
  report.previous_grants = read_lines(json, "previous_grants");
  report.ratings = read_lines(json, "ratings");
  report.status = required(domain::report_status_from_string(row->text(1)), "report status", row->text(1));
  report.updated_at = row->text(2);
  report.updated_by = row->text(3);
  report.confirmed_by = row->text(4);
  return report;
}

void SqlDecisionRepository::upsert_report(const domain::AchievementReport& report) {
  const Json content{{"collective", report.collective},
                     {"name", report.name},
                     {"position", report.position},
                     {"unit", report.unit},
                     {"profile", report.profile},
                     {"duties", report.duties},
                     {"achievements", report.achievements},
                     {"measures", report.measures},
                     {"previous_grants", lines(report.previous_grants)},
                     {"ratings", lines(report.ratings)}};
  Query(session_,
        "INSERT INTO achievement_report (nomination_id, content_json, status, updated_at, updated_by, confirmed_by) "
        "VALUES (:n, :c, :s, :ua, :ub, :cb) ON CONFLICT (nomination_id) DO UPDATE SET content_json = "
        "excluded.content_json, status = excluded.status, updated_at = excluded.updated_at, updated_by = "
        "excluded.updated_by, confirmed_by = excluded.confirmed_by")
      .bind("n", report.nomination.value)
      .bind("c", content.dump())
      .bind("s", std::string(domain::to_string(report.status)))
      .bind("ua", report.updated_at)
      .bind("ub", report.updated_by)
      .bind("cb", report.confirmed_by)
      .execute();
}

std::vector<DocumentId> SqlDecisionRepository::minutes_of(ReviewId review) {
  std::vector<DocumentId> out;
  for (const auto& row : Query(session_,
                               "SELECT minutes_document_id FROM council_session WHERE review_id = :r AND "
                               "minutes_document_id IS NOT NULL ORDER BY held_on, id")
                             .bind("r", review.value)
                             .rows()) {
    out.emplace_back(row.integer(0));
  }
  return out;
}

std::vector<app::VoteResult> SqlDecisionRepository::vote_results(const std::vector<NominationId>& nominations) {
  std::vector<app::VoteResult> out;
  for (const auto nomination : nominations) {
    for (const auto& row : Query(session_,
                                 "SELECT s.held_on, i.approvals, i.rejections, i.abstentions, i.members, "
                                 "i.threshold_text, i.passed FROM session_item i JOIN council_session s ON s.id = "
                                 "i.session_id WHERE i.nomination_id = :n AND i.passed IS NOT NULL ORDER BY s.held_on")
                               .bind("n", nomination.value)
                               .rows()) {
      app::VoteResult result;
      result.nomination = nomination;
      result.session_date = row.date(0);
      result.approvals = static_cast<int>(row.integer(1));
      result.rejections = static_cast<int>(row.integer(2));
      result.abstentions = static_cast<int>(row.integer(3));
      result.members = static_cast<int>(row.integer(4));
      result.threshold = row.text(5);
      result.passed = row.text(6) == "1" || row.text(6) == "true" || row.text(6) == "t";
      out.push_back(std::move(result));
    }
  }
  return out;
}

}  // namespace tdkt::storage
