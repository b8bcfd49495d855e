#pragma once
// The Vietnamese words and phrases the engine puts into verdicts, read from rules/vocabulary.json
// so that no Vietnamese wording is fixed in C++. Phrases are templates with {placeholders}.

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "domain/rules/facts.hpp"

namespace tdkt::domain::rules {

struct Vocabulary {
  std::array<std::string, kRatingCount> ratings;                     // [kNone] unused
  std::array<std::string, kDisciplineLevelCount> discipline_levels;  // [kNone]: "không"
  std::array<std::string, kInitiativeLevelCount> initiative_levels;  // [0] unused

  std::string no_data;                // "chưa có dữ liệu"
  std::string yes;                    // "có"
  std::string no;                     // "không"
  std::string complete;               // "đủ"
  std::string none_found;             // "không có"
  std::string missing_years;          // "còn thiếu năm {years}"
  std::string unmet_years;            // "không đạt năm {years}"
  std::string unknown_years;          // "chưa có dữ liệu năm {years}"
  std::string pending_years;          // "chưa đến năm {years}"
  std::string granted_in;             // "đã được tặng năm {years}"
  std::string not_granted;            // "chưa được tặng"
  std::string qualified;              // "đủ tiêu chuẩn"
  std::string not_qualified;          // "chưa đủ tiêu chuẩn"
  std::string undetermined;           // "chưa đủ dữ liệu để kết luận"
  std::string discipline_pending;     // "đang trong thời gian xem xét kỷ luật"
  std::string no_discipline_pending;  // "không có"
  std::string excluded_initiatives;   // "không tính {ids} vì đã dùng để khen thưởng"
  std::string need_grant;             // "{honour} năm {years}"
  std::string need_rating;            // "xếp loại từ {rating} trở lên năm {years}"
  std::string need_data;              // "dữ liệu năm {years}"
  std::string need_initiative;        // "{count} sáng kiến cấp {level} trở lên (các năm {years})"
  std::string path_missing;           // "{honour} năm {year}: còn thiếu {items}"
  std::string path_ready;             // "{honour} năm {year}: đủ điều kiện nếu ..."
  std::string deadline;               // "Hạn nộp hồ sơ: {date}"
  std::string alternative;            // " hoặc ", between the items of alternatives
};

// The named phrases of a Vocabulary, for readers and checks: one row per std::string member.
struct VocabularyPhrase {
  std::string_view key;
  std::string Vocabulary::*member;
};
inline constexpr VocabularyPhrase kVocabularyPhrases[] = {
    {"no_data", &Vocabulary::no_data},
    {"yes", &Vocabulary::yes},
    {"no", &Vocabulary::no},
    {"complete", &Vocabulary::complete},
    {"none_found", &Vocabulary::none_found},
    {"missing_years", &Vocabulary::missing_years},
    {"unmet_years", &Vocabulary::unmet_years},
    {"unknown_years", &Vocabulary::unknown_years},
    {"pending_years", &Vocabulary::pending_years},
    {"granted_in", &Vocabulary::granted_in},
    {"not_granted", &Vocabulary::not_granted},
    {"qualified", &Vocabulary::qualified},
    {"not_qualified", &Vocabulary::not_qualified},
    {"undetermined", &Vocabulary::undetermined},
    {"discipline_pending", &Vocabulary::discipline_pending},
    {"no_discipline_pending", &Vocabulary::no_discipline_pending},
    {"excluded_initiatives", &Vocabulary::excluded_initiatives},
    {"need_grant", &Vocabulary::need_grant},
    {"need_rating", &Vocabulary::need_rating},
    {"need_data", &Vocabulary::need_data},
    {"need_initiative", &Vocabulary::need_initiative},
    {"path_missing", &Vocabulary::path_missing},
    {"path_ready", &Vocabulary::path_ready},
    {"deadline", &Vocabulary::deadline},
    {"alternative", &Vocabulary::alternative},
};

}  // namespace tdkt::domain::rules
