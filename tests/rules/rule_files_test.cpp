// The rule files compiled into tdkt: they load, their periods chain without gaps, every clause
// is listed in docs/legal/clauses.md, and the loader refuses malformed files with a clear message.

#include "rules_io/rule_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "rules_io/complaint_rules.hpp"

namespace tdkt::rules_io {
namespace {

using namespace domain::rules;

const RuleLibrary& library() {
  const auto& loaded = builtin_rule_library();
  EXPECT_TRUE(loaded) << loaded.error().field << ": " << loaded.error().message;
  return *loaded;
}

CivilDate d(int y, unsigned m, unsigned day) {
  return *CivilDate::from_ymd(y, m, day);
}

TEST(RuleFiles, ThreeBasesInForceOneAfterAnother) {
  const auto& sets = library().sets();
  ASSERT_EQ(sets.size(), 3U);
  EXPECT_EQ(sets[0].id, "ND98_2023");
  EXPECT_EQ(sets[1].id, "ND152_2025");
  EXPECT_EQ(sets[2].id, "L06_2026");
  EXPECT_EQ(sets[0].validity.from, d(2024, 1, 1));
  EXPECT_EQ(sets[1].validity.from, sets[0].validity.to->add_days(1));
  EXPECT_EQ(sets[2].validity.from, sets[1].validity.to->add_days(1));
  EXPECT_FALSE(sets[2].validity.to.has_value());
  for (const auto& set : sets) {
    EXPECT_EQ(set.honours.size(), 12U) << set.id;
    EXPECT_EQ(set.first_year, 2024) << set.id;
  }
}

void collect(const std::vector<Clause>& clauses, std::vector<const Clause*>& out) {
  for (const auto& clause : clauses) {
    out.push_back(&clause);
    if (const auto* any = std::get_if<AnyOf>(&clause.condition)) collect(any->clauses, out);
    if (const auto* all = std::get_if<AllOf>(&clause.condition)) collect(all->clauses, out);
  }
}

TEST(RuleFiles, EveryClauseIsListedInDocsLegal) {
  std::ifstream file(TDKT_SOURCE_DIR "/docs/legal/clauses.md");
  ASSERT_TRUE(file) << "docs/legal/clauses.md";
  std::stringstream text;
  text << file.rdbuf();
  std::vector<const Clause*> clauses;
  std::vector<std::string> other_ids;
  for (const auto& set : library().sets()) {
    collect(set.guards, clauses);
    for (const auto& honour : set.honours)
      for (const auto& list : honour.clauses)
        if (list) collect(*list, clauses);
    for (const auto& quota : set.quotas)
      other_ids.push_back(quota.id);
    for (const auto& deadline : set.deadlines)
      other_ids.push_back(deadline.id);
  }
  for (const auto& layer : library().provincial_layers()) {
    for (const auto& addition : layer.layer.additions)
      clauses.push_back(&addition.clause);
    for (const auto& quota : layer.layer.quotas)
      other_ids.push_back(quota.id);
    for (const auto& deadline : layer.layer.deadlines)
      other_ids.push_back(deadline.id);
  }
  for (const auto* clause : clauses) {
    EXPECT_NE(text.str().find("`" + clause->id + "`"), std::string::npos) << clause->id << " is not in clauses.md";
    EXPECT_TRUE(!clause->unverified || !clause->note.empty()) << clause->id;
  }
  for (const auto& id : other_ids)
    EXPECT_NE(text.str().find("`" + id + "`"), std::string::npos) << id;
}

// A minimal valid tree of rule files, which each test then breaks in one place.
struct Files {
  std::map<std::string, std::string> text{
      {"vocabulary.json",
       R"({"ratings": {"KHTNV": "a", "HTNV": "b", "HTTNV": "c", "HTXSNV": "d"},
           "discipline_levels": {"none": "không"}, "initiative_levels": {"unit": "cơ sở"},
           "phrases": {"no_data": "", "yes": "", "no": "", "complete": "", "none_found": "", "missing_years": "",
             "unmet_years": "", "unknown_years": "", "pending_years": "", "granted_in": "", "not_granted": "",
             "qualified": "", "not_qualified": "", "undetermined": "", "discipline_pending": "",
             "no_discipline_pending": "", "excluded_initiatives": "", "need_grant": "", "need_rating": "",
             "need_data": "", "need_initiative": "", "path_missing": "", "path_ready": "", "deadline": "", "alternative": ""}})"},
      {"S/manifest.json",
       R"({"id": "S", "name": "S", "valid_from": "2024-01-01", "first_year": {"value": 2024, "citation": "c"},
           "honours": ["T"], "council_quorum": {"numerator": 2, "denominator": 3, "citation": "c"}})"},
      {"S/T.json",
       R"({"code": "T", "name": "T", "short_name": "T", "kind": "title", "citation": "c",
           "authority": {"level": "agency", "citation": "c"},
           "council_vote": {"numerator": 1, "denominator": 2, "strict": true, "citation": "c"},
           "subjects": {"person": [{"id": "S.T.r", "citation": "c", "text": "{actual}",
                                    "condition": {"kind": "rating_at_least", "minimum": "HTTNV"}}]}})"}};

  Result<RuleLibrary> load() const {
    std::vector<EmbeddedFile> files;
    for (const auto& [path, data] : text)
      files.push_back({path, data});
    return load_rule_library(files);
  }
  void replace(const std::string& path, const std::string& from, const std::string& to) {
    auto& data = text.at(path);
    data.replace(data.find(from), from.size(), to);
  }
};

