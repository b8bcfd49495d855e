#pragma once
// Ports: what the use cases need from the outside world. Adapters (storage/, server/) implement
// them; the use cases and their tests depend only on these interfaces.
//
// Repositories throw (std::exception) only for failures of the store itself (lost connection,
// corrupt file): those are not expected outcomes. The ones a client can act on are thrown as
// StoreFailure (below) and answered with their code (409, 429, 503); anything else is a 500.
// Expected refusals are Results returned by the use cases.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/civil_date.hpp"
#include "core/error.hpp"
#include "core/ids.hpp"
#include "domain/accounts/account.hpp"
#include "domain/campaigns/campaign.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/council/council.hpp"
#include "domain/decisions/decision.hpp"
#include "domain/documents/attachment.hpp"
#include "domain/documents/register.hpp"
#include "domain/movements/movement.hpp"
#include "domain/nominations/nomination.hpp"
#include "domain/organisation/bloc.hpp"
#include "domain/organisation/restructuring.hpp"
#include "domain/organisation/unit.hpp"
#include "domain/people/person.hpp"
#include "domain/records/records.hpp"
#include "domain/targets/target.hpp"

namespace tdkt::app {

// A failure of the store that is not a bug and that the client can act on, thrown by any
// repository call, by Store::read()/write() and by UnitOfWork::commit():
// - kConflict: a unique key was already taken by a concurrent write (a registration, a
//   nomination, a ballot sent twice at once): nothing of this request was written;
// - kUnavailable: the database cannot be reached, even after one retry on a fresh connection;
// - kOverloaded: every pooled connection stayed busy for the lease timeout;
// - kBusy: the database stayed locked by other writers for its busy timeout (SQLite).
// `error()` is what the API answers (Vietnamese message); what() keeps the database's own text
// for the log. The unit of work that threw rolls back when destroyed.
class StoreFailure : public std::runtime_error {
 public:
  StoreFailure(Error error, const std::string& detail) : std::runtime_error(detail), error_(std::move(error)) {}
  const Error& error() const noexcept { return error_; }

 private:
  Error error_;
};

// Who is acting: a signed-in account, or the system itself (the CLI, the demo loader), which may
// do everything. Use cases check the role and scope; the HTTP layer only authenticates.
struct Actor {
  std::string name = "system";
  std::optional<AccountId> account;
  domain::Role role = domain::Role::kAdmin;
  std::optional<UnitId> scope_unit;
  std::optional<PersonId> person;
  std::string display_name;  // for showing who is signed in

  // The system itself (CLI, demo loader), acting under `name`.
  static Actor system(std::string name = "system") {
    Actor actor;
    actor.name = std::move(name);
    return actor;
  }
};

class Clock {
 public:
  virtual ~Clock() = default;
  virtual CivilDate today() const = 0;
  virtual std::int64_t now_unix() const = 0;                         // seconds since 1970-01-01T00:00:00Z
  std::string now_iso() const { return iso_timestamp(now_unix()); }  // "2026-11-22T05:19:33Z"

  static std::string iso_timestamp(std::int64_t unix_seconds);
};

// Password hashing and session tokens (libsodium in production: security/).
class Crypto {
 public:
  virtual ~Crypto() = default;
  // An encoded Argon2id hash that carries its own salt and parameters.
  virtual std::string hash_password(const std::string& password) const = 0;
  virtual bool verify_password(const std::string& encoded_hash, const std::string& password) const = 0;
  // 32 random bytes, base64url without padding (43 characters).
  virtual std::string random_token() const = 0;
  // A hex digest of a token: what is stored instead of the token.
  virtual std::string digest(const std::string& token) const = 0;
};

// An ordered list of field names and values: what a record looked like before or after a write.
using Snapshot = std::vector<std::pair<std::string, std::string>>;

struct AuditEntry {
  std::string actor;
  std::string entity;  // "unit", "person", "membership", "restructuring", "bloc"
  std::int64_t entity_id = 0;
  std::string action;  // "create", "update", "delete", "end"
  std::optional<Snapshot> before;
  std::optional<Snapshot> after;
};

struct AuditRecord {
  std::int64_t id = 0;
  std::string at;
  AuditEntry entry;
};

class OrganisationRepository {
 public:
  virtual ~OrganisationRepository() = default;
  virtual std::optional<domain::Unit> find_unit(UnitId id) = 0;
  virtual std::vector<domain::Unit> units_valid_on(CivilDate day) = 0;
  virtual std::vector<domain::Unit> children_valid_on(UnitId parent, CivilDate day) = 0;
  virtual UnitId insert_unit(const domain::UnitDraft& draft) = 0;
  virtual void update_unit(const domain::Unit& unit) = 0;
  virtual void end_unit(UnitId id, CivilDate last_day, RestructuringId by) = 0;

