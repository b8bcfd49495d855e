#pragma once
// The only place that knows HTTP status codes for errors.

#include "core/error.hpp"
#include "http/json_io.hpp"

namespace tdkt::http {

int status_for(ErrorCode code);
// {"error": {"code": "overlap", "message": "...", "field": "from"}}; bytes of the message or field
// that are not UTF-8 become U+FFFD, so the body can always be written.
Json error_body(const Error& error);

}  // namespace tdkt::http
