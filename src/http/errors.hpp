#pragma once
// The only place that knows HTTP status codes for errors.

#include "core/error.hpp"
#include "http/json_io.hpp"

namespace tdkt::http {

int status_for(ErrorCode code);
// {"error": {"code": "overlap", "message": "...", "field": "from"}}
Json error_body(const Error& error);

}  // namespace tdkt::http
