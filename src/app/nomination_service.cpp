#include "app/nomination_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.hpp"
#include "domain/rules/quota.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

Error forbidden(const Actor& actor, const std::string& what) {
  return {ErrorCode::kForbidden,
          "Tài khoản \"" + actor.name + "\" (vai trò: " + std::string(domain::vietnamese_label(actor.role)) +
              ") không được " + what + ".",
          ""};
}

std::string unit_name(UnitOfWork& work, UnitId id) {
  auto unit = work.organisation().find_unit(id);
  return unit ? unit->name : "đơn vị mã " + std::to_string(id.value);
}

std::string subject_name(UnitOfWork& work, const domain::SubjectRef& subject) {
  if (subject.kind == rules::SubjectKind::kUnit) return unit_name(work, UnitId{subject.id});
  auto person = work.people().find_person(PersonId{subject.id});
  return person ? person->full_name() : "cá nhân mã " + std::to_string(subject.id);
}

std::string_view outcome_code(rules::Outcome outcome) {
  switch (outcome) {
    case rules::Outcome::kMet: return "met";
    case rules::Outcome::kUnmet: return "unmet";
    case rules::Outcome::kUnknown: return "unknown";
  }
  return "unknown";
}

domain::VerdictReason stored_reason(const rules::Reason& reason) {
  domain::VerdictReason stored{reason.rule,  reason.citation,   reason.text, std::string(outcome_code(reason.outcome)),
                               reason.guard, reason.unverified, {}};
  for (const auto& detail : reason.details)
    stored.details.push_back(stored_reason(detail));
  return stored;
}

// A verdict that could not be reached, with the reason as its one clause.
Judgement not_judged(std::string rule_set, const std::string& rule, const std::string& citation, std::string text) {
  Judgement judgement;
  judgement.verdict = "insufficient_data";
  judgement.rule_set = std::move(rule_set);
  judgement.reasons.push_back({rule, citation, std::move(text), "unknown", false, false, {}});
  return judgement;
}

// The units of `roots`' subtrees valid on `day`.
std::vector<UnitId> subtree_of(UnitOfWork& work, UnitId root, CivilDate day) {
  std::vector<UnitId> units{root};
  for (std::size_t i = 0; i < units.size() && units.size() < 10000; ++i) {
    for (const auto& child : work.organisation().children_valid_on(units[i], day))
      units.push_back(child.id);
  }
  return units;
}

bool contains(const std::optional<std::vector<UnitId>>& units, UnitId unit) {
  return !units || std::find(units->begin(), units->end(), unit) != units->end();
}

Snapshot snapshot(const domain::Nomination& nomination) {
  return {{"year", std::to_string(nomination.year)},
          {"subject_kind", std::string(rules::to_string(nomination.subject.kind))},
          {"subject_id", std::to_string(nomination.subject.id)},
          {"honour", nomination.honour},
          {"unit_id", std::to_string(nomination.unit.value)},
          {"registration_id", nomination.registration ? std::to_string(nomination.registration->value) : ""},
          {"review_id", nomination.review ? std::to_string(nomination.review->value) : ""},
          {"verdict", nomination.verdict},
          {"verdict_json", nomination.verdict_json},
          {"rule_set", nomination.rule_set},
          {"justification", nomination.justification},
          {"achievement", nomination.achievement},
          {"status", std::string(domain::to_string(nomination.status))}};
}

Snapshot snapshot(const domain::Review& review) {
  return {{"year", std::to_string(review.year)},
          {"unit_id", std::to_string(review.unit.value)},
          {"name", review.name},
          {"decision_date", review.decision_date.iso()},
          {"status", std::string(domain::to_string(review.status))}};
}

