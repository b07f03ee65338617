#include "reference/embedded_files.h"

#include "base/csv_reader.h"

namespace unitwise {

std::string_view static_data(std::string_view name) {
  for (const EmbeddedFile& f : static_data_files()) {
    if (f.name == name) return f.text;
  }
  return {};
}

std::vector<std::vector<std::string>> static_rows(std::string_view name, std::size_t columns) {
  CsvReader csv(static_data(name));
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> fields;
  csv.next(fields);  // the header
  while (csv.next(fields)) {
    if (fields.size() == columns) rows.push_back(fields);
  }
  return rows;
}

}  // namespace unitwise
