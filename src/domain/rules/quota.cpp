#include "domain/rules/quota.hpp"

#include <algorithm>
#include <map>

#include "domain/rules/text_template.hpp"

namespace tdkt::domain::rules {
namespace {

constexpr std::string_view kQuotaPlaceholders[] = {"honour",     "count",       "limit", "percent",
                                                   "base_count", "base_honour", "group"};

}  // namespace

std::span<const std::string_view> quota_placeholders() {
  return kQuotaPlaceholders;
}

std::vector<QuotaBreach> check_quotas(const RuleSet& rules, std::span<const Nomination> batch) {
  std::vector<QuotaBreach> breaches;
  for (const auto& quota : rules.quotas) {
    // Per group: the nominations of the honour (in batch order) and the count of the base.
    std::map<std::string, std::pair<std::vector<std::size_t>, int>> groups;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const auto& key = quota.per_group ? batch[i].group : std::string();
      if (batch[i].honour == quota.honour) groups[key].first.push_back(i);
      if (quota.of && batch[i].honour == *quota.of) ++groups[key].second;
    }
    for (const auto& [group, entry] : groups) {
      const auto& [nominated, base_count] = entry;
      int limit = quota.max_count.value_or(static_cast<int>(batch.size()));
      if (quota.of) limit = std::min(limit, base_count * quota.percent / 100);
      if (static_cast<int>(nominated.size()) <= limit) continue;
      QuotaBreach breach{&quota, group, static_cast<int>(nominated.size()), limit, {}, {}};
      breach.exceeding.assign(nominated.begin() + limit, nominated.end());
      const auto* honour = rules.find(quota.honour);
      const auto* base = quota.of ? rules.find(*quota.of) : nullptr;
      breach.text = fill(quota.text, {{"honour", honour->short_name},
                                      {"count", std::to_string(breach.count)},
                                      {"limit", std::to_string(limit)},
                                      {"percent", std::to_string(quota.percent)},
                                      {"base_count", std::to_string(base_count)},
                                      {"base_honour", base ? base->short_name : std::string()},
                                      {"group", group}});
      breaches.push_back(std::move(breach));
    }
  }
  return breaches;
}

}  // namespace tdkt::domain::rules