// Whether the actor may nominate `subject` for `unit`: the officer anywhere, a unit head within
// the unit's subtree (the proposing unit and the subject both).
Status require_nominate_for(UnitOfWork& work, const Actor& actor, const domain::SubjectRef& subject, UnitId unit,
                            CivilDate today) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  const auto units = people_units(work, actor, today);
  if (!contains(units, unit)) return forbidden(actor, "đề nghị khen thưởng thay đơn vị ngoài phạm vi được giao");
  if (subject.kind == rules::SubjectKind::kUnit && !contains(units, UnitId{subject.id})) {
    return forbidden(actor, "đề nghị khen thưởng cho đơn vị ngoài phạm vi được giao");
  }
  if (subject.kind == rules::SubjectKind::kPerson && !person_in_scope(work, actor, PersonId{subject.id}, today)) {
    return forbidden(actor, "đề nghị khen thưởng cho cá nhân ngoài phạm vi đơn vị được giao");
  }
  return {};
}

Status check_subject_exists(UnitOfWork& work, const domain::SubjectRef& subject) {
  if (subject.kind == rules::SubjectKind::kPerson) {
    if (work.people().find_person(PersonId{subject.id})) return {};
    return Error::not_found("Không tìm thấy cá nhân mã " + std::to_string(subject.id) + ".");
  }
  if (subject.kind == rules::SubjectKind::kUnit) {
    if (work.organisation().find_unit(UnitId{subject.id})) return {};
    return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(subject.id) + ".");
  }
  return Error::invalid("subject_kind", "Đối tượng đề nghị là cá nhân (person) hoặc tập thể (unit).");
}

// The proposing unit when none is given: the subject unit itself, or the unit of the person's
// membership on `day` (within the actor's scope when there are several).
Result<UnitId> default_unit(UnitOfWork& work, const Actor& actor, const domain::SubjectRef& subject, CivilDate day) {
  if (subject.kind == rules::SubjectKind::kUnit) return UnitId{subject.id};
  const auto units = people_units(work, actor, day);
  std::optional<UnitId> found;
  for (const auto& membership : work.people().memberships_of(PersonId{subject.id})) {
    if (!membership.period.contains(day)) continue;
    if (!found || contains(units, membership.unit)) found = membership.unit;
    if (contains(units, membership.unit)) break;
  }
  if (found) return *found;
  return Error::invalid("unit_id", subject_name(work, subject) + " không công tác tại đơn vị nào vào ngày " + day.vn() +
                                       "; hãy chọn đơn vị đề nghị.");
}

std::string quota_place_text(const std::string& honour, int position, int limit) {
  if (position > limit) {
    return honour + ": " + std::to_string(position) + " trên giới hạn " + std::to_string(limit);
  }
  return honour + ": thứ " + std::to_string(position) + " trong giới hạn " + std::to_string(limit);
}

}  // namespace

NominationService::NominationService(Store& store, const Clock& clock, const EligibilityService& eligibility,
                                     const domain::rules::RuleLibrary* library, std::string province)
    : store_(store),
      clock_(clock),
      eligibility_(eligibility),
      library_(library),
      province_(std::move(province)),
      honours_(library ? domain::honour_directory(*library) : std::vector<domain::HonourInfo>{}) {}

std::string NominationService::honour_name(const std::string& code) const {
  const auto* info = domain::find_honour(honours_, code);
  return info ? info->name : code;
}

Result<Judgement> NominationService::judge(UnitOfWork& work, const domain::SubjectRef& subject,
                                           const std::string& honour, int year, CivilDate decision_date) const {
  if (!library_) return Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", ""};
  auto set = library_->in_force(decision_date, province_);
  if (!set) {
    Error error = set.error();
    error.field = "decision_date";
    if (error.code == ErrorCode::kInternal) error.code = ErrorCode::kInvalidInput;
    return error;
  }
  const auto* rule = set->find(honour);
  if (!rule) {
    return Error::invalid("honour", "Bộ tiêu chuẩn " + set->id + " đang áp dụng ngày " + decision_date.vn() +
                                        " không có danh hiệu, hình thức \"" + honour + "\".");
  }
  if (!rule->applies_to(subject.kind)) {
    return Error::invalid("honour", rule->name + " không dành cho " +
                                        (subject.kind == rules::SubjectKind::kUnit ? "tập thể" : "cá nhân") + " (" +
                                        rule->citation + ").");
  }
  if (year < set->first_year) {
    return not_judged(set->id, "first_year", set->first_year_citation,
                      "Năm " + std::to_string(year) + ": bộ " + set->id + " chỉ xét từ năm " +
                          std::to_string(set->first_year) + ". Không xét theo suy đoán.");
  }
  auto facts = eligibility_.facts(work, subject, year);
  if (!facts) return std::move(facts).error();
  if (auto consistent = rules::check_consistency(*facts, decision_date.year()); !consistent) {
    return not_judged(set->id, "consistency", "", "Hồ sơ mâu thuẫn, chưa xét được: " + consistent.error().message);
  }
  const rules::Evaluator evaluator(*set);
  const auto result = evaluator.explain(facts->view(), *rule, year);
  Judgement judgement;
  judgement.verdict = std::string(rules::to_string(result.verdict));
  judgement.rule_set = set->id;
  for (const auto& reason : result.reasons)
    judgement.reasons.push_back(stored_reason(reason));
  return judgement;
}

