#pragma once
// The Excel list of a review (danh sách đề nghị khen thưởng của đợt xét): one row per
// nomination with the result of the rules' check, the reasons and the justification.

#include <string>
#include <vector>

#include "core/result.hpp"

namespace tdkt::ingest {

struct ReviewListRow {
  std::string subject;        // họ tên / tập thể
  std::string subject_kind;   // "Cá nhân" / "Tập thể"
  std::string unit;           // the proposing unit
  std::string honour;         // "Lao động tiên tiến"
  std::string verdict;        // "Đủ điều kiện"
  std::string reasons;        // the clauses not met, one per line, with their citations
  std::string quota;          // the place in the quotas, one per line
  std::string justification;  // giải trình
  std::string status;         // "Đang xét"
};

// One sheet "Danh sách": title, subtitle, then STT and the columns of ReviewListRow.
Result<std::string> review_workbook(const std::string& title, const std::string& subtitle,
                                    const std::vector<ReviewListRow>& rows);

}  // namespace tdkt::ingest
