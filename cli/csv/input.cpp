// Reading the CSV input (docs/batch.md): libcsv (RFC 4180 quoting, strict mode) is fed one physical line at a time
// (ended by LF, CRLF or CR), so every record knows the line it starts on; the first record is the header.
#include "input.h"

#include "fill_message.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <utility>

namespace unitwise_cli::csv {

// A header name as it is matched (format.json, "headerSynonyms"): lower case, without spaces, tabs and underscores.
std::string header_key(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if (c == ' ' || c == '\t' || c == '_') continue;
    key += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return key;
}

Columns::Columns() { std::fill(std::begin(column_of_), std::end(column_of_), -1); }

bool Columns::match(const std::vector<std::string>& names, long line, std::FILE* err) {
  std::fill(std::begin(column_of_), std::end(column_of_), -1);
  count_ = names.size();
  std::string errors;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string key = header_key(names[i]);
    int found = -1;
    for (const HeaderName& h : kHeaderNames) {
      if (key == h.key) found = h.column;
    }
    if (found < 0) {
      errors += "; " + fill_message(kUnknownColumnMessage, {{"name", names[i]}});
    } else if (column_of_[found] >= 0) {
      // Two names for one column ("CPT" and "Code"): both named, since neither may be the column's own name.
      const std::string& first = names[static_cast<std::size_t>(column_of_[found])];
      const std::string own = header_key(kColumnNames[found]);  // the column's own name, in any case
      const std::string name = header_key(first) == own && key == own ? std::string(kColumnNames[found])
                                                                      : std::string(kColumnNames[found]) + " (as \"" +
                                                                            first + "\" and \"" + names[i] + "\")";
      errors += "; " + fill_message(kColumnTwiceMessage, {{"name", name}});
    } else {
      column_of_[found] = static_cast<int>(i);
    }
  }
  std::string missing;
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (column_of_[c] < 0) missing += std::string(missing.empty() ? "" : ", ") + kColumnNames[c];
  }
  if (!missing.empty()) errors += "; " + fill_message(kMissingColumnsMessage, {{"names", missing}});
  if (errors.empty()) return true;
  std::string known, required;
  for (int c = 0; c < kColumnCount; ++c) {
    (c < kRequiredColumns ? required : known) +=
        std::string((c < kRequiredColumns ? required : known).empty() ? "" : ", ") + kColumnNames[c];
  }
  std::fprintf(err,
               "unitwise: line %ld: bad CSV header%s (required columns: %s; optional: %s; docs/batch.md lists other "
               "names for each)\n",
               line, errors.c_str() + 1, required.c_str(), known.c_str());
  return false;
}

const std::string& Columns::cell(const std::vector<std::string>& fields, int column) const {
  static const std::string empty;
  const int i = column_of_[column];
  return i >= 0 && static_cast<std::size_t>(i) < fields.size() ? fields[static_cast<std::size_t>(i)] : empty;
}

CsvInput::CsvInput(std::FILE* err, RowSink& sink) : err_(err), sink_(sink) {
  csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
}

CsvInput::~CsvInput() { csv_free(&parser_); }

