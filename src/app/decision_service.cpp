#include "app/decision_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "app/access.hpp"
#include "app/document_service.hpp"
#include "app/snapshots.hpp"
#include "core/text.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;
using domain::NominationStatus;

Error decision_not_found(DecisionId id) {
  return Error::not_found("Không tìm thấy quyết định mã " + std::to_string(id.value) + ".");
}
Error proposal_not_found(ProposalId id) {
  return Error::not_found("Không tìm thấy tờ trình đề nghị mã " + std::to_string(id.value) + ".");
}
Error review_not_found(ReviewId id) {
  return Error::not_found("Không tìm thấy đợt xét khen thưởng mã " + std::to_string(id.value) + ".");
}
Error nomination_not_found(NominationId id) {
  return Error::not_found("Không tìm thấy đề nghị khen thưởng mã " + std::to_string(id.value) + ".");
}

std::string indexed(const char* list, std::size_t index) {
  return std::string(list) + "[" + std::to_string(index) + "]";
}

Snapshot snapshot(const domain::Decision& decision) {
  std::string entries;
  for (const auto& entry : decision.entries) {
    entries += (entries.empty() ? "" : ";") + std::string(rules::to_string(entry.subject.kind)) + ":" +
               std::to_string(entry.subject.id) + ":" + entry.honour + ":" + std::to_string(entry.year) + ":" +
               (entry.granted ? "1" : "0");
  }
  return {{"kind", std::string(domain::to_string(decision.kind))},
          {"review_id", decision.review ? std::to_string(decision.review->value) : ""},
          {"proposal_id", decision.proposal ? std::to_string(decision.proposal->value) : ""},
          {"document_id", decision.document ? std::to_string(decision.document->value) : ""},
          {"authority", decision.authority},
          {"authority_level", decision.authority_level},
          {"title", decision.title},
          {"status", std::string(domain::to_string(decision.status))},
          {"entries", entries}};
}

Snapshot snapshot(const domain::Proposal& proposal) {
  std::string nominations;
  for (const auto id : proposal.nominations)
    nominations += (nominations.empty() ? "" : ",") + std::to_string(id.value);
  return {{"review_id", std::to_string(proposal.review.value)},
          {"authority_level", proposal.authority_level},
          {"authority", proposal.authority},
          {"submission_document_id", proposal.submission ? std::to_string(proposal.submission->value) : ""},
          {"decision_id", proposal.decision ? std::to_string(proposal.decision->value) : ""},
          {"status", std::string(domain::to_string(proposal.status))},
          {"nominations", nominations}};
}

Snapshot snapshot(const domain::AchievementReport& report) {
  return {{"name", report.name},
          {"position", report.position},
          {"unit", report.unit},
          {"profile", report.profile},
          {"duties", report.duties},
          {"achievements", report.achievements},
          {"measures", report.measures},
          {"status", std::string(domain::to_string(report.status))},
          {"confirmed_by", report.confirmed_by}};
}

// Who the subject is, as the annex and the reports write it, on `day`.
struct SubjectInfo {
  bool exists = false;
  std::string name;
  std::string position;
  std::string unit;
  std::optional<UnitId> unit_id;
};

SubjectInfo subject_info(UnitOfWork& work, const domain::SubjectRef& subject, CivilDate day) {
  SubjectInfo info;
  if (subject.kind == rules::SubjectKind::kUnit) {
    auto unit = work.organisation().find_unit(UnitId{subject.id});
    if (!unit) return info;
    info.exists = true;
    info.name = unit->name;
    info.unit_id = unit->id;
    if (unit->parent) {
      if (auto parent = work.organisation().find_unit(*unit->parent)) info.unit = parent->name;
    }
    return info;
  }
  if (subject.kind != rules::SubjectKind::kPerson) return info;
  auto person = work.people().find_person(PersonId{subject.id});
  if (!person) return info;
  info.exists = true;
  info.name = person->full_name();
  std::optional<domain::Membership> chosen;
  for (auto& membership : work.people().memberships_of(person->id)) {
    if (membership.period.contains(day) || !chosen) chosen = membership;
    if (membership.period.contains(day)) break;
  }
  if (chosen) {
    info.position = chosen->position;
    info.unit_id = chosen->unit;
    if (auto unit = work.organisation().find_unit(chosen->unit)) info.unit = unit->name;
  }
  return info;
}

std::string honour_name(const rules::RuleSet& set, const std::string& code) {
  const auto* honour = set.find(code);
  return honour ? honour->name : code;
}

domain::HonourAuthority authority_of(const rules::RuleSet& set, const std::string& code) {
  domain::HonourAuthority out;
  out.honour = code;
  const auto* honour = set.find(code);
  if (!honour) return out;
  out.honour_name = honour->name;
  out.level = std::string(rules::to_string(honour->authority.level));
  out.level_label = std::string(rules::vietnamese_label(honour->authority.level));
  out.citation = honour->authority.citation;
  return out;
}

// Fills in what the review's unit already says; checks the symbol.
Result<domain::DocumentNumber> complete_signing(UnitOfWork& work, const domain::Review& review, SigningRequest& signing,
                                                const char* prefix) {
  if (auto unit = work.organisation().find_unit(review.unit)) {
    if (text::normalize(signing.issuer).empty()) signing.issuer = unit->name;
    if (text::normalize(signing.place).empty()) signing.place = unit->place;
    if (text::normalize(signing.symbol).empty() && !unit->short_name.empty())
      signing.symbol = std::string(prefix) + "-" + unit->short_name;
  }
  if (text::normalize(signing.symbol).empty())
    return Error::invalid("symbol", std::string("Chưa có ký hiệu văn bản (ví dụ: ") + prefix + "-BDT).");
  auto parsed = domain::parse_document_number("1/" + text::normalize(signing.symbol));
  if (!parsed || parsed->year) {
    return Error::invalid("symbol",
                          "Ký hiệu \"" + signing.symbol + "\" không hợp lệ; ví dụ: " + std::string(prefix) + "-BDT.");
  }
  if (signing.issued_on.year() < 1945) signing.issued_on = CivilDate{};
  return *parsed;
}

domain::RegisteredDocument document_from(const SigningRequest& signing, domain::DocumentType type,
                                         domain::DocumentNumber number) {
  domain::RegisteredDocument document;
  document.type = type;
  document.number = std::move(number);
  document.issued_on = signing.issued_on;
  document.issuer = signing.issuer;
  document.issuer_parent = signing.issuer_parent;
  document.place = signing.place;
  document.signer_name = signing.signer_name;
  document.signer_authority = signing.signer_authority;
  document.signer_position = signing.signer_position;
  document.recipients = signing.recipients;
  document.own = true;
  return document;
}

