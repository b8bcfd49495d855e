#include "domain/organisation/restructuring.hpp"

#include <set>

#include "core/text.hpp"

namespace tdkt::domain {

Status check_restructuring(const RestructuringRequest& request, const std::map<UnitId, Unit>& units,
                           const std::vector<Unit>& active_children) {
  if (text::normalize(request.title).empty()) {
    return Error::invalid("title", "Cần ghi tên của đợt sắp xếp (ví dụ: \"Sắp xếp các phòng chuyên môn\").");
  }
  if (request.ends.empty() && request.creates.empty()) {
    return Error::invalid("ends", "Đợt sắp xếp phải kết thúc hoặc thành lập ít nhất một đơn vị.");
  }
  std::set<UnitId> ending;
  for (std::size_t i = 0; i < request.ends.size(); ++i) {
    const auto field = "ends[" + std::to_string(i) + "]";
    const auto id = request.ends[i];
    const auto found = units.find(id);
    if (found == units.end()) {
      return Error::conflict(ErrorCode::kInvalidInput, field,
                             "Không tìm thấy đơn vị mã " + std::to_string(id.value) + ".");
    }
    const Unit& unit = found->second;
    if (!ending.insert(id).second) {
      return Error::conflict(ErrorCode::kAlreadyEnded, field,
                             "Đơn vị \"" + unit.name + "\" được kết thúc hai lần trong cùng một đợt sắp xếp.");
    }
    if (unit.ended_by || (unit.period.to && *unit.period.to < request.effective_date)) {
      return Error::conflict(ErrorCode::kAlreadyEnded, field,
                             "Đơn vị \"" + unit.name + "\" đã kết thúc" +
                                 (unit.period.to ? " từ ngày " + unit.period.to->vn() : std::string()) +
                                 "; không thể kết thúc lần nữa.");
    }
    if (request.effective_date <= unit.period.from) {
      return Error::conflict(
          ErrorCode::kConflict, "effective_date",
          "Ngày hiệu lực phải sau ngày thành lập của \"" + unit.name + "\" (" + unit.period.from.vn() + ").");
    }
  }
  for (const auto& child : active_children) {
    if (!ending.contains(child.id)) {
      return Error::conflict(ErrorCode::kConflict, "ends",
                             "Đơn vị trực thuộc \"" + child.name +
                                 "\" vẫn còn hoạt động: hãy kết thúc hoặc chuyển nó trong cùng đợt sắp xếp.");
    }
  }
  std::set<std::string> keys;
  for (std::size_t i = 0; i < request.creates.size(); ++i) {
    const auto& item = request.creates[i];
    const auto prefix = "creates[" + std::to_string(i) + "].";
    if (item.key.empty()) return Error::invalid(prefix + "key", "Mỗi đơn vị mới cần một khóa (key) riêng.");
    if (!keys.insert(item.key).second) {
      return Error::invalid(prefix + "key", "Khóa \"" + item.key + "\" bị trùng.");
    }
    TDKT_TRY(check_unit_draft(item.draft, prefix));
  }
  for (std::size_t i = 0; i < request.creates.size(); ++i) {
    const auto& item = request.creates[i];
    if (item.parent_key && !keys.contains(*item.parent_key)) {
      return Error::invalid("creates[" + std::to_string(i) + "].parent_key",
                            "Không có đơn vị mới nào mang khóa \"" + *item.parent_key + "\".");
    }
    if (item.draft.parent && ending.contains(*item.draft.parent)) {
      return Error::conflict(ErrorCode::kConflict, "creates[" + std::to_string(i) + "].parent_id",
                             "Đơn vị cấp trên đã bị kết thúc trong chính đợt sắp xếp này.");
    }
  }
  for (std::size_t i = 0; i < request.successions.size(); ++i) {
    const auto& item = request.successions[i];
    const auto prefix = "successions[" + std::to_string(i) + "].";
    if (!ending.contains(item.predecessor)) {
      return Error::invalid(prefix + "from", "Đơn vị tiền thân phải nằm trong danh sách đơn vị kết thúc.");
    }
    if (item.successor_key.has_value() == item.successor_id.has_value()) {
      return Error::invalid(prefix + "to", "Cần đúng một đơn vị kế thừa: to_id hoặc to_key.");
    }
    if (item.successor_key && !keys.contains(*item.successor_key)) {
      return Error::invalid(prefix + "to_key", "Không có đơn vị mới nào mang khóa \"" + *item.successor_key + "\".");
    }
    if (item.successor_id) {
      const auto found = units.find(*item.successor_id);
      if (found == units.end()) {
        return Error::conflict(ErrorCode::kInvalidInput, prefix + "to_id", "Không tìm thấy đơn vị kế thừa.");
      }
      if (ending.contains(*item.successor_id) || !found->second.valid_on(request.effective_date)) {
        return Error::conflict(ErrorCode::kConflict, prefix + "to_id",
                               "Đơn vị kế thừa \"" + found->second.name + "\" không còn hoạt động vào ngày " +
                                   request.effective_date.vn() + ".");
      }
    }
  }
  return {};
}

}  // namespace tdkt::domain
