#pragma once
// A structure-aware mutation for the targets that read JSON (libFuzzer's LLVMFuzzerCustomMutator).
// libFuzzer's byte mutations rarely turn "kind": "complaint" into "kind": 5 or an array into an
// object, which is where readers of JSON go wrong (nlohmann's get<> and at() throw on the wrong
// type). Half of the mutations therefore parse the input, change one value's type or shape (null,
// a number at a limit, a string, [], {}, a boolean, the value wrapped in an array, a copy of another
// value of the document, an element or key removed), and write the document back; the other half,
// and any input that is not JSON, get libFuzzer's own mutations. Inputs made of parts
// ("=== name" lines, fuzz_support.hpp) have one part mutated.
//
// A target opts in with TDKT_FUZZ_JSON_MUTATOR() at file scope. Only the libFuzzer build
// (TDKT_LIBFUZZER) defines the hook; the replay driver has no use for it.

#if defined(TDKT_LIBFUZZER)

#include <cstdint>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "support/fuzz_support.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace tdkt::fuzz {

using MutatedJson = nlohmann::ordered_json;

inline void collect_values(MutatedJson& value, std::vector<MutatedJson*>& out) {
  std::vector<MutatedJson*> pending{&value};
  while (!pending.empty()) {
    auto* node = pending.back();
    pending.pop_back();
    out.push_back(node);
    if (node->is_structured()) {
      for (auto& child : *node)
        pending.push_back(&child);
    }
  }
}

// One change to the type or shape of one value of `text`; false when `text` is not JSON.
inline bool mutate_json_value(std::string& text, std::minstd_rand& random) {
  auto document = MutatedJson::parse(text, nullptr, false);
  if (document.is_discarded()) return false;
  std::vector<MutatedJson*> values;
  collect_values(document, values);
  auto& target = *values[random() % values.size()];
  const auto& other = *values[random() % values.size()];
  switch (random() % 12) {
    case 0: target = nullptr; break;
    case 1: target = 0; break;
    case 2: target = -1; break;
    case 3: target = static_cast<std::int64_t>(std::numeric_limits<std::int32_t>::max()) + 1; break;
    case 4: target = std::numeric_limits<std::uint64_t>::max(); break;
    case 5: target = 0.5; break;
    case 6: target = random() % 2 == 0 ? "" : "x"; break;
    case 7: target = MutatedJson::array(); break;
    case 8: target = MutatedJson::object(); break;
    case 9: target = random() % 2 == 0; break;
    case 10: target = MutatedJson::array({MutatedJson(target)}); break;
    default: {
      if (&other != &target) {
        const MutatedJson copy = other;  // `other` may live inside `target`
        target = copy;
      } else if (target.is_array() && !target.empty()) {
        target.erase(random() % target.size());
      } else if (target.is_object() && !target.empty()) {
        target.erase(std::next(target.begin(), static_cast<std::ptrdiff_t>(random() % target.size())).key());
      }
    }
  }
  text = document.dump(-1, ' ', false, MutatedJson::error_handler_t::replace);
  return true;
}

inline std::size_t mutate_json_input(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
  std::minstd_rand random(seed);
  if (random() % 2 == 0) return LLVMFuzzerMutate(data, size, max_size);
  const std::string input(as_text(data, size));
  std::string output;
  if (input.starts_with("=== ")) {
    auto parts = split_parts(input);
    if (!mutate_json_value(parts[random() % parts.size()].second, random))
      return LLVMFuzzerMutate(data, size, max_size);
    for (const auto& [name, body] : parts)
      output += "=== " + name + "\n" + body + (body.ends_with('\n') ? "" : "\n");
  } else {
    output = input;
    if (!mutate_json_value(output, random)) return LLVMFuzzerMutate(data, size, max_size);
  }
  if (output.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
  std::memcpy(data, output.data(), output.size());
  return output.size();
}

}  // namespace tdkt::fuzz

#define TDKT_FUZZ_JSON_MUTATOR()                                                                             \
  extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size, \
                                                 unsigned int seed) {                                        \
    return tdkt::fuzz::mutate_json_input(data, size, max_size, seed);                                        \
  }

#else
#define TDKT_FUZZ_JSON_MUTATOR()
#endif
