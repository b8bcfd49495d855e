#include "documents/document.hpp"

namespace tdkt::documents {

// Decree 30/2020/NĐ-CP, Phụ lục I, II.5.b: "đối với những số thể hiện ngày nhỏ hơn 10 và
// tháng 1, 2 phải ghi thêm số 0 phía trước" — which CivilDate::vn_long follows.
std::string official_date(CivilDate date) {
  return date.vn_long();
}

std::string place_and_date(std::string_view place, CivilDate date) {
  return std::string(place) + ", " + official_date(date);
}

}  // namespace tdkt::documents
