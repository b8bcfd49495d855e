// The driver of the fuzz targets outside the `fuzz` preset (docs/adr/0014-fuzzing.md): built with
// the project's own compiler, it runs LLVMFuzzerTestOneInput once on every file it is given
// (files, or folders read in name order; names starting with '.' are skipped), which is how
// `make test` replays the seed corpus and the regressions without libFuzzer.
//   fuzz_TARGET PATH...      exit 0 when every input ran; a target aborts on a finding
//   fuzz_TARGET -flag=...    flags of libFuzzer are ignored, so that both drivers take one command;
//                            with -print_final_stats=1 it prints the count as libFuzzer does
//                            (scripts/fuzz.sh reads it; its test runs on this driver)

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

// NOLINTNEXTLINE(readability-identifier-naming): the entry point libFuzzer calls
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool hidden(const fs::path& path) {
  return path.filename().string().starts_with(".");
}

std::vector<fs::path> inputs_of(const fs::path& path) {
  std::vector<fs::path> files;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::directory_iterator(path)) {
      if (entry.is_regular_file() && !hidden(entry.path())) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(path)) {
    files.push_back(path);
  } else {
    std::fprintf(stderr, "fuzz replay: no such file or folder: %s\n", path.c_str());
    std::exit(2);
  }
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 0;
  bool final_stats = false;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    final_stats = final_stats || argument == "-print_final_stats=1";
    if (argument.starts_with("-")) continue;
    for (const auto& file : inputs_of(argument)) {
      std::ifstream in(file, std::ios::binary);
      const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
      // Like libFuzzer, the target sees exactly the file's bytes (no terminating zero).
      LLVMFuzzerTestOneInput(data.data(), data.size());
      ++count;
    }
  }
  if (count == 0) {
    std::fprintf(stderr, "fuzz replay: no inputs: a corpus must not be empty\n");
    return 1;
  }
  std::printf("fuzz replay: %zu inputs ran cleanly\n", count);
  if (final_stats) {
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
    std::printf("stat::number_of_executed_units: %zu\n", count);
    std::printf("stat::average_exec_per_sec: %.0f\n", static_cast<double>(count) / std::max(seconds.count(), 1e-3));
  }
  return 0;
}
