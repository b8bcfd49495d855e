#pragma once
// `tdkt rules check [FILE|-]`: one JSON case in, one JSON verdict out, no database
// (docs/rules-cli.md). Exit code 0 for a verdict, 2 for input it cannot judge.

#include <iosfwd>
#include <string>

namespace tdkt::cli {

// Reads the case from `file` ("-" or empty: from `in`), writes the answer to `out`, and returns
// the exit code. A file that cannot be read is input it cannot judge (2).
int run_rules_check(const std::string& file, std::istream& in, std::ostream& out);

}  // namespace tdkt::cli
