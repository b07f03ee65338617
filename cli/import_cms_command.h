// `unitwise import-cms --out DIR [--effective YYYY-MM-DD] FILE...`: CMS's files in, a data pack out.
// Shared by the CLI and the build's pack tool, so the built-in data comes from the same code.
#pragma once

namespace unitwise::cli {

// argv[0] is "import-cms". Exit status: 0 written, 1 a file could not be imported, 2 usage or I/O error.
int import_cms_command(int argc, char** argv);

}  // namespace unitwise::cli
