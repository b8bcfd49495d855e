#include "http/errors.hpp"

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
  body["error"]["message"] = error.message;
  body["error"]["field"] = error.field;
  return body;
}

}  // namespace tdkt::http
