#pragma once
// Use cases of movements and their plans: every signed-in account reads them; those who manage
// movements launch and change them, and draft the plan document of the agency's own movements.

#include <vector>

#include "app/ports.hpp"

namespace tdkt::app {

struct MovementListRequest {
  std::string q;  // accents and case are ignored
  std::optional<CivilDate> active_on;
  std::optional<domain::MovementLevel> level;
};

// A movement with what hangs from it, for its page.
struct MovementView {
  domain::Movement movement;
  std::optional<domain::Movement> parent;
  std::vector<domain::Movement> children;  // the movements implementing it
  std::vector<domain::RegisteredDocument> implements;
  std::optional<domain::RegisteredDocument> plan_document;
};

// What drafting the plan of a movement needs beyond the movement itself.
struct PlanRequest {
  std::string symbol;  // "KH-BDT": the plan gets the next number of this symbol in the year of issue
  CivilDate issued_on;
  std::string issuer;         // "Ban Dân tộc tỉnh Bình Phước"
  std::string issuer_parent;  // "UBND tỉnh Bình Phước"
  std::string place;          // "Bình Phước"
  std::string signer_name;
  std::string signer_authority;  // "TRƯỞNG BAN", "KT. TRƯỞNG BAN"
  std::string signer_position;   // "PHÓ TRƯỞNG BAN" under "KT. …"
  std::vector<std::string> recipients;
};

class MovementService {
 public:
  MovementService(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  Result<std::vector<domain::Movement>> list(const Actor& actor, const MovementListRequest& request);
  Result<domain::Movement> movement(const Actor& actor, MovementId id);
  Result<MovementView> view(const Actor& actor, MovementId id);
  Result<domain::Movement> create(const Actor& actor, domain::Movement movement);
  Result<domain::Movement> update(const Actor& actor, domain::Movement movement);
  // Drafts the plan (kế hoạch) of the movement as the agency's own document, numbered from the
  // register, its body built from the movement: purposes and requirements, content items, waves
  // and occasions, solutions, assignments. Refused when the movement already has its plan.
  Result<domain::RegisteredDocument> create_plan(const Actor& actor, MovementId id, PlanRequest request);

 private:
  Store& store_;
  const Clock& clock_;
};

// The folded text a movement search matches: name, theme and authority.
std::string movement_search_text(const domain::Movement& movement);

// The body of the plan document drafted from a movement, in the order of the agency's plans
// (seeds 000, 001, 003): I. Mục đích, yêu cầu; II. Nội dung; III. Giải pháp; IV. Tổ chức thực hiện.
std::vector<domain::DocumentBlock> plan_body(const domain::Movement& movement,
                                             const std::vector<domain::Unit>& assigned_units);

}  // namespace tdkt::app
