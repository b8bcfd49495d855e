#include "domain/rules/rule_set.hpp"

#include <algorithm>
#include <functional>
#include <set>

#include "domain/rules/text_template.hpp"

namespace tdkt::domain::rules {
namespace {

constexpr std::array<std::string_view, std::variant_size_v<Condition>> kConditionKinds{"rating_at_least",
                                                                                       "months_worked_at_least",
                                                                                       "no_discipline",
                                                                                       "no_pending_discipline",
                                                                                       "year_flag",
                                                                                       "grant_chain",
                                                                                       "grant_count",
                                                                                       "prior_grant",
                                                                                       "rating_streak",
                                                                                       "rating_count",
                                                                                       "initiative_count",
                                                                                       "member_share_at_least",
                                                                                       "member_count_at_least",
                                                                                       "member_count_at_most",
                                                                                       "qualifies_for",
                                                                                       "any_of",
                                                                                       "all_of"};

// Placeholders by condition kind; {year} and {honour} are available to every clause.
constexpr std::string_view kActualRequired[] = {"year", "honour", "actual", "required"};
constexpr std::string_view kActual[] = {"year", "honour", "actual"};
constexpr std::string_view kChain[] = {"year", "honour", "required_honour", "count", "years", "status"};
constexpr std::string_view kGrantCount[] = {"year", "honour", "required_honour", "count", "years", "actual"};
constexpr std::string_view kPrior[] = {"year", "honour", "required_honour", "latest", "actual"};
constexpr std::string_view kStreak[] = {"year", "honour", "required", "count", "years", "status"};
constexpr std::string_view kRatingCountKeys[] = {"year", "honour", "required", "count", "years", "actual"};
constexpr std::string_view kInitiatives[] = {"year",  "honour", "level", "count",
                                             "years", "actual", "found", "excluded"};
constexpr std::string_view kShare[] = {"year", "honour", "actual", "required", "part", "members"};
constexpr std::string_view kQualifies[] = {"year", "honour", "required_honour", "actual"};

// Calls `visit` on every clause of `clauses`, children before their any_of/all_of parent.
template <typename ClauseT, typename Visit>
void for_each_clause(std::vector<ClauseT>& clauses, Visit&& visit) {
  for (auto& clause : clauses) {
    if (auto* any = std::get_if<AnyOf>(&clause.condition))
      for_each_clause(any->clauses, visit);
    else if (auto* all = std::get_if<AllOf>(&clause.condition))
      for_each_clause(all->clauses, visit);
    visit(clause);
  }
}
template <typename ClauseT, typename Visit>
void for_each_clause(const std::vector<ClauseT>& clauses, Visit&& visit) {
  for (const auto& clause : clauses) {
    if (const auto* any = std::get_if<AnyOf>(&clause.condition))
      for_each_clause(any->clauses, visit);
    else if (const auto* all = std::get_if<AllOf>(&clause.condition))
      for_each_clause(all->clauses, visit);
    visit(clause);
  }
}

// Every clause list of a set: the guards, then each honour's lists.
template <typename Set, typename Visit>
void for_each_clause_list(Set& rules, Visit&& visit) {
  visit(rules.guards, static_cast<decltype(&rules.honours[0])>(nullptr));
  for (auto& honour : rules.honours) {
    for (auto& list : honour.clauses) {
      if (list) visit(*list, &honour);
    }
  }
}

std::optional<HonourId> referenced_honour(const Condition& condition) {
  return std::visit(
      [](const auto& c) -> std::optional<HonourId> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, GrantChain> || std::is_same_v<C, GrantCount> || std::is_same_v<C, PriorGrant> ||
                      std::is_same_v<C, QualifiesFor>)
          return c.honour;
        else
          return std::nullopt;
      },
      condition);
}

Error rule_error(const std::string& where, std::string message) {
  return Error::invalid(where, std::move(message));
}