  // Stores the event with its ended and started units and successions.
  virtual RestructuringId insert_restructuring(const domain::Restructuring& event) = 0;
  virtual std::optional<domain::Restructuring> find_restructuring(RestructuringId id) = 0;
  virtual std::vector<domain::Restructuring> restructurings() = 0;
  virtual std::vector<domain::Succession> successions_from(UnitId id) = 0;
  virtual std::vector<domain::Succession> successions_to(UnitId id) = 0;

  virtual BlocId insert_bloc(const domain::Bloc& bloc) = 0;
  virtual void insert_bloc_member(const domain::BlocMember& member) = 0;
  virtual std::vector<domain::Bloc> blocs() = 0;
  virtual std::optional<domain::Bloc> find_bloc(BlocId id) = 0;
  virtual std::vector<domain::BlocMember> bloc_members(BlocId id) = 0;
};

struct PeopleQuery {
  // Folded words; a person matches when every word starts a word of the name.
  std::vector<std::string> terms;
  std::optional<UnitId> unit;  // only members of this unit on `as_of`
  CivilDate as_of;
  // When set, only persons who are members on `scope_day` of one of these units, or `also_person`.
  std::optional<std::vector<UnitId>> within_units;
  std::optional<PersonId> also_person;
  CivilDate scope_day;
  int offset = 0;
  int limit = 50;
};

class PeopleRepository {
 public:
  virtual ~PeopleRepository() = default;
  virtual std::optional<domain::Person> find_person(PersonId id) = 0;
  // `search_text` and `sort_key` are derived by the domain (person_search_text, person_sort_key).
  virtual PersonId insert_person(const domain::PersonDraft& draft, const std::string& search_text,
                                 const std::string& sort_key) = 0;
  virtual void update_person(PersonId id, const domain::PersonDraft& draft, const std::string& search_text,
                             const std::string& sort_key) = 0;
  // Persons in Vietnamese name order; at most query.limit + 1 rows so a caller can tell
  // whether a further page exists.
  virtual std::vector<domain::Person> list_people(const PeopleQuery& query) = 0;
  virtual std::int64_t count_people() = 0;

  virtual std::optional<domain::Membership> find_membership(MembershipId id) = 0;
  virtual std::vector<domain::Membership> memberships_of(PersonId person) = 0;
  virtual std::vector<domain::Membership> memberships_in(UnitId unit, CivilDate day) = 0;
  virtual MembershipId insert_membership(const domain::Membership& membership) = 0;
  virtual void update_membership(const domain::Membership& membership) = 0;
  virtual void delete_membership(MembershipId id) = 0;
};

// Yearly records, initiatives and grants (domain/records). Rows come back ascending by year.
class RecordsRepository {
 public:
  virtual ~RecordsRepository() = default;
  virtual std::vector<domain::PersonYear> person_years(PersonId person) = 0;
  virtual std::optional<domain::PersonYear> find_person_year(PersonId person, int year) = 0;
  virtual void upsert_person_year(const domain::PersonYear& record) = 0;
  virtual void delete_person_year(PersonId person, int year) = 0;
  // The records of `year` of everyone who was a member of one of `units` at some time in that year.
  virtual std::vector<domain::PersonYear> member_years(const std::vector<UnitId>& units, int year) = 0;
  // How many persons were members of one of `units` at some time in `year`.
  virtual int member_count(const std::vector<UnitId>& units, int year) = 0;
  // Merit grants of `year` to persons who were members of one of `units` at some time in that year.
  virtual std::vector<domain::GrantRecord> member_grants(const std::vector<UnitId>& units, int year) = 0;