NominationView NominationService::view(UnitOfWork& work, domain::Nomination nomination) const {
  NominationView view;
  view.subject_name = subject_name(work, nomination.subject);
  view.unit_name = unit_name(work, nomination.unit);
  view.honour_name = honour_name(nomination.honour);
  view.created_by_name = nomination.created_by;
  if (nomination.review) {
    if (auto review = work.nominations().find_review(*nomination.review)) view.review_name = review->name;
  }
  view.nomination = std::move(nomination);
  return view;
}

Result<std::vector<Candidate>> NominationService::candidates(const Actor& actor, const CandidateQuery& query) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.read();
  const auto today = clock_.today();
  if (query.year < domain::kFirstRecordYear || query.year > today.year()) {
    return Error::invalid("year", "Năm phải từ " + std::to_string(domain::kFirstRecordYear) + " đến " +
                                      std::to_string(today.year()) + ".");
  }
  std::vector<domain::Campaign> campaigns;
  if (query.campaign) {
    auto campaign = work->campaigns().find_campaign(*query.campaign);
    if (!campaign)
      return Error::not_found("Không tìm thấy đợt đăng ký mã " + std::to_string(query.campaign->value) + ".");
    if (campaign->year != query.year) {
      return Error::invalid("campaign_id", "Đợt đăng ký mã " + std::to_string(campaign->id.value) + " là của năm " +
                                               std::to_string(campaign->year) + ".");
    }
    campaigns.push_back(std::move(*campaign));
  } else {
    for (auto& campaign : work->campaigns().list_campaigns()) {
      if (campaign.year == query.year) campaigns.push_back(std::move(campaign));
    }
  }
  auto units = people_units(*work, actor, today);
  if (query.unit) {
    if (!work->organisation().find_unit(*query.unit)) {
      return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(query.unit->value) + ".");
    }
    if (!contains(units, *query.unit)) return forbidden(actor, "xem đề nghị của đơn vị ngoài phạm vi được giao");
    units = subtree_of(*work, *query.unit, today);
  }
  std::vector<Candidate> found;
  std::set<std::pair<std::string, std::int64_t>> seen;  // one candidate per subject and honour
  ScopeFilter scope(*work, actor, today);
  for (const auto& campaign : campaigns) {
    for (const auto& registration : work->campaigns().registrations(campaign.id)) {
      // Counted under a unit of the scope, and (a person who moved since) still within it.
      if (!contains(units, registration.unit) || !scope.covers(registration.subject)) continue;
      const auto key =
          std::make_pair(registration.honour + "/" + std::string(rules::to_string(registration.subject.kind)),
                         registration.subject.id);
      if (!seen.insert(key).second) continue;
      Candidate candidate;
      candidate.subject = registration.subject;
      candidate.subject_name = subject_name(*work, registration.subject);
      candidate.unit = registration.unit;
      candidate.unit_name = unit_name(*work, registration.unit);
      candidate.honour = registration.honour;
      candidate.honour_name = honour_name(registration.honour);
      candidate.registration = registration.id;
      candidate.campaign = campaign.id;
      auto judgement = judge(*work, registration.subject, registration.honour, query.year, today);
      if (judgement) {
        candidate.judgement = std::move(*judgement);
      } else {
        candidate.judgement = not_judged("", "error", "", judgement.error().message);
      }
      if (auto live = work->nominations().find_live(query.year, registration.subject, registration.honour)) {
        candidate.nomination = live->id;
      }
      found.push_back(std::move(candidate));
    }
  }
  // Eligible first, otherwise in the order registered.
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return (a.judgement.verdict == "eligible") > (b.judgement.verdict == "eligible");
  });
  return found;
}

