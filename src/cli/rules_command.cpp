#include "cli/rules_command.hpp"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "rules_io/case_json.hpp"
#include "rules_io/rule_files.hpp"

namespace tdkt::cli {
namespace {

int print_error(std::ostream& out, const Error& error, int exit_code) {
  out << rules_io::error_json(error);
  return exit_code;
}

}  // namespace

int run_rules_check(const std::string& file, std::istream& in, std::ostream& out) {
  const auto& library = rules_io::builtin_rule_library();
  if (!library) {
    // The compiled-in rule files are broken: a defect of the build, not of the input.
    return print_error(out, library.error(), 1);
  }
  std::string input;
  if (file.empty() || file == "-") {
    input.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } else {
    std::ifstream stream(file, std::ios::binary);
    if (!stream) {
      return print_error(out, Error::invalid("file", "Không đọc được tệp \"" + file + "\"."),
                         rules_io::CheckAnswer::kRefused);
    }
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    input = buffer.str();
  }
  const auto answer = rules_io::check_case(input, *library);
  out << answer.output;
  return answer.exit_code;
}

}  // namespace tdkt::cli
