// The build's pack tool: `import-cms` without the built-in data it is about to make.
#include <cstdio>
#include <cstring>

#include "import_cms_command.h"

int main(int argc, char** argv) {
  if (argc >= 2 && std::strcmp(argv[1], "import-cms") == 0) return unitwise::cli::import_cms_command(argc - 1, argv + 1);
  std::fputs("usage: unitwise_pack_tool import-cms --out DIR [--effective YYYY-MM-DD] FILE...\n", stderr);
  return 2;
}