Result<NominationView> NominationService::nominate(const Actor& actor, const NominationRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.write();
  const auto today = clock_.today();
  if (request.year < domain::kFirstRecordYear || request.year > today.year()) {
    return Error::invalid("year", "Năm đề nghị phải từ " + std::to_string(domain::kFirstRecordYear) + " đến " +
                                      std::to_string(today.year()) + ".");
  }
  domain::Nomination nomination;
  nomination.year = request.year;
  nomination.subject = request.subject;
  nomination.honour = request.honour;
  nomination.registration = request.registration;
  nomination.achievement = request.achievement;
  nomination.justification = request.justification;
  std::optional<UnitId> unit = request.unit;
  if (request.registration) {
    auto registration = work->campaigns().find_registration(*request.registration);
    if (!registration) {
      return Error::not_found("Không tìm thấy đăng ký thi đua mã " + std::to_string(request.registration->value) + ".");
    }
    auto campaign = work->campaigns().find_campaign(registration->campaign);
    if (!(registration->subject == request.subject) || registration->honour != request.honour || !campaign ||
        campaign->year != request.year) {
      return Error::invalid("registration_id", "Đăng ký thi đua mã " + std::to_string(registration->id.value) +
                                                   " không phải của đối tượng, danh hiệu và năm được đề nghị.");
    }
    if (!unit) unit = registration->unit;
  }
  if (request.honour.empty()) return Error::invalid("honour", "Chưa chọn danh hiệu, hình thức khen thưởng.");
  if (!domain::find_honour(honours_, request.honour)) {
    return Error::invalid("honour", "Không có danh hiệu, hình thức khen thưởng mã \"" + request.honour + "\".");
  }
  TDKT_TRY(check_subject_exists(*work, request.subject));
  if (!unit) {
    TDKT_TRY_ASSIGN(unit, default_unit(*work, actor, request.subject, today));
  }
  if (!work->organisation().find_unit(*unit)) {
    return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(unit->value) + ".");
  }
  nomination.unit = *unit;
  TDKT_TRY(require_nominate_for(*work, actor, request.subject, *unit, today));
  TDKT_TRY(domain::check_nomination(nomination, today.year()));
  if (auto live = work->nominations().find_live(request.year, request.subject, request.honour)) {
    return Error::conflict(ErrorCode::kConflict, "subject_id",
                           subject_name(*work, request.subject) + " đã được đề nghị " + honour_name(request.honour) +
                               " năm " + std::to_string(request.year) + " (đề nghị số " +
                               std::to_string(live->id.value) + ", " +
                               std::string(domain::vietnamese_label(live->status)) + ").");
  }
  auto judged = judge(*work, request.subject, request.honour, request.year, today);
  if (!judged) return std::move(judged).error();
  const auto& judgement = *judged;
  if (domain::needs_justification(judgement.verdict) && nomination.justification.empty()) {
    std::string why;
    if (const auto* failing = domain::first_failing(judgement.reasons)) {
      why = " " + failing->text + (failing->citation.empty() ? std::string() : " (" + failing->citation + ")") + ".";
    }
    return Error::invalid("justification", subject_name(*work, request.subject) + " " +
                                               std::string(domain::verdict_label(judgement.verdict)) + " " +
                                               honour_name(request.honour) + " năm " + std::to_string(request.year) +
                                               " theo bộ tiêu chuẩn " + judgement.rule_set + "." + why +
                                               " Chỉ đề nghị được khi có giải trình bằng văn bản.");
  }
  nomination.verdict = judgement.verdict;
  nomination.verdict_json = domain::reasons_json(judgement.reasons);
  nomination.rule_set = judgement.rule_set;
  nomination.status = domain::NominationStatus::kProposed;
  nomination.created_at = clock_.now_iso();
  nomination.created_by = actor.name;
  nomination.id = work->nominations().insert(nomination);
  work->audit({actor.name, "nomination", nomination.id.value, "create", std::nullopt, snapshot(nomination)},
              nomination.created_at);
  auto result = view(*work, std::move(nomination));
  work->commit();
  return result;
}

