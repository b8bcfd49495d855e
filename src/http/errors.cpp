#include "http/errors.hpp"

#include "core/text.hpp"

namespace tdkt::http {

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUnknownField: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden:
    case ErrorCode::kCsrfFailed: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict:
    case ErrorCode::kOverlap:
    case ErrorCode::kCycle:
    case ErrorCode::kAlreadyEnded: return 409;
    case ErrorCode::kTooLarge: return 413;
    case ErrorCode::kTooManyAttempts:
    case ErrorCode::kBusy: return 429;
    case ErrorCode::kHeadersTooLarge: return 431;
    case ErrorCode::kTimeout: return 408;
    case ErrorCode::kUnsupportedRange: return 416;
    case ErrorCode::kUnsupportedMedia: return 415;
    case ErrorCode::kOverloaded:
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Json error_body(const Error& error) {
  Json body;
  body["error"]["code"] = std::string(to_string(error.code));
  // A message may quote what the client sent (a query parameter, a sheet name, a file name): bytes
  // that are not UTF-8 would make the body unwritable (Json::dump throws) and the answer a 500.
  body["error"]["message"] = text::replace_invalid_utf8(error.message);
  body["error"]["field"] = text::replace_invalid_utf8(error.field);
  return body;
}

}  // namespace tdkt::http