int CsvInput::read(std::FILE* in, std::FILE* copy_to, std::FILE* out) {
  char buffer[1 << 16];
  std::size_t n;
  while (!fatal_ && (n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    if (copy_to != nullptr && std::fwrite(buffer, 1, n, copy_to) != n) {
      std::fprintf(err_,
                   "unitwise: cannot keep a copy of the CSV input to read it twice: %s (give a file, or use "
                   "--max-open-visits 0)\n",
                   std::strerror(errno));
      return 2;
    }
    feed(std::string_view(buffer, n));
    if (std::ferror(out)) break;
  }
  if (std::ferror(in)) {
    std::fprintf(err_, "unitwise: cannot read the CSV input: %s\n", std::strerror(errno));
    return 2;
  }
  if (!fatal_) {
    if (!partial_bom_.empty()) feed_lines(std::exchange(partial_bom_, {}));
    if (csv_fini(&parser_, on_field, on_record_end, this) != 0) {
      bad_record("malformed CSV: a quoted field is not closed before the end of the input");
    }
  }
  if (fatal_) return 2;
  if (!have_header_) {
    std::fprintf(err_, "unitwise: %s\n",
                 fill_message(kEmptyInputMessage, {{"source", "input"}, {"first_column", kColumnNames[0]}}).c_str());
    return 2;
  }
  return 0;
}

void CsvInput::feed(std::string_view bytes) {
  if (at_start_) {
    // A UTF-8 byte order mark (spreadsheet exports put one before the header) is not part of the CSV.
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    while (!bytes.empty() && partial_bom_.size() < kBom.size() && kBom[partial_bom_.size()] == bytes.front()) {
      partial_bom_ += bytes.front();
      bytes.remove_prefix(1);
    }
    if (partial_bom_.size() < kBom.size() && bytes.empty()) return;  // a BOM so far: wait for more
    at_start_ = false;
    if (partial_bom_.size() < kBom.size()) feed_lines(partial_bom_);  // not a BOM after all
    partial_bom_.clear();
  }
  feed_lines(bytes);
}

// A physical line ends with LF, CRLF or a CR alone (old Mac exports, which libcsv reads as rows too): line numbers
// count all three, as web/csv-reader.js does.
void CsvInput::feed_lines(std::string_view bytes) {
  if (cr_ended_read_ && !bytes.empty()) {
    cr_ended_read_ = false;
    if (bytes.front() == '\n') {  // the LF of a CRLF that two reads split: the same line
      line_open_ = true;
      feed_line(bytes.substr(0, 1));
      bytes.remove_prefix(1);
    }
  }
  while (!bytes.empty() && !fatal_) {
    const std::size_t eol = bytes.find_first_of("\r\n");
    std::size_t take = eol == std::string_view::npos ? bytes.size() : eol + 1;
    if (eol != std::string_view::npos && bytes[eol] == '\r') {
      if (take < bytes.size() && bytes[take] == '\n') ++take;
      else if (take == bytes.size()) cr_ended_read_ = true;
    }
    feed_line(bytes.substr(0, take));
    bytes.remove_prefix(take);
  }
}

// A physical line or the part of one that this read holds (with its line end if it ends here).
void CsvInput::feed_line(std::string_view part) {
  const bool starts_line = !in_record_ && !skipping_ && part.find_first_not_of("\r\n") != std::string_view::npos;
  if (!line_open_) ++line_;
  const bool ends_line = part.back() == '\n' || part.back() == '\r';
  line_open_ = !ends_line;
  if (skipping_) {
    if (ends_line) skipping_ = false;
    return;
  }
  if (starts_line) {
    in_record_ = true;
    record_line_ = line_;
    record_bytes_ = 0;
  }
  if (in_record_) {
    record_bytes_ += part.size();
    if (record_bytes_ > kMaxRecordBytes) {
      bad_record("the row is longer than 1 MiB (an unclosed quote?)");
      skipping_ = !ends_line;
      return;
    }
  }
  const std::size_t parsed = csv_parse(&parser_, part.data(), part.size(), on_field, on_record_end, this);
  if (parsed != part.size() || csv_error(&parser_) != CSV_SUCCESS) {
    bad_record(
        "malformed CSV quoting: a quote inside an unquoted field, or text after a closing quote "
        "(RFC 4180: quote the whole field and double the quotes inside it)");
    skipping_ = !ends_line;
  }
}

void CsvInput::field(const char* data, std::size_t size) {
  if (!in_record_) {  // a record after a bare CR on the same line
    in_record_ = true;
    record_line_ = line_;
    record_bytes_ = 0;
  }
  fields_.emplace_back(data, size);
}

void CsvInput::record_end() {
  in_record_ = false;
  std::vector<std::string> fields = std::move(fields_);
  fields_.clear();
  if (fatal_) return;
  // A row of empty fields (",,,,," as spreadsheets export past the last row) is a blank line.
  if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); })) return;
  if (!have_header_) {
    have_header_ = true;
    fatal_ = !columns_.match(fields, record_line_, err_);
    return;
  }
  sink_.row(fields, record_line_);
}

// A record libcsv could not read: an error row for its visit when its visit_id was read, else its own.
void CsvInput::bad_record(const std::string& why) {
  const std::string id = columns_.cell(fields_, kVisitId);  // empty before the header: no columns yet
  csv_free(&parser_);
  csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
  fields_.clear();
  in_record_ = false;
  const std::string message = "line " + std::to_string(record_line_) + ": " + why;
  if (!have_header_) {
    std::fprintf(err_, "unitwise: %s\n", message.c_str());
    fatal_ = true;
    return;
  }
  sink_.bad_record(id, record_line_, message);
}

}  // namespace unitwise_cli::csv
