#include "rules_io/rule_files.hpp"

#include <map>

#include "domain/rules/quota.hpp"
#include "domain/rules/text_template.hpp"
#include "rules_io/json_reader.hpp"

namespace tdkt::rules_io {
namespace {

using namespace domain::rules;

// Reads rule files into domain values, interning honour codes as it meets them.
class Loader {
 public:
  explicit Loader(std::span<const EmbeddedFile> files) {
    for (const auto& file : files)
      files_.emplace(std::string(file.path), file.data);
  }

  Result<RuleLibrary> load() {
    auto vocabulary = read_vocabulary();
    if (!vocabulary) return std::move(vocabulary).error();
    vocabulary_ = std::move(vocabulary).value();

    // Base sets first, then the sets that extend them, in dependency order.
    std::map<std::string, std::string> pending;  // set id -> manifest path
    for (const auto& [path, data] : files_) {
      if (path.ends_with("/manifest.json") && !path.starts_with("provincial/"))
        pending.emplace(path.substr(0, path.find('/')), path);
    }
    std::map<std::string, RuleSet> sets;
    while (!pending.empty()) {
      const auto before = pending.size();
      for (auto it = pending.begin(); it != pending.end();) {
        auto manifest = read_file(it->second);
        if (!manifest) return std::move(manifest).error();
        const auto found = manifest->find("extends");
        const auto extends = found != manifest->end() && found->is_string() ? found->get<std::string>() : std::string();
        if (!extends.empty() && !sets.contains(extends)) {
          if (!pending.contains(extends))
            return Error::invalid(it->second, it->second + ": bộ \"" + extends + "\" không tồn tại.");
          ++it;
          continue;
        }
        auto set = extends.empty() ? read_base_set(it->first, *manifest)
                                   : read_derived_set(*manifest, it->second, sets.at(extends));
        if (!set) return std::move(set).error();
        sets.emplace(it->first, std::move(set).value());
        it = pending.erase(it);
      }
      if (pending.size() == before) return Error::invalid("rules", "Các bộ tiêu chuẩn kế thừa nhau thành vòng.");
    }

    std::vector<ProvincialLayer> provincial;
    for (const auto& [path, data] : files_) {
      if (!path.starts_with("provincial/") || !path.ends_with("/manifest.json")) continue;
      auto manifest = read_file(path);
      if (!manifest) return std::move(manifest).error();
      ErrorSink sink;
      ObjectReader reader(*manifest, path, sink);
      ProvincialLayer layer{reader.string("province"), read_layer(reader)};
      reader.finish();
      if (sink.failed()) return *sink.first;
      provincial.push_back(std::move(layer));
    }

    std::vector<RuleSet> all;
    for (auto& [id, set] : sets)
      all.push_back(std::move(set));
    return RuleLibrary::create(std::move(catalogue_), std::move(all), std::move(provincial));
  }

 private:
  Result<Json> read_file(const std::string& path) const {
    auto found = files_.find(path);
    if (found == files_.end()) return Error::invalid(path, "Không có tệp quy tắc \"" + path + "\".");
    return parse_strict(found->second, path);
  }

