#pragma once
// Movements (phong trào thi đua) and their plans. A movement is launched by an authority at a
// level (the Prime Minister, the province, the agency) for a period; it may run in waves that
// celebrate occasions, has numbered content items and solutions, assigns tasks to units, and
// implements documents of the register and a parent movement: the agency's plan implements the
// province's, which implements the Prime Minister's. Pure: no I/O.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

namespace tdkt::domain {

// Who launched the movement, by level (cấp phát động).
enum class MovementLevel {
  kNational,  // Trung ương: Thủ tướng Chính phủ, Hội đồng TĐKT Trung ương, a ministry
  kProvince,  // Tỉnh: UBND tỉnh, Hội đồng TĐKT tỉnh
  kAgency,    // Cơ quan: the agency itself (Ban Dân tộc, Sở Dân tộc và Tôn giáo)
};

// Luật Thi đua, khen thưởng 2022, Article 11: the forms a movement takes.
enum class MovementKind {
  kRegular,   // thường xuyên: the year's emulation, with its yearly review
  kThematic,  // chuyên đề: one theme over a period of years
  kByWave,    // theo đợt: high points (đợt cao điểm) within a period
  kSpecial,   // đột xuất: answers a sudden need
};

std::string_view to_string(MovementLevel level);  // "national", "province", "agency"
std::string_view to_string(MovementKind kind);    // "regular", "thematic", "by_wave", "special"
std::optional<MovementLevel> movement_level_from_string(std::string_view code);
std::optional<MovementKind> movement_kind_from_string(std::string_view code);
std::string_view vietnamese_label(MovementLevel level);  // "Trung ương", "Tỉnh", "Cơ quan"
std::string_view vietnamese_label(MovementKind kind);    // "Thường xuyên", …

// An occasion a wave celebrates: "Kỷ niệm 94 năm Ngày thành lập Đảng Cộng sản Việt Nam",
// with its day when it has one (03/02/2024).
struct Occasion {
  std::string name;
  std::optional<CivilDate> on;
};

// A wave (đợt thi đua): "Đợt thi đua thứ nhất", 01/01/2024 – 30/06/2024.
struct Wave {
  std::string name;
  CivilDate starts_on;
  CivilDate ends_on;
  std::vector<Occasion> occasions;
};

// A numbered content item (nội dung thi đua): its title and what it asks.
struct ContentItem {
  std::string title;
  std::string text;  // paragraphs separated by '\n'
};

// A task assigned to a unit (phân công thực hiện).
struct Assignment {
  UnitId unit;
  std::string task;
};

struct Movement {
  MovementId id;
  std::string name;       // "Toàn tỉnh chung sức xây dựng Nông thôn mới"
  std::string theme;      // a short theme: "Nông thôn mới"; may be empty
  std::string authority;  // who launched it: "UBND tỉnh Bình Phước"
  MovementLevel level = MovementLevel::kAgency;
  MovementKind kind = MovementKind::kRegular;
  CivilDate starts_on;
  CivilDate ends_on;
  std::optional<MovementId> parent;       // the movement this one implements
  std::optional<UnitId> unit;             // the agency's unit that runs it, for its own movements
  std::vector<std::string> purposes;      // mục đích
  std::vector<std::string> requirements;  // yêu cầu
  std::vector<ContentItem> content_items;
  std::vector<std::string> solutions;  // giải pháp
  std::vector<Wave> waves;
  std::vector<Assignment> assignments;
  std::vector<DocumentId> implements;       // documents of the register it implements (căn cứ)
  std::optional<DocumentId> plan_document;  // the plan drafted from it, once created
};

// Normalises and checks a movement: required fields, a period that ends after it starts, every
// wave inside the period (its occasions need not be: an anniversary may fall just before), no
// empty item. The error names the field: "waves[1].starts_on".
Result<Movement> check_movement(Movement movement);

// The movement's period as written in a plan's title: "giai đoạn 2021-2025" or "năm 2024".
std::string period_phrase(const Movement& movement);

}  // namespace tdkt::domain
