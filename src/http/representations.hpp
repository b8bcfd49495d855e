#pragma once
// How domain records look in the JSON API.

#include "app/organisation_service.hpp"
#include "app/people_service.hpp"
#include "http/json_io.hpp"

namespace tdkt::http {

Json to_json(const domain::Unit& unit);
Json to_json(const domain::UnitNode& node);
Json to_json(const domain::Restructuring& event);
Json to_json(const domain::Person& person);
Json to_json(const domain::Membership& membership);
Json to_json(const app::AuditRecord& record);
Json date_or_null(const std::optional<CivilDate>& day);
// A document of the register; `full` adds recipients, preamble and body.
Json document_json(const domain::RegisteredDocument& document, bool full);

}  // namespace tdkt::http