Result<std::vector<NominationView>> NominationService::list(const Actor& actor, const NominationFilter& filter) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.read();
  const auto today = clock_.today();
  NominationQuery query;
  query.year = filter.year;
  query.status = filter.status;
  query.units = people_units(*work, actor, today);
  if (filter.unit) {
    if (!work->organisation().find_unit(*filter.unit)) {
      return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(filter.unit->value) + ".");
    }
    if (!contains(query.units, *filter.unit)) return forbidden(actor, "xem đề nghị của đơn vị ngoài phạm vi được giao");
    query.units = subtree_of(*work, *filter.unit, today);
  }
  std::vector<NominationView> found;
  for (auto& nomination : work->nominations().list(query))
    found.push_back(view(*work, std::move(nomination)));
  return found;
}

Result<NominationView> NominationService::nomination(const Actor& actor, NominationId id) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.read();
  auto found = work->nominations().find(id);
  if (!found) return Error::not_found("Không tìm thấy đề nghị khen thưởng mã " + std::to_string(id.value) + ".");
  if (!contains(people_units(*work, actor, clock_.today()), found->unit)) {
    return forbidden(actor, "xem đề nghị của đơn vị ngoài phạm vi được giao");
  }
  return view(*work, std::move(*found));
}

Result<NominationView> NominationService::withdraw(const Actor& actor, NominationId id) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.write();
  auto found = work->nominations().find(id);
  if (!found) return Error::not_found("Không tìm thấy đề nghị khen thưởng mã " + std::to_string(id.value) + ".");
  if (!contains(people_units(*work, actor, clock_.today()), found->unit)) {
    return forbidden(actor, "rút đề nghị của đơn vị ngoài phạm vi được giao");
  }
  TDKT_TRY(domain::can_withdraw(*found));
  if (found->review) {
    auto review = work->nominations().find_review(*found->review);
    if (review) TDKT_TRY(domain::review_open(*review));
  }
  const auto before = snapshot(*found);
  found->status = domain::NominationStatus::kWithdrawn;
  found->review.reset();
  work->nominations().set_review(id, std::nullopt, domain::NominationStatus::kWithdrawn);
  work->audit({actor.name, "nomination", id.value, "withdraw", before, snapshot(*found)}, clock_.now_iso());
  auto result = view(*work, std::move(*found));
  work->commit();
  return result;
}

Result<ReviewView> NominationService::review_view(UnitOfWork& work, domain::Review review) const {
  ReviewView result;
  result.unit_name = unit_name(work, review.unit);
  std::optional<rules::RuleSet> set;
  if (library_) {
    if (auto found = library_->in_force(review.decision_date, province_)) {
      set = std::move(*found);
      result.rule_set = set->id;
      result.rule_set_name = set->name;
    } else {
      result.rule_set_name = found.error().message;
    }
  }
  const auto nominations = work.nominations().list_review(review.id);
  for (const auto& nomination : nominations)
    result.entries.push_back({view(work, nomination), {}});
  if (set) {
    // The batch in review order; per-group quotas count within the proposing unit.
    std::vector<rules::Nomination> batch;
    std::vector<std::size_t> entry_of;
    for (std::size_t i = 0; i < nominations.size(); ++i) {
      const auto honour = library_->catalogue().find(nominations[i].honour);
      if (!honour) continue;
      batch.push_back({std::to_string(nominations[i].id.value), *honour, std::to_string(nominations[i].unit.value)});
      entry_of.push_back(i);
    }
    for (const auto& quota : set->quotas) {
      const auto* honour = set->find(quota.honour);
      const std::string code = honour ? honour->code : std::string();
      std::map<std::string, std::pair<std::vector<std::size_t>, int>> groups;
      for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto key = quota.per_group ? batch[i].group : std::string();
        if (batch[i].honour == quota.honour) groups[key].first.push_back(i);
        if (quota.of && batch[i].honour == *quota.of) ++groups[key].second;
      }
      for (const auto& [group, entry] : groups) {
        const auto& [nominated, base_count] = entry;
        int limit = quota.max_count.value_or(static_cast<int>(batch.size()));
        if (quota.of) limit = std::min(limit, base_count * quota.percent / 100);
        for (std::size_t k = 0; k < nominated.size(); ++k) {
          const int position = static_cast<int>(k) + 1;
          QuotaPlace place{quota.id,
                           quota.citation,
                           quota.per_group ? unit_name(work, UnitId{std::stoll(group)}) : std::string(),
                           position,
                           static_cast<int>(nominated.size()),
                           limit,
                           position > limit,
                           quota_place_text(code, position, limit)};
          result.entries[entry_of[nominated[k]]].quotas.push_back(std::move(place));
        }
      }
    }
    for (const auto& breach : rules::check_quotas(*set, batch)) {
      result.quota_breaches.push_back(breach.text +
                                      (breach.quota->citation.empty() ? "" : " (" + breach.quota->citation + ")"));
    }
  }
  result.review = std::move(review);
  return result;
}

