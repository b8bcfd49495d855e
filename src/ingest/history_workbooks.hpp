#pragma once
// Excel lists of the award history (khen thưởng đã tặng) and of complaints and denunciations.

#include <string>
#include <vector>

#include "app/complaint_service.hpp"
#include "app/grant_history_service.hpp"

namespace tdkt::ingest {

// Two sheets: "Danh sách" (one row per grant) and "Tổng hợp" (individuals and collectives by
// year, level and honour).
Result<std::string> grant_history_workbook(const std::string& title, const std::string& subtitle,
                                           const std::vector<app::GrantHistoryItem>& items,
                                           const app::GrantSummary& summary);

// One row per complaint, the overdue ones flagged.
Result<std::string> complaint_workbook(const std::string& title, const std::string& subtitle,
                                       const std::vector<app::ComplaintView>& items);

}  // namespace tdkt::ingest
