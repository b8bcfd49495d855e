#pragma once
// Rule sets as values: honours, their clauses (each with an id, a citation, a Vietnamese text
// template and a typed condition), quotas and deadlines, valid over a period under named legal
// bases. The law's numbers live in the rule files (rules/), never here: this header only
// defines the closed set of condition kinds the engine understands.
// Pure: no I/O. rules_io reads the files into these types.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/civil_date.hpp"
#include "core/result.hpp"
#include "domain/rules/facts.hpp"
#include "domain/rules/vocabulary.hpp"

namespace tdkt::domain::rules {

struct Clause;

// ---- Conditions. `y` is the evaluation year; windows end at y. -----------------------------

// rating(y) >= minimum.
struct RatingAtLeast {
  Rating minimum = Rating::kCompletedWell;
};
// months_worked(y) >= months.
struct MonthsWorkedAtLeast {
  int months = 0;
};
// discipline(y) lighter than `from` (from = khien_trach: no sanction at all).
struct NoDiscipline {
  DisciplineLevel from = DisciplineLevel::kReprimand;
};
// No disciplinary, investigation or inspection process open in y.
struct NoPendingDiscipline {};
// flag(y) is yes.
struct YearFlagIs {
  YearFlag flag = YearFlag::kNotableAchievement;
};
// A counted grant of `honour` in each of y, y-step, …, y-(count-1)*step.
struct GrantChain {
  HonourId honour;
  int count = 1;
  int step = 1;
};
// At least `count` counted grants of `honour` in [y-window+1, y].
struct GrantCount {
  HonourId honour;
  int count = 1;
  int window = 1;
};
// A counted grant of `honour` in a year <= y - min_years_before.
struct PriorGrant {
  HonourId honour;
  int min_years_before = 0;
};
// rating >= minimum in each of the `years` years ending at y.
struct RatingStreak {
  Rating minimum = Rating::kCompletedExcellently;
  int years = 1;
};
// rating >= minimum in at least `count` of the `window` years ending at y.
struct RatingCount {
  Rating minimum = Rating::kCompletedExcellently;
  int count = 1;
  int window = 1;
};
// At least `count` unused initiatives of level >= minimum recognised in [y-window+1, y]
// (window 0: in any year up to y).
struct InitiativeCount {
  InitiativeLevel minimum = InitiativeLevel::kUnit;
  int count = 1;
  int window = 0;
};
// Units: part(y) * 100 >= percent * members(y).
struct MemberShareAtLeast {
  MemberField part = MemberField::kLdtt;
  int percent = 0;
};
// Units: part(y) >= count.
struct MemberCountAtLeast {
  MemberField part = MemberField::kCstdcs;
  int count = 0;
};
// Units: part(y) <= count.
struct MemberCountAtMost {
  MemberField part = MemberField::kDisciplined;
  int count = 0;
};
// A counted grant of `honour` for y, or else the subject meets that honour's clauses for y.
struct QualifiesFor {
  HonourId honour;
};
// Met when any child is met.
struct AnyOf {
  std::vector<Clause> clauses;
};
// Met when every child is met.
struct AllOf {
  std::vector<Clause> clauses;
};

using Condition = std::variant<RatingAtLeast, MonthsWorkedAtLeast, NoDiscipline, NoPendingDiscipline, YearFlagIs,
                               GrantChain, GrantCount, PriorGrant, RatingStreak, RatingCount, InitiativeCount,
                               MemberShareAtLeast, MemberCountAtLeast, MemberCountAtMost, QualifiesFor, AnyOf, AllOf>;

// The kind names used in rule files ("rating_at_least", ...), by variant index.
std::string_view condition_kind(const Condition& condition);

// The placeholders a clause text of this condition kind may use ({year}, {actual}, ...).
std::span<const std::string_view> placeholders(const Condition& condition);

// The longest span of years, ending at y, that the condition reads (for bounds checks).
int years_spanned(const Condition& condition);

struct Clause {
  std::string id;        // stable, cited in verdicts and docs/legal: "L06_2022.LDTT.rating"
  std::string citation;  // "Luật Thi đua, khen thưởng 2022, Điều 24 khoản 1"
  std::string text;      // Vietnamese template: "Xếp loại năm {year}: {actual} (yêu cầu: ...)"
  bool unverified = false;
  std::string note;  // why a value is unverified, and what it was taken from
  Condition condition;
};

// ---- Honours, quotas, deadlines -----------------------------------------------------------

enum class HonourKind : std::uint8_t { kTitle, kAward };  // danh hiệu thi đua, hình thức khen thưởng
std::string_view to_string(HonourKind kind);
std::optional<HonourKind> honour_kind_from_string(std::string_view code);

// Who decides an honour (cấp có thẩm quyền): the head of the agency, the provincial chair, the
// Prime Minister, the State President. An agency decides only its own level; the rest go up in a
// proposal.
enum class AuthorityLevel : std::uint8_t { kAgency, kProvince, kPrimeMinister, kPresident };
std::string_view to_string(AuthorityLevel level);
std::optional<AuthorityLevel> authority_level_from_string(std::string_view code);
std::string_view vietnamese_label(AuthorityLevel level);  // "Chủ tịch UBND tỉnh"
// The label of a grant's level: "Không xác định" when the rules do not know the honour.
std::string level_label(const std::optional<AuthorityLevel>& level);

struct DecidingAuthority {
  AuthorityLevel level = AuthorityLevel::kAgency;
  std::string citation;  // "Luật Thi đua, khen thưởng 2022, Điều 80 khoản 1"
  bool unverified = false;
  std::string note;
};

// The approvals a council vote needs, as a share of ALL the council's members (not of those
// present): numerator/denominator, reached ("at least") or exceeded ("more than", strict).
// Majority is 1/2 strict; Decree 98 Điều 30 khoản 7 gives 80 % and 90 % (4/5, 9/10, not strict).
struct VoteThreshold {
  int numerator = 1;
  int denominator = 2;
  bool strict = true;
  bool secret = false;  // a secret ballot: tdkt records that a member voted, not how
  std::string citation;
  bool unverified = false;
  std::string note;

