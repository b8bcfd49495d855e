#pragma once
// The `tdkt` command line: serve, init, migrate, backup, version. Returns the process exit code.

namespace tdkt::cli {
int run(int argc, char** argv);
}
