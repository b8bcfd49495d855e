#pragma once
// Result<T>: a value or an Error. A small stand-in for std::expected (C++23), which the
// toolchain of Debian bookworm (g++ 12 in C++20 mode, clang-tidy 14) does not offer.
// ADR 0004 records the choice.

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.hpp"

namespace tdkt {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT

  bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const& {
    assert(failed_);
    return error_;
  }
  Error&& error() && {
    assert(failed_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool failed_ = false;
};

using Status = Result<void>;

}  // namespace tdkt

// Propagates a failed Result from the current function (which must return a Result).
#define TDKT_TRY(expr)                                                                                 \
  do {                                                                                                 \
    if (auto tdkt_try_result_ = (expr); !tdkt_try_result_) return std::move(tdkt_try_result_).error(); \
  } while (false)

// Assigns the value of a Result to `target`, or propagates its error from the current function.
// NOLINTBEGIN(bugprone-macro-parentheses): `target` is an lvalue expression
#define TDKT_TRY_ASSIGN(target, expr)                                \
  do {                                                               \
    auto tdkt_try_value_ = (expr);                                   \
    if (!tdkt_try_value_) return std::move(tdkt_try_value_).error(); \
    target = std::move(tdkt_try_value_).value();                     \
  } while (false)
// NOLINTEND(bugprone-macro-parentheses)
