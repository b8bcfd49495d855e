#pragma once
// The one error type that crosses layers. Expected failures are values (see result.hpp);
// programming errors are assertions. Only the HTTP layer maps an ErrorCode to a status.

#include <string>
#include <string_view>

namespace tdkt {

// Stable, documented codes: clients may switch on them (docs/api/errors.md).
enum class ErrorCode {
  kInvalidInput,      // a value is malformed or out of range (400)
  kUnknownField,      // a JSON body carries a field the endpoint does not accept (400)
  kNotFound,          // the addressed record does not exist (404)
  kConflict,          // the request contradicts the stored state (409)
  kOverlap,           // a period overlaps another that may not overlap it (409)
  kCycle,             // a tree change would make a unit its own ancestor (409)
  kAlreadyEnded,      // a restructuring ends a unit that has already ended (409)
  kUnauthenticated,   // no valid session (401)
  kForbidden,         // the account may not do this (403)
  kCsrfFailed,        // an unsafe request without the session's anti-forgery token (403)
  kTooManyAttempts,   // sign-in throttled after repeated failures (429)
  kTooLarge,          // the request body is larger than allowed (413)
  kUnsupportedMedia,  // a body that is not JSON where JSON is required (415)
  kUnavailable,       // a dependency (database, converter) is not reachable (503)
  kBusy,              // too many of this kind of work at once (PDF conversions, imports); retry later (429)
  kOverloaded,        // the server's queue of requests is full; retry later (503)
  kHeadersTooLarge,   // the request line or the header block is over the limit (431)
  kTimeout,           // the client was too slow sending its request (408)
  kUnsupportedRange,  // a Range the resource does not honour (416)
  kInternal,          // a bug or an unexpected state (500)
};

// The stable text of a code, as it appears in API responses ("invalid_input", ...).
std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // Vietnamese, shown to the user as is
  std::string field;    // the offending field ("valid_from", "memberships[1].unit_id"), or empty

  static Error invalid(std::string field, std::string message) {
    return {ErrorCode::kInvalidInput, std::move(message), std::move(field)};
  }
  static Error not_found(std::string message) { return {ErrorCode::kNotFound, std::move(message), {}}; }
  static Error conflict(ErrorCode code, std::string field, std::string message) {
    return {code, std::move(message), std::move(field)};
  }
  static Error internal(std::string message) { return {ErrorCode::kInternal, std::move(message), {}}; }
};

}  // namespace tdkt
