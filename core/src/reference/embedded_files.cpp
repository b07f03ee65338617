#include "reference/embedded_files.h"

namespace unitwise {

std::string_view static_data(std::string_view name) {
  for (const EmbeddedFile& f : static_data_files()) {
    if (f.name == name) return f.text;
  }
  return {};
}

}  // namespace unitwise
