#include "core/error.hpp"

namespace tdkt {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kUnknownField: return "unknown_field";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kOverlap: return "overlap";
    case ErrorCode::kCycle: return "cycle";
    case ErrorCode::kAlreadyEnded: return "already_ended";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kCsrfFailed: return "csrf_failed";
    case ErrorCode::kTooManyAttempts: return "too_many_attempts";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kUnsupportedMedia: return "unsupported_media_type";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kBusy: return "busy";
    case ErrorCode::kOverloaded: return "overloaded";
    case ErrorCode::kHeadersTooLarge: return "headers_too_large";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kUnsupportedRange: return "range_not_satisfiable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

}  // namespace tdkt
