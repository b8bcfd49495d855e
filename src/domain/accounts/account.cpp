#include "domain/accounts/account.hpp"

#include <algorithm>

namespace tdkt::domain {

Status check_username(const std::string& username) {
  const bool valid_chars = std::all_of(username.begin(), username.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
  if (username.size() < 3 || username.size() > 40 || !valid_chars) {
    return Error::invalid(
        "username", "Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.");
  }
  return {};
}

Status check_new_password(const std::string& password, const std::string& username) {
  if (password.size() < 8) return Error::invalid("new_password", "Mật khẩu phải có ít nhất 8 ký tự.");
  if (password.size() > 128) return Error::invalid("new_password", "Mật khẩu dài quá 128 ký tự.");
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password.front(); })) {
    return Error::invalid("new_password", "Mật khẩu không được chỉ gồm một ký tự lặp lại.");
  }
  if (password == username) return Error::invalid("new_password", "Mật khẩu không được trùng tên đăng nhập.");
  return {};
}

}  // namespace tdkt::domain
