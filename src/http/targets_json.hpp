#pragma once
// The JSON of one target with its measured values and progress: what GET
// /api/v1/movements/{id}/targets lists and what the review report's figures carry.

#include "app/target_service.hpp"
#include "http/json_io.hpp"

namespace tdkt::http {

Json target_json(const app::TargetView& view);

}  // namespace tdkt::http