// Appends `added` to `items`, except those that name an item to replace.
template <typename Item>
Status merge_by_id(std::vector<Item>& items, const std::vector<Item>& added, const std::string& layer) {
  for (const auto& item : added) {
    if (item.replaces.empty()) {
      items.push_back(item);
      continue;
    }
    auto found = std::find_if(items.begin(), items.end(), [&](const Item& old) { return old.id == item.replaces; });
    if (found == items.end())
      return rule_error(layer, "Lớp " + layer + " thay \"" + item.replaces + "\" nhưng không có mục này.");
    *found = item;
    found->replaces.clear();
  }
  return {};
}

}  // namespace

std::string_view condition_kind(const Condition& condition) {
  return kConditionKinds[condition.index()];
}

std::span<const std::string_view> placeholders(const Condition& condition) {
  return std::visit(
      [](const auto& c) -> std::span<const std::string_view> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, RatingAtLeast> || std::is_same_v<C, MonthsWorkedAtLeast> ||
                      std::is_same_v<C, NoDiscipline> || std::is_same_v<C, MemberCountAtLeast> ||
                      std::is_same_v<C, MemberCountAtMost>)
          return kActualRequired;
        else if constexpr (std::is_same_v<C, GrantChain>)
          return kChain;
        else if constexpr (std::is_same_v<C, GrantCount>)
          return kGrantCount;
        else if constexpr (std::is_same_v<C, PriorGrant>)
          return kPrior;
        else if constexpr (std::is_same_v<C, RatingStreak>)
          return kStreak;
        else if constexpr (std::is_same_v<C, RatingCount>)
          return kRatingCountKeys;
        else if constexpr (std::is_same_v<C, InitiativeCount>)
          return kInitiatives;
        else if constexpr (std::is_same_v<C, MemberShareAtLeast>)
          return kShare;
        else if constexpr (std::is_same_v<C, QualifiesFor>)
          return kQualifies;
        else
          return kActual;
      },
      condition);
}

int years_spanned(const Condition& condition) {
  return std::visit(
      [](const auto& c) -> int {
        using C = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<C, GrantChain>)
          return (c.count - 1) * c.step + 1;
        else if constexpr (std::is_same_v<C, GrantCount> || std::is_same_v<C, RatingCount> ||
                           std::is_same_v<C, InitiativeCount>)
          return c.window;
        else if constexpr (std::is_same_v<C, PriorGrant>)
          return c.min_years_before + 1;
        else if constexpr (std::is_same_v<C, RatingStreak>)
          return c.years;
        else if constexpr (std::is_same_v<C, AnyOf> || std::is_same_v<C, AllOf>) {
          int most = 1;
          for (const auto& child : c.clauses)
            most = std::max(most, years_spanned(child.condition));
          return most;
        } else
          return 1;
      },
      condition);
}

std::string_view to_string(HonourKind kind) {
  return kind == HonourKind::kTitle ? "title" : "award";
}

std::optional<HonourKind> honour_kind_from_string(std::string_view code) {
  if (code == "title") return HonourKind::kTitle;
  if (code == "award") return HonourKind::kAward;
  return std::nullopt;
}

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kAuthorityLevels{{
    {"agency", "Thủ trưởng cơ quan"},
    {"province", "Chủ tịch UBND tỉnh"},
    {"prime_minister", "Thủ tướng Chính phủ"},
    {"president", "Chủ tịch nước"},
}};

// "80%" for shares that are whole percentages, "2/3" otherwise.
std::string share_text(int numerator, int denominator) {
  if ((numerator * 100) % denominator == 0) return std::to_string(numerator * 100 / denominator) + "%";
  return std::to_string(numerator) + "/" + std::to_string(denominator);
}

// The fewest of `members` whose share reaches numerator/denominator (exceeds it when strict).
int fewest(int numerator, int denominator, bool strict, int members) {
  const long long product = static_cast<long long>(numerator) * members;
  const long long at_least = (product + denominator - 1) / denominator;  // ceil
  if (strict && at_least * denominator == product) return static_cast<int>(at_least + 1);
  return static_cast<int>(at_least);
}

}  // namespace

std::string_view to_string(AuthorityLevel level) {
  return kAuthorityLevels.at(static_cast<std::size_t>(level)).first;
}