std::string minutes_line(const domain::RegisteredDocument& minutes) {
  return "Căn cứ Biên bản số " + minutes.number.text() + " ngày " + minutes.issued_on.vn() + " của " + minutes.issuer +
         " " + minutes.summary + ";";
}

// One row per subject of an honour: the annex and the list of a submission.
struct ListRow {
  std::string honour;
  bool collective = false;
  std::string name;
  std::string position;
  std::string unit;
};

// The annex list, grouped by honour, individuals then collectives (Decree 30 annex layout).
void append_list(std::vector<domain::DocumentBlock>& body, const rules::RuleSet& set,
                 const std::vector<ListRow>& rows) {
  std::vector<std::string> honours;
  for (const auto& row : rows) {
    if (std::find(honours.begin(), honours.end(), row.honour) == honours.end()) honours.push_back(row.honour);
  }
  static constexpr std::array<std::string_view, 10> kRoman{"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
  for (std::size_t h = 0; h < honours.size(); ++h) {
    const auto roman = h < kRoman.size() ? std::string(kRoman[h]) : std::to_string(h + 1);
    body.push_back({"heading1", roman + ". " + text::upper(honour_name(set, honours[h]))});
    int group = 0;
    for (const bool collective : {false, true}) {
      std::vector<const ListRow*> members;
      for (const auto& row : rows) {
        if (row.honour == honours[h] && row.collective == collective) members.push_back(&row);
      }
      if (members.empty()) continue;
      body.push_back({"heading2", std::to_string(++group) + ". " + (collective ? "Tập thể" : "Cá nhân") + " (" +
                                      std::to_string(members.size()) + ")"});
      body.push_back({"table_header", collective ? "STT\tTên tập thể\tTrực thuộc" : "STT\tHọ và tên\tChức vụ\tĐơn vị"});
      for (std::size_t i = 0; i < members.size(); ++i) {
        const auto& row = *members[i];
        body.push_back({"table_row",
                        collective ? std::to_string(i + 1) + "\t" + row.name + "\t" + row.unit
                                   : std::to_string(i + 1) + "\t" + row.name + "\t" + row.position + "\t" + row.unit});
      }
    }
  }
}

std::string count_phrase(int persons, int units) {
  std::string out;
  if (persons > 0) out += std::to_string(persons) + " cá nhân";
  if (units > 0) out += (out.empty() ? "" : " và ") + std::to_string(units) + " tập thể";
  return out;
}

bool in_list(const std::vector<NominationId>& list, NominationId id) {
  return std::find(list.begin(), list.end(), id) != list.end();
}

// "Năm 2023: Lao động tiên tiến (Quyết định số 20/QĐ-BDT ngày 20/12/2023 của ...)".
std::string grant_line(const rules::RuleSet& set, const domain::GrantRecord& grant) {
  std::string line = "Năm " + std::to_string(grant.year) + ": " + honour_name(set, grant.honour);
  if (!grant.decision_number.empty()) {
    line += " (Quyết định số " + grant.decision_number;
    if (grant.decision_date) line += " ngày " + grant.decision_date->vn();
    if (!grant.authority.empty()) line += " của " + grant.authority;
    line += ")";
  }
  return line;
}

std::string slug(const std::string& name) {
  std::string out;
  for (const char c : text::fold(name)) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out;
}

}  // namespace

Result<rules::RuleSet> DecisionService::rules_for(const domain::Review& review) const {
  if (!library_) return Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", ""};
  return library_->in_force(review.decision_date, province_);
}

// ---- Decisions -------------------------------------------------------------------------------

namespace {

struct Annotated {
  DecisionView view;
};

DecisionView annotate(UnitOfWork& work, domain::Decision decision, const rules::RuleSet* set, CivilDate day) {
  DecisionView view;
  for (auto& entry : decision.entries) {
    const auto info = subject_info(work, entry.subject, day);
    entry.subject_name = info.exists ? info.name : "(không tồn tại) mã " + std::to_string(entry.subject.id);
    view.honour_names.push_back(set ? honour_name(*set, entry.honour) : entry.honour);
    view.unit_names.push_back(info.unit);
    view.positions.push_back(info.position);
  }
  if (decision.document) view.document = work.documents().find_document(*decision.document);
  view.decision = std::move(decision);
  return view;
}

}  // namespace

Result<std::vector<DecisionView>> DecisionService::decisions(const Actor& actor, std::optional<ReviewId> review) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.read();
  std::vector<DecisionView> out;
  for (auto& decision : work->decisions().list_decisions(review)) {
    std::optional<rules::RuleSet> set;
    CivilDate day = clock_.today();
    if (decision.review) {
      if (auto found = work->nominations().find_review(*decision.review)) {
        day = found->decision_date;
        if (auto in_force = rules_for(*found)) set = std::move(*in_force);
      }
    }
    out.push_back(annotate(*work, std::move(decision), set ? &*set : nullptr, day));
  }
  return out;
}

Result<DecisionView> DecisionService::decision(const Actor& actor, DecisionId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.read();
  auto decision = work->decisions().find_decision(id);
  if (!decision) return decision_not_found(id);
  std::optional<rules::RuleSet> set;
  CivilDate day = clock_.today();
  if (decision->review) {
    if (auto found = work->nominations().find_review(*decision->review)) {
      day = found->decision_date;
      if (auto in_force = rules_for(*found)) set = std::move(*in_force);
    }
  }
  return annotate(*work, std::move(*decision), set ? &*set : nullptr, day);
}