Result<ReviewView> NominationService::create_review(const Actor& actor, const ReviewRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  domain::Review review;
  review.year = request.year;
  review.unit = request.unit;
  review.name = request.name;
  review.decision_date = request.decision_date;
  TDKT_TRY(domain::check_review(review, clock_.today().year()));
  if (!work->organisation().find_unit(request.unit)) {
    return Error::invalid("unit_id", "Không có đơn vị mã " + std::to_string(request.unit.value) + ".");
  }
  if (library_) {
    if (auto set = library_->in_force(review.decision_date, province_); !set) {
      return Error::invalid("decision_date", set.error().message);
    }
  }
  review.status = domain::ReviewStatus::kOpen;
  review.created_at = clock_.now_iso();
  review.created_by = actor.name;
  review.id = work->nominations().insert_review(review);
  work->audit({actor.name, "review", review.id.value, "create", std::nullopt, snapshot(review)}, review.created_at);
  auto result = review_view(*work, std::move(review));
  if (!result) return result;
  work->commit();
  return result;
}

Result<std::vector<ReviewSummary>> NominationService::reviews(const Actor& actor, std::optional<int> year) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.read();
  ScopeFilter scope(*work, actor, clock_.today());
  std::vector<ReviewSummary> found;
  for (auto& review : work->nominations().list_reviews(year)) {
    const auto nominations = work->nominations().list_review(review.id);
    // A unit head counts only the nominations of their units, as the review shows them.
    const auto count = std::count_if(nominations.begin(), nominations.end(),
                                     [&](const domain::Nomination& item) { return scope.covers_unit(item.unit); });
    const auto name = unit_name(*work, review.unit);
    found.push_back({std::move(review), name, static_cast<int>(count)});
  }
  return found;
}

Result<ReviewView> NominationService::review(const Actor& actor, ReviewId id) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.read();
  auto found = work->nominations().find_review(id);
  if (!found) return Error::not_found("Không tìm thấy đợt xét khen thưởng mã " + std::to_string(id.value) + ".");
  auto view = review_view(*work, std::move(*found));
  if (!view) return view;
  // The quota places were counted over the whole review; a unit head sees only the entries of
  // the units they may read a nomination of (as GET /nominations/{id} does).
  ScopeFilter scope(*work, actor, clock_.today());
  std::erase_if(view->entries,
                [&](const ReviewEntry& entry) { return !scope.covers_unit(entry.view.nomination.unit); });
  return view;
}