  bool met(int approvals, int members) const;
  // The fewest approvals that meet the threshold with `members` members.
  int required(int members) const;
  // "trên 1/2 tổng số thành viên Hội đồng", "từ 80% tổng số thành viên Hội đồng trở lên"
  std::string describe() const;
};

// The members who must be present for a session to vote, as a share of all members (at least).
// Written votes of absent members do not count toward it.
struct Quorum {
  int numerator = 2;
  int denominator = 3;
  std::string citation;
  bool unverified = false;
  std::string note;

  bool met(int present, int members) const;
  int required(int members) const;
  std::string describe() const;  // "ít nhất 2/3 tổng số thành viên Hội đồng có mặt"
};

struct HonourRule {
  HonourId id;
  std::string code;        // "CSTD_TINH"
  std::string name;        // "Chiến sĩ thi đua cấp tỉnh"
  std::string short_name;  // "CSTĐ cấp tỉnh"
  HonourKind kind = HonourKind::kTitle;
  std::string citation;  // the article that defines the honour
  // The clauses for each subject kind that may receive the honour; nullopt: not for that kind.
  std::array<std::optional<std::vector<Clause>>, kSubjectKindCount> clauses;
  DecidingAuthority authority;
  VoteThreshold council_vote;  // the council's vote when it reviews a nomination of this honour

  bool applies_to(SubjectKind subject) const { return clauses[static_cast<std::size_t>(subject)].has_value(); }
  const std::vector<Clause>& clauses_for(SubjectKind subject) const {
    return *clauses[static_cast<std::size_t>(subject)];
  }
};

// A limit on nominations of `honour` in one batch (or one group of a batch, such as a bloc):
// at most max_count, and/or at most percent% (rounded down) of the nominations of `of`.
struct Quota {
  std::string id;
  std::string replaces;  // in a layer: the id of the base's quota this one replaces
  std::string citation;
  std::string text;  // template: {honour}, {count}, {limit}, {basis}, {group}
  bool unverified = false;
  std::string note;
  HonourId honour;
  std::optional<int> max_count;
  std::optional<HonourId> of;
  int percent = 0;
  bool per_group = false;
};

// The day by which a dossier for an honour of year y must be filed: day/month of y + year_offset.
struct Deadline {
  std::string id;
  std::string replaces;  // in a layer: the id of the base's deadline this one replaces
  std::string citation;
  bool unverified = false;
  std::string note;
  std::vector<HonourId> honours;
  unsigned month = 12;
  unsigned day = 31;
  int year_offset = 0;