std::optional<AuthorityLevel> authority_level_from_string(std::string_view code) {
  for (std::size_t i = 0; i < kAuthorityLevels.size(); ++i) {
    if (kAuthorityLevels[i].first == code) return static_cast<AuthorityLevel>(i);
  }
  return std::nullopt;
}

std::string_view vietnamese_label(AuthorityLevel level) {
  return kAuthorityLevels.at(static_cast<std::size_t>(level)).second;
}

std::string level_label(const std::optional<AuthorityLevel>& level) {
  return level ? std::string(vietnamese_label(*level)) : std::string("Không xác định");
}

int VoteThreshold::required(int members) const {
  return fewest(numerator, denominator, strict, members);
}

bool VoteThreshold::met(int approvals, int members) const {
  return members > 0 && approvals >= required(members);
}

std::string VoteThreshold::describe() const {
  const std::string share = share_text(numerator, denominator);
  if (strict) return "trên " + share + " tổng số thành viên Hội đồng";
  return "từ " + share + " tổng số thành viên Hội đồng trở lên";
}

int Quorum::required(int members) const {
  return fewest(numerator, denominator, false, members);
}

bool Quorum::met(int present, int members) const {
  return members > 0 && present >= required(members);
}

std::string Quorum::describe() const {
  return "ít nhất " + share_text(numerator, denominator) + " tổng số thành viên Hội đồng có mặt";
}

const HonourRule* RuleSet::find(HonourId honour) const {
  for (const auto& rule : honours) {
    if (rule.id == honour) return &rule;
  }
  return nullptr;
}

const HonourRule* RuleSet::find(std::string_view code) const {
  for (const auto& rule : honours) {
    if (rule.code == code) return &rule;
  }
  return nullptr;
}

Result<RuleSet> apply_layer(RuleSet base, const RuleLayer& layer, bool as_provincial) {
  for (const auto& replacement : layer.replacements) {
    bool replaced = false;
    for_each_clause_list(base, [&](std::vector<Clause>& list, const HonourRule*) {
      for_each_clause(list, [&](Clause& clause) {
        if (!replaced && clause.id == replacement.replaces) {
          clause = replacement.by;
          replaced = true;
        }
      });
    });
    if (!replaced) {
      return rule_error(layer.id, "Lớp " + layer.id + " thay điều khoản \"" + replacement.replaces +
                                      "\" nhưng bộ tiêu chuẩn " + base.id + " không có điều khoản này.");
    }
  }
  for (const auto& addition : layer.additions) {
    if (!addition.honour) {
      base.guards.push_back(addition.clause);
      continue;
    }
    auto honour = std::find_if(base.honours.begin(), base.honours.end(),
                               [&](const HonourRule& rule) { return rule.id == *addition.honour; });
    if (honour == base.honours.end() || !honour->applies_to(addition.subject)) {
      return rule_error(layer.id, "Lớp " + layer.id + " bổ sung điều khoản \"" + addition.clause.id +
                                      "\" cho một danh hiệu hoặc đối tượng mà bộ tiêu chuẩn " + base.id + " không có.");
    }
    honour->clauses[static_cast<std::size_t>(addition.subject)]->push_back(addition.clause);
  }
  auto honour_of = [&](HonourId id) -> HonourRule* {
    auto found =
        std::find_if(base.honours.begin(), base.honours.end(), [&](const HonourRule& r) { return r.id == id; });
    return found == base.honours.end() ? nullptr : &*found;
  };
  for (const auto& change : layer.authorities) {
    for (auto id : change.honours) {
      auto* honour = honour_of(id);
      if (!honour)
        return rule_error(layer.id,
                          "Lớp " + layer.id + " đổi thẩm quyền của một danh hiệu không có trong bộ " + base.id + ".");
      honour->authority = change.authority;
    }
  }
  for (const auto& change : layer.council_votes) {
    for (auto id : change.honours) {
      auto* honour = honour_of(id);
      if (!honour)
        return rule_error(
            layer.id, "Lớp " + layer.id + " đổi tỷ lệ biểu quyết của một danh hiệu không có trong bộ " + base.id + ".");
      honour->council_vote = change.vote;
    }
  }
  if (layer.council_quorum) base.council_quorum = *layer.council_quorum;
  TDKT_TRY(merge_by_id(base.quotas, layer.quotas, layer.id));
  TDKT_TRY(merge_by_id(base.deadlines, layer.deadlines, layer.id));
  if (layer.chain_grant_types) base.chain_grant_types = *layer.chain_grant_types;
  if (layer.first_year) base.first_year = *layer.first_year;
  if (as_provincial) {
    base.layers.push_back(layer.id);
    base.legal_bases.insert(base.legal_bases.end(), layer.legal_bases.begin(), layer.legal_bases.end());
  } else {
    base.id = layer.id;
    base.name = layer.name;
    base.legal_bases = layer.legal_bases;
    if (layer.validity) base.validity = *layer.validity;
  }
  return base;
}