  virtual std::vector<domain::UnitYear> unit_years(UnitId unit) = 0;
  virtual std::optional<domain::UnitYear> find_unit_year(UnitId unit, int year) = 0;
  virtual void upsert_unit_year(const domain::UnitYear& record) = 0;
  virtual void delete_unit_year(UnitId unit, int year) = 0;

  virtual std::vector<domain::InitiativeRecord> initiatives(const domain::SubjectRef& subject) = 0;
  virtual std::optional<domain::InitiativeRecord> find_initiative(InitiativeId id) = 0;
  virtual InitiativeId insert_initiative(const domain::InitiativeRecord& record) = 0;
  virtual void update_initiative(const domain::InitiativeRecord& record) = 0;
  virtual void delete_initiative(InitiativeId id) = 0;

  virtual std::vector<domain::GrantRecord> grants(const domain::SubjectRef& subject) = 0;
  virtual std::optional<domain::GrantRecord> find_grant(GrantId id) = 0;
  virtual GrantId insert_grant(const domain::GrantRecord& record) = 0;
  virtual void update_grant(const domain::GrantRecord& record) = 0;
  virtual void delete_grant(GrantId id) = 0;
};

struct DocumentQuery {
  std::vector<std::string> terms;  // folded words matched against number, issuer and summary
  std::optional<domain::DocumentType> type;
  std::optional<int> year;
  bool own_only = false;
  int limit = 200;
};

struct MovementQuery {
  std::vector<std::string> terms;      // folded words matched against name, theme and authority
  std::optional<CivilDate> active_on;  // movements whose period contains this day
  std::optional<domain::MovementLevel> level;
};

// Movements with their waves, assignments and implemented documents.
class MovementRepository {
 public:
  virtual ~MovementRepository() = default;
  virtual std::optional<domain::Movement> find_movement(MovementId id) = 0;
  // Oldest start first.
  virtual std::vector<domain::Movement> list_movements(const MovementQuery& query) = 0;
  // The movements implementing `parent`.
  virtual std::vector<domain::Movement> children_of(MovementId parent) = 0;
  // The movement whose plan is `document`, if any.
  virtual std::optional<MovementId> movement_of_plan(DocumentId document) = 0;
  virtual MovementId insert_movement(const domain::Movement& movement, const std::string& search_text) = 0;
  // Replaces every field, wave, assignment and implemented document.
  virtual void update_movement(const domain::Movement& movement, const std::string& search_text) = 0;
};

// Registration campaigns with their units, and their registrations.
class CampaignRepository {
 public:
  virtual ~CampaignRepository() = default;
  virtual std::optional<domain::Campaign> find_campaign(CampaignId id) = 0;
  virtual std::optional<domain::Campaign> find_campaign_for(MovementId movement, int year) = 0;
  // Newest year first.
  virtual std::vector<domain::Campaign> list_campaigns() = 0;
  virtual CampaignId insert_campaign(const domain::Campaign& campaign) = 0;
  // Writes the reopening, the consolidation and each unit's consolidation (the units stay).
  virtual void update_campaign(const domain::Campaign& campaign) = 0;
  // In the order they were made.
  virtual std::vector<domain::Registration> registrations(CampaignId campaign) = 0;
  virtual std::optional<domain::Registration> find_registration(RegistrationId id) = 0;
  virtual RegistrationId insert_registration(const domain::Registration& registration) = 0;
  virtual void delete_registration(RegistrationId id) = 0;
};

// The document register and the numbering of the agency's own documents.
class DocumentRepository {
 public:
  virtual ~DocumentRepository() = default;
  virtual std::optional<domain::RegisteredDocument> find_document(DocumentId id) = 0;
  // The document with this number as written, issued in `year` by `issuer` (any issuer when empty).
  virtual std::vector<domain::RegisteredDocument> find_by_number(const std::string& number, int year,
                                                                 const std::string& issuer) = 0;
  // Newest first.
  virtual std::vector<domain::RegisteredDocument> list_documents(const DocumentQuery& query) = 0;
  virtual DocumentId insert_document(const domain::RegisteredDocument& document, const std::string& search_text) = 0;
  // The last number given to `symbol` in `year` (0 when none), and its update.
  virtual int last_number(const std::string& symbol, int year) = 0;
  virtual void set_last_number(const std::string& symbol, int year, int number) = 0;
};

// Targets of movements for units, and their measured values.
class TargetRepository {
 public:
  virtual ~TargetRepository() = default;
  virtual std::optional<domain::Target> find_target(TargetId id) = 0;
  // By unit, then position, then id; of one unit when given.
  virtual std::vector<domain::Target> targets_of(MovementId movement, std::optional<UnitId> unit) = 0;
  // The highest position among the unit's targets of the movement (0 when none).
  virtual int last_position(MovementId movement, UnitId unit) = 0;
  virtual TargetId insert_target(const domain::Target& target) = 0;
  virtual void update_target(const domain::Target& target) = 0;
  // Deletes the target with its measurements.
  virtual void delete_target(TargetId id) = 0;
  // Oldest first.
  virtual std::vector<domain::Measurement> measurements_of(TargetId target) = 0;
  virtual std::optional<domain::Measurement> find_measurement(TargetId target, CivilDate measured_on) = 0;
  // Adds the value of that day, or replaces it.
  virtual void upsert_measurement(const domain::Measurement& measurement) = 0;
  virtual void delete_measurement(TargetId target, CivilDate measured_on) = 0;
};

// Files attached to documents of the register. The adapter keeps the content (base64 in the
// database: ADR 0007) and computes its SHA-256.
class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  // Oldest first; without their content.
  virtual std::vector<domain::Attachment> attachments_of(DocumentId document) = 0;
  virtual std::optional<domain::Attachment> find_attachment(AttachmentId id) = 0;
  // The bytes of the file as uploaded.
  virtual std::optional<std::string> attachment_content(AttachmentId id) = 0;
  // Stores the file; returns the attachment with its id, size and digest.
  virtual domain::Attachment insert_attachment(const domain::Attachment& attachment, const std::string& content) = 0;
  virtual void delete_attachment(AttachmentId id) = 0;
};

