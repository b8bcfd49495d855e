#include "app/eligibility_service.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/records_service.hpp"

namespace tdkt::app {
namespace {

namespace rules = domain::rules;

std::int16_t short_year(int year) {
  return static_cast<std::int16_t>(year);
}

rules::Grant to_engine(const domain::GrantRecord& grant, rules::HonourId honour) {
  return {honour, short_year(grant.year), grant.type};
}

// An initiative counts as used when it served an honour of another year: re-judging the very
// year it served must still see it.
void add_initiatives(const std::vector<domain::InitiativeRecord>& records, int year, rules::Subject& subject) {
  subject.initiative_ids.reserve(subject.initiative_ids.size() + records.size());
  for (const auto& record : records) {
    subject.initiative_ids.push_back("SK-" + std::to_string(record.id.value));
    rules::Initiative initiative;
    initiative.year = short_year(record.year);
    initiative.level = record.level;
    initiative.used = !record.used_for.empty() && record.used_for_year && *record.used_for_year != year;
    subject.initiatives.push_back(initiative);
  }
}

void finish_views(rules::Subject& subject) {
  for (std::size_t i = 0; i < subject.initiatives.size(); ++i)
    subject.initiatives[i].id = subject.initiative_ids[i];
}

}  // namespace

Result<rules::Subject> EligibilityService::facts(UnitOfWork& work, const domain::SubjectRef& ref, int year,
                                                 std::vector<std::string>* notes, MemberFigures figures) const {
  const auto& catalogue = library_->catalogue();
  rules::Subject subject;
  subject.kind = ref.kind;
  subject.id = std::string(rules::to_string(ref.kind)) + "-" + std::to_string(ref.id);
  auto& records = work.records();
  auto add_grants = [&](const std::vector<domain::GrantRecord>& grants) {
    for (const auto& grant : grants) {
      if (auto honour = catalogue.find(grant.honour)) subject.grants.push_back(to_engine(grant, *honour));
    }
  };
  if (ref.kind == rules::SubjectKind::kPerson) {
    const PersonId person{ref.id};
    auto found = work.people().find_person(person);
    if (!found) return Error::not_found("Không tìm thấy cá nhân mã " + std::to_string(ref.id) + ".");
    subject.birth_year = found->birth_year;
    for (const auto& record : records.person_years(person)) {
      rules::YearRecord year_record;
      year_record.year = short_year(record.year);
      year_record.rating = record.rating;
      if (auto months = record.counted_months()) year_record.months_worked = static_cast<std::uint8_t>(*months);
      year_record.discipline = record.discipline;
      year_record.discipline_pending = record.discipline_pending;
      year_record.notable_achievement = record.notable_achievement;
      subject.years.push_back(year_record);
    }
    add_grants(records.grants(ref));
    add_initiatives(records.initiatives(ref), year, subject);
  } else if (ref.kind == rules::SubjectKind::kUnit) {
    const UnitId unit{ref.id};
    if (!work.organisation().find_unit(unit)) {
      return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(ref.id) + ".");
    }
    const auto lineage = unit_lineage(work, unit);
    bool derived = false;
    for (const auto& view : unit_year_views(work, lineage, figures)) {
      const auto& record = view.record;
      rules::YearRecord year_record;
      year_record.year = short_year(record.year);
      year_record.rating = record.rating;
      year_record.discipline_pending = record.discipline_pending;
      year_record.leads_bloc = record.leads_bloc;
      year_record.notable_achievement = record.notable_achievement;
      rules::MemberCounts counts;
      auto put = [&counts](rules::MemberField field, const std::optional<int>& value) {
        counts[field] = value ? *value : -1;
      };
      put(rules::MemberField::kMembers, record.members);
      put(rules::MemberField::kCompleted, record.members_completed);
      put(rules::MemberField::kLdtt, record.members_ldtt);
      put(rules::MemberField::kCstdcs, record.members_cstdcs);
      put(rules::MemberField::kDisciplined, record.members_disciplined);
      subject.years.push_back(year_record);
      subject.members.push_back(counts);
      derived = derived || view.derived_members || view.derived_completed || view.derived_ldtt || view.derived_cstdcs ||
                view.derived_disciplined;
    }
    for (const auto member : lineage) {
      const domain::SubjectRef predecessor{rules::SubjectKind::kUnit, member.value};
      add_grants(records.grants(predecessor));
      add_initiatives(records.initiatives(predecessor), year, subject);
    }
    if (notes) {
      for (std::size_t i = 1; i < lineage.size(); ++i) {
        if (auto predecessor = work.organisation().find_unit(lineage[i])) {
          notes->push_back("Tính cả hồ sơ và khen thưởng của đơn vị tiền thân \"" + predecessor->name + "\".");
        }
      }
      if (derived) {
        notes->push_back(
            "Số thành viên, số hoàn thành nhiệm vụ, LĐTT, CSTĐCS và bị kỷ luật chưa nhập cho năm nào thì được tính "
            "từ hồ sơ năm của từng thành viên.");
      }
      if (figures == MemberFigures::kStoredOnly) {
        notes->push_back(
            "Đơn vị nằm ngoài phạm vi cá nhân được giao cho tài khoản: số hoàn thành nhiệm vụ, LĐTT, CSTĐCS và bị kỷ "
            "luật của thành viên chỉ tính theo số liệu đã nhập cho đơn vị, không tính từ hồ sơ từng người.");
      }
    }
  } else {
    return Error::invalid("subject_kind", "Chỉ xét được cá nhân hoặc tập thể đã lưu trong hệ thống.");
  }
  std::sort(subject.grants.begin(), subject.grants.end(),
            [](const rules::Grant& a, const rules::Grant& b) { return a.year < b.year; });
  finish_views(subject);
  return subject;
}