Status validate(const RuleSet& rules) {
  std::set<std::string_view> ids;
  std::optional<Error> failure;
  auto check_clause = [&](const Clause& clause) {
    if (failure) return;
    if (clause.id.empty() || clause.citation.empty() || clause.text.empty()) {
      failure = rule_error(rules.id,
                           "Điều khoản \"" + clause.id + "\" thiếu mã, trích dẫn hoặc nội dung (bộ " + rules.id + ").");
      return;
    }
    if (!ids.insert(clause.id).second) {
      failure = rule_error(clause.id, "Mã điều khoản \"" + clause.id + "\" bị trùng (bộ " + rules.id + ").");
      return;
    }
    if (auto honour = referenced_honour(clause.condition); honour && !rules.find(*honour)) {
      failure = rule_error(
          clause.id, "Điều khoản \"" + clause.id + "\" dẫn chiếu một danh hiệu không có trong bộ " + rules.id + ".");
      return;
    }
    if (const int span = years_spanned(clause.condition); span < 0 || span > 30) {
      failure = rule_error(clause.id, "Điều khoản \"" + clause.id + "\" xét quá 30 năm hoặc có tham số âm.");
      return;
    }
    const auto allowed = placeholders(clause.condition);
    for (auto name : placeholders_in(clause.text)) {
      if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
        failure = rule_error(clause.id, "Điều khoản \"" + clause.id + "\" dùng {" + std::string(name) +
                                            "}, không có cho điều kiện " +
                                            std::string(condition_kind(clause.condition)) + ".");
        return;
      }
    }
  };
  for_each_clause_list(
      rules, [&](const std::vector<Clause>& list, const HonourRule*) { for_each_clause(list, check_clause); });
  if (failure) return *failure;

  // QualifiesFor must not loop: LDTT <- CSTDCS is fine, CSTDCS <- CSTDCS is not.
  std::function<bool(HonourId, std::vector<HonourId>&)> cyclic = [&](HonourId at, std::vector<HonourId>& stack) {
    if (std::find(stack.begin(), stack.end(), at) != stack.end()) return true;
    stack.push_back(at);
    bool found = false;
    if (const auto* rule = rules.find(at)) {
      for (const auto& list : rule->clauses) {
        if (!list) continue;
        for_each_clause(*list, [&](const Clause& clause) {
          if (const auto* q = std::get_if<QualifiesFor>(&clause.condition)) found = found || cyclic(q->honour, stack);
        });
      }
    }
    stack.pop_back();
    return found;
  };
  auto share_ok = [](int numerator, int denominator) {
    return denominator > 0 && numerator > 0 && numerator <= denominator;
  };
  for (const auto& honour : rules.honours) {
    if (honour.authority.citation.empty() || honour.council_vote.citation.empty() ||
        !share_ok(honour.council_vote.numerator, honour.council_vote.denominator)) {
      return rule_error(honour.code, "Danh hiệu " + honour.code + " (bộ " + rules.id +
                                         ") thiếu thẩm quyền quyết định hoặc tỷ lệ biểu quyết của Hội đồng, "
                                         "hoặc tỷ lệ không hợp lệ.");
    }
  }
  if (rules.council_quorum.citation.empty() ||
      !share_ok(rules.council_quorum.numerator, rules.council_quorum.denominator)) {
    return rule_error(rules.id, "Bộ " + rules.id + " thiếu tỷ lệ có mặt tối thiểu của Hội đồng (council_quorum).");
  }
  for (const auto& honour : rules.honours) {
    std::vector<HonourId> stack;
    if (cyclic(honour.id, stack))
      return rule_error(honour.code, "Điều kiện qualifies_for của " + honour.code + " tạo vòng lặp.");
  }
  for (const auto& quota : rules.quotas) {
    if (!rules.find(quota.honour) || (quota.of && !rules.find(*quota.of)))
      return rule_error(quota.id, "Hạn mức \"" + quota.id + "\" dẫn chiếu danh hiệu không có.");
    if (!quota.max_count && !quota.of)
      return rule_error(quota.id, "Hạn mức \"" + quota.id + "\" không có giới hạn nào.");
  }
  return {};
}