  Result<Vocabulary> read_vocabulary() const {
    auto json = read_file("vocabulary.json");
    if (!json) return std::move(json).error();
    ErrorSink sink;
    ObjectReader reader(*json, "vocabulary.json", sink);
    Vocabulary vocabulary;
    auto labels = [&](std::string_view key, auto& target, auto parse) {
      const auto* object = reader.value(key);
      if (!object) {
        sink.fail(reader.path(key), "Thiếu \"" + reader.path(key) + "\".");
        return;
      }
      ObjectReader inner(*object, reader.path(key), sink);
      if (!object->is_object()) return;  // inner failed; key() would throw on an array's items
      for (const auto& item : object->items()) {
        auto code = parse(item.key());
        if (!code) {
          sink.fail(inner.path(item.key()), "Không rõ mã \"" + item.key() + "\".");
          return;
        }
        target[static_cast<std::size_t>(*code)] = inner.string(item.key());
      }
    };
    labels("ratings", vocabulary.ratings, rating_from_string);
    labels("discipline_levels", vocabulary.discipline_levels, discipline_level_from_string);
    labels("initiative_levels", vocabulary.initiative_levels, initiative_level_from_string);
    if (const auto* phrases = reader.value("phrases")) {
      ObjectReader inner(*phrases, reader.path("phrases"), sink);
      for (const auto& phrase : kVocabularyPhrases)
        vocabulary.*phrase.member = inner.string(phrase.key);
      inner.finish();
    } else {
      sink.fail("vocabulary.json", "vocabulary.json thiếu \"phrases\".");
    }
    reader.finish();
    for (std::size_t i = 1; i < kRatingCount && !sink.failed(); ++i) {
      if (vocabulary.ratings[i].empty())
        sink.fail("vocabulary.json", "vocabulary.json thiếu nhãn của một mức xếp loại.");
    }
    if (sink.failed()) return *sink.first;
    return vocabulary;
  }

  std::vector<LegalBasis> read_bases(ObjectReader& reader) {
    std::vector<LegalBasis> bases;
    if (const auto* list = reader.list("legal_bases")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader item((*list)[i], reader.path("legal_bases") + "[" + std::to_string(i) + "]", reader.sink());
        bases.push_back({item.string("id"), item.string("title")});
        item.finish();
      }
    }
    return bases;
  }

  std::optional<Period> read_period(ObjectReader& reader) {
    const auto from = reader.optional_string("valid_from");
    const auto to = reader.optional_string("valid_to");
    if (!from) return std::nullopt;
    auto parse = [&](const std::string& text, std::string_view key) -> std::optional<CivilDate> {
      auto date = CivilDate::parse_iso(text);
      if (!date) reader.sink().fail(reader.path(key), "Ngày không hợp lệ ở \"" + reader.path(key) + "\".");
      return date;
    };
    Period period{parse(*from, "valid_from").value_or(CivilDate{}), to ? parse(*to, "valid_to") : std::nullopt};
    if (!period.valid()) reader.sink().fail(reader.path("valid_to"), "valid_to trước valid_from.");
    return period;
  }

  HonourId honour_code(ObjectReader& reader, std::string_view key) { return catalogue_.intern(reader.string(key)); }

  template <typename Enum, typename Parse>
  Enum required_code(ObjectReader& reader, std::string_view key, Parse parse, std::string_view what) {
    return reader.code(key, parse, what).value_or(Enum{});
  }

  Condition read_condition(ObjectReader& reader) {
    const auto kind = reader.string("kind");
    auto count = [&](std::string_view key, int fallback) {
      return reader.optional_integer(key, 0, 100).value_or(fallback);
    };
    auto rating = [&] { return required_code<Rating>(reader, "minimum", rating_from_string, "xếp loại"); };
    auto part = [&] {
      return required_code<MemberField>(reader, "part", member_field_from_string, "trường thành viên");
    };
    if (kind == "rating_at_least") return RatingAtLeast{rating()};
    if (kind == "months_worked_at_least") return MonthsWorkedAtLeast{reader.integer("months", 0, 12)};
    if (kind == "no_discipline")
      return NoDiscipline{required_code<DisciplineLevel>(reader, "from", discipline_level_from_string, "mức kỷ luật")};
    if (kind == "no_pending_discipline") return NoPendingDiscipline{};
    if (kind == "year_flag")
      return YearFlagIs{required_code<YearFlag>(reader, "flag", year_flag_from_string, "dữ kiện")};
    if (kind == "grant_chain")
      return GrantChain{honour_code(reader, "honour"), reader.integer("count", 1, 30), count("step", 1)};
    if (kind == "grant_count")
      return GrantCount{honour_code(reader, "honour"), reader.integer("count", 1, 30), reader.integer("window", 1, 30)};
    if (kind == "prior_grant")
      return PriorGrant{honour_code(reader, "honour"), reader.integer("min_years_before", 0, 30)};
    if (kind == "rating_streak") return RatingStreak{rating(), reader.integer("years", 1, 30)};
    if (kind == "rating_count")
      return RatingCount{rating(), reader.integer("count", 1, 30), reader.integer("window", 1, 30)};
    if (kind == "initiative_count")
      return InitiativeCount{
          required_code<InitiativeLevel>(reader, "minimum", initiative_level_from_string, "cấp sáng kiến"),
          reader.integer("count", 1, 30), count("window", 0)};
    if (kind == "member_share_at_least") return MemberShareAtLeast{part(), reader.integer("percent", 0, 100)};
    if (kind == "member_count_at_least") return MemberCountAtLeast{part(), reader.integer("count", 0, 100000)};
    if (kind == "member_count_at_most") return MemberCountAtMost{part(), reader.integer("count", 0, 100000)};
    if (kind == "qualifies_for") return QualifiesFor{honour_code(reader, "honour")};
    if (kind == "any_of" || kind == "all_of") {
      std::vector<Clause> children = read_clauses(reader, "clauses");
      if (kind == "any_of") return AnyOf{std::move(children)};
      return AllOf{std::move(children)};
    }
    reader.sink().fail(reader.path("kind"),
                       "Không rõ loại điều kiện \"" + kind + "\" ở \"" + reader.path("kind") + "\".");
    return NoPendingDiscipline{};
  }