Result<ReviewView> NominationService::gather(const Actor& actor, ReviewId id,
                                             const std::vector<NominationId>& nominations) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  if (nominations.empty()) return Error::invalid("nomination_ids", "Chưa chọn đề nghị nào để đưa vào đợt xét.");
  auto work = store_.write();
  auto review = work->nominations().find_review(id);
  if (!review) return Error::not_found("Không tìm thấy đợt xét khen thưởng mã " + std::to_string(id.value) + ".");
  std::set<NominationId> seen;
  for (const auto nomination_id : nominations) {
    if (!seen.insert(nomination_id).second) {
      return Error::invalid("nomination_ids",
                            "Đề nghị số " + std::to_string(nomination_id.value) + " được chọn hai lần.");
    }
    auto nomination = work->nominations().find(nomination_id);
    if (!nomination) {
      return Error{ErrorCode::kNotFound,
                   "Không tìm thấy đề nghị khen thưởng mã " + std::to_string(nomination_id.value) + ".",
                   "nomination_ids"};
    }
    TDKT_TRY(domain::can_gather(*nomination, *review));
    const auto before = snapshot(*nomination);
    nomination->review = id;
    nomination->status = domain::NominationStatus::kInReview;
    work->nominations().set_review(nomination_id, id, nomination->status);
    work->audit({actor.name, "nomination", nomination_id.value, "gather", before, snapshot(*nomination)},
                clock_.now_iso());
  }
  auto result = review_view(*work, std::move(*review));
  if (!result) return result;
  work->commit();
  return result;
}

Result<ReviewView> NominationService::remove(const Actor& actor, ReviewId id, NominationId nomination_id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto review = work->nominations().find_review(id);
  if (!review) return Error::not_found("Không tìm thấy đợt xét khen thưởng mã " + std::to_string(id.value) + ".");
  auto nomination = work->nominations().find(nomination_id);
  if (!nomination) {
    return Error::not_found("Không tìm thấy đề nghị khen thưởng mã " + std::to_string(nomination_id.value) + ".");
  }
  TDKT_TRY(domain::can_remove(*nomination, *review));
  const auto before = snapshot(*nomination);
  nomination->review.reset();
  nomination->status = domain::NominationStatus::kProposed;
  work->nominations().set_review(nomination_id, std::nullopt, nomination->status);
  work->audit({actor.name, "nomination", nomination_id.value, "remove", before, snapshot(*nomination)},
              clock_.now_iso());
  auto result = review_view(*work, std::move(*review));
  if (!result) return result;
  work->commit();
  return result;
}

Result<ReviewView> NominationService::recheck(const Actor& actor, ReviewId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto review = work->nominations().find_review(id);
  if (!review) return Error::not_found("Không tìm thấy đợt xét khen thưởng mã " + std::to_string(id.value) + ".");
  TDKT_TRY(domain::review_open(*review));
  for (auto nomination : work->nominations().list_review(id)) {
    auto judged = judge(*work, nomination.subject, nomination.honour, nomination.year, review->decision_date);
    if (!judged) return std::move(judged).error();
    auto& judgement = *judged;
    auto json = domain::reasons_json(judgement.reasons);
    if (judgement.verdict == nomination.verdict && json == nomination.verdict_json &&
        judgement.rule_set == nomination.rule_set) {
      continue;
    }
    const auto before = snapshot(nomination);
    nomination.verdict = judgement.verdict;
    nomination.verdict_json = std::move(json);
    nomination.rule_set = judgement.rule_set;
    work->nominations().set_verdict(nomination.id, nomination.verdict, nomination.verdict_json, nomination.rule_set);
    work->audit({actor.name, "nomination", nomination.id.value, "recheck", before, snapshot(nomination)},
                clock_.now_iso());
  }
  auto result = review_view(*work, std::move(*review));
  if (!result) return result;
  work->commit();
  return result;
}

Result<ReviewView> NominationService::close(const Actor& actor, ReviewId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto review = work->nominations().find_review(id);
  if (!review) return Error::not_found("Không tìm thấy đợt xét khen thưởng mã " + std::to_string(id.value) + ".");
  TDKT_TRY(domain::review_open(*review));
  const auto before = snapshot(*review);
  review->status = domain::ReviewStatus::kClosed;
  work->nominations().set_review_status(id, review->status);
  work->audit({actor.name, "review", id.value, "close", before, snapshot(*review)}, clock_.now_iso());
  auto result = review_view(*work, std::move(*review));
  if (!result) return result;
  work->commit();
  return result;
}

}  // namespace tdkt::app
