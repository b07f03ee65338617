// Reading the CSV input: libcsv fed one physical line at a time, and the header matched to the columns.
#pragma once

#include <csv.h>

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "visit.h"

namespace unitwise_cli::csv {

// A header name as it is matched against format.json's names: lower case, without spaces, tabs and underscores.
std::string header_key(std::string_view name);

// Which field of a row holds each column, as the header said.
class Columns {
 public:
  Columns();
  // False, with the problems written to `err`, when a name is unknown or comes twice or a required one is missing.
  bool match(const std::vector<std::string>& names, long line, std::FILE* err);
  // The cell of `column` in `fields`, empty when the header has no such column or the row is short.
  const std::string& cell(const std::vector<std::string>& fields, int column) const;
  std::size_t count() const { return count_; }
  bool has(int column) const { return column_of_[column] >= 0; }

 private:
  int column_of_[kColumnCount];
  std::size_t count_ = 0;
};

// Where the reader hands each record after the header: a row of fields, or one it could not read.
class RowSink {
 public:
  virtual void row(const std::vector<std::string>& fields, long line) = 0;
  // `message` is "line N: why"; `visit_id` is empty when the record's visit_id was not read.
  virtual void bad_record(const std::string& visit_id, long line, const std::string& message) = 0;

 protected:
  ~RowSink() = default;
};

class CsvInput {
 public:
  CsvInput(std::FILE* err, RowSink& sink);
  ~CsvInput();
  CsvInput(const CsvInput&) = delete;
  CsvInput& operator=(const CsvInput&) = delete;

  // Reads `in` to its end, copying what it reads to `copy_to` when not null; stops early once `out` fails, since
  // nothing more could be written. Returns 0, or 2 after writing the fatal problem to `err`.
  int read(std::FILE* in, std::FILE* copy_to, std::FILE* out);
  const Columns& columns() const { return columns_; }

 private:
  static void on_field(void* data, std::size_t size, void* self) {
    static_cast<CsvInput*>(self)->field(static_cast<const char*>(data), size);
  }
  static void on_record_end(int, void* self) { static_cast<CsvInput*>(self)->record_end(); }

  void feed(std::string_view bytes);
  void feed_lines(std::string_view bytes);
  void feed_line(std::string_view line);
  void field(const char* data, std::size_t size);
  void record_end();
  void bad_record(const std::string& why);

  std::FILE* err_;
  RowSink& sink_;
  csv_parser parser_{};

  // Where the parser is.
  long line_ = 0;               // physical line being fed (1-based; LF, CRLF and CR end a line)
  bool line_open_ = false;      // the last part fed did not end its line
  bool cr_ended_read_ = false;  // the last read ended with a CR: an LF first in the next one is the same line end
  long record_line_ = 0;        // line the current record started on
  bool in_record_ = false;
  std::size_t record_bytes_ = 0;
  bool skipping_ = false;  // dropping the rest of a line after a bad record
  bool at_start_ = true;   // a UTF-8 byte order mark may come first
  std::string partial_bom_;
  std::vector<std::string> fields_;

  bool have_header_ = false;
  bool fatal_ = false;
  Columns columns_;
};

}  // namespace unitwise_cli::csv