namespace {

// Checks entries of an own decision of `review`: each nomination approved in the review, each
// subject stored, each honour within the agency's authority, nothing granted twice. Fills the
// entries' subject names and positions.
Status check_own_entries(UnitOfWork& work, const domain::Review& review, const rules::RuleSet& set,
                         std::vector<domain::DecisionEntry>& entries, std::optional<DecisionId> self) {
  std::vector<std::vector<domain::GrantRecord>> existing;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto& entry = entries[i];
    entry.position = static_cast<int>(i + 1);
    entry.granted = true;
    if (entry.nomination) {
      auto nomination = work.nominations().find(*entry.nomination);
      if (!nomination) {
        return Error::invalid(indexed("entries", i) + ".nomination_id",
                              "Không tìm thấy đề nghị khen thưởng mã " + std::to_string(entry.nomination->value) + ".");
      }
      if (nomination->review != review.id) {
        return Error::invalid(indexed("entries", i) + ".nomination_id",
                              "Đề nghị mã " + std::to_string(nomination->id.value) + " không thuộc đợt xét này.");
      }
      if (nomination->status != NominationStatus::kApproved) {
        return Error::conflict(ErrorCode::kConflict, indexed("entries", i) + ".nomination_id",
                               "Đề nghị mã " + std::to_string(nomination->id.value) + " đang ở trạng thái \"" +
                                   std::string(domain::vietnamese_label(nomination->status)) +
                                   "\"; chỉ quyết định khen thưởng đề nghị đã được Hội đồng thông qua.");
      }
      for (const auto& [other, ignored] : work.decisions().entries_of(nomination->id)) {
        if (self && other == *self) continue;
        return Error::conflict(ErrorCode::kConflict, indexed("entries", i) + ".nomination_id",
                               "Đề nghị mã " + std::to_string(nomination->id.value) + " đã có trong quyết định mã " +
                                   std::to_string(other.value) + ".");
      }
      entry.subject = nomination->subject;
      entry.honour = nomination->honour;
      entry.year = nomination->year;
    } else if (entry.year == 0) {
      entry.year = review.year;
    }
    const auto info = subject_info(work, entry.subject, review.decision_date);
    if (!info.exists) {
      return Error::invalid(indexed("entries", i) + ".subject_id",
                            std::string(entry.subject.kind == rules::SubjectKind::kUnit ? "Đơn vị" : "Cá nhân") +
                                " mã " + std::to_string(entry.subject.id) + " không có trong hệ thống.");
    }
    entry.subject_name = info.name;
    const auto* honour = set.find(entry.honour);
    if (!honour) {
      return Error::invalid(
          indexed("entries", i) + ".honour",
          "Không có danh hiệu, hình thức khen thưởng mã \"" + entry.honour + "\" trong bộ tiêu chuẩn " + set.id + ".");
    }
    if (!honour->applies_to(entry.subject.kind)) {
      return Error::invalid(indexed("entries", i) + ".honour",
                            honour->name + " không xét cho " +
                                (entry.subject.kind == rules::SubjectKind::kUnit ? "tập thể." : "cá nhân."));
    }
    TDKT_TRY(domain::check_own_authority(authority_of(set, entry.honour), indexed("entries", i)));
    existing.push_back(work.records().grants(entry.subject));
  }
  return domain::check_no_double_grant(entries, existing);
}

}  // namespace

