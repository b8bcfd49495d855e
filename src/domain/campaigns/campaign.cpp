#include "domain/campaigns/campaign.hpp"

#include <algorithm>
#include <set>

#include "core/text.hpp"

namespace tdkt::domain {
namespace {

std::string quoted(std::string_view text) {
  return "\"" + std::string(text) + "\"";
}

}  // namespace

std::vector<HonourInfo> honour_directory(const rules::RuleLibrary& library) {
  std::vector<HonourInfo> directory;
  const auto& sets = library.sets();
  for (auto set = sets.rbegin(); set != sets.rend(); ++set) {
    for (const auto& honour : set->honours) {
      if (find_honour(directory, honour.code)) continue;
      directory.push_back({honour.code, honour.name, honour.applies_to(rules::SubjectKind::kPerson),
                           honour.applies_to(rules::SubjectKind::kUnit)});
    }
  }
  return directory;
}

const HonourInfo* find_honour(const std::vector<HonourInfo>& directory, std::string_view code) {
  const auto found =
      std::find_if(directory.begin(), directory.end(), [&](const HonourInfo& honour) { return honour.code == code; });
  return found == directory.end() ? nullptr : &*found;
}

CivilDate Campaign::closes_on() const {
  return reopened_until && *reopened_until > deadline ? *reopened_until : deadline;
}

const CampaignUnit* Campaign::find_unit(UnitId unit) const {
  const auto found = std::find_if(units.begin(), units.end(), [&](const CampaignUnit& u) { return u.unit == unit; });
  return found == units.end() ? nullptr : &*found;
}

CampaignUnit* Campaign::find_unit(UnitId unit) {
  const auto found = std::find_if(units.begin(), units.end(), [&](const CampaignUnit& u) { return u.unit == unit; });
  return found == units.end() ? nullptr : &*found;
}

std::string_view to_string(RegistrationSource source) {
  return source == RegistrationSource::kImported ? "imported" : "entered";
}

std::optional<RegistrationSource> registration_source_from_string(std::string_view code) {
  if (code == "entered") return RegistrationSource::kEntered;
  if (code == "imported") return RegistrationSource::kImported;
  return std::nullopt;
}

std::string_view vietnamese_label(RegistrationSource source) {
  return source == RegistrationSource::kImported ? "Nhập từ Excel" : "Nhập trên trang";
}

Result<Campaign> check_campaign(Campaign campaign, const Movement& movement, const std::vector<HonourInfo>& directory) {
  const int first_year = movement.starts_on.year();
  const int last_year = movement.ends_on.year();
  if (campaign.year < first_year || campaign.year > last_year) {
    return Error::invalid("year", "Năm " + std::to_string(campaign.year) + " nằm ngoài thời gian của phong trào " +
                                      quoted(movement.name) + " (" + movement.starts_on.vn() + " – " +
                                      movement.ends_on.vn() + ").");
  }
  if (campaign.deadline < movement.starts_on || campaign.deadline > movement.ends_on) {
    return Error::invalid("deadline", "Hạn đăng ký " + campaign.deadline.vn() +
                                          " phải nằm trong thời gian của phong trào (" + movement.starts_on.vn() +
                                          " – " + movement.ends_on.vn() + ").");
  }
  if (campaign.reopened_until && *campaign.reopened_until <= campaign.deadline) {
    return Error::invalid("reopened_until", "Ngày mở lại đăng ký phải sau hạn đăng ký " + campaign.deadline.vn() + ".");
  }
  if (campaign.reopened_until && *campaign.reopened_until > movement.ends_on) {
    return Error::invalid("reopened_until",
                          "Phong trào kết thúc ngày " + movement.ends_on.vn() + "; không mở lại đăng ký sau ngày đó.");
  }
  if (campaign.honours.empty()) {
    return Error::invalid("honours", "Chọn ít nhất một danh hiệu được đăng ký.");
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < campaign.honours.size(); ++i) {
    auto& code = campaign.honours[i];
    code = text::normalize(code);
    const std::string field = "honours[" + std::to_string(i) + "]";
    if (!find_honour(directory, code)) {
      return Error::invalid(field, "Không rõ mã danh hiệu " + quoted(code) + " trong bộ tiêu chuẩn.");
    }
    if (!seen.insert(code).second) return Error::invalid(field, "Danh hiệu " + quoted(code) + " được chọn hai lần.");
  }
  if (campaign.units.empty()) {
    return Error::invalid("unit_ids", "Chọn ít nhất một đơn vị phải đăng ký.");
  }
  std::set<UnitId> units;
  for (std::size_t i = 0; i < campaign.units.size(); ++i) {
    if (!units.insert(campaign.units[i].unit).second) {
      return Error::invalid("unit_ids[" + std::to_string(i) + "]", "Đơn vị được chọn hai lần.");
    }
  }
  return campaign;
}

Status accepts_registration(const Campaign& campaign, CivilDate day) {
  if (campaign.consolidated()) {
    return Error::conflict(ErrorCode::kConflict, "campaign",
                           "Đợt đăng ký đã được tổng hợp toàn cơ quan ngày " + campaign.consolidated_on->vn() +
                               "; danh sách đăng ký đã chốt, không thêm hoặc rút đăng ký được nữa.");
  }
  if (day <= campaign.closes_on()) return {};
  std::string message = "Hạn đăng ký là " + campaign.deadline.vn();
  if (campaign.reopened_until) message += ", đã mở lại đến " + campaign.reopened_until->vn();
  message += "; đợt đăng ký đã đóng từ ngày " + campaign.closes_on().add_days(1).vn() +
             ". Cán bộ thi đua - khen thưởng có thể mở lại đăng ký đến một ngày mới.";
  return Error::conflict(ErrorCode::kConflict, "deadline", std::move(message));
}

Status unit_open(const CampaignUnit& unit, std::string_view unit_name) {
  if (!unit.consolidated_on) return {};
  return Error::conflict(ErrorCode::kConflict, "unit_id",
                         "Đăng ký của " + quoted(unit_name) + " đã được xác nhận tổng hợp ngày " +
                             unit.consolidated_on->vn() + "; không thêm hoặc rút đăng ký của đơn vị này được nữa.");
}

Status check_registration_honour(const Campaign& campaign, const std::vector<HonourInfo>& directory,
                                 rules::SubjectKind subject_kind, const std::string& honour) {
  const auto* info = find_honour(directory, honour);
  if (!info || std::find(campaign.honours.begin(), campaign.honours.end(), honour) == campaign.honours.end()) {
    std::string allowed;
    for (const auto& code : campaign.honours)
      allowed += (allowed.empty() ? "" : ", ") + code;
    return Error::invalid(
        "honour", "Danh hiệu " + quoted(honour) + " không có trong đợt đăng ký này (được đăng ký: " + allowed + ").");
  }
  if (subject_kind == rules::SubjectKind::kPerson && !info->for_persons) {
    return Error::invalid("honour", "Danh hiệu " + quoted(info->name) + " dành cho tập thể; cá nhân không đăng ký.");
  }
  if (subject_kind == rules::SubjectKind::kUnit && !info->for_units) {
    return Error::invalid("honour", "Danh hiệu " + quoted(info->name) + " dành cho cá nhân; tập thể không đăng ký.");
  }
  return {};
}

}  // namespace tdkt::domain
