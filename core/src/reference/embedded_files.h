// Text files compiled into the engine (tools/embed_files.py): the static data of core/data/ and the
// built-in data packs. The engine reads them with the same code that reads a user's files.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unitwise {

struct EmbeddedFile {
  std::string_view pack;  // "" for static data files
  std::string_view name;
  std::string_view text;
};

struct EmbeddedSet {
  const EmbeddedFile* files;
  std::size_t count;
  const EmbeddedFile* begin() const { return files; }
  const EmbeddedFile* end() const { return files + count; }
};

EmbeddedSet static_data_files();   // core/data/*.csv: catalogue, checklist, NCCI notes
EmbeddedSet builtin_pack_files();  // the packs imported at build time plus core/data/packs/

// The text of a static data file; empty when there is none of that name.
std::string_view static_data(std::string_view name);

// The rows of a static CSV after its header, each with exactly `columns` fields (others are skipped:
// the files are ours and checked by their tests).
std::vector<std::vector<std::string>> static_rows(std::string_view name, std::size_t columns);

}  // namespace unitwise
