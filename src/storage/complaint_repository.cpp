// Complaints about emulation work, and the grants of every subject for the award history.

#include <soci/soci.h>

#include <stdexcept>

#include "storage/query.hpp"
#include "storage/repositories.hpp"

namespace tdkt::storage {
namespace {

namespace rules = domain::rules;

template <typename T>
T must(std::optional<T> value, const char* what, const std::string& code) {
  if (!value) throw std::runtime_error(std::string("unknown ") + what + " code in the database: " + code);
  return *value;
}

constexpr const char* kGrantColumns =
    "SELECT g.id, g.subject_kind, g.subject_id, g.honour, g.year, g.grant_type, g.decision_number, g.decision_date, "
    "g.authority, g.note, g.source FROM honour_grant g ";

domain::GrantRecord to_grant(const Row& row) {
  domain::GrantRecord record;
  record.id = GrantId{row.integer(0)};
  record.subject = {must(rules::subject_kind_from_string(row.text(1)), "subject kind", row.text(1)), row.integer(2)};
  record.honour = row.text(3);
  record.year = static_cast<int>(row.integer(4));
  record.type = must(rules::grant_type_from_string(row.text(5)), "grant type", row.text(5));
  record.decision_number = row.text(6);
  record.decision_date = row.optional_date(7);
  record.authority = row.text(8);
  record.note = row.text(9);
  record.source = must(domain::grant_source_from_string(row.text(10)), "grant source", row.text(10));
  return record;
}

constexpr const char* kComplaintColumns =
    "SELECT id, kind, received_on, accepted_on, from_name, from_address, channel, about, about_document_id, "
    "about_nomination_id, content, complex, remote_area, assigned_to_person_id, assigned_on, deadline, "
    "deadline_reason, answered_on, answer, closed_on, status, created_at, created_by FROM complaint ";

domain::Complaint to_complaint(const Row& row) {
  domain::Complaint out;
  out.id = ComplaintId{row.integer(0)};
  out.kind = must(domain::complaint_kind_from_string(row.text(1)), "complaint kind", row.text(1));
  out.received_on = row.date(2);
  out.accepted_on = row.optional_date(3);
  out.from_name = row.text(4);
  out.from_address = row.text(5);
  out.channel = row.text(6);
  out.about = row.text(7);
  if (auto id = row.optional_integer(8)) out.about_document = DocumentId{*id};
  if (auto id = row.optional_integer(9)) out.about_nomination = NominationId{*id};
  out.content = row.text(10);
  out.complex = row.integer(11) != 0;
  out.remote_area = row.integer(12) != 0;
  if (auto id = row.optional_integer(13)) out.assigned_to = PersonId{*id};
  out.assigned_on = row.optional_date(14);
  out.deadline = row.date(15);
  out.deadline_reason = row.text(16);
  out.answered_on = row.optional_date(17);
  out.answer = row.text(18);
  out.closed_on = row.optional_date(19);
  out.status = must(domain::complaint_status_from_string(row.text(20)), "complaint status", row.text(20));
  out.created_at = row.text(21);
  out.created_by = row.text(22);
  return out;
}

template <typename Id>
std::optional<std::int64_t> optional_id(const std::optional<Id>& id) {
  return id ? std::optional<std::int64_t>(id->value) : std::nullopt;
}

Query& bind_fields(Query& query, const domain::Complaint& complaint) {
  return query.bind("kind", std::string(domain::to_string(complaint.kind)))
      .bind("received_on", complaint.received_on)
      .bind("accepted_on", complaint.accepted_on)
      .bind("from_name", complaint.from_name)
      .bind("from_address", complaint.from_address)
      .bind("channel", complaint.channel)
      .bind("about", complaint.about)
      .bind("about_document_id", optional_id(complaint.about_document))
      .bind("about_nomination_id", optional_id(complaint.about_nomination))
      .bind("content", complaint.content)
      .bind("complex", std::int64_t{complaint.complex ? 1 : 0})
      .bind("remote_area", std::int64_t{complaint.remote_area ? 1 : 0})
      .bind("assigned_to", optional_id(complaint.assigned_to))
      .bind("assigned_on", complaint.assigned_on)
      .bind("deadline", complaint.deadline)
      .bind("deadline_reason", complaint.deadline_reason)
      .bind("answered_on", complaint.answered_on)
      .bind("answer", complaint.answer)
      .bind("closed_on", complaint.closed_on)
      .bind("status", std::string(domain::to_string(complaint.status)));
}

}  // namespace

std::vector<domain::GrantRecord> SqlGrantHistoryRepository::list_grants(const app::GrantQuery& query) {
  std::string sql = std::string(kGrantColumns) + "WHERE 1 = 1";
  if (query.from_year) sql += " AND g.year >= :from_year";
  if (query.to_year) sql += " AND g.year <= :to_year";
  if (query.subject_kind) sql += " AND g.subject_kind = :kind";
  if (query.subject) sql += " AND g.subject_kind = :subject_kind AND g.subject_id = :subject_id";
  if (!query.honours.empty()) {
    sql += " AND g.honour IN (";
    for (std::size_t i = 0; i < query.honours.size(); ++i)
      sql += (i == 0 ? ":honour" : ", :honour") + std::to_string(i);
    sql += ")";
  }
  sql += " ORDER BY g.year, g.id";
  Query statement(session_, sql);
  if (query.from_year) statement.bind("from_year", std::int64_t{*query.from_year});
  if (query.to_year) statement.bind("to_year", std::int64_t{*query.to_year});
  if (query.subject_kind) statement.bind("kind", std::string(rules::to_string(*query.subject_kind)));
  if (query.subject) {
    statement.bind("subject_kind", std::string(rules::to_string(query.subject->kind)));
    statement.bind("subject_id", query.subject->id);
  }
  for (std::size_t i = 0; i < query.honours.size(); ++i)
    statement.bind("honour" + std::to_string(i), query.honours[i]);
  std::vector<domain::GrantRecord> result;
  for (const auto& row : statement.rows())
    result.push_back(to_grant(row));
  return result;
}

std::optional<domain::Complaint> SqlComplaintRepository::find_complaint(ComplaintId id) {
  auto row = Query(session_, std::string(kComplaintColumns) + "WHERE id = :id").bind("id", id.value).first();
  if (!row) return std::nullopt;
  return to_complaint(*row);
}

std::vector<domain::Complaint> SqlComplaintRepository::list_complaints(const app::ComplaintQuery& query) {
  std::string sql = std::string(kComplaintColumns) + "WHERE 1 = 1";
  if (query.status) sql += " AND status = :status";
  if (query.kind) sql += " AND kind = :kind";
  if (query.received_from) sql += " AND received_on >= :from";
  if (query.received_to) sql += " AND received_on <= :to";
  sql += " ORDER BY received_on DESC, id DESC";
  Query statement(session_, sql);
  if (query.status) statement.bind("status", std::string(domain::to_string(*query.status)));
  if (query.kind) statement.bind("kind", std::string(domain::to_string(*query.kind)));
  if (query.received_from) statement.bind("from", *query.received_from);
  if (query.received_to) statement.bind("to", *query.received_to);
  std::vector<domain::Complaint> result;
  for (const auto& row : statement.rows())
    result.push_back(to_complaint(row));
  return result;
}

ComplaintId SqlComplaintRepository::insert_complaint(const domain::Complaint& complaint) {
  Query query(session_,
              "INSERT INTO complaint (kind, received_on, accepted_on, from_name, from_address, channel, about, "
              "about_document_id, about_nomination_id, content, complex, remote_area, assigned_to_person_id, "
              "assigned_on, deadline, deadline_reason, answered_on, answer, closed_on, status, created_at, created_by) "
              "VALUES (:kind, :received_on, :accepted_on, :from_name, :from_address, :channel, :about, "
              ":about_document_id, :about_nomination_id, :content, :complex, :remote_area, :assigned_to, "
              ":assigned_on, :deadline, :deadline_reason, :answered_on, :answer, :closed_on, :status, :created_at, "
              ":created_by) RETURNING id");
  bind_fields(query, complaint).bind("created_at", complaint.created_at).bind("created_by", complaint.created_by);
  return ComplaintId{query.insert_returning_id()};
}

void SqlComplaintRepository::update_complaint(const domain::Complaint& complaint) {
  Query query(session_,
              "UPDATE complaint SET kind = :kind, received_on = :received_on, accepted_on = :accepted_on, "
              "from_name = :from_name, from_address = :from_address, channel = :channel, about = :about, "
              "about_document_id = :about_document_id, about_nomination_id = :about_nomination_id, "
              "content = :content, complex = :complex, remote_area = :remote_area, "
              "assigned_to_person_id = :assigned_to, assigned_on = :assigned_on, deadline = :deadline, "
              "deadline_reason = :deadline_reason, answered_on = :answered_on, answer = :answer, "
              "closed_on = :closed_on, status = :status WHERE id = :id");
  bind_fields(query, complaint).bind("id", complaint.id.value).execute();
}

}  // namespace tdkt::storage
