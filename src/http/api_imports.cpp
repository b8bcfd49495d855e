// Excel in and out for yearly records and grants: the blank (or pre-filled) form and the import.

#include "http/router.hpp"

namespace tdkt::http {

std::vector<Route> import_routes() {
  return {};
}

}  // namespace tdkt::http