  std::optional<CivilDate> for_year(int year) const { return CivilDate::from_ymd(year + year_offset, month, day); }
};

struct LegalBasis {
  std::string id;     // "ND152_2025"
  std::string title;  // "Nghị định 152/2025/NĐ-CP"
};

// The rule that only some grant types count toward merit chains (Decree 152 Điều 4 khoản 3).
struct ChainGrantTypes {
  GrantTypes types;
  std::string citation;
};

// Every honour's criteria under one legal basis and validity period, with any provincial layer
// already applied.
struct RuleSet {
  std::string id;    // "ND152_2025"
  std::string name;  // "Luật TĐKT 2022 và Nghị định 152/2025/NĐ-CP"
  std::vector<LegalBasis> legal_bases;
  Period validity;
  int first_year = 0;  // the earliest evaluation year this set judges
  std::string first_year_citation;
  std::vector<std::string> layers;  // provincial layers applied, in order
  ChainGrantTypes chain_grant_types;
  std::vector<Clause> guards;  // clauses every honour must meet (pending discipline, ...)
  std::vector<HonourRule> honours;
  std::vector<Quota> quotas;
  std::vector<Deadline> deadlines;
  Quorum council_quorum;
  Vocabulary vocabulary;

  const HonourRule* find(HonourId honour) const;
  const HonourRule* find(std::string_view code) const;
};

// Changes that a later legal basis or a provincial layer makes to a rule set.
struct ClauseReplacement {
  std::string replaces;  // the id of the clause to replace
  Clause by;
};
struct ClauseAddition {
  std::optional<HonourId> honour;  // nullopt: a guard for every honour
  SubjectKind subject = SubjectKind::kPerson;
  Clause clause;
};
// A layer's change to the authority or the council vote of some honours.
struct AuthorityChange {
  std::vector<HonourId> honours;
  DecidingAuthority authority;
};
struct VoteChange {
  std::vector<HonourId> honours;
  VoteThreshold vote;
};
struct RuleLayer {
  std::string id;
  std::string name;
  std::vector<LegalBasis> legal_bases;
  std::optional<Period> validity;  // a derived set's own period; a provincial layer's period
  std::optional<int> first_year;
  std::optional<ChainGrantTypes> chain_grant_types;
  std::vector<ClauseReplacement> replacements;
  std::vector<ClauseAddition> additions;
  std::vector<Quota> quotas;
  std::vector<Deadline> deadlines;
  std::optional<Quorum> council_quorum;
  std::vector<AuthorityChange> authorities;
  std::vector<VoteChange> council_votes;
};

// Applies `layer` to `base`: replaces clauses (and quotas, deadlines) by id, adds clauses,
// quotas and deadlines. A derived basis (extends) takes the layer's id, name and period;
// a provincial layer (`as_provincial`) keeps the base's and is recorded in `layers`.
// Fails when a replacement names no clause of the base or an addition names an honour the base
// does not have for that subject kind.
Result<RuleSet> apply_layer(RuleSet base, const RuleLayer& layer, bool as_provincial);

// Checks a composed set: clause ids unique, referenced honours present, no QualifiesFor cycle,
// windows within 30 years, every text placeholder known to its condition kind.
Status validate(const RuleSet& rules);

// Interns honour codes into dense HonourIds shared by every set of a library.
class HonourCatalogue {
 public:
  HonourId intern(std::string_view code);
  std::optional<HonourId> find(std::string_view code) const;
  std::string_view code(HonourId id) const { return codes_.at(id.value); }
  std::size_t size() const { return codes_.size(); }

 private:
  std::vector<std::string> codes_;
  std::map<std::string, HonourId, std::less<>> ids_;
};

// A provincial layer: what the law leaves to one province, valid over a period.
struct ProvincialLayer {
  std::string province;  // "dong_nai"
  RuleLayer layer;
};

// Every rule set and provincial layer, chosen by decision date.
class RuleLibrary {
 public:
  static constexpr std::size_t kMaxHonours = 64;  // the engine indexes grants by honour in 64 slots

  // Fails when two sets' periods overlap or a set does not validate.
  static Result<RuleLibrary> create(HonourCatalogue catalogue, std::vector<RuleSet> sets,
                                    std::vector<ProvincialLayer> provincial);

  // The set in force on `decision_date`, with the province's layer in force on that date
  // applied (none when `province` is empty). Fails, naming the dates that are covered, when no
  // set is in force or the province is unknown.
  Result<RuleSet> in_force(CivilDate decision_date, std::string_view province = {}) const;

  const HonourCatalogue& catalogue() const { return catalogue_; }
  const std::vector<RuleSet>& sets() const { return sets_; }
  const std::vector<ProvincialLayer>& provincial_layers() const { return provincial_; }

 private:
  HonourCatalogue catalogue_;
  std::vector<RuleSet> sets_;  // ascending by validity
  std::vector<ProvincialLayer> provincial_;
};

}  // namespace tdkt::domain::rules