  Clause read_clause(const Json& json, const std::string& path, ErrorSink& sink) {
    ObjectReader reader(json, path, sink);
    Clause clause;
    clause.id = reader.string("id");
    clause.citation = reader.string("citation");
    clause.text = reader.string("text");
    clause.unverified = reader.optional_boolean("unverified").value_or(false);
    clause.note = reader.optional_string("note").value_or(std::string());
    if (const auto* condition = reader.value("condition")) {
      ObjectReader inner(*condition, reader.path("condition"), sink);
      clause.condition = read_condition(inner);
      inner.finish();
    } else if (!sink.failed()) {
      sink.fail(reader.path("condition"), "Thiếu \"" + reader.path("condition") + "\".");
    }
    if (clause.unverified && clause.note.empty() && !sink.failed()) {
      sink.fail(reader.path("note"),
                "Điều khoản \"" + clause.id + "\" chưa được kiểm chứng (unverified) nên phải có ghi chú.");
    }
    reader.finish();
    return clause;
  }

  std::vector<Clause> read_clauses(ObjectReader& reader, std::string_view key) {
    std::vector<Clause> clauses;
    if (const auto* list = reader.list(key)) {
      for (std::size_t i = 0; i < list->size(); ++i)
        clauses.push_back(read_clause((*list)[i], reader.path(key) + "[" + std::to_string(i) + "]", reader.sink()));
    }
    return clauses;
  }

  std::optional<ChainGrantTypes> read_chain_grant_types(ObjectReader& reader) {
    const auto* json = reader.value("chain_grant_types");
    if (!json) return std::nullopt;
    ObjectReader inner(*json, reader.path("chain_grant_types"), reader.sink());
    ChainGrantTypes result;
    result.citation = inner.string("citation");
    if (const auto* types = inner.list("types")) {
      for (const auto& type : *types) {
        auto parsed = grant_type_from_string(type.is_string() ? type.get<std::string>() : "");
        if (!parsed)
          reader.sink().fail(inner.path("types"), "Không rõ loại khen thưởng ở \"" + inner.path("types") + "\".");
        else
          result.types.insert(*parsed);
      }
    }
    inner.optional_string("note");
    inner.finish();
    return result;
  }

