#include "domain/movements/movement.hpp"

#include <array>

#include "core/text.hpp"
#include "domain/text_field.hpp"

namespace tdkt::domain {
namespace {

struct LevelInfo {
  MovementLevel level;
  std::string_view code;
  std::string_view label;
};
constexpr std::array<LevelInfo, 3> kLevels{{
    {MovementLevel::kNational, "national", "Trung ương"},
    {MovementLevel::kProvince, "province", "Tỉnh"},
    {MovementLevel::kAgency, "agency", "Cơ quan"},
}};

struct KindInfo {
  MovementKind kind;
  std::string_view code;
  std::string_view label;
};
constexpr std::array<KindInfo, 4> kKinds{{
    {MovementKind::kRegular, "regular", "Thường xuyên"},
    {MovementKind::kThematic, "thematic", "Chuyên đề"},
    {MovementKind::kByWave, "by_wave", "Theo đợt"},
    {MovementKind::kSpecial, "special", "Đột xuất"},
}};

std::string indexed(std::string_view list, std::size_t index, std::string_view field = {}) {
  std::string name = std::string(list) + "[" + std::to_string(index) + "]";
  if (!field.empty()) name += "." + std::string(field);
  return name;
}

Status check_lines(std::vector<std::string>& lines, std::string_view list, std::string_view what) {
  if (lines.size() > 200) return Error::invalid(std::string(list), std::string(what) + ": nhiều quá 200 mục.");
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto name = indexed(list, i);
    TDKT_TRY(check_text_field(lines[i], name.c_str(), 5000, true, what));
  }
  return {};
}

std::string dmy(CivilDate day) {
  return day.vn();
}

}  // namespace

std::string_view to_string(MovementLevel level) {
  return kLevels.at(static_cast<std::size_t>(level)).code;
}
std::string_view to_string(MovementKind kind) {
  return kKinds.at(static_cast<std::size_t>(kind)).code;
}
std::optional<MovementLevel> movement_level_from_string(std::string_view code) {
  for (const auto& entry : kLevels) {
    if (entry.code == code) return entry.level;
  }
  return std::nullopt;
}
std::optional<MovementKind> movement_kind_from_string(std::string_view code) {
  for (const auto& entry : kKinds) {
    if (entry.code == code) return entry.kind;
  }
  return std::nullopt;
}
std::string_view vietnamese_label(MovementLevel level) {
  return kLevels.at(static_cast<std::size_t>(level)).label;
}
std::string_view vietnamese_label(MovementKind kind) {
  return kKinds.at(static_cast<std::size_t>(kind)).label;
}

Result<Movement> check_movement(Movement movement) {
  TDKT_TRY(check_text_field(movement.name, "name", 500, true, "Tên phong trào"));
  TDKT_TRY(check_text_field(movement.theme, "theme", 200, false, "Chủ đề"));
  TDKT_TRY(check_text_field(movement.authority, "authority", 300, true, "Cấp phát động"));
  if (movement.ends_on < movement.starts_on) {
    return Error::invalid(
        "ends_on", "Ngày kết thúc " + dmy(movement.ends_on) + " trước ngày bắt đầu " + dmy(movement.starts_on) + ".");
  }
  if (movement.parent && movement.id.value != 0 && *movement.parent == movement.id) {
    return Error::invalid("parent_id", "Phong trào không thể thực hiện chính nó.");
  }
  TDKT_TRY(check_lines(movement.purposes, "purposes", "Mục đích"));
  TDKT_TRY(check_lines(movement.requirements, "requirements", "Yêu cầu"));
  TDKT_TRY(check_lines(movement.solutions, "solutions", "Giải pháp"));
  for (std::size_t i = 0; i < movement.content_items.size(); ++i) {
    auto& item = movement.content_items[i];
    TDKT_TRY(check_text_field(item.title, indexed("content_items", i, "title").c_str(), 500, true, "Tên nội dung"));
    TDKT_TRY(check_paragraphs(item.text, indexed("content_items", i, "text"), 20000, "Nội dung"));
  }
  for (std::size_t i = 0; i < movement.waves.size(); ++i) {
    auto& wave = movement.waves[i];
    TDKT_TRY(check_text_field(wave.name, indexed("waves", i, "name").c_str(), 300, true, "Tên đợt thi đua"));
    if (wave.ends_on < wave.starts_on) {
      return Error::invalid(indexed("waves", i, "ends_on"), "Đợt \"" + wave.name + "\" kết thúc trước khi bắt đầu.");
    }
    if (wave.starts_on < movement.starts_on || movement.ends_on < wave.ends_on) {
      return Error::invalid(indexed("waves", i, wave.starts_on < movement.starts_on ? "starts_on" : "ends_on"),
                            "Đợt \"" + wave.name + "\" (" + dmy(wave.starts_on) + " – " + dmy(wave.ends_on) +
                                ") nằm ngoài thời gian của phong trào (" + dmy(movement.starts_on) + " – " +
                                dmy(movement.ends_on) + ").");
    }
    for (std::size_t j = 0; j < wave.occasions.size(); ++j) {
      const auto name = indexed("waves", i, "occasions[" + std::to_string(j) + "]");
      TDKT_TRY(check_text_field(wave.occasions[j].name, name.c_str(), 500, true, "Sự kiện chào mừng"));
    }
  }
  for (std::size_t i = 0; i < movement.assignments.size(); ++i) {
    auto& assignment = movement.assignments[i];
    if (assignment.unit.value <= 0)
      return Error::invalid(indexed("assignments", i, "unit_id"), "Chưa chọn đơn vị được giao.");
    TDKT_TRY(
        check_text_field(assignment.task, indexed("assignments", i, "task").c_str(), 5000, true, "Nhiệm vụ được giao"));
  }
  for (std::size_t i = 0; i < movement.implements.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (movement.implements[i] == movement.implements[j]) {
        return Error::invalid(indexed("implements", i), "Văn bản căn cứ được chọn hai lần.");
      }
    }
  }
  return movement;
}

std::string period_phrase(const Movement& movement) {
  const int from = movement.starts_on.year();
  const int to = movement.ends_on.year();
  if (from == to) return "năm " + std::to_string(from);
  return "giai đoạn " + std::to_string(from) + "-" + std::to_string(to);
}

}  // namespace tdkt::domain
