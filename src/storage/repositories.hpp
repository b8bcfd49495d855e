#pragma once
// SQL implementations of the app ports, shared by both backends. Internal to storage/.

#include "app/ports.hpp"

namespace soci {
class session;
}

namespace tdkt::storage {

class SqlOrganisationRepository final : public app::OrganisationRepository {
 public:
  explicit SqlOrganisationRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Unit> find_unit(UnitId id) override;
  std::vector<domain::Unit> units_valid_on(CivilDate day) override;
  std::vector<domain::Unit> children_valid_on(UnitId parent, CivilDate day) override;
  UnitId insert_unit(const domain::UnitDraft& draft) override;
  void update_unit(const domain::Unit& unit) override;
  void end_unit(UnitId id, CivilDate last_day, RestructuringId by) override;
  RestructuringId insert_restructuring(const domain::Restructuring& event) override;
  std::optional<domain::Restructuring> find_restructuring(RestructuringId id) override;
  std::vector<domain::Restructuring> restructurings() override;
  std::vector<domain::Succession> successions_from(UnitId id) override;
  std::vector<domain::Succession> successions_to(UnitId id) override;
  BlocId insert_bloc(const domain::Bloc& bloc) override;
  void insert_bloc_member(const domain::BlocMember& member) override;
  std::vector<domain::Bloc> blocs() override;
  std::optional<domain::Bloc> find_bloc(BlocId id) override;
  std::vector<domain::BlocMember> bloc_members(BlocId id) override;

 private:
  std::vector<domain::Succession> successions(const char* where, UnitId id);
  soci::session& session_;
};

class SqlPeopleRepository final : public app::PeopleRepository {
 public:
  explicit SqlPeopleRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Person> find_person(PersonId id) override;
  PersonId insert_person(const domain::PersonDraft& draft, const std::string& search_text,
                         const std::string& sort_key) override;
  void update_person(PersonId id, const domain::PersonDraft& draft, const std::string& search_text,
                     const std::string& sort_key) override;
  std::vector<domain::Person> list_people(const app::PeopleQuery& query) override;
  std::int64_t count_people() override;
  std::optional<domain::Membership> find_membership(MembershipId id) override;
  std::vector<domain::Membership> memberships_of(PersonId person) override;
  std::vector<domain::Membership> memberships_in(UnitId unit, CivilDate day) override;
  MembershipId insert_membership(const domain::Membership& membership) override;
  void update_membership(const domain::Membership& membership) override;
  void delete_membership(MembershipId id) override;

 private:
  soci::session& session_;
};

class SqlRecordsRepository final : public app::RecordsRepository {
 public:
  explicit SqlRecordsRepository(soci::session& session) : session_(session) {}
  std::vector<domain::PersonYear> person_years(PersonId person) override;
  std::optional<domain::PersonYear> find_person_year(PersonId person, int year) override;
  void upsert_person_year(const domain::PersonYear& record) override;
  void delete_person_year(PersonId person, int year) override;
  std::vector<domain::PersonYear> member_years(const std::vector<UnitId>& units, int year) override;
  int member_count(const std::vector<UnitId>& units, int year) override;
  std::vector<domain::GrantRecord> member_grants(const std::vector<UnitId>& units, int year) override;
  std::vector<domain::UnitYear> unit_years(UnitId unit) override;
  std::optional<domain::UnitYear> find_unit_year(UnitId unit, int year) override;
  void upsert_unit_year(const domain::UnitYear& record) override;
  void delete_unit_year(UnitId unit, int year) override;
  std::vector<domain::InitiativeRecord> initiatives(const domain::SubjectRef& subject) override;
  std::optional<domain::InitiativeRecord> find_initiative(InitiativeId id) override;
  InitiativeId insert_initiative(const domain::InitiativeRecord& record) override;
  void update_initiative(const domain::InitiativeRecord& record) override;
  void delete_initiative(InitiativeId id) override;
  std::vector<domain::GrantRecord> grants(const domain::SubjectRef& subject) override;
  std::optional<domain::GrantRecord> find_grant(GrantId id) override;
  GrantId insert_grant(const domain::GrantRecord& record) override;
  void update_grant(const domain::GrantRecord& record) override;
  void delete_grant(GrantId id) override;

 private:
  soci::session& session_;
};

class SqlDocumentRepository final : public app::DocumentRepository {
 public:
  explicit SqlDocumentRepository(soci::session& session) : session_(session) {}
  std::optional<domain::RegisteredDocument> find_document(DocumentId id) override;
  std::vector<domain::RegisteredDocument> find_by_number(const std::string& number, int year,
                                                         const std::string& issuer) override;
  std::vector<domain::RegisteredDocument> list_documents(const app::DocumentQuery& query) override;
  DocumentId insert_document(const domain::RegisteredDocument& document, const std::string& search_text) override;
  int last_number(const std::string& symbol, int year) override;
  void set_last_number(const std::string& symbol, int year, int number) override;