HonourId HonourCatalogue::intern(std::string_view code) {
  if (auto found = find(code)) return *found;
  const HonourId id{static_cast<std::uint16_t>(codes_.size())};
  codes_.emplace_back(code);
  ids_.emplace(std::string(code), id);
  return id;
}

std::optional<HonourId> HonourCatalogue::find(std::string_view code) const {
  auto found = ids_.find(code);
  if (found == ids_.end()) return std::nullopt;
  return found->second;
}

Result<RuleLibrary> RuleLibrary::create(HonourCatalogue catalogue, std::vector<RuleSet> sets,
                                        std::vector<ProvincialLayer> provincial) {
  if (catalogue.size() > kMaxHonours)
    return rule_error("rules", "Quá " + std::to_string(kMaxHonours) + " mã danh hiệu, hình thức.");
  std::sort(sets.begin(), sets.end(),
            [](const RuleSet& a, const RuleSet& b) { return a.validity.from < b.validity.from; });
  for (std::size_t i = 0; i < sets.size(); ++i) {
    TDKT_TRY(validate(sets[i]));
    if (i > 0 && sets[i - 1].validity.overlaps(sets[i].validity)) {
      return rule_error(sets[i].id,
                        "Thời gian hiệu lực của bộ " + sets[i - 1].id + " và bộ " + sets[i].id + " chồng lên nhau.");
    }
  }
  for (const auto& layer : provincial) {
    for (const auto& set : sets) {
      if (layer.layer.validity && !layer.layer.validity->overlaps(set.validity)) continue;
      auto composed = apply_layer(set, layer.layer, true);
      if (!composed) return std::move(composed).error();
      TDKT_TRY(validate(*composed));
    }
  }
  RuleLibrary library;
  library.catalogue_ = std::move(catalogue);
  library.sets_ = std::move(sets);
  library.provincial_ = std::move(provincial);
  return library;
}

Result<RuleSet> RuleLibrary::in_force(CivilDate decision_date, std::string_view province) const {
  const RuleSet* chosen = nullptr;
  for (const auto& set : sets_) {
    if (set.validity.contains(decision_date)) chosen = &set;
  }
  if (!chosen) {
    std::string covered;
    for (const auto& set : sets_) {
      covered += (covered.empty() ? "" : "; ") + set.id + " từ " + set.validity.from.vn() +
                 (set.validity.to ? " đến " + set.validity.to->vn() : "");
    }
    return Error::invalid("decision_date", "Không có bộ tiêu chuẩn nào có hiệu lực vào ngày " + decision_date.vn() +
                                               " (có: " + covered + "). Không xét theo suy đoán.");
  }
  RuleSet result = *chosen;
  if (province.empty()) return result;
  bool known = false;
  for (const auto& layer : provincial_) {
    if (layer.province != province) continue;
    known = true;
    if (layer.layer.validity && !layer.layer.validity->contains(decision_date)) continue;
    auto composed = apply_layer(std::move(result), layer.layer, true);
    if (!composed) return std::move(composed).error();
    result = std::move(composed).value();
  }
  if (!known) {
    return Error::invalid("province", "Không có quy định cấp tỉnh cho \"" + std::string(province) + "\".");
  }
  return result;
}

}  // namespace tdkt::domain::rules
