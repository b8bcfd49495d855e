// Fuzz target: the rule files (rules_io/rule_files): load_rule_library on a set of files from the
// input. Input: the files as parts ("=== ND98_2023/manifest.json" then its text, for each file;
// see fuzz_support.hpp); vocabulary.json, when the input has none, is the compiled-in one. The
// seeds are rule sets of rules/ trimmed to a few honours, so that a run stays fast. Promises: never
// a crash, an exception or a hang; a bad file gives a clean error; a library that loads has sets.
// Paths that are not UTF-8 are skipped: the paths are those of the repository's files.

#include "rules_io/rule_files.hpp"

#include <vector>

#include "support/fuzz_support.hpp"
#include "support/json_mutator.hpp"

TDKT_FUZZ_JSON_MUTATOR()

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using tdkt::EmbeddedFile;
  const auto parts = tdkt::fuzz::split_parts(tdkt::fuzz::as_text(data, size));

  std::vector<EmbeddedFile> files;
  bool has_vocabulary = false;
  for (const auto& [path, text] : parts) {
    // The paths are those of files in rules/, which are UTF-8 (messages quote them).
    if (!tdkt::text::valid_utf8(path)) return 0;
    files.push_back({path, text});
    has_vocabulary = has_vocabulary || path == "vocabulary.json";
  }
  if (!has_vocabulary) {
    for (const auto& file : tdkt::rules_io::embedded_rule_files()) {
      if (file.path == "vocabulary.json") files.push_back(file);
    }
  }

  auto library = tdkt::rules_io::load_rule_library(files);
  if (!library) {
    tdkt::fuzz::expect_clean_error(library.error());
    return 0;
  }
  for (const auto& set : library->sets())
    tdkt::fuzz::expect(!set.id.empty(), "a rule set has an id");
  return 0;
}
