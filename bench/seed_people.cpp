// Fills a database with generated persons for the search benchmark (bench/run.sh):
//   tdkt_bench_seed --db sqlite:PATH|postgresql://... --count 100000
// Names follow the frequency of Vietnamese family names (about 38 % Nguyễn), with full
// diacritics; the sort and search keys are derived by the domain as for any person.

#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "server/context.hpp"

int main(int argc, char** argv) {
  std::string db;
  long count = 100000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") db = argv[i + 1];
    if (flag == "--count") count = std::atol(argv[i + 1]);
  }
  auto location = tdkt::storage::parse_location(db);
  if (!location || count <= 0) {
    std::cerr << "usage: tdkt_bench_seed --db URL --count N\n";
    return 2;
  }
  const std::vector<std::pair<std::string, int>> families{
      {"Nguyễn", 38}, {"Trần", 11}, {"Lê", 9},   {"Phạm", 7}, {"Hoàng", 5}, {"Huỳnh", 4}, {"Phan", 4},
      {"Vũ", 4},      {"Võ", 4},    {"Đặng", 2}, {"Bùi", 2},  {"Đỗ", 2},    {"Hồ", 2},    {"Ngô", 2},
      {"Dương", 1},   {"Lý", 1},    {"Điểu", 1}, {"Lâm", 1},  {"Thạch", 1}};
  const std::vector<std::string> middles{"Văn",  "Thị",  "Hữu",     "Đức", "Thanh", "Minh",
                                         "Ngọc", "Quốc", "Thị Thu", "Kim", ""};
  const std::vector<std::string> givens{"An",   "Bình", "Cường", "Dũng", "Đức",   "Giang", "Hà",   "Hải",
                                        "Hạnh", "Hiếu", "Hoa",   "Hùng", "Hương", "Khang", "Lan",  "Linh",
                                        "Long", "Mai",  "Minh",  "Nam",  "Ngọc",  "Nhân",  "Oanh", "Phúc",
                                        "Quân", "Sơn",  "Tâm",   "Thảo", "Trang", "Tuấn",  "Vinh", "Yến"};
  const std::vector<std::string> ethnicities{"Kinh",   "Kinh",  "Kinh", "Kinh", "Xtiêng",
                                             "M'nông", "Khmer", "Tày",  "Nùng"};
  std::vector<int> weights;
  for (const auto& family : families)
    weights.push_back(family.second);
  std::mt19937 random(20261122);
  std::discrete_distribution<std::size_t> pick_family(weights.begin(), weights.end());
  auto pick = [&](const std::vector<std::string>& list) { return list[random() % list.size()]; };

  tdkt::server::Context context(*location, 1);
  context.database().migrate();
  auto work = context.database().write();
  for (long i = 0; i < count; ++i) {
    tdkt::domain::PersonDraft draft;
    draft.family_name = families[pick_family(random)].first;
    draft.middle_name = pick(middles);
    draft.given_name = pick(givens);
    draft.gender = draft.middle_name == "Thị" ? tdkt::domain::Gender::kFemale : tdkt::domain::Gender::kMale;
    draft.birth_year = 1960 + static_cast<int>(random() % 45);
    draft.ethnicity = pick(ethnicities);
    draft.province = "Đồng Nai";
    work->people().insert_person(draft, tdkt::domain::person_search_text(draft), tdkt::domain::person_sort_key(draft));
  }
  work->commit();
  work.reset();
  context.database().optimize();
  std::cout << "seeded " << count << " persons into " << location->display() << "\n";
  return 0;
}