struct NominationQuery {
  std::optional<int> year;
  std::optional<std::vector<UnitId>> units;  // proposed by one of these units
  std::optional<domain::NominationStatus> status;
  std::optional<ReviewId> review;
  std::optional<domain::SubjectRef> subject;
};

// Nominations (đề nghị khen thưởng) and annual reviews (đợt xét khen thưởng).
class NominationRepository {
 public:
  virtual ~NominationRepository() = default;
  virtual std::optional<domain::Review> find_review(ReviewId id) = 0;
  // Newest year first, then newest first.
  virtual std::vector<domain::Review> list_reviews(std::optional<int> year) = 0;
  virtual ReviewId insert_review(const domain::Review& review) = 0;
  virtual void set_review_status(ReviewId id, domain::ReviewStatus status) = 0;

  virtual std::optional<domain::Nomination> find(NominationId id) = 0;
  // The live (not withdrawn) nomination of the subject for the honour and year, if any.
  virtual std::optional<domain::Nomination> find_live(int year, const domain::SubjectRef& subject,
                                                      const std::string& honour) = 0;
  // By year (newest first), then id.
  virtual std::vector<domain::Nomination> list(const NominationQuery& query) = 0;
  virtual std::vector<domain::Nomination> list_review(ReviewId review) = 0;  // in the review, by id
  virtual NominationId insert(const domain::Nomination& nomination) = 0;
  virtual void set_status(NominationId id, domain::NominationStatus status) = 0;
  // Puts the nomination in the review (status in_review), or takes it out (status proposed).
  virtual void set_review(NominationId id, std::optional<ReviewId> review, domain::NominationStatus status) = 0;
  // Stores a re-checked verdict.
  virtual void set_verdict(NominationId id, const std::string& verdict, const std::string& verdict_json,
                           const std::string& rule_set) = 0;
};