 private:
  std::vector<domain::RegisteredDocument> load(std::vector<domain::RegisteredDocument> documents);
  soci::session& session_;
};

class SqlMovementRepository final : public app::MovementRepository {
 public:
  explicit SqlMovementRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Movement> find_movement(MovementId id) override;
  std::vector<domain::Movement> list_movements(const app::MovementQuery& query) override;
  std::vector<domain::Movement> children_of(MovementId parent) override;
  std::optional<MovementId> movement_of_plan(DocumentId document) override;
  MovementId insert_movement(const domain::Movement& movement, const std::string& search_text) override;
  void update_movement(const domain::Movement& movement, const std::string& search_text) override;

 private:
  std::vector<domain::Movement> load(std::vector<domain::Movement> movements);
  void insert_children(const domain::Movement& movement);
  soci::session& session_;
};

class SqlCampaignRepository final : public app::CampaignRepository {
 public:
  explicit SqlCampaignRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Campaign> find_campaign(CampaignId id) override;
  std::optional<domain::Campaign> find_campaign_for(MovementId movement, int year) override;
  std::vector<domain::Campaign> list_campaigns() override;
  CampaignId insert_campaign(const domain::Campaign& campaign) override;
  void update_campaign(const domain::Campaign& campaign) override;
  std::vector<domain::Registration> registrations(CampaignId campaign) override;
  std::optional<domain::Registration> find_registration(RegistrationId id) override;
  RegistrationId insert_registration(const domain::Registration& registration) override;
  void delete_registration(RegistrationId id) override;

 private:
  std::vector<domain::Campaign> load(std::vector<domain::Campaign> campaigns);
  soci::session& session_;
};

class SqlAccountRepository final : public app::AccountRepository {
 public:
  explicit SqlAccountRepository(soci::session& session) : session_(session) {}
  std::optional<app::StoredAccount> find_by_username(const std::string& username) override;
  std::optional<app::StoredAccount> find(AccountId id) override;
  std::vector<domain::Account> list() override;
  AccountId insert(const domain::Account& account, const std::string& password_hash, std::int64_t now) override;
  void update(const domain::Account& account) override;
  void set_password(AccountId id, const std::string& password_hash, std::int64_t now) override;
  void insert_session(const std::string& token_digest, const app::StoredSession& session, const std::string& address,
                      std::int64_t now) override;
  std::optional<app::StoredSession> find_session(const std::string& token_digest) override;
  void touch_session(const std::string& token_digest, std::int64_t now) override;
  void delete_session(const std::string& token_digest) override;
  void delete_sessions_of(AccountId id) override;
  void delete_other_sessions(AccountId id, const std::string& keep_digest) override;
  void delete_expired_sessions(std::int64_t now, std::int64_t idle_since) override;
  void lock_attempts() override;
  std::int64_t record_login_attempt(const std::string& username, const std::string& address, bool succeeded,
                                    std::int64_t now) override;
  void mark_attempt_succeeded(std::int64_t id) override;
  app::AttemptCount failures_of_pair(const std::string& username, const std::string& address,
                                     std::int64_t since) override;
  app::AttemptCount failures_from_address(const std::string& address, std::int64_t since) override;
  void delete_attempts_before(std::int64_t before) override;

 private:
  soci::session& session_;
};

class SqlTargetRepository final : public app::TargetRepository {
 public:
  explicit SqlTargetRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Target> find_target(TargetId id) override;
  std::vector<domain::Target> targets_of(MovementId movement, std::optional<UnitId> unit) override;
  int last_position(MovementId movement, UnitId unit) override;
  TargetId insert_target(const domain::Target& target) override;
  void update_target(const domain::Target& target) override;
  void delete_target(TargetId id) override;
  std::vector<domain::Measurement> measurements_of(TargetId target) override;
  std::optional<domain::Measurement> find_measurement(TargetId target, CivilDate measured_on) override;
  void upsert_measurement(const domain::Measurement& measurement) override;
  void delete_measurement(TargetId target, CivilDate measured_on) override;

