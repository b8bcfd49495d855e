#pragma once
// The JSON of one grant of the award history: what GET /api/v1/grants lists and what
// `tdkt grants list --format json` prints.

#include "app/grant_history_service.hpp"
#include "http/json_io.hpp"

namespace tdkt::http {

Json grant_history_json(const app::GrantHistoryItem& item);

}  // namespace tdkt::http