Result<DecisionView> DecisionService::draft(const Actor& actor, const DecisionDraftRequest& request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto review = work->nominations().find_review(request.review);
  if (!review) return review_not_found(request.review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();

  domain::Decision decision;
  decision.kind = domain::DecisionKind::kOwn;
  decision.review = review->id;
  decision.authority_level = "agency";
  decision.title = text::normalize(request.title);
  if (decision.title.empty()) {
    decision.title = "Về việc khen thưởng danh hiệu thi đua năm " + std::to_string(review->year);
  }
  for (const auto id : request.nominations) {
    if (!work->nominations().find(id)) return Error::invalid("nominations", nomination_not_found(id).message);
  }
  for (const auto& nomination : work->nominations().list_review(review->id)) {
    const bool asked = in_list(request.nominations, nomination.id);
    if (!request.nominations.empty() && !asked) continue;
    if (request.nominations.empty()) {
      // Everything approved that the agency decides and no decision holds yet.
      if (nomination.status != NominationStatus::kApproved) continue;
      if (authority_of(*set, nomination.honour).level != "agency") continue;
      if (!work->decisions().entries_of(nomination.id).empty()) continue;
    }
    domain::DecisionEntry entry;
    entry.nomination = nomination.id;
    decision.entries.push_back(std::move(entry));
  }
  if (decision.entries.empty()) {
    return Error::conflict(
        ErrorCode::kConflict, "nominations",
        "Đợt xét \"" + review->name +
            "\" chưa có đề nghị nào được Hội đồng thông qua thuộc thẩm quyền quyết định của cơ quan.");
  }
  TDKT_TRY(check_own_entries(*work, *review, *set, decision.entries, std::nullopt));
  decision.created_at = clock_.now_iso();
  decision.created_by = actor.name;
  decision.id = work->decisions().insert_decision(decision);
  work->audit({actor.name, "decision", decision.id.value, "create", std::nullopt, snapshot(decision)},
              clock_.now_iso());
  auto view = annotate(*work, decision, &*set, review->decision_date);
  work->commit();
  return view;
}

Result<DecisionView> DecisionService::update(const Actor& actor, DecisionId id, DecisionUpdate update) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.write();
  auto decision = work->decisions().find_decision(id);
  if (!decision) return decision_not_found(id);
  if (decision->kind != domain::DecisionKind::kOwn || decision->status != domain::DecisionStatus::kDraft) {
    return Error::conflict(ErrorCode::kConflict, "status",
                           "Quyết định đã ban hành hoặc do cấp trên ban hành; không sửa được.");
  }
  auto review = work->nominations().find_review(*decision->review);
  if (!review) return review_not_found(*decision->review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();
  if (update.entries.empty()) return Error::invalid("entries", "Quyết định phải có ít nhất một người hoặc tập thể.");
  TDKT_TRY(check_own_entries(*work, *review, *set, update.entries, decision->id));
  const auto before = snapshot(*decision);
  const auto title = text::normalize(update.title);
  if (!title.empty()) decision->title = title;
  decision->entries = std::move(update.entries);
  work->decisions().update_decision(*decision);
  work->audit({actor.name, "decision", id.value, "update", before, snapshot(*decision)}, clock_.now_iso());
  auto view = annotate(*work, std::move(*decision), &*set, review->decision_date);
  work->commit();
  return view;
}

Result<DecisionView> DecisionService::issue(const Actor& actor, DecisionId id, IssueRequest request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto work = store_.write();
  // The numbering lock first, so that everything read below, the decision's status and the
  // register's last number, is read after any concurrent issue has committed: two issues never
  // get the same number, and one decision is never issued twice.
  work->lock_numbering();
  auto decision = work->decisions().find_decision(id);
  if (!decision) return decision_not_found(id);
  if (decision->kind != domain::DecisionKind::kOwn || decision->status != domain::DecisionStatus::kDraft) {
    return Error::conflict(ErrorCode::kConflict, "status",
                           "Quyết định mã " + std::to_string(id.value) + " đã ban hành.");
  }
  auto review = work->nominations().find_review(*decision->review);
  if (!review) return review_not_found(*decision->review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();
  // Grants may have been recorded since the draft: check again.
  TDKT_TRY(check_own_entries(*work, *review, *set, decision->entries, decision->id));
  if (decision->entries.empty()) return Error::invalid("entries", "Quyết định chưa có ai được khen thưởng.");

  auto& signing = request.signing;
  auto number = complete_signing(*work, *review, signing, "QĐ");
  if (!number) return std::move(number).error();
  if (signing.issued_on == CivilDate{}) signing.issued_on = clock_.today();
  if (signing.recipients.empty()) signing.recipients = {"Như Điều 3;", "Lưu: VT, TĐKT."};
  const auto before = snapshot(*decision);
  if (decision->authority.empty()) decision->authority = "Thủ trưởng " + signing.issuer;

  // The number the register will give (the lock above keeps it ours), for the annex's heading.
  auto next = *number;
  next.number = work->documents().last_number(next.symbol, signing.issued_on.year()) + 1;

  DocumentRegistration registration;
  registration.document = document_from(signing, domain::DocumentType::kDecision, *number);
  registration.assign_number = true;
  auto& document = registration.document;
  document.summary = decision->title;
  for (const auto& basis : set->legal_bases)
    document.preamble.push_back({"paragraph", "Căn cứ " + basis.title + ";"});
  for (const auto& basis : request.bases) {
    const auto line = text::normalize(basis);
    if (!line.empty()) document.preamble.push_back({"paragraph", line});
  }
  for (const auto minutes_id : work->decisions().minutes_of(review->id)) {
    if (auto minutes = work->documents().find_document(minutes_id)) {
      document.preamble.push_back({"paragraph", minutes_line(*minutes)});
      document.cites.push_back(minutes_id);
    }
  }
  const auto proposer = text::normalize(request.proposer).empty()
                            ? std::string("Thường trực Hội đồng Thi đua - Khen thưởng")
                            : text::normalize(request.proposer);
  document.preamble.push_back({"paragraph", "Xét đề nghị của " + proposer + "."});

  std::vector<ListRow> rows;
  std::map<std::string, std::pair<int, int>> counts;  // honour -> persons, units
  std::vector<std::string> honour_order;
  int persons = 0;
  int units = 0;
  for (const auto& entry : decision->entries) {
    const auto info = subject_info(*work, entry.subject, review->decision_date);
    const bool collective = entry.subject.kind == rules::SubjectKind::kUnit;
    rows.push_back({entry.honour, collective, info.name, info.position, info.unit});
    if (!counts.contains(entry.honour)) honour_order.push_back(entry.honour);
    (collective ? counts[entry.honour].second : counts[entry.honour].first) += 1;
    (collective ? units : persons) += 1;
  }
  auto& body = document.body;
  body.push_back({"centered", "QUYẾT ĐỊNH:"});
  body.push_back({"paragraph", "Điều 1. Tặng danh hiệu thi đua, hình thức khen thưởng năm " +
                                   std::to_string(review->year) + " cho " + count_phrase(persons, units) +
                                   " có tên trong danh sách kèm theo, gồm:"});
  for (const auto& code : honour_order) {
    body.push_back({"bullet", "“" + honour_name(*set, code) +
                                  "”: " + count_phrase(counts[code].first, counts[code].second) + ";"});
  }
  body.push_back({"paragraph",
                  "Điều 2. Các cá nhân, tập thể có tên tại Điều 1 được hưởng chế độ khen thưởng theo quy định của "
                  "Luật Thi đua, khen thưởng và các văn bản hướng dẫn thi hành."});
  body.push_back({"paragraph",
                  "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Thủ trưởng các "
                  "phòng, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1 chịu trách "
                  "nhiệm thi hành Quyết định này./."});
  body.push_back({"centered", "DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG"});
  body.push_back({"centered", "(Kèm theo Quyết định số " + next.text() + " ngày " + signing.issued_on.vn() + " của " +
                                  signing.issuer + ")"});
  append_list(body, *set, rows);

  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (!registered) return std::move(registered).error();

  for (auto& entry : decision->entries) {
    auto grant = domain::grant_of(entry, registered->number.text(), registered->issued_on, decision->authority);
    grant.id = work->records().insert_grant(grant);
    entry.grant = grant.id;
    work->audit({actor.name, "grant", grant.id.value, "create", std::nullopt, app::snapshot(grant)}, clock_.now_iso());
    if (entry.nomination) {
      auto nomination = work->nominations().find(*entry.nomination);
      work->nominations().set_status(*entry.nomination, NominationStatus::kDecided);
      if (nomination) {
        work->audit(
            {actor.name, "nomination", entry.nomination->value, "update",
             Snapshot{{"status", std::string(domain::to_string(nomination->status))}}, Snapshot{{"status", "decided"}}},
            clock_.now_iso());
      }
    }
  }
  decision->status = domain::DecisionStatus::kIssued;
  decision->document = registered->id;
  decision->issued_at = clock_.now_iso();
  decision->issued_by = actor.name;
  work->decisions().update_decision(*decision);
  work->audit({actor.name, "decision", id.value, "update", before, snapshot(*decision)}, clock_.now_iso());
  auto view = annotate(*work, std::move(*decision), &*set, review->decision_date);
  work->commit();
  return view;
}

// ---- Proposals -------------------------------------------------------------------------------

namespace {

ProposalView proposal_view(UnitOfWork& work, domain::Proposal proposal, const rules::RuleSet* set) {
  ProposalView view;
  CivilDate day;
  if (auto review = work.nominations().find_review(proposal.review)) day = review->decision_date;
  for (const auto id : proposal.nominations) {
    auto nomination = work.nominations().find(id);
    if (!nomination) continue;
    ProposalItem item;
    const auto info = subject_info(work, nomination->subject, day);
    item.subject_name = info.name;
    item.unit_name = info.unit;
    item.position = info.position;
    item.honour_name = set ? honour_name(*set, nomination->honour) : nomination->honour;
    if (auto report = work.decisions().find_report(id)) item.report = report->status;
    item.nomination = std::move(*nomination);
    view.items.push_back(std::move(item));
  }
  if (proposal.submission) view.submission = work.documents().find_document(*proposal.submission);
  if (proposal.decision) {
    if (auto decision = work.decisions().find_decision(*proposal.decision); decision && decision->document)
      view.decision_document = work.documents().find_document(*decision->document);
  }
  view.proposal = std::move(proposal);
  return view;
}

}  // namespace

Result<std::vector<ProposalView>> DecisionService::proposals(const Actor& actor, std::optional<ReviewId> review) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.read();
  std::vector<ProposalView> out;
  for (auto& proposal : work->decisions().list_proposals(review)) {
    std::optional<rules::RuleSet> set;
    if (auto found = work->nominations().find_review(proposal.review)) {
      if (auto in_force = rules_for(*found)) set = std::move(*in_force);
    }
    out.push_back(proposal_view(*work, std::move(proposal), set ? &*set : nullptr));
  }
  return out;
}

Result<ProposalView> DecisionService::proposal(const Actor& actor, ProposalId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.read();
  auto proposal = work->decisions().find_proposal(id);
  if (!proposal) return proposal_not_found(id);
  std::optional<rules::RuleSet> set;
  if (auto found = work->nominations().find_review(proposal->review)) {
    if (auto in_force = rules_for(*found)) set = std::move(*in_force);
  }
  return proposal_view(*work, std::move(*proposal), set ? &*set : nullptr);
}

Result<ProposalView> DecisionService::create_proposal(const Actor& actor, ProposalRequest request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  const auto level = rules::authority_level_from_string(request.authority_level);
  if (!level) {
    return Error::invalid("authority_level", "Cấp quyết định \"" + request.authority_level +
                                                 "\" không hợp lệ; dùng province, prime_minister hoặc president.");
  }
  if (*level == rules::AuthorityLevel::kAgency) {
    return Error::invalid("authority_level",
                          "Danh hiệu thuộc thẩm quyền của cơ quan được quyết định bằng quyết định của cơ quan, "
                          "không lập tờ trình lên cấp trên.");
  }
  auto work = store_.write();
  // The numbering lock first: the submission's number is read after concurrent writes commit.
  work->lock_numbering();
  auto review = work->nominations().find_review(request.review);
  if (!review) return review_not_found(request.review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();

  domain::Proposal proposal;
  proposal.review = review->id;
  proposal.authority_level = std::string(rules::to_string(*level));
  proposal.authority = text::normalize(request.authority);
  if (proposal.authority.empty()) proposal.authority = std::string(rules::vietnamese_label(*level));
  std::vector<domain::Nomination> chosen;
  for (std::size_t i = 0; i < request.nominations.size(); ++i) {
    if (!work->nominations().find(request.nominations[i]))
      return Error::invalid(indexed("nominations", i), nomination_not_found(request.nominations[i]).message);
  }
  for (const auto& nomination : work->nominations().list_review(review->id)) {
    const bool asked = in_list(request.nominations, nomination.id);
    if (!request.nominations.empty() && !asked) continue;
    const auto authority = authority_of(*set, nomination.honour);
    if (asked) {
      if (nomination.status != NominationStatus::kApproved) {
        return Error::conflict(ErrorCode::kConflict, "nominations",
                               "Đề nghị mã " + std::to_string(nomination.id.value) + " đang ở trạng thái \"" +
                                   std::string(domain::vietnamese_label(nomination.status)) +
                                   "\"; chỉ trình đề nghị đã được Hội đồng thông qua.");
      }
      if (authority.level != proposal.authority_level) {
        return Error::invalid("nominations", authority.honour_name + " thuộc thẩm quyền " + authority.level_label +
                                                 (authority.citation.empty() ? "" : " (" + authority.citation + ")") +
                                                 ", không phải " + proposal.authority + ".");
      }
    } else if (nomination.status != NominationStatus::kApproved || authority.level != proposal.authority_level) {
      continue;
    }
    if (work->decisions().proposal_of(nomination.id)) {
      if (asked) {
        return Error::conflict(ErrorCode::kConflict, "nominations",
                               "Đề nghị mã " + std::to_string(nomination.id.value) + " đã có trong tờ trình khác.");
      }
      continue;
    }
    chosen.push_back(nomination);
  }
  if (chosen.empty()) {
    return Error::conflict(ErrorCode::kConflict, "nominations",
                           "Đợt xét \"" + review->name +
                               "\" không có đề nghị nào đã được Hội đồng thông qua thuộc thẩm quyền " +
                               proposal.authority + " chưa được trình.");
  }

  auto& signing = request.signing;
  auto number = complete_signing(*work, *review, signing, "TTr");
  if (!number) return std::move(number).error();
  if (signing.issued_on == CivilDate{}) signing.issued_on = clock_.today();
  if (signing.recipients.empty()) signing.recipients = {"Như trên;", "Lưu: VT, TĐKT."};
  DocumentRegistration registration;
  registration.document = document_from(signing, domain::DocumentType::kSubmission, *number);
  registration.assign_number = true;
  auto& document = registration.document;
  document.summary = "Về việc đề nghị " + proposal.authority + " khen thưởng năm " + std::to_string(review->year);
  auto& body = document.body;
  body.push_back({"centered", "Kính gửi: " + proposal.authority + "."});
  for (const auto& basis : set->legal_bases)
    body.push_back({"paragraph", "Căn cứ " + basis.title + ";"});
  for (const auto minutes_id : work->decisions().minutes_of(review->id)) {
    if (auto minutes = work->documents().find_document(minutes_id)) {
      body.push_back({"paragraph", minutes_line(*minutes)});
      document.cites.push_back(minutes_id);
    }
  }
  std::vector<ListRow> rows;
  int persons = 0;
  int units = 0;
  for (const auto& nomination : chosen) {
    const auto info = subject_info(*work, nomination.subject, review->decision_date);
    const bool collective = nomination.subject.kind == rules::SubjectKind::kUnit;
    rows.push_back({nomination.honour, collective, info.name, info.position, info.unit});
    (collective ? units : persons) += 1;
  }
  body.push_back(
      {"paragraph", signing.issuer + " kính trình " + proposal.authority + " xem xét, khen thưởng cho " +
                        count_phrase(persons, units) +
                        " đã được Hội đồng Thi đua - Khen thưởng thông qua (có danh sách và hồ sơ kèm theo):"});
  append_list(body, *set, rows);
  body.push_back({"paragraph", signing.issuer + " kính trình " + proposal.authority + " xem xét, quyết định./."});
  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (!registered) return std::move(registered).error();

  proposal.submission = registered->id;
  proposal.status = domain::ProposalStatus::kSubmitted;
  proposal.created_at = clock_.now_iso();
  proposal.created_by = actor.name;
  for (const auto& nomination : chosen) {
    proposal.nominations.push_back(nomination.id);
    work->nominations().set_status(nomination.id, NominationStatus::kProposedUp);
    work->audit(
        {actor.name, "nomination", nomination.id.value, "update",
         Snapshot{{"status", std::string(domain::to_string(nomination.status))}}, Snapshot{{"status", "proposed_up"}}},
        clock_.now_iso());
  }
  proposal.id = work->decisions().insert_proposal(proposal);
  work->audit({actor.name, "proposal", proposal.id.value, "create", std::nullopt, snapshot(proposal)},
              clock_.now_iso());
  auto view = proposal_view(*work, std::move(proposal), &*set);
  work->commit();
  return view;
}

Result<ProposalView> DecisionService::record_higher_decision(const Actor& actor, ProposalId id,
                                                             HigherDecisionRequest request) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  TDKT_TRY(require(actor, domain::Permission::kManageDocuments));
  auto work = store_.write();
  // The numbering lock first: the proposal's status and the register are read after concurrent
  // writes commit.
  work->lock_numbering();
  auto proposal = work->decisions().find_proposal(id);
  if (!proposal) return proposal_not_found(id);
  if (proposal->status == domain::ProposalStatus::kDecided) {
    return Error::conflict(ErrorCode::kConflict, "status", "Tờ trình này đã được ghi nhận quyết định của cấp trên.");
  }
  auto review = work->nominations().find_review(proposal->review);
  if (!review) return review_not_found(proposal->review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();
  for (std::size_t i = 0; i < request.granted.size(); ++i) {
    if (!in_list(proposal->nominations, request.granted[i])) {
      return Error::invalid(indexed("granted", i),
                            "Đề nghị mã " + std::to_string(request.granted[i].value) + " không có trong tờ trình này.");
    }
  }
  auto number = domain::parse_document_number(text::normalize(request.number));
  if (!number) return Error::invalid("number", number.error().message);
  if (text::normalize(request.issuer).empty())
    return Error::invalid("issuer", "Chưa có cơ quan ban hành quyết định (ví dụ: UBND tỉnh Đồng Nai).");

  domain::Decision decision;
  decision.kind = domain::DecisionKind::kHigher;
  decision.review = review->id;
  decision.proposal = proposal->id;
  decision.authority_level = proposal->authority_level;
  decision.authority =
      text::normalize(request.authority).empty() ? proposal->authority : text::normalize(request.authority);
  decision.title = text::normalize(request.summary);
  if (decision.title.empty()) decision.title = "Về việc khen thưởng năm " + std::to_string(review->year);
  std::vector<std::vector<domain::GrantRecord>> existing;
  for (const auto nomination_id : proposal->nominations) {
    auto nomination = work->nominations().find(nomination_id);
    if (!nomination) return nomination_not_found(nomination_id);
    const auto info = subject_info(*work, nomination->subject, review->decision_date);
    if (!info.exists) {
      return Error::invalid(
          "granted", "Đối tượng của đề nghị mã " + std::to_string(nomination_id.value) + " không có trong hệ thống.");
    }
    domain::DecisionEntry entry;
    entry.position = static_cast<int>(decision.entries.size() + 1);
    entry.nomination = nomination_id;
    entry.subject = nomination->subject;
    entry.honour = nomination->honour;
    entry.year = nomination->year;
    entry.granted = in_list(request.granted, nomination_id);
    entry.subject_name = info.name;
    decision.entries.push_back(std::move(entry));
    existing.push_back(work->records().grants(nomination->subject));
  }
  TDKT_TRY(domain::check_no_double_grant(decision.entries, existing));

  DocumentRegistration registration;
  auto& document = registration.document;
  document.type = domain::DocumentType::kDecision;
  document.number = *number;
  document.issued_on = request.issued_on;
  document.issuer = text::normalize(request.issuer);
  document.signer_name = text::normalize(request.signer_name);
  document.summary = decision.title;
  document.own = false;
  if (proposal->submission) document.cites.push_back(*proposal->submission);
  auto registered = register_document_in(*work, actor, std::move(registration), clock_);
  if (!registered) return std::move(registered).error();

  for (auto& entry : decision.entries) {
    auto nomination = work->nominations().find(*entry.nomination);
    const auto status = entry.granted ? NominationStatus::kDecided : NominationStatus::kNotGranted;
    if (entry.granted) {
      auto grant = domain::grant_of(entry, registered->number.text(), registered->issued_on, decision.authority);
      grant.id = work->records().insert_grant(grant);
      entry.grant = grant.id;
      work->audit({actor.name, "grant", grant.id.value, "create", std::nullopt, app::snapshot(grant)},
                  clock_.now_iso());
    }
    work->nominations().set_status(*entry.nomination, status);
    work->audit({actor.name, "nomination", entry.nomination->value, "update",
                 Snapshot{{"status", nomination ? std::string(domain::to_string(nomination->status)) : ""}},
                 Snapshot{{"status", std::string(domain::to_string(status))}}},
                clock_.now_iso());
  }
  decision.status = domain::DecisionStatus::kIssued;
  decision.document = registered->id;
  decision.created_at = clock_.now_iso();
  decision.created_by = actor.name;
  decision.issued_at = decision.created_at;
  decision.issued_by = actor.name;
  decision.id = work->decisions().insert_decision(decision);
  work->audit({actor.name, "decision", decision.id.value, "create", std::nullopt, snapshot(decision)},
              clock_.now_iso());
  const auto before = snapshot(*proposal);
  proposal->status = domain::ProposalStatus::kDecided;
  proposal->decision = decision.id;
  work->decisions().update_proposal(*proposal);
  work->audit({actor.name, "proposal", id.value, "update", before, snapshot(*proposal)}, clock_.now_iso());
  auto view = proposal_view(*work, std::move(*proposal), &*set);
  work->commit();
  return view;
}

// ---- Achievement reports ---------------------------------------------------------------------

namespace {

domain::AchievementReport prefilled(UnitOfWork& work, const domain::Nomination& nomination, const rules::RuleSet& set,
                                    CivilDate day) {
  domain::AchievementReport report;
  report.nomination = nomination.id;
  report.collective = nomination.subject.kind == rules::SubjectKind::kUnit;
  const auto info = subject_info(work, nomination.subject, day);
  report.name = info.name;
  report.position = info.position;
  report.unit = info.unit;
  report.achievements = nomination.achievement;
  for (const auto& grant : work.records().grants(nomination.subject))
    report.previous_grants.push_back(grant_line(set, grant));
  if (!report.collective) {
    for (const auto& year : work.records().person_years(PersonId{nomination.subject.id})) {
      if (year.year > nomination.year || year.year <= nomination.year - 5 || year.rating == rules::Rating::kNone)
        continue;
      report.ratings.push_back("Năm " + std::to_string(year.year) + ": " +
                               std::string(domain::vietnamese_label(year.rating)));
    }
  }
  return report;
}

}  // namespace

Result<ReportView> DecisionService::report(const Actor& actor, NominationId id) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.read();
  auto nomination = work->nominations().find(id);
  if (!nomination) return nomination_not_found(id);
  TDKT_TRY(require_unit_in_scope(*work, actor, nomination->unit, clock_.today()));
  if (!nomination->review)
    return Error::conflict(ErrorCode::kConflict, "nomination", "Đề nghị chưa thuộc đợt xét nào.");
  auto review = work->nominations().find_review(*nomination->review);
  if (!review) return review_not_found(*nomination->review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();
  ReportView view;
  view.honour_name = honour_name(*set, nomination->honour);
  if (auto stored = work->decisions().find_report(id)) {
    view.report = std::move(*stored);
    view.stored = true;
  } else {
    view.report = prefilled(*work, *nomination, *set, review->decision_date);
  }
  view.nomination = std::move(*nomination);
  return view;
}

Result<ReportView> DecisionService::save_report(const Actor& actor, NominationId id, domain::AchievementReport report) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.write();
  auto nomination = work->nominations().find(id);
  if (!nomination) return nomination_not_found(id);
  TDKT_TRY(require_unit_in_scope(*work, actor, nomination->unit, clock_.today()));
  if (nomination->status == NominationStatus::kWithdrawn) {
    return Error::conflict(ErrorCode::kConflict, "nomination", "Đề nghị đã rút; không lập báo cáo thành tích.");
  }
  if (!nomination->review)
    return Error::conflict(ErrorCode::kConflict, "nomination", "Đề nghị chưa thuộc đợt xét nào.");
  auto review = work->nominations().find_review(*nomination->review);
  if (!review) return review_not_found(*nomination->review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();
  auto before = work->decisions().find_report(id);
  report.nomination = id;
  report.collective = nomination->subject.kind == rules::SubjectKind::kUnit;
  auto checked = domain::check_report(std::move(report), false);
  if (!checked) return std::move(checked).error();
  // A change after confirmation needs the head's confirmation again.
  checked->status = domain::ReportStatus::kDraft;
  checked->confirmed_by.clear();
  checked->updated_at = clock_.now_iso();
  checked->updated_by = actor.name;
  work->decisions().upsert_report(*checked);
  work->audit({actor.name, "achievement_report", id.value, before ? "update" : "create",
               before ? std::optional<Snapshot>(snapshot(*before)) : std::nullopt, snapshot(*checked)},
              clock_.now_iso());
  ReportView view{std::move(*checked), std::move(*nomination), honour_name(*set, nomination->honour), true};
  work->commit();
  return view;
}

Result<ReportView> DecisionService::confirm_report(const Actor& actor, NominationId id) {
  TDKT_TRY(require(actor, domain::Permission::kNominate));
  auto work = store_.write();
  auto nomination = work->nominations().find(id);
  if (!nomination) return nomination_not_found(id);
  TDKT_TRY(require_unit_in_scope(*work, actor, nomination->unit, clock_.today()));
  auto stored = work->decisions().find_report(id);
  if (!stored) {
    return Error::conflict(ErrorCode::kConflict, "achievements",
                           "Báo cáo thành tích chưa được lưu; đơn vị điền và lưu báo cáo trước khi xác nhận.");
  }
  const auto before = snapshot(*stored);
  auto checked = domain::check_report(std::move(*stored), true);
  if (!checked) return std::move(checked).error();
  checked->status = domain::ReportStatus::kConfirmed;
  checked->confirmed_by = actor.display_name.empty() ? actor.name : actor.display_name;
  checked->updated_at = clock_.now_iso();
  checked->updated_by = actor.name;
  work->decisions().upsert_report(*checked);
  work->audit({actor.name, "achievement_report", id.value, "confirm", before, snapshot(*checked)}, clock_.now_iso());
  std::string name = nomination->honour;
  if (nomination->review) {
    if (auto review = work->nominations().find_review(*nomination->review)) {
      if (auto set = rules_for(*review)) name = honour_name(*set, nomination->honour);
    }
  }
  ReportView view{std::move(*checked), std::move(*nomination), name, true};
  work->commit();
  return view;
}

// ---- Dossier ---------------------------------------------------------------------------------

Result<DossierContent> DecisionService::dossier(const Actor& actor, ProposalId id) {
  TDKT_TRY(require(actor, domain::Permission::kManageReviews));
  auto work = store_.read();
  auto proposal = work->decisions().find_proposal(id);
  if (!proposal) return proposal_not_found(id);
  auto review = work->nominations().find_review(proposal->review);
  if (!review) return review_not_found(proposal->review);
  auto set = rules_for(*review);
  if (!set) return std::move(set).error();
  if (!proposal->submission) return Error::conflict(ErrorCode::kConflict, "submission", "Tờ trình chưa được lập.");
  auto submission = work->documents().find_document(*proposal->submission);
  if (!submission) return Error::internal("Tờ trình của đề nghị không còn trong sổ văn bản.");

  DossierContent out;
  out.file_name = "ho-so-de-nghi-" + slug(submission->number.text()) + ".zip";
  out.files.push_back({"01-to-trinh-" + slug(submission->number.text()), *submission, "", ""});

  // The list (danh sách), headed like the submission.
  auto list = *submission;
  list.preamble.clear();
  list.body.clear();
  list.summary = "Danh sách đề nghị " + proposal->authority + " khen thưởng năm " + std::to_string(review->year) +
                 "\n(Kèm theo Tờ trình số " + submission->number.text() + " ngày " + submission->issued_on.vn() + ")";
  std::vector<ListRow> rows;
  std::vector<domain::Nomination> nominations;
  for (const auto nomination_id : proposal->nominations) {
    auto nomination = work->nominations().find(nomination_id);
    if (!nomination) continue;
    const auto info = subject_info(*work, nomination->subject, review->decision_date);
    rows.push_back({nomination->honour, nomination->subject.kind == rules::SubjectKind::kUnit, info.name, info.position,
                    info.unit});
    nominations.push_back(std::move(*nomination));
  }
  append_list(list.body, *set, rows);
  out.files.push_back({"02-danh-sach", list, "DANH SÁCH", submission->number.text()});

  // One achievement report per subject (Mẫu 05 / the collective form).
  int index = 0;
  for (const auto& nomination : nominations) {
    ++index;
    auto report = work->decisions().find_report(nomination.id);
    const auto content = report ? *report : prefilled(*work, nomination, *set, review->decision_date);
    domain::RegisteredDocument document = *submission;
    document.preamble.clear();
    document.body.clear();
    document.recipients.clear();
    document.issuer = content.unit.empty() ? submission->issuer : content.unit;
    document.summary = "Đề nghị tặng " + honour_name(*set, nomination.honour) + "\n" +
                       (content.collective ? "Của tập thể: " : "Của: ") + content.name +
                       (content.position.empty() ? "" : ", " + content.position);
    document.signer_authority = content.collective ? "THỦ TRƯỞNG ĐƠN VỊ" : "NGƯỜI BÁO CÁO THÀNH TÍCH";
    document.signer_position = report && report->status == domain::ReportStatus::kConfirmed
                                   ? "Xác nhận của thủ trưởng đơn vị: " + report->confirmed_by
                                   : "(chưa được thủ trưởng đơn vị xác nhận)";
    document.signer_name = content.collective ? "" : content.name;
    auto& body = document.body;
    body.push_back({"heading1", content.collective ? "I. ĐẶC ĐIỂM, TÌNH HÌNH" : "I. SƠ LƯỢC LÝ LỊCH"});
    body.push_back({"paragraph", (content.collective ? "Tên tập thể: " : "Họ tên: ") + content.name});
    if (!content.position.empty()) body.push_back({"paragraph", "Chức vụ: " + content.position});
    if (!content.unit.empty()) body.push_back({"paragraph", "Đơn vị: " + content.unit});
    if (!content.profile.empty()) body.push_back({"paragraph", content.profile});
    if (!content.duties.empty()) body.push_back({"paragraph", "Chức năng, nhiệm vụ: " + content.duties});
    body.push_back({"heading1", "II. THÀNH TÍCH ĐẠT ĐƯỢC"});
    body.push_back({"paragraph", content.achievements.empty() ? "(đơn vị chưa điền)" : content.achievements});
    if (!content.measures.empty()) {
      body.push_back({"heading2", "Các biện pháp, giải pháp công tác đã thực hiện"});
      body.push_back({"paragraph", content.measures});
    }
    if (!content.ratings.empty()) {
      body.push_back({"heading2", "Kết quả đánh giá, xếp loại"});
      for (const auto& line : content.ratings)
        body.push_back({"bullet", line});
    }
    body.push_back({"heading1", "III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG"});
    if (content.previous_grants.empty()) body.push_back({"paragraph", "Chưa có."});
    for (const auto& line : content.previous_grants)
      body.push_back({"bullet", line});
    const auto number = (index < 10 ? "0" : "") + std::to_string(index);
    out.files.push_back(
        {"03-bao-cao-thanh-tich-" + number + "-" + slug(content.name), document, "BÁO CÁO THÀNH TÍCH", ""});
  }

  // The council's minutes, and the tallies.
  int minutes_index = 0;
  for (const auto minutes_id : work->decisions().minutes_of(review->id)) {
    if (auto minutes = work->documents().find_document(minutes_id)) {
      out.files.push_back(
          {"04-bien-ban-hop-hoi-dong-" + std::to_string(++minutes_index) + "-" + slug(minutes->number.text()), *minutes,
           "", ""});
    }
  }
  const auto results = work->decisions().vote_results(proposal->nominations);
  if (!results.empty()) {
    auto tally = *submission;
    tally.preamble.clear();
    tally.body.clear();
    tally.summary = "Kết quả biểu quyết của Hội đồng Thi đua - Khen thưởng\n(Kèm theo Tờ trình số " +
                    submission->number.text() + ")";
    tally.body.push_back({"table_header",
                          "STT\tHọ tên / tập thể\tDanh hiệu\tNgày họp\tTán thành\tKhông tán "
                          "thành\tKhông biểu quyết\tTổng số thành viên\tNgưỡng\tKết quả"});
    int row = 0;
    for (const auto& result : results) {
      std::string name;
      std::string honour;
      for (const auto& nomination : nominations) {
        if (nomination.id != result.nomination) continue;
        name = subject_info(*work, nomination.subject, review->decision_date).name;
        honour = honour_name(*set, nomination.honour);
      }
      tally.body.push_back(
          {"table_row", std::to_string(++row) + "\t" + name + "\t" + honour + "\t" + result.session_date.vn() + "\t" +
                            std::to_string(result.approvals) + "\t" + std::to_string(result.rejections) + "\t" +
                            std::to_string(result.abstentions) + "\t" + std::to_string(result.members) + "\t" +
                            result.threshold + "\t" + (result.passed ? "Đạt" : "Không đạt")});
    }
    out.files.push_back({"05-ket-qua-bieu-quyet", tally, "KẾT QUẢ BIỂU QUYẾT", ""});
  }

  // Initiatives that ground the honours (xác nhận sáng kiến).
  auto initiatives = *submission;
  initiatives.preamble.clear();
  initiatives.body.clear();
  initiatives.summary = "Xác nhận sáng kiến, đề tài khoa học của cá nhân, tập thể đề nghị khen thưởng";
  std::vector<domain::DocumentBlock> rows_of_initiatives;
  int initiative_row = 0;
  for (const auto& nomination : nominations) {
    const auto name = subject_info(*work, nomination.subject, review->decision_date).name;
    for (const auto& initiative : work->records().initiatives(nomination.subject)) {
      if (initiative.year > nomination.year) continue;
      rows_of_initiatives.push_back({"table_row", std::to_string(++initiative_row) + "\t" + name + "\t" +
                                                      initiative.title + "\t" + std::to_string(initiative.year) + "\t" +
                                                      std::string(domain::vietnamese_label(initiative.level)) + "\t" +
                                                      initiative.recognised_by});
    }
  }
  if (!rows_of_initiatives.empty()) {
    initiatives.body.push_back(
        {"table_header", "STT\tCá nhân / tập thể\tSáng kiến, đề tài\tNăm\tCấp công nhận\tQuyết định công nhận"});
    initiatives.body.insert(initiatives.body.end(), rows_of_initiatives.begin(), rows_of_initiatives.end());
    out.files.push_back({"06-xac-nhan-sang-kien", initiatives, "XÁC NHẬN", ""});
  }
  return out;
}

}  // namespace tdkt::app