 private:
  soci::session& session_;
};

class SqlAttachmentRepository final : public app::AttachmentRepository {
 public:
  explicit SqlAttachmentRepository(soci::session& session) : session_(session) {}
  std::vector<domain::Attachment> attachments_of(DocumentId document) override;
  std::optional<domain::Attachment> find_attachment(AttachmentId id) override;
  std::optional<std::string> attachment_content(AttachmentId id) override;
  domain::Attachment insert_attachment(const domain::Attachment& attachment, const std::string& content) override;
  void delete_attachment(AttachmentId id) override;

 private:
  soci::session& session_;
};

class SqlNominationRepository final : public app::NominationRepository {
 public:
  explicit SqlNominationRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Review> find_review(ReviewId id) override;
  std::vector<domain::Review> list_reviews(std::optional<int> year) override;
  ReviewId insert_review(const domain::Review& review) override;
  void set_review_status(ReviewId id, domain::ReviewStatus status) override;
  std::optional<domain::Nomination> find(NominationId id) override;
  std::optional<domain::Nomination> find_live(int year, const domain::SubjectRef& subject,
                                              const std::string& honour) override;
  std::vector<domain::Nomination> list(const app::NominationQuery& query) override;
  std::vector<domain::Nomination> list_review(ReviewId review) override;
  NominationId insert(const domain::Nomination& nomination) override;
  void set_status(NominationId id, domain::NominationStatus status) override;
  void set_review(NominationId id, std::optional<ReviewId> review, domain::NominationStatus status) override;
  void set_verdict(NominationId id, const std::string& verdict, const std::string& verdict_json,
                   const std::string& rule_set) override;

 private:
  soci::session& session_;
};

class SqlDecisionRepository final : public app::DecisionRepository {
 public:
  explicit SqlDecisionRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Decision> find_decision(DecisionId id) override;
  std::vector<domain::Decision> list_decisions(std::optional<ReviewId> review) override;
  DecisionId insert_decision(const domain::Decision& decision) override;
  void update_decision(const domain::Decision& decision) override;
  std::vector<std::pair<DecisionId, domain::DecisionEntry>> entries_of(NominationId nomination) override;
  std::optional<domain::Proposal> find_proposal(ProposalId id) override;
  std::vector<domain::Proposal> list_proposals(std::optional<ReviewId> review) override;
  std::optional<ProposalId> proposal_of(NominationId nomination) override;
  ProposalId insert_proposal(const domain::Proposal& proposal) override;
  void update_proposal(const domain::Proposal& proposal) override;
  std::optional<domain::AchievementReport> find_report(NominationId nomination) override;
  void upsert_report(const domain::AchievementReport& report) override;
  std::vector<DocumentId> minutes_of(ReviewId review) override;
  std::vector<app::VoteResult> vote_results(const std::vector<NominationId>& nominations) override;

 private:
  void insert_entries(const domain::Decision& decision);
  soci::session& session_;
};

class SqlGrantHistoryRepository final : public app::GrantHistoryRepository {
 public:
  explicit SqlGrantHistoryRepository(soci::session& session) : session_(session) {}
  std::vector<domain::GrantRecord> list_grants(const app::GrantQuery& query) override;

 private:
  soci::session& session_;
};

class SqlComplaintRepository final : public app::ComplaintRepository {
 public:
  explicit SqlComplaintRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Complaint> find_complaint(ComplaintId id) override;
  std::vector<domain::Complaint> list_complaints(const app::ComplaintQuery& query) override;
  ComplaintId insert_complaint(const domain::Complaint& complaint) override;
  void update_complaint(const domain::Complaint& complaint) override;

 private:
  soci::session& session_;
};

class SqlCouncilRepository final : public app::CouncilRepository {
 public:
  explicit SqlCouncilRepository(soci::session& session) : session_(session) {}
  std::optional<domain::Council> find_council(CouncilId id) override;
  std::vector<domain::Council> list_councils() override;
  CouncilId insert_council(const domain::Council& council) override;
  void update_council(const domain::Council& council) override;
  std::optional<domain::Session> find_session(SessionId id) override;
  std::vector<domain::Session> list_sessions(std::optional<ReviewId> review) override;
  SessionId insert_session(const domain::Session& session) override;
  void update_session(const domain::Session& session, bool with_items) override;
  std::vector<app::OpenBallot> ballots(SessionId session) override;
  void insert_ballot(SessionId session, const app::OpenBallot& ballot) override;
  std::vector<app::BallotCast> casts(SessionId session) override;
  void insert_secret_ballot(SessionId session, const app::BallotCast& cast, domain::Choice choice) override;

 private:
  void insert_members(const domain::Council& council);
  void insert_attendance(const domain::Session& session);
  void insert_items(const domain::Session& session);
  std::vector<domain::Session> load(std::vector<domain::Session> sessions);
  soci::session& session_;
};

}  // namespace tdkt::storage
