#include "domain/records/records.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

constexpr std::array<std::pair<Rating, std::string_view>, 4> kRatingLabels{{
    {Rating::kCompletedExcellently, "Hoàn thành xuất sắc nhiệm vụ"},
    {Rating::kCompletedWell, "Hoàn thành tốt nhiệm vụ"},
    {Rating::kCompleted, "Hoàn thành nhiệm vụ"},
    {Rating::kNotCompleted, "Không hoàn thành nhiệm vụ"},
}};

constexpr std::array<std::pair<DisciplineLevel, std::string_view>, 7> kDisciplineLabels{{
    {DisciplineLevel::kNone, "Không"},
    {DisciplineLevel::kReprimand, "Khiển trách"},
    {DisciplineLevel::kWarning, "Cảnh cáo"},
    {DisciplineLevel::kSalaryDemotion, "Hạ bậc lương"},
    {DisciplineLevel::kDemotion, "Giáng chức"},
    {DisciplineLevel::kDismissal, "Cách chức"},
    {DisciplineLevel::kForcedResignation, "Buộc thôi việc"},
}};

constexpr std::array<std::pair<InitiativeLevel, std::string_view>, 3> kInitiativeLabels{{
    {InitiativeLevel::kUnit, "Cơ sở"},
    {InitiativeLevel::kProvince, "Tỉnh"},
    {InitiativeLevel::kNational, "Toàn quốc"},
}};

constexpr std::array<std::pair<GrantType, std::string_view>, 7> kGrantTypeLabels{{
    {GrantType::kMerit, "Công trạng"},
    {GrantType::kSudden, "Đột xuất"},
    {GrantType::kMovement, "Theo phong trào thi đua"},
    {GrantType::kThematic, "Chuyên đề"},
    {GrantType::kLongService, "Quá trình cống hiến"},
    {GrantType::kSeniority, "Niên hạn"},
    {GrantType::kForeign, "Đối ngoại"},
}};

constexpr std::array<std::pair<GrantSource, std::string_view>, 3> kGrantSources{{
    {GrantSource::kEntered, "entered"},
    {GrantSource::kImported, "imported"},
    {GrantSource::kDecided, "decided"},
}};

template <typename Enum, std::size_t N>
std::string_view label_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [candidate, label] : table) {
    if (candidate == value) return label;
  }
  return {};
}

// Matches a typed value against the code and the folded label ("hoàn thành tốt nhiệm vụ",
// "Hoan thanh tot nhiem vu", "HTTNV" all match).
template <typename Enum, std::size_t N>
std::optional<Enum> parse_with(const std::array<std::pair<Enum, std::string_view>, N>& table,
                               std::optional<Enum> (*from_code)(std::string_view), std::string_view text) {
  const auto trimmed = text::normalize(text);
  if (auto by_code = from_code(trimmed)) return by_code;
  const auto folded = text::fold(trimmed);
  if (folded.empty()) return std::nullopt;
  for (const auto& [value, label] : table) {
    if (text::fold(label) == folded) return value;
    if (text::fold(rules::to_string(value)) == folded) return value;
  }
  return std::nullopt;
}

Status check_year(int year, int current_year, const char* field) {
  if (year < kFirstRecordYear || year > current_year) {
    return Error::invalid(
        field, "Năm phải từ " + std::to_string(kFirstRecordYear) + " đến " + std::to_string(current_year) + ".");
  }
  return {};
}

Status check_months(const std::optional<int>& months, const char* field, const char* what) {
  if (months && (*months < 0 || *months > 12)) {
    return Error::invalid(field, std::string(what) + " phải từ 0 đến 12 tháng.");
  }
  return {};
}

Status check_count(const std::optional<int>& count, const char* field) {
  if (count && *count < 0) return Error::invalid(field, "Số người không được âm.");
  return {};
}

}  // namespace

std::optional<int> PersonYear::counted_months() const {
  if (!months_worked) return std::nullopt;
  return std::min(12, *months_worked + leave_months.value_or(0));
}

std::string_view to_string(GrantSource source) {
  return label_of(kGrantSources, source);
}

std::optional<GrantSource> grant_source_from_string(std::string_view text) {
  for (const auto& [value, code] : kGrantSources) {
    if (code == text) return value;
  }
  return std::nullopt;
}

Result<PersonYear> check_person_year(PersonYear record, int current_year) {
  TDKT_TRY(check_year(record.year, current_year, "year"));
  TDKT_TRY(check_months(record.months_worked, "months_worked", "Số tháng công tác"));
  TDKT_TRY(check_months(record.leave_months, "leave_months", "Số tháng nghỉ được tính là thời gian công tác"));
  if (record.leave_months && *record.leave_months > 0 && !record.months_worked) {
    return Error::invalid("months_worked",
                          "Đã nhập số tháng nghỉ thai sản thì phải nhập cả số tháng công tác thực tế.");
  }
  if (record.months_worked && record.leave_months && *record.months_worked + *record.leave_months > 12) {
    return Error::invalid("leave_months", "Số tháng công tác cộng số tháng nghỉ được tính không được quá 12.");
  }
  if (record.discipline == DisciplineLevel::kNone && record.discipline_date) {
    return Error::invalid("discipline_date", "Có ngày quyết định kỷ luật thì phải chọn hình thức kỷ luật.");
  }
  if (record.discipline_date && record.discipline_date->year() != record.year) {
    return Error::invalid("discipline_date",
                          "Ngày quyết định kỷ luật phải thuộc năm " + std::to_string(record.year) + ".");
  }
  TDKT_TRY(check_text_field(record.pending_note, "pending_note", 500, false, "Nội dung đang xem xét"));
  TDKT_TRY(check_text_field(record.note, "note", 1000, false, "Ghi chú"));
  return record;
}

