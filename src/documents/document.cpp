#include "documents/document.hpp"

namespace tdkt::documents {
namespace {

// Decree 30/2020/NĐ-CP, Phụ lục I, II.5.b: "đối với những số thể hiện ngày nhỏ hơn 10 và
// tháng 1, 2 phải ghi thêm số 0 phía trước".
std::string padded(unsigned value, bool pad) {
  return (pad && value < 10 ? "0" : "") + std::to_string(value);
}

}  // namespace

std::string official_date(CivilDate date) {
  return "ngày " + padded(date.day(), true) + " tháng " + padded(date.month(), date.month() <= 2) + " năm " +
         std::to_string(date.year());
}

std::string place_and_date(std::string_view place, CivilDate date) {
  return std::string(place) + ", " + official_date(date);
}

}  // namespace tdkt::documents