// Grants across every subject, for the award history (app/grant_history_service).
struct GrantQuery {
  std::optional<int> from_year;      // inclusive
  std::optional<int> to_year;        // inclusive
  std::vector<std::string> honours;  // any of these codes; empty: every honour
  std::optional<domain::rules::SubjectKind> subject_kind;
  std::optional<domain::SubjectRef> subject;
};

class GrantHistoryRepository {
 public:
  virtual ~GrantHistoryRepository() = default;
  // By year, then id.
  virtual std::vector<domain::GrantRecord> list_grants(const GrantQuery& query) = 0;
};

struct ComplaintQuery {
  std::optional<domain::ComplaintStatus> status;
  std::optional<CivilDate> received_from;  // inclusive
  std::optional<CivilDate> received_to;    // inclusive
  std::optional<domain::ComplaintKind> kind;
};

// Complaints and denunciations about emulation work (domain/complaints).
class ComplaintRepository {
 public:
  virtual ~ComplaintRepository() = default;
  virtual std::optional<domain::Complaint> find_complaint(ComplaintId id) = 0;
  // Newest receipt first, then newest id first.
  virtual std::vector<domain::Complaint> list_complaints(const ComplaintQuery& query) = 0;
  virtual ComplaintId insert_complaint(const domain::Complaint& complaint) = 0;
  // Writes every field but id, created_at and created_by.
  virtual void update_complaint(const domain::Complaint& complaint) = 0;
};

struct StoredAccount {
  domain::Account account;
  std::string password_hash;
};

struct StoredSession {
  AccountId account;
  std::string csrf_token;
  std::int64_t expires_at = 0;    // unix seconds: the end of its lifetime
  std::int64_t last_seen_at = 0;  // unix seconds: when it was last used (to the touch interval)
};

// Failed sign-in attempts counted for throttling: how many, and when the newest was made.
struct AttemptCount {
  int failures = 0;
  std::int64_t last_at = 0;
};

class AccountRepository {
 public:
  virtual ~AccountRepository() = default;
  virtual std::optional<StoredAccount> find_by_username(const std::string& username) = 0;
  virtual std::optional<StoredAccount> find(AccountId id) = 0;
  virtual std::vector<domain::Account> list() = 0;
  virtual AccountId insert(const domain::Account& account, const std::string& password_hash, std::int64_t now) = 0;
  virtual void update(const domain::Account& account) = 0;
  virtual void set_password(AccountId id, const std::string& password_hash, std::int64_t now) = 0;

  // Stores a session used last at `now`.
  virtual void insert_session(const std::string& token_digest, const StoredSession& session, const std::string& address,
                              std::int64_t now) = 0;
  virtual std::optional<StoredSession> find_session(const std::string& token_digest) = 0;
  virtual void touch_session(const std::string& token_digest, std::int64_t now) = 0;
  virtual void delete_session(const std::string& token_digest) = 0;
  virtual void delete_sessions_of(AccountId id) = 0;
  // Every session of the account but the one with `keep_digest`.
  virtual void delete_other_sessions(AccountId id, const std::string& keep_digest) = 0;
  // Sessions past their lifetime (expires_at <= now) or unused since `idle_since`.
  virtual void delete_expired_sessions(std::int64_t now, std::int64_t idle_since) = 0;

