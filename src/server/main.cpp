// tdkt: everything is a library; main only hands over to the command line.
#include "cli/cli.hpp"

int main(int argc, char** argv) {
  return tdkt::cli::run(argc, argv);
}
