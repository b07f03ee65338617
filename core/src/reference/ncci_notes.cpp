#include "reference/ncci_notes.h"

#include <map>
#include <utility>

#include "reference/embedded_files.h"

namespace unitwise {

const std::string* ncci_note(std::string_view column1, std::string_view column2) {
  static const std::map<std::pair<std::string, std::string>, std::string> notes = [] {
    std::map<std::pair<std::string, std::string>, std::string> out;
    for (auto& f : static_rows("ncci_notes.csv", 3)) out[{f[0], f[1]}] = f[2];  // column1,column2,note
    return out;
  }();
  const auto it = notes.find({std::string(column1), std::string(column2)});
  return it == notes.end() ? nullptr : &it->second;
}

}  // namespace unitwise
