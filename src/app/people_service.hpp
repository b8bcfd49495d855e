#pragma once
// Use cases of people and memberships. Every write is one transaction with its audit record.

#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct PeopleListRequest {
  std::string q;               // free text; accents and case are ignored
  std::optional<UnitId> unit;  // only members of this unit on as_of
  std::optional<CivilDate> as_of;
  int offset = 0;
  int limit = 50;
};

struct PeoplePage {
  std::vector<domain::Person> items;
  int offset = 0;
  int limit = 0;
  bool has_more = false;
};

// A change to a membership; absent fields stay as they are.
struct MembershipPatch {
  std::optional<UnitId> unit;
  std::optional<std::string> position;
  std::optional<CivilDate> from;
  std::optional<std::optional<CivilDate>> to;  // engaged nullopt reopens the end
};

struct UnitMember {
  domain::Membership membership;
  domain::Person person;
};

class PeopleService {
 public:
  static constexpr int kMaxPageSize = 200;

  PeopleService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<domain::Person> person(const Actor& actor, PersonId id);
  Result<PeoplePage> list(const Actor& actor, const PeopleListRequest& request);
  // How many persons the actor can see.
  Result<std::int64_t> count_visible(const Actor& actor);
  Result<domain::Person> create(const Actor& actor, domain::PersonDraft draft);
  Result<domain::Person> update(const Actor& actor, PersonId id, domain::PersonDraft draft);

  Result<std::vector<domain::Membership>> memberships(const Actor& actor, PersonId id);
  Result<domain::Membership> membership(const Actor& actor, MembershipId id);
  // Who was in `unit` on `day` (those within the actor's scope), in Vietnamese name order.
  Result<std::vector<UnitMember>> members(const Actor& actor, UnitId unit, CivilDate day);
  Result<domain::Membership> add_membership(const Actor& actor, domain::Membership membership);
  Result<domain::Membership> update_membership(const Actor& actor, MembershipId id, const MembershipPatch& patch);
  Status delete_membership(const Actor& actor, MembershipId id);

 private:
  Result<domain::Membership> save_membership(const Actor& actor, domain::Membership membership, bool create);

  Store& store_;
  const Clock& clock_;
};

}  // namespace tdkt::app
