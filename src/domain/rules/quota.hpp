#pragma once
// Quotas over a batch of nominations: which nominations exceed which limit of the rule set or
// the provincial layer. Pure.

#include <span>
#include <string>
#include <vector>

#include "domain/rules/rule_set.hpp"

namespace tdkt::domain::rules {

// One subject proposed for one honour. The batch order is the priority order (the council's
// ranking): when a limit is exceeded, the nominations after the limit are the ones that exceed.
struct Nomination {
  std::string id;
  HonourId honour;
  std::string group;  // the bloc or unit a per-group quota counts within; may be empty
};

struct QuotaBreach {
  const Quota* quota = nullptr;
  std::string group;
  int count = 0;  // nominations of the honour in the batch (or group)
  int limit = 0;
  std::vector<std::size_t> exceeding;  // indices into the batch, in batch order
  std::string text;                    // the quota's template, filled
};

// The breaches of every quota of `rules` by `batch`, in quota order, then group order.
std::vector<QuotaBreach> check_quotas(const RuleSet& rules, std::span<const Nomination> batch);

// The placeholders a quota text may use.
std::span<const std::string_view> quota_placeholders();

}  // namespace tdkt::domain::rules