  std::vector<Quota> read_quotas(ObjectReader& reader) {
    std::vector<Quota> quotas;
    const auto* list = reader.list("quotas");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      ObjectReader item((*list)[i], reader.path("quotas") + "[" + std::to_string(i) + "]", reader.sink());
      Quota quota;
      quota.id = item.string("id");
      quota.replaces = item.optional_string("replaces").value_or(std::string());
      quota.honour = honour_code(item, "honour");
      quota.citation = item.string("citation");
      quota.text = item.string("text");
      quota.max_count = item.optional_integer("max_count", 0, 100000);
      if (item.has("of")) {
        quota.of = honour_code(item, "of");
        quota.percent = item.integer("percent", 0, 100);
      }
      quota.per_group = item.optional_boolean("per_group").value_or(false);
      quota.unverified = item.optional_boolean("unverified").value_or(false);
      quota.note = item.optional_string("note").value_or(std::string());
      for (auto name : placeholders_in(quota.text)) {
        const auto allowed = quota_placeholders();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
          reader.sink().fail(item.path("text"),
                             "Hạn mức \"" + quota.id + "\" dùng {" + std::string(name) + "} không được hỗ trợ.");
      }
      item.finish();
      quotas.push_back(std::move(quota));
    }
    return quotas;
  }

  std::vector<Deadline> read_deadlines(ObjectReader& reader) {
    std::vector<Deadline> deadlines;
    const auto* list = reader.list("deadlines");
    for (std::size_t i = 0; list && i < list->size(); ++i) {
      ObjectReader item((*list)[i], reader.path("deadlines") + "[" + std::to_string(i) + "]", reader.sink());
      Deadline deadline;
      deadline.id = item.string("id");
      deadline.replaces = item.optional_string("replaces").value_or(std::string());
      deadline.citation = item.string("citation");
      if (const auto* honours = item.list("honours")) {
        for (const auto& code : *honours)
          deadline.honours.push_back(catalogue_.intern(code.is_string() ? code.get<std::string>() : ""));
      }
      deadline.month = static_cast<unsigned>(item.integer("month", 1, 12));
      deadline.day = static_cast<unsigned>(item.integer("day", 1, 31));
      deadline.year_offset = item.optional_integer("year_offset", 0, 5).value_or(0);
      deadline.unverified = item.optional_boolean("unverified").value_or(false);
      deadline.note = item.optional_string("note").value_or(std::string());
      item.finish();
      deadlines.push_back(std::move(deadline));
    }
    return deadlines;
  }

  // An unverified value must say why and what it was taken from.
  static void require_note(ObjectReader& reader, bool unverified, const std::string& note) {
    if (unverified && note.empty() && !reader.sink().failed())
      reader.sink().fail(reader.path("note"),
                         "\"" + reader.path("note") + "\": giá trị chưa kiểm chứng phải có ghi chú.");
  }

  DecidingAuthority read_authority(ObjectReader& reader) {
    DecidingAuthority authority;
    authority.level = required_code<AuthorityLevel>(reader, "level", authority_level_from_string, "cấp có thẩm quyền");
    authority.citation = reader.string("citation");
    authority.unverified = reader.optional_boolean("unverified").value_or(false);
    authority.note = reader.optional_string("note").value_or(std::string());
    require_note(reader, authority.unverified, authority.note);
    return authority;
  }

  VoteThreshold read_vote(ObjectReader& reader) {
    VoteThreshold vote;
    vote.numerator = reader.integer("numerator", 1, 100);
    vote.denominator = reader.integer("denominator", 1, 100);
    vote.strict = reader.optional_boolean("strict").value_or(false);
    vote.secret = reader.optional_boolean("secret").value_or(false);
    vote.citation = reader.string("citation");
    vote.unverified = reader.optional_boolean("unverified").value_or(false);
    vote.note = reader.optional_string("note").value_or(std::string());
    require_note(reader, vote.unverified, vote.note);
    return vote;
  }

  Quorum read_quorum(ObjectReader& reader) {
    Quorum quorum;
    quorum.numerator = reader.integer("numerator", 1, 100);
    quorum.denominator = reader.integer("denominator", 1, 100);
    quorum.citation = reader.string("citation");
    quorum.unverified = reader.optional_boolean("unverified").value_or(false);
    quorum.note = reader.optional_string("note").value_or(std::string());
    require_note(reader, quorum.unverified, quorum.note);
    return quorum;
  }

