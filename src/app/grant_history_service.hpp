#pragma once
// The award history (tra cứu khen thưởng): every grant recorded — entered, imported, or written
// by a decision — looked up for a person, for a unit across restructurings (its own grants and
// its predecessors'), and for the agency by year, level and honour. Read-only; person grants are
// shown only within the actor's people scope.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "domain/campaigns/campaign.hpp"
#include "domain/rules/rule_set.hpp"

namespace tdkt::app {

struct GrantHistoryRequest {
  std::optional<int> from_year;  // inclusive; `year` sets both ends
  std::optional<int> to_year;
  std::string honour;  // an honour code; empty: every honour
  std::optional<domain::rules::AuthorityLevel> level;
  std::optional<UnitId> unit;  // grants of the unit's subtree (and predecessors), and of their members
  std::optional<domain::rules::SubjectKind> subject_kind;
  // One subject only: a person's grants, or a unit's and its predecessors' across
  // restructurings (unit_lineage). Refused when the subject does not exist or is out of scope.
  std::optional<domain::SubjectRef> subject;
  std::string q;  // the subject's name; accents and case are ignored
};

struct GrantHistoryItem {
  domain::GrantRecord grant;
  std::string subject_name;
  std::string honour_name;
  // The level of the honour's deciding authority under the rule set in force for the grant;
  // nullopt when the rules do not know the honour.
  std::optional<domain::rules::AuthorityLevel> level;
  std::string sort_key;  // Vietnamese name order
  // In the history of one unit (request.subject a unit): received by one of its predecessors.
  bool by_predecessor = false;
};

struct GrantSummaryRow {
  int year = 0;
  std::optional<domain::rules::AuthorityLevel> level;
  std::string honour;
  std::string honour_name;
  int individuals = 0;  // persons granted
  int collectives = 0;  // units granted
};

struct GrantSummary {
  std::vector<GrantSummaryRow> rows;  // newest year first, then level, then honour
  int individuals = 0;
  int collectives = 0;
};

class GrantHistoryService {
 public:
  // `library` may be null (rules failed to load): levels are then unknown. `province` picks the
  // provincial layer (which may change an honour's authority).
  GrantHistoryService(Store& store, const Clock& clock, const domain::rules::RuleLibrary* library,
                      std::string province);

  // Newest year first, then level, honour and the subject's name.
  Result<std::vector<GrantHistoryItem>> list(const Actor& actor, const GrantHistoryRequest& request);
  Result<GrantSummary> summary(const Actor& actor, const GrantHistoryRequest& request);

  const std::vector<domain::HonourInfo>& honours() const { return honours_; }
  std::string honour_name(const std::string& code) const;

 private:
  using LevelCache = std::map<std::pair<std::string, std::int32_t>, std::optional<domain::rules::AuthorityLevel>>;
  std::optional<domain::rules::AuthorityLevel> level_of(const domain::GrantRecord& grant, LevelCache& cache) const;
  GrantHistoryItem item(UnitOfWork& work, domain::GrantRecord grant, LevelCache& cache) const;

  Store& store_;
  const Clock& clock_;
  const domain::rules::RuleLibrary* library_;
  std::string province_;
  std::vector<domain::HonourInfo> honours_;
};

// Parses "person:12", "unit:3", or a bare "12" (a person). Errors name `field`.
Result<domain::SubjectRef> parse_subject_ref(std::string_view text, const std::string& field);

// Checks a request: years within bounds and in order, a known honour, a query not too long.
Status check_grant_request(const GrantHistoryRequest& request, const std::vector<domain::HonourInfo>& honours);

}  // namespace tdkt::app
