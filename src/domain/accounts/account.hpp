#pragma once
// Accounts (tài khoản): logins, linked to a person when the person is staff. Pure.

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/accounts/role.hpp"

namespace tdkt {
using AccountId = Id<struct AccountTag>;
}

namespace tdkt::domain {

struct Account {
  AccountId id;
  std::string username;
  std::string display_name;
  Role role = Role::kViewer;
  std::optional<UnitId> scope_unit;  // the unit subtree the account works in
  std::optional<PersonId> person;    // the staff member behind the account, if any
  bool active = true;
};

// Usernames: 3–40 characters, lower-case ASCII letters, digits, '.', '_' or '-'.
Status check_username(const std::string& username);
// Passwords: 8–128 bytes, not all one character, not equal to the username.
Status check_new_password(const std::string& password, const std::string& username);

}  // namespace tdkt::domain