  // `read` on the object at `key`, if present.
  template <typename Read>
  auto read_object(ObjectReader& reader, std::string_view key, Read read)
      -> std::optional<decltype(read(std::declval<ObjectReader&>()))> {
    const auto* json = reader.value(key);
    if (!json) return std::nullopt;
    ObjectReader inner(*json, reader.path(key), reader.sink());
    auto value = read(inner);
    inner.finish();
    return value;
  }

  std::vector<HonourId> honour_list(ObjectReader& reader, std::string_view key) {
    std::vector<HonourId> honours;
    if (const auto* list = reader.list(key)) {
      for (const auto& code : *list)
        honours.push_back(catalogue_.intern(code.is_string() ? code.get<std::string>() : ""));
    }
    if (honours.empty())
      reader.sink().fail(reader.path(key), "Thiếu danh sách danh hiệu ở \"" + reader.path(key) + "\".");
    return honours;
  }

  Result<HonourRule> read_honour(const std::string& path) {
    auto json = read_file(path);
    if (!json) return std::move(json).error();
    ErrorSink sink;
    ObjectReader reader(*json, path, sink);
    HonourRule honour;
    honour.code = reader.string("code");
    honour.id = catalogue_.intern(honour.code);
    honour.name = reader.string("name");
    honour.short_name = reader.string("short_name");
    honour.kind = required_code<HonourKind>(reader, "kind", honour_kind_from_string, "loại");
    honour.citation = reader.string("citation");
    reader.optional_string("note");
    if (const auto* subjects = reader.value("subjects")) {
      ObjectReader inner(*subjects, reader.path("subjects"), sink);
      for (auto kind : {SubjectKind::kPerson, SubjectKind::kUnit, SubjectKind::kHousehold}) {
        if (inner.has(to_string(kind)))
          honour.clauses[static_cast<std::size_t>(kind)] = read_clauses(inner, to_string(kind));
      }
      inner.finish();
    }
    auto read_authority_fn = [this](ObjectReader& inner) { return read_authority(inner); };
    auto read_vote_fn = [this](ObjectReader& inner) { return read_vote(inner); };
    if (auto authority = read_object(reader, "authority", read_authority_fn))
      honour.authority = *authority;
    else
      sink.fail(reader.path("authority"), "Thiếu \"" + reader.path("authority") + "\" (cấp có thẩm quyền).");
    if (auto vote = read_object(reader, "council_vote", read_vote_fn))
      honour.council_vote = *vote;
    else
      sink.fail(reader.path("council_vote"), "Thiếu \"" + reader.path("council_vote") + "\" (tỷ lệ biểu quyết).");
    reader.finish();
    if (sink.failed()) return *sink.first;
    if (path != path.substr(0, path.find('/') + 1) + honour.code + ".json")
      return Error::invalid(path, path + ": tên tệp phải là mã danh hiệu (" + honour.code + ".json).");
    return honour;
  }

  Result<RuleSet> read_base_set(const std::string& folder, const Json& manifest) {
    const std::string path = folder + "/manifest.json";
    ErrorSink sink;
    ObjectReader reader(manifest, path, sink);
    RuleSet set;
    set.id = reader.string("id");
    set.name = reader.string("name");
    reader.optional_string("note");
    set.legal_bases = read_bases(reader);
    set.validity = read_period(reader).value_or(Period{});
    if (const auto* first = reader.value("first_year")) {
      ObjectReader inner(*first, reader.path("first_year"), sink);
      set.first_year = inner.integer("value", 1900, 2100);
      set.first_year_citation = inner.string("citation");
      inner.optional_string("note");
      inner.finish();
    }
    if (auto types = read_chain_grant_types(reader)) set.chain_grant_types = *types;
    set.guards = read_clauses(reader, "guards");
    set.quotas = read_quotas(reader);
    set.deadlines = read_deadlines(reader);
    if (auto quorum = read_object(reader, "council_quorum", [this](ObjectReader& inner) { return read_quorum(inner); }))
      set.council_quorum = *quorum;
    else
      sink.fail(reader.path("council_quorum"), "Thiếu \"" + reader.path("council_quorum") + "\".");
    std::vector<std::string> codes;
    if (const auto* honours = reader.list("honours")) {
      for (const auto& code : *honours)
        codes.push_back(code.is_string() ? code.get<std::string>() : "");
    }
    reader.finish();
    if (sink.failed()) return *sink.first;
    if (set.id != folder) return Error::invalid(path, path + ": \"id\" phải trùng tên thư mục (" + folder + ").");
    for (const auto& code : codes) {
      auto honour = read_honour(folder + "/" + code + ".json");
      if (!honour) return std::move(honour).error();
      set.honours.push_back(std::move(honour).value());
    }
    set.vocabulary = vocabulary_;
    return set;
  }

