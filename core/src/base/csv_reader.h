// RFC 4180 records from text: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF.
// Used for CMS's files and for data packs; both come as whole texts, so this works on a string_view.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace unitwise {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // The next record's fields; false at the end of the text. An unterminated quote ends the text
  // and sets malformed().
  bool next(std::vector<std::string>& fields);
  // The 1-based line on which the record last returned by next() starts.
  std::size_t line() const { return record_line_; }
  bool malformed() const { return malformed_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  bool malformed_ = false;
};

// Leading and trailing spaces, tabs and carriage returns removed.
std::string_view trim(std::string_view s);

}  // namespace unitwise