  // Serialises the count-then-record of sign-in attempts across instances until the end of the
  // transaction (an advisory lock on PostgreSQL; SQLite's write transaction is already exclusive).
  virtual void lock_attempts() = 0;
  // Records an attempt; returns its id. An attempt is recorded as failed before the password is
  // checked, and marked succeeded afterwards when it was right.
  virtual std::int64_t record_login_attempt(const std::string& username, const std::string& address, bool succeeded,
                                            std::int64_t now) = 0;
  virtual void mark_attempt_succeeded(std::int64_t id) = 0;
  // Failed attempts since `since` for this username from this address, after the pair's last
  // success; and from this address for any username.
  virtual AttemptCount failures_of_pair(const std::string& username, const std::string& address,
                                        std::int64_t since) = 0;
  virtual AttemptCount failures_from_address(const std::string& address, std::int64_t since) = 0;
  virtual void delete_attempts_before(std::int64_t before) = 0;
};

struct AuditVerification {
  std::int64_t records = 0;
  std::optional<std::int64_t> first_broken;  // the id of the first record whose link does not hold
  std::string reason;
  // The newest record (the chain's head) when the trail is not empty: its id, hash and time.
  std::int64_t last_id = 0;
  std::string last_hash;
  std::string last_at;
};

// One stored audit record's place in the chain, looked up by id (for anchors).
struct AuditLinkRecord {
  std::int64_t id = 0;
  std::string hash;
  std::int64_t records_up_to = 0;  // how many records have an id up to this one, this one included
};

// The council's tally of one nomination at a session (read from COUNCIL's session_item).
struct VoteResult {
  NominationId nomination;
  CivilDate session_date;
  int approvals = 0;
  int rejections = 0;
  int abstentions = 0;
  int members = 0;
  std::string threshold;  // "từ 80% tổng số thành viên Hội đồng trở lên"
  bool passed = false;
};

// Decisions (own and higher), proposals to higher authorities and achievement reports.
class DecisionRepository {
 public:
  virtual ~DecisionRepository() = default;
  virtual std::optional<domain::Decision> find_decision(DecisionId id) = 0;
  // Newest first; of one review when given.
  virtual std::vector<domain::Decision> list_decisions(std::optional<ReviewId> review) = 0;
  virtual DecisionId insert_decision(const domain::Decision& decision) = 0;
  // Replaces every field and entry.
  virtual void update_decision(const domain::Decision& decision) = 0;
  // The decision entries naming this nomination, with the decision they belong to.
  virtual std::vector<std::pair<DecisionId, domain::DecisionEntry>> entries_of(NominationId nomination) = 0;

  virtual std::optional<domain::Proposal> find_proposal(ProposalId id) = 0;
  virtual std::vector<domain::Proposal> list_proposals(std::optional<ReviewId> review) = 0;
  // The proposal holding the nomination, if any.
  virtual std::optional<ProposalId> proposal_of(NominationId nomination) = 0;
  virtual ProposalId insert_proposal(const domain::Proposal& proposal) = 0;
  // Status, submission, decision (not the nominations).
  virtual void update_proposal(const domain::Proposal& proposal) = 0;

  virtual std::optional<domain::AchievementReport> find_report(NominationId nomination) = 0;
  virtual void upsert_report(const domain::AchievementReport& report) = 0;

  // The minutes documents of the council's sessions of a review (empty when none).
  virtual std::vector<DocumentId> minutes_of(ReviewId review) = 0;
  // The council's tallies of these nominations, in no particular order.
  virtual std::vector<VoteResult> vote_results(const std::vector<NominationId>& nominations) = 0;
};