Result<UnitYear> check_unit_year(UnitYear record, int current_year) {
  TDKT_TRY(check_year(record.year, current_year, "year"));
  TDKT_TRY(check_count(record.members, "members"));
  struct Part {
    const std::optional<int>* value;
    const char* field;
    const char* what;
  };
  for (const auto& part : {Part{&record.members_completed, "members_completed", "hoàn thành nhiệm vụ trở lên"},
                           Part{&record.members_ldtt, "members_ldtt", "đạt Lao động tiên tiến"},
                           Part{&record.members_cstdcs, "members_cstdcs", "đạt Chiến sĩ thi đua cơ sở"},
                           Part{&record.members_disciplined, "members_disciplined", "bị kỷ luật"}}) {
    TDKT_TRY(check_count(*part.value, part.field));
    if (*part.value && record.members && **part.value > *record.members) {
      return Error::invalid(part.field, "Số người " + std::string(part.what) + " (" + std::to_string(**part.value) +
                                            ") lớn hơn tổng số thành viên (" + std::to_string(*record.members) + ").");
    }
  }
  TDKT_TRY(check_text_field(record.note, "note", 1000, false, "Ghi chú"));
  return record;
}

Result<InitiativeRecord> check_initiative(InitiativeRecord record, int current_year) {
  TDKT_TRY(check_year(record.year, current_year, "year"));
  TDKT_TRY(check_text_field(record.title, "title", 500, true, "Tên sáng kiến, đề tài"));
  TDKT_TRY(check_text_field(record.recognised_by, "recognised_by", 200, false, "Quyết định công nhận"));
  record.used_for = text::normalize(record.used_for);
  if (record.used_for.empty() != !record.used_for_year) {
    return Error::invalid(record.used_for.empty() ? "used_for" : "used_for_year",
                          "Sáng kiến đã dùng để khen thưởng thì phải ghi cả danh hiệu và năm được khen.");
  }
  if (record.used_for_year && *record.used_for_year < record.year) {
    return Error::invalid("used_for_year", "Năm được khen không thể trước năm công nhận sáng kiến.");
  }
  return record;
}

Result<GrantRecord> check_grant(GrantRecord record, int current_year, bool known_honour) {
  record.honour = text::normalize(record.honour);
  if (record.honour.empty()) return Error::invalid("honour", "Chưa chọn danh hiệu, hình thức khen thưởng.");
  if (!known_honour) {
    return Error::invalid("honour", "Không rõ mã danh hiệu, hình thức khen thưởng \"" + record.honour + "\".");
  }
  TDKT_TRY(check_year(record.year, current_year, "year"));
  TDKT_TRY(check_text_field(record.decision_number, "decision_number", 100, false, "Số quyết định"));
  TDKT_TRY(check_text_field(record.authority, "authority", 300, false, "Cấp quyết định"));
  TDKT_TRY(check_text_field(record.note, "note", 1000, false, "Ghi chú"));
  if (record.decision_date && record.decision_date->year() < record.year) {
    return Error::invalid("decision_date", "Ngày quyết định (" + record.decision_date->vn() +
                                               ") không thể trước năm được khen (" + std::to_string(record.year) +
                                               ").");
  }
  return record;
}

std::string_view vietnamese_label(Rating rating) {
  return rating == Rating::kNone ? std::string_view("Chưa xếp loại") : label_of(kRatingLabels, rating);
}
std::string_view vietnamese_label(DisciplineLevel level) {
  return label_of(kDisciplineLabels, level);
}
std::string_view vietnamese_label(InitiativeLevel level) {
  return label_of(kInitiativeLabels, level);
}
std::string_view vietnamese_label(GrantType type) {
  return label_of(kGrantTypeLabels, type);
}

std::optional<Rating> parse_rating(std::string_view text) {
  return parse_with(kRatingLabels, &rules::rating_from_string, text);
}
std::optional<DisciplineLevel> parse_discipline(std::string_view text) {
  if (text::fold(text).empty()) return DisciplineLevel::kNone;
  return parse_with(kDisciplineLabels, &rules::discipline_level_from_string, text);
}
std::optional<InitiativeLevel> parse_initiative_level(std::string_view text) {
  if (auto level = parse_with(kInitiativeLabels, &rules::initiative_level_from_string, text)) return level;
  // "cấp cơ sở", "cấp tỉnh", "cấp toàn quốc" as written on decisions.
  const auto folded = text::fold(text);
  if (folded.rfind("cap ", 0) == 0)
    return parse_with(kInitiativeLabels, &rules::initiative_level_from_string, std::string_view(folded).substr(4));
  return std::nullopt;
}
std::optional<GrantType> parse_grant_type(std::string_view text) {
  return parse_with(kGrantTypeLabels, &rules::grant_type_from_string, text);
}

}  // namespace tdkt::domain
