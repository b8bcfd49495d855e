#pragma once
// How yearly records, initiatives and grants look in the JSON API (and in the pages).

#include <vector>

#include "app/records_service.hpp"
#include "http/json_io.hpp"

namespace tdkt::http {

struct Services;

Json to_json(const domain::PersonYear& record);
Json to_json(const domain::UnitYear& record);
Json to_json(const app::UnitYearView& view);
Json to_json(const std::vector<domain::InitiativeRecord>& records);
// Grants with the honour's name (from the rule library) and the subject's name.
Json grants_json(const std::vector<domain::GrantRecord>& grants, Services& services);

}  // namespace tdkt::http