// The council (Hội đồng Thi đua - Khen thưởng), its sessions, agenda items and ballots. A secret
// vote is stored as a ballot_cast (who voted) plus counts added to its item: never as a choice
// beside a member.
struct OpenBallot {
  PersonId person;
  NominationId nomination;
  domain::Choice choice = domain::Choice::kApprove;
  bool written = false;
};
struct BallotCast {
  PersonId person;
  NominationId nomination;
  bool written = false;
};

class CouncilRepository {
 public:
  virtual ~CouncilRepository() = default;
  virtual std::optional<domain::Council> find_council(CouncilId id) = 0;
  // Newest term first.
  virtual std::vector<domain::Council> list_councils() = 0;
  virtual CouncilId insert_council(const domain::Council& council) = 0;
  // Replaces every field and the members.
  virtual void update_council(const domain::Council& council) = 0;

  // With its members (attendance) and agenda items.
  virtual std::optional<domain::Session> find_session(SessionId id) = 0;
  // Newest first; of one review when given.
  virtual std::vector<domain::Session> list_sessions(std::optional<ReviewId> review) = 0;
  virtual SessionId insert_session(const domain::Session& session) = 0;
  // Writes the date, place, status, times, minutes and attendance; the items only when
  // `with_items` (their counts, threshold and result as given).
  virtual void update_session(const domain::Session& session, bool with_items) = 0;

  virtual std::vector<OpenBallot> ballots(SessionId session) = 0;
  virtual void insert_ballot(SessionId session, const OpenBallot& ballot) = 0;
  virtual std::vector<BallotCast> casts(SessionId session) = 0;
  // Records that the member voted and adds the choice to the item's counts, and nothing else.
  virtual void insert_secret_ballot(SessionId session, const BallotCast& cast, domain::Choice choice) = 0;
};

// One transaction. Destroying it without commit() rolls back everything it wrote.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual OrganisationRepository& organisation() = 0;
  virtual PeopleRepository& people() = 0;
  virtual AccountRepository& accounts() = 0;
  virtual RecordsRepository& records() = 0;
  virtual DocumentRepository& documents() = 0;
  virtual MovementRepository& movements() = 0;
  virtual CampaignRepository& campaigns() = 0;
  virtual TargetRepository& targets() = 0;
  virtual AttachmentRepository& attachments() = 0;
  virtual NominationRepository& nominations() = 0;
  virtual CouncilRepository& council() = 0;
  virtual GrantHistoryRepository& grant_history() = 0;
  virtual ComplaintRepository& complaints() = 0;
  virtual DecisionRepository& decisions() = 0;
  // Appends an audit record in this same transaction, chained by hash to the one before.
  virtual void audit(const AuditEntry& entry, const std::string& at) = 0;
  virtual std::vector<AuditRecord> audit_history(const std::string& entity, std::int64_t id) = 0;
  // Recomputes the whole chain; reports the first record that does not match, and the head.
  virtual AuditVerification verify_audit_chain() = 0;
  // The record `id` of the chain, if it is still stored.
  virtual std::optional<AuditLinkRecord> audit_link(std::int64_t id) = 0;
  // Serialises this write with every other write that assigns a number (document register,
  // minutes, decisions) or appends to the audit chain, until commit or rollback. A use case that
  // numbers calls it first, before it reads the last number or the state it checks (a session
  // still open, a movement without a plan), so that what it reads is what the concurrent writers
  // before it committed. For write units of work; idempotent. On SQLite writes are already
  // serialised (BEGIN IMMEDIATE); on PostgreSQL it is a transaction-scoped advisory lock, the
  // one the audit chain's appends take.
  virtual void lock_numbering() = 0;
  // Throws StoreFailure (kUnavailable) when the database cannot confirm the commit.
  virtual void commit() = 0;
};

// Thread-safe. Both calls throw StoreFailure (kUnavailable, kOverloaded) when no working
// connection can be had.
class Store {
 public:
  virtual ~Store() = default;
  virtual std::unique_ptr<UnitOfWork> read() = 0;
  virtual std::unique_ptr<UnitOfWork> write() = 0;
};

}  // namespace tdkt::app