Result<EligibilityReport> EligibilityService::evaluate(const Actor& actor, const EligibilityRequest& request) {
  if (!library_) return Error{ErrorCode::kUnavailable, "Bộ tiêu chuẩn chưa được nạp.", ""};
  auto work = store_.read();
  EligibilityReport report;
  if (request.subject.kind == rules::SubjectKind::kPerson) {
    TDKT_TRY(require(actor, domain::Permission::kReadPeople));
    const PersonId person{request.subject.id};
    auto found = work->people().find_person(person);
    if (!found) return Error::not_found("Không tìm thấy cá nhân mã " + std::to_string(person.value) + ".");
    if (!person_in_scope(*work, actor, person, clock_.today())) {
      return Error{ErrorCode::kForbidden,
                   "Cá nhân này nằm ngoài phạm vi đơn vị được giao cho tài khoản \"" + actor.name + "\".", ""};
    }
    report.subject_name = found->full_name();
  } else if (request.subject.kind == rules::SubjectKind::kUnit) {
    TDKT_TRY(require(actor, domain::Permission::kReadOrganisation));
    auto found = work->organisation().find_unit(UnitId{request.subject.id});
    if (!found) return Error::not_found("Không tìm thấy đơn vị mã " + std::to_string(request.subject.id) + ".");
    report.subject_name = found->name;
  } else {
    return Error::invalid("subject_kind", "Chỉ xét được cá nhân hoặc tập thể đã lưu trong hệ thống.");
  }

  report.decision_date = request.decision_date.value_or(clock_.today());
  report.year = request.year.value_or(report.decision_date.year());
  auto set = library_->in_force(report.decision_date, province_);
  if (!set) {
    Error error = set.error();
    error.field = "decision_date";
    if (error.code == ErrorCode::kInternal) error.code = ErrorCode::kInvalidInput;
    return error;
  }
  if (report.year < set->first_year) {
    return Error::invalid("year", "Năm " + std::to_string(report.year) + ": chưa có bộ tiêu chuẩn; bộ " + set->id +
                                      " chỉ xét từ năm " + std::to_string(set->first_year) + " (" +
                                      set->first_year_citation + "). Không xét theo suy đoán.");
  }
  if (report.year > report.decision_date.year()) {
    return Error::invalid("year", "Năm xét (" + std::to_string(report.year) + ") sau năm của ngày quyết định (" +
                                      report.decision_date.vn() + ").");
  }
  const auto figures = request.subject.kind == rules::SubjectKind::kUnit
                           ? member_figures_for(*work, actor, UnitId{request.subject.id}, clock_.today())
                           : MemberFigures::kDerived;
  auto subject = facts(*work, request.subject, report.year, &report.notes, figures);
  if (!subject) return std::move(subject).error();
  if (auto consistent = rules::check_consistency(*subject, report.decision_date.year()); !consistent) {
    Error error = consistent.error();
    error.message = "Hồ sơ mâu thuẫn, chưa xét được: " + error.message;
    return error;
  }
  report.rules = std::make_shared<const rules::RuleSet>(std::move(set).value());
  const rules::Evaluator evaluator(*report.rules);
  const auto view = subject->view();
  for (const auto* honour : evaluator.honours_for(subject->kind))
    report.results.push_back(evaluator.explain(view, *honour, report.year));
  report.path = rules::next_steps(evaluator, view, report.year);
  return report;
}

}  // namespace tdkt::app
