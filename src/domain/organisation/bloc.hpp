#pragma once
// Emulation blocs (khối thi đua, cụm thi đua): groupings of agencies, apart from the tree.

#include <string>

#include "core/civil_date.hpp"
#include "core/ids.hpp"

namespace tdkt::domain {

struct Bloc {
  BlocId id;
  std::string name;  // "Khối thi đua số 6"
  std::string note;
  Period period;
};

struct BlocMember {
  BlocId bloc;
  UnitId unit;
  Period period;
};

}  // namespace tdkt::domain