  RuleLayer read_layer(ObjectReader& reader) {
    RuleLayer layer;
    layer.id = reader.string("id");
    layer.name = reader.string("name");
    reader.optional_string("note");
    reader.optional_string("extends");
    layer.legal_bases = read_bases(reader);
    layer.validity = read_period(reader);
    if (const auto* first = reader.value("first_year")) {
      ObjectReader inner(*first, reader.path("first_year"), reader.sink());
      layer.first_year = inner.integer("value", 1900, 2100);
      inner.string("citation");
      inner.optional_string("note");
      inner.finish();
    }
    layer.chain_grant_types = read_chain_grant_types(reader);
    if (const auto* list = reader.list("replace")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader item((*list)[i], reader.path("replace") + "[" + std::to_string(i) + "]", reader.sink());
        ClauseReplacement replacement;
        replacement.replaces = item.string("clause");
        if (const auto* by = item.value("by")) replacement.by = read_clause(*by, item.path("by"), reader.sink());
        item.finish();
        layer.replacements.push_back(std::move(replacement));
      }
    }
    if (const auto* list = reader.list("add")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader item((*list)[i], reader.path("add") + "[" + std::to_string(i) + "]", reader.sink());
        ClauseAddition addition;
        if (item.has("honour")) {
          addition.honour = honour_code(item, "honour");
          addition.subject = required_code<SubjectKind>(item, "subject", subject_kind_from_string, "loại đối tượng");
        }
        if (const auto* clause = item.value("clause"))
          addition.clause = read_clause(*clause, item.path("clause"), reader.sink());
        item.finish();
        layer.additions.push_back(std::move(addition));
      }
    }
    layer.quotas = read_quotas(reader);
    layer.deadlines = read_deadlines(reader);
    layer.council_quorum =
        read_object(reader, "council_quorum", [this](ObjectReader& inner) { return read_quorum(inner); });
    if (const auto* list = reader.list("authorities")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader item((*list)[i], reader.path("authorities") + "[" + std::to_string(i) + "]", reader.sink());
        AuthorityChange change{honour_list(item, "honours"), read_authority(item)};
        item.finish();
        layer.authorities.push_back(std::move(change));
      }
    }
    if (const auto* list = reader.list("council_votes")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader item((*list)[i], reader.path("council_votes") + "[" + std::to_string(i) + "]", reader.sink());
        VoteChange change{honour_list(item, "honours"), read_vote(item)};
        item.finish();
        layer.council_votes.push_back(std::move(change));
      }
    }
    return layer;
  }

  Result<RuleSet> read_derived_set(const Json& manifest, const std::string& path, const RuleSet& base) {
    ErrorSink sink;
    ObjectReader reader(manifest, path, sink);
    const RuleLayer layer = read_layer(reader);
    reader.finish();
    if (sink.failed()) return *sink.first;
    if (!layer.validity) return Error::invalid(path, path + ": thiếu \"valid_from\".");
    return apply_layer(base, layer, /*as_provincial=*/false);
  }

  std::map<std::string, std::string_view> files_;
  Vocabulary vocabulary_;
  HonourCatalogue catalogue_;
};

}  // namespace

Result<RuleLibrary> load_rule_library(std::span<const EmbeddedFile> files) {
  return Loader(files).load();
}

const Result<RuleLibrary>& builtin_rule_library() {
  static const Result<RuleLibrary> kLibrary = load_rule_library(embedded_rule_files());
  return kLibrary;
}

}  // namespace tdkt::rules_io