TEST(RuleFiles, MinimalTreeLoads) {
  const auto loaded = Files{}.load();
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->sets().size(), 1U);
}

// Asserts that `files` do not load and that the error names `fragment` in its field or message;
// and, when given, that the field is exactly `field`.
void expect_refused(const Files& files, const std::string& fragment, const std::string& field = "") {
  const auto loaded = files.load();
  ASSERT_FALSE(loaded) << fragment;
  EXPECT_NE((loaded.error().field + " " + loaded.error().message).find(fragment), std::string::npos)
      << loaded.error().field << ": " << loaded.error().message;
  if (!field.empty()) {
    EXPECT_EQ(loaded.error().field, field) << loaded.error().message;
  }
}

TEST(RuleFiles, RefusesMalformedFilesNamingThem) {
  Files unknown_kind;
  unknown_kind.replace("S/T.json", "rating_at_least", "rating_above");
  expect_refused(unknown_kind, "rating_above");

  Files misspelt;
  misspelt.replace("S/T.json", "\"minimum\"", "\"minimun\"");
  expect_refused(misspelt, "minimum");

  Files duplicate;
  duplicate.replace("S/T.json", "\"kind\": \"title\"", "\"kind\": \"title\", \"kind\": \"award\"");
  expect_refused(duplicate, "kind");

  Files unverified;
  unverified.replace("S/T.json", "\"text\": \"{actual}\"", "\"text\": \"{actual}\", \"unverified\": true");
  expect_refused(unverified, "ghi chú");

  Files placeholder;
  placeholder.replace("S/T.json", "{actual}", "{status}");
  expect_refused(placeholder, "{status}");

  Files dangling;
  dangling.replace("S/T.json", "\"kind\": \"rating_at_least\", \"minimum\": \"HTTNV\"",
                   "\"kind\": \"grant_chain\", \"honour\": \"NOPE\", \"count\": 2");
  expect_refused(dangling, "S.T.r");

  Files no_vote;
  no_vote.replace("S/T.json", "\"council_vote\"", "\"council_votes\"");
  expect_refused(no_vote, "council_vote");

  Files no_quorum;
  no_quorum.replace("S/manifest.json", "\"council_quorum\"", "\"council_quorums\"");
  expect_refused(no_quorum, "council_quorum");
}

// Found by fuzz/rule_files (fuzz/regressions/rule_files): a value of another type where a list or
// an object belongs made nlohmann throw (operator[] on a boolean, key() on an array's items).
TEST(RuleFiles, RefusesAValueOfAnotherTypeWhereAListBelongs) {
  Files clauses;
  clauses.replace("S/T.json", "\"person\": [", "\"person\": true, \"unit\": [");
  expect_refused(clauses, "danh sách", "S/T.json.subjects.person");
  Files honours;
  honours.replace("S/manifest.json", "\"honours\": [\"T\"]", "\"honours\": {\"a\": \"T\"}");
  expect_refused(honours, "danh sách", "S/manifest.json.honours");
  Files bases;
  bases.replace("S/manifest.json", "\"name\": \"S\",", "\"name\": \"S\", \"legal_bases\": {\"id\": 1},");
  expect_refused(bases, "danh sách", "S/manifest.json.legal_bases");
  Files ratings;
  ratings.replace("vocabulary.json", "{\"KHTNV\": \"a\", \"HTNV\": \"b\", \"HTTNV\": \"c\", \"HTXSNV\": \"d\"}",
                  "[\"a\", \"b\"]");
  expect_refused(ratings, "vocabulary.json.ratings");
}

// Found by fuzz/complaint_rules (fuzz/regressions/complaint_rules): a field of another type made
// nlohmann's value() throw; a count of days beyond int wrapped round into the allowed range.
TEST(ComplaintRules, RefusesFieldsOfAnotherTypeNamingThem) {
  const std::string good =
      R"({"rules": [{"kind": "complaint", "days": 30, "complex_days": 45, "remote_days": 45, "remote_complex_days": 60,
                     "citation": "Luật Khiếu nại 2011, Điều 28"},
                    {"kind": "denunciation", "days": 30, "complex_days": 60, "remote_days": 30, "remote_complex_days": 60,
                     "citation": "Luật Tố cáo 2018, Điều 30", "unverified": true, "note": "n"}]})";
  ASSERT_TRUE(parse_complaint_rules(good));
  auto expect_refused = [&](const std::string& from, const std::string& to, const std::string& field) {
    std::string text = good;
    text.replace(text.find(from), from.size(), to);
    const auto parsed = parse_complaint_rules(text);
    ASSERT_FALSE(parsed) << to;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(parsed.error().field, "complaints/deadlines.json:" + field) << parsed.error().message;
  };
  expect_refused(R"("kind": "complaint")", R"("kind": true)", "rules[0].kind");
  expect_refused(R"("citation": "Luật Khiếu nại 2011, Điều 28")", R"("citation": 28)", "rules[0].citation");
  expect_refused(R"("unverified": true)", R"("unverified": "có")", "rules[1].unverified");
  expect_refused(R"("note": "n")", R"("note": ["n"])", "rules[1].note");
  expect_refused(R"("days": 30, "complex_days": 45)", R"("days": 4294967326, "complex_days": 45)", "rules[0].days");
}

}  // namespace
}  // namespace tdkt::rules_io
