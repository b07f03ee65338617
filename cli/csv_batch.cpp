// `unitwise evaluate --csv`: rows of service lines in, claim lines out (docs/batch.md).
//
// Input is parsed by libcsv (RFC 4180 quoting, strict mode) fed one physical line at a time (ended by LF, CRLF
// or CR), so every record knows the line it starts on. Rows are grouped by visit_id into "open" visits; a visit is
// evaluated when it is pushed out of the open window (oldest first appearance first) or at the end of
// the input, so output follows first appearance and memory holds at most max_open_visits visits. With a window, the
// input is read twice: first to find the visits split across it (their id again after their visit closed), which
// the second reading writes as one error each, never as a claim of part of the visit.
#include "csv_batch.h"

#include <csv.h>

#include <algorithm>
#include <cmath>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "unitwise/unitwise.h"

namespace unitwise_cli {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRecordBytes = 1u << 20;  // a service row is ~100 bytes; 1 MiB means an unclosed quote
constexpr std::size_t kMaxServiceRows = 100;       // the engine's limit of services per visit

// Input columns. The first six are required.
enum Column { kVisitId, kDate, kDiscipline, kCode, kMinutes, kAssistantMinutes, kLocality, kSetting,
              kPayer, kPlaceOfService, kDistinctService, kDays, kColumnCount };
constexpr const char* kColumnNames[kColumnCount] = {
    "visit_id", "date_of_service", "discipline", "code", "minutes", "assistant_minutes",
    "locality", "setting", "payer", "place_of_service", "distinct_service", "days"};
constexpr int kRequiredColumns = kLocality;

// A visit-level value and the input line that gave it (0: not given yet).
struct VisitField {
  std::string value;
  long line = 0;
};

struct ServiceRow {
  long line = 0;
  std::string code, minutes, assistant_minutes;
  std::string days;  // days of remote-monitoring data in the 30-day period (98976-98978, 98984, 98985)
};

struct OpenVisit {
  std::string id;
  long first_line = 0;
  bool keyed = true;  // reachable through its visit_id (false: an error row of a row without one)
  VisitField date, discipline, locality, setting;
  std::vector<ServiceRow> services;
  std::vector<std::string> errors;  // "line N: ..."
  bool too_many_rows = false;
};

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// A number cell as JSON: whole numbers lose leading zeros; other JSON numbers pass as they are (the
// engine says "no fractions"); anything else goes as a string, so the engine's own check names it. So does a number
// too large for a double (1e400), as the page's File view sends it (web/file-batch.js numberCell).
void append_json_number_cell(std::string& out, std::string_view s) {
  if (!s.empty() && !std::isfinite(std::strtod(std::string(s).c_str(), nullptr))) return append_json_string(out, s);
  std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  const std::size_t digits_from = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == s.size() && i > digits_from) {
    std::size_t first = digits_from;
    while (first + 1 < s.size() && s[first] == '0') ++first;
    if (digits_from == 1 && !(s.size() == first + 1 && s[first] == '0')) out += '-';
    out.append(s.substr(first));
    return;
  }
  // JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
  i = digits_from;
  auto digits = [&] {
    const std::size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > from;
  };
  bool valid = i < s.size() && (s[i] == '0' ? (++i, true) : digits());
  if (valid && i < s.size() && s[i] == '.') valid = (++i, digits());
  if (valid && i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    valid = digits();
  }
  if (valid && i == s.size()) out.append(s);
  else append_json_string(out, s);
}

std::string visit_json(const OpenVisit& v) {
  std::string out = "{";
  auto field = [&](const char* key, const VisitField& f) {
    if (f.line == 0) return;
    if (out.size() > 1) out += ',';
    out += '"';
    out += key;
    out += "\":";
    append_json_string(out, f.value);
  };
  field("dateOfService", v.date);
  field("discipline", v.discipline);
  field("locality", v.locality);
  field("setting", v.setting);
  if (out.size() > 1) out += ',';
  out += "\"services\":[";
  for (std::size_t i = 0; i < v.services.size(); ++i) {
    const ServiceRow& s = v.services[i];
    if (i > 0) out += ',';
    out += "{\"code\":";
    append_json_string(out, s.code);
    if (!s.minutes.empty()) {
      out += ",\"minutes\":";
      append_json_number_cell(out, s.minutes);
    }
    if (!s.assistant_minutes.empty()) {
      out += ",\"assistantMinutes\":";
      append_json_number_cell(out, s.assistant_minutes);
    }
    if (!s.days.empty()) {
      out += ",\"days\":";
      append_json_number_cell(out, s.days);
    }
    out += '}';
  }
  out += "],\"options\":{\"trace\":false}}";  // claim lines need no trace: a third less engine time
  return out;
}

// The CSV column a visit JSON key came from.
std::string_view column_of_key(std::string_view key) {
  if (key == "dateOfService") return "date_of_service";
  if (key == "assistantMinutes") return "assistant_minutes";
  return key;
}

// "line N: column message" for an engine error, N being the input line its value came from.
std::string located_error(const OpenVisit& v, const std::string& path, const std::string& message) {
  long line = v.first_line;
  std::string_view column;
  std::string_view rest(path);
  if (rest.rfind("/services/", 0) == 0) {
    rest.remove_prefix(10);
    const std::size_t slash = rest.find('/');
    const std::string index(rest.substr(0, slash));
    const std::size_t k = static_cast<std::size_t>(std::strtoul(index.c_str(), nullptr, 10));
    if (k < v.services.size()) line = v.services[k].line;
    column = slash == std::string_view::npos ? std::string_view("row") : column_of_key(rest.substr(slash + 1));
  } else if (!rest.empty()) {
    rest.remove_prefix(1);
    column = column_of_key(rest);
    const VisitField* f = rest == "dateOfService" ? &v.date
                          : rest == "discipline"  ? &v.discipline
                          : rest == "locality"    ? &v.locality
                          : rest == "setting"     ? &v.setting
                                                  : nullptr;
    if (f != nullptr && f->line != 0) line = f->line;
  }
  std::string out = "line " + std::to_string(line) + ": ";
  if (!column.empty()) {
    out.append(column);
    out += ' ';
  }
  return out + message;
}

class CsvWriter {
 public:
  explicit CsvWriter(std::FILE* out) : out_(out) {}

  void field(std::string_view s) {
    if (!first_) std::fputc(',', out_);
    first_ = false;
    // CSV injection (OWASP): a cell starting with = + - @, a tab or a CR is a formula to a spreadsheet; a leading '
    // makes it text. Our own cells never start so (allowed and units are never negative): only a user's value can.
    // A cell starting with ' gets one more, so that dropping one leading ' always gives the value back.
    std::string text;
    if (!s.empty() && std::string_view("=+-@\t\r'").find(s.front()) != std::string_view::npos) {
      text = "'";
      text.append(s);
      s = text;
    }
    if (s.find_first_of(",\"\r\n") != std::string_view::npos || (!s.empty() && (s.front() == ' ' || s.back() == ' '))) {
      csv_fwrite(out_, s.data(), s.size());
    } else {
      std::fwrite(s.data(), 1, s.size(), out_);
    }
  }
  void end_row() {
    std::fputc('\n', out_);
    first_ = true;
  }

 private:
  std::FILE* out_;
  bool first_ = true;
};

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out.append(separator);
    out += p;
  }
  return out;
}

// An array member of a result object, or an empty array.
const json& items(const json& j, const char* key) {
  static const json empty = json::array();
  const auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return {};
}

// An edit as short text: "ncci 97161/97140 warning: 59 XE XS XP XU", "mue 97150 error: 2 units > 1".
std::string edit_text(const json& e) {
  const std::string kind = str(e, "kind");
  std::string out = kind + ' ';
  if (kind == "ncci") out += str(e, "column1") + '/' + str(e, "column2");
  else out += str(e, "code");
  out += ' ' + str(e, "severity");
  if (kind == "mue") {
    out += ": " + str(e, "units") + " units > " + str(e, "limit");
  } else if (!items(e, "suggestedModifiers").empty()) {
    out += ':';
    for (const json& m : items(e, "suggestedModifiers")) out += ' ' + (m.is_string() ? m.get<std::string>() : "?");
  }
  return out;
}

std::vector<std::string> edit_codes(const json& e) {
  // NCCI denies the column-two code, so its line carries the edit.
  if (str(e, "kind") == "ncci") return {str(e, "column2"), str(e, "column1")};
  return {str(e, "code")};
}

// Reads the parts of a result JSON that claim lines need (ok, lines, edits, warnings, errors) into a
// small DOM, skipping the rest (trace, checklist, fee: most of the text) and stopping once it has them:
// a full DOM parse of every result took 3/4 of the time of --csv.
class ResultReader {
 public:
  const json& result() const { return result_; }
  bool stopped_early() const { return stopped_early_; }

  bool null() { return value(nullptr); }
  bool boolean(bool b) { return value(b); }
  bool number_integer(json::number_integer_t n) { return value(n); }
  bool number_unsigned(json::number_unsigned_t n) { return value(n); }
  bool number_float(json::number_float_t x, const json::string_t&) { return value(x); }
  bool string(json::string_t& s) { return value(std::move(s)); }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    if (depth_ == 1) keep_ = k == "ok" || k == "lines" || k == "edits" || k == "warnings" || k == "errors";
    key_ = std::move(k);
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }

 private:
  static constexpr int kWanted = 5;

  json* place(json&& j) {
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(j));
      return &parent.back();
    }
    json& slot = parent[key_];
    slot = std::move(j);
    return &slot;
  }
  bool open(json&& j) {
    ++depth_;
    if (depth_ == 1) {
      result_ = std::move(j);
      stack_.push_back(&result_);
    } else if (keep_) {
      stack_.push_back(place(std::move(j)));
    }
    return true;
  }
  bool close() {
    if (depth_ == 1 || keep_) stack_.pop_back();
    --depth_;
    return depth_ != 1 || !done_with_value();
  }
  bool value(json&& j) {
    if (keep_) place(std::move(j));
    return depth_ != 1 || !done_with_value();
  }
  // A top-level value ended: false while more wanted keys may come.
  bool done_with_value() {
    if (keep_ && ++seen_ == kWanted) stopped_early_ = true;
    keep_ = false;
    return stopped_early_;
  }

  json result_;
  std::vector<json*> stack_;
  int depth_ = 0;
  bool keep_ = false;
  int seen_ = 0;
  bool stopped_early_ = false;
  std::string key_;
};

// 64-bit hashes of the visit_ids already evaluated, open addressing: 16 to 32 bytes a visit, where a set of
// strings took ~90. Two ids with one hash (odds about n^2/2^65: 3e-8 for a million visits) would make the
// second a false "reappears" error: visible, never a silent second claim.
class IdHashSet {
 public:
  static std::uint64_t hash(std::string_view id) {
    const std::uint64_t h = std::hash<std::string_view>{}(id);
    return h == 0 ? 1 : h;  // 0 marks an empty slot
  }
  bool contains(std::uint64_t h) const {
    if (slots_.empty()) return false;
    for (std::size_t i = slot(h);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) return false;
    }
  }
  void insert(std::uint64_t h) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    std::size_t i = slot(h);
    while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i] == 0) ++size_;
    slots_[i] = h;
  }

 private:
  std::size_t slot(std::uint64_t h) const { return static_cast<std::size_t>(h ^ (h >> 29)) & (slots_.size() - 1); }
  void grow() {
    std::vector<std::uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), 0);
    size_ = 0;
    for (const std::uint64_t h : old) {
      if (h != 0) insert(h);
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

// A visit split across the file: its visit_id comes again after its visit closed (the window was full). Found by
// the first reading of the input; the second writes the visit as this one error (docs/batch.md, "Visits").
struct SplitVisit {
  long again_line = 0;    // the first line where the id came again
  bool reported = false;  // written as the visit's error (false at the end: the id only shared another's hash)
};
using SplitVisits = std::unordered_map<std::string, SplitVisit>;

std::string split_error(const OpenVisit& v, long again_line, std::size_t window) {
  const std::string n = std::to_string(window);
  return "line " + std::to_string(v.first_line) + ": visit_id " + v.id + " comes again on line " +
         std::to_string(again_line) + ", after " + n + " or more other visits began: no claim for it, since a " +
         "visit's rows must come within " + n + " visits of each other (--max-open-visits " + n + "); sort the " +
         "rows by visit_id, or raise --max-open-visits (0: no limit)";
}

class CsvBatch {
 public:
  // `scanning`: the first reading, which evaluates and writes nothing and only fills `split`.
  CsvBatch(std::FILE* out, std::FILE* err, const CsvOptions& options, SplitVisits& split, bool scanning)
      : out_(out), err_(err), options_(options), writer_(out), split_(split), scanning_(scanning) {
    csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI);
  }
  ~CsvBatch() { csv_free(&parser_); }
  CsvBatch(const CsvBatch&) = delete;
  CsvBatch& operator=(const CsvBatch&) = delete;

  // Reads `in` to its end, copying what it reads to `copy_to` when not null.
  int run(std::FILE* in, std::FILE* copy_to);

 private:
  static void on_field(void* data, std::size_t size, void* self) {
    static_cast<CsvBatch*>(self)->field(static_cast<const char*>(data), size);
  }
  static void on_record_end(int, void* self) { static_cast<CsvBatch*>(self)->record_end(); }

  void feed(std::string_view bytes);
  void feed_lines(std::string_view bytes);
  void feed_line(std::string_view line);
  void field(const char* data, std::size_t size);
  void record_end();
  void bad_record(const std::string& why);
  bool header(const std::vector<std::string>& names);
  void row(const std::vector<std::string>& fields);
  OpenVisit& visit_for(const std::string& id);
  void close_oldest();
  void emit(OpenVisit& v);
  void emit_errors(const OpenVisit& v, const std::vector<std::string>& errors);
  void emit_result(const OpenVisit& v, const json& result);

  std::FILE* out_;
  std::FILE* err_;
  CsvOptions options_;
  CsvWriter writer_;
  csv_parser parser_{};

  // Where the parser is.
  long line_ = 0;          // physical line being fed (1-based; LF, CRLF and CR end a line)
  bool line_open_ = false; // the last part fed did not end its line
  bool cr_ended_read_ = false;  // the last read ended with a CR: an LF first in the next one is the same line end
  long record_line_ = 0;   // line the current record started on
  bool in_record_ = false;
  std::size_t record_bytes_ = 0;
  bool skipping_ = false;  // dropping the rest of a line after a bad record
  bool at_start_ = true;   // a UTF-8 byte order mark may come first
  std::string partial_bom_;
  std::vector<std::string> fields_;

  // What the header said.
  bool have_header_ = false;
  bool fatal_ = false;
  int column_of_[kColumnCount];
  std::size_t column_count_ = 0;

  // Visits whose rows may still come, in order of first appearance.
  std::deque<std::unique_ptr<OpenVisit>> open_;
  std::unordered_map<std::string, OpenVisit*> by_id_;
  IdHashSet closed_;  // the visit_ids already evaluated (only when the window can close visits early)
  SplitVisits& split_;
  bool scanning_;
  OpenVisit sink_;  // where the rows of a split visit go after its visit closed
  int status_ = 0;
};

int CsvBatch::run(std::FILE* in, std::FILE* copy_to) {
  char buffer[1 << 16];
  std::size_t n;
  while (!fatal_ && (n = std::fread(buffer, 1, sizeof buffer, in)) > 0) {
    if (copy_to != nullptr && std::fwrite(buffer, 1, n, copy_to) != n) {
      std::fprintf(err_, "unitwise: cannot keep a copy of the CSV input to read it twice: %s (give a file, or use "
                   "--max-open-visits 0)\n", std::strerror(errno));
      return 2;
    }
    feed(std::string_view(buffer, n));
    if (std::ferror(out_)) break;
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
    std::fprintf(err_, "unitwise: the CSV input is empty: it needs a header row (%s, ...)\n", kColumnNames[0]);
    return 2;
  }
  while (!open_.empty() && !std::ferror(out_)) close_oldest();
  for (const auto& [id, split] : split_) {
    if (scanning_ || split.reported) continue;
    OpenVisit v;  // an id whose 64-bit hash equals an earlier visit's (odds ~n^2/2^65): visible, never dropped
    v.id = id;
    emit_errors(v, {"line " + std::to_string(split.again_line) + ": visit_id " + id + " cannot be told apart from " +
                    "an earlier visit's id (a one-in-billions clash): rename it, or use --max-open-visits 0"});
  }
  if (std::fflush(out_) != 0 || std::ferror(out_)) {
    std::fprintf(err_, "unitwise: cannot write the output: %s\n", std::strerror(errno));
    return 2;
  }
  return status_;
}

void CsvBatch::feed(std::string_view bytes) {
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
void CsvBatch::feed_lines(std::string_view bytes) {
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
void CsvBatch::feed_line(std::string_view part) {
  const bool starts_line = !in_record_ && !skipping_ &&
                           part.find_first_not_of("\r\n") != std::string_view::npos;
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
    bad_record("malformed CSV quoting: a quote inside an unquoted field, or text after a closing quote "
               "(RFC 4180: quote the whole field and double the quotes inside it)");
    skipping_ = !ends_line;
  }
}

void CsvBatch::field(const char* data, std::size_t size) {
  if (!in_record_) {  // a record after a bare CR on the same line
    in_record_ = true;
    record_line_ = line_;
    record_bytes_ = 0;
  }
  fields_.emplace_back(data, size);
}

void CsvBatch::record_end() {
  in_record_ = false;
  std::vector<std::string> fields = std::move(fields_);
  fields_.clear();
  if (fatal_) return;
  // A row of empty fields (",,,,," as spreadsheets export past the last row) is a blank line.
  if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); })) return;
  if (!have_header_) {
    have_header_ = true;
    fatal_ = !header(fields);
    return;
  }
  row(fields);
}

// A record libcsv could not read: an error row for its visit when its visit_id was read, else its own.
void CsvBatch::bad_record(const std::string& why) {
  std::string id;
  if (have_header_ && static_cast<std::size_t>(column_of_[kVisitId]) < fields_.size()) {
    id = fields_[static_cast<std::size_t>(column_of_[kVisitId])];
  }
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
  OpenVisit& v = visit_for(id);
  v.errors.push_back(message);
}

bool CsvBatch::header(const std::vector<std::string>& names) {
  for (int& c : column_of_) c = -1;
  column_count_ = names.size();
  std::string problems;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string name;
    for (const char c : names[i]) name += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    int found = -1;
    for (int c = 0; c < kColumnCount; ++c) {
      if (name == kColumnNames[c]) found = c;
    }
    if (found < 0) {
      problems += "; unknown column \"" + names[i] + "\"";
    } else if (column_of_[found] >= 0) {
      problems += "; column " + name + " appears twice";
    } else {
      column_of_[found] = static_cast<int>(i);
    }
  }
  std::string missing;
  for (int c = 0; c < kRequiredColumns; ++c) {
    if (column_of_[c] < 0) missing += std::string(missing.empty() ? "" : ", ") + kColumnNames[c];
  }
  if (!missing.empty()) problems += "; missing column(s) " + missing;
  if (problems.empty()) return true;
  std::string known;
  for (const char* c : kColumnNames) known += std::string(known.empty() ? "" : ", ") + c;
  std::fprintf(err_, "unitwise: line %ld: bad CSV header%s (columns: %s; the first six are required)\n",
               record_line_, problems.c_str() + 1, known.c_str());
  return false;
}

void CsvBatch::row(const std::vector<std::string>& fields) {
  const std::string where = "line " + std::to_string(record_line_) + ": ";
  const auto cell = [&](int column) -> const std::string& {
    static const std::string empty;
    const int i = column_of_[column];
    return i >= 0 && static_cast<std::size_t>(i) < fields.size() ? fields[static_cast<std::size_t>(i)] : empty;
  };
  const std::string& id = cell(kVisitId);
  if (fields.size() != column_count_) {
    visit_for(id).errors.push_back(where + std::to_string(fields.size()) + " fields, but the header has " +
                                   std::to_string(column_count_));
    return;
  }
  OpenVisit& v = visit_for(id);
  if (id.empty()) {
    v.errors.push_back(where + "visit_id is empty");
    return;
  }
  const auto visit_field = [&](int column, VisitField& f) {
    const std::string& value = cell(column);
    if (value.empty()) return;
    if (f.line == 0) {
      f.value = value;
      f.line = record_line_;
    } else if (f.value != value) {
      v.errors.push_back(where + kColumnNames[column] + " \"" + value + "\" conflicts with \"" + f.value +
                         "\" on line " + std::to_string(f.line) + " of the same visit");
    }
  };
  // A blank date is this row's error, not filled from the visit's other rows: the row may belong to another day.
  if (cell(kDate).empty()) v.errors.push_back(where + "date_of_service is empty: every row needs its visit's date");
  visit_field(kDate, v.date);
  visit_field(kDiscipline, v.discipline);
  visit_field(kLocality, v.locality);
  visit_field(kSetting, v.setting);
  for (const int future : {kPayer, kPlaceOfService, kDistinctService}) {
    if (!cell(future).empty()) {
      v.errors.push_back(where + kColumnNames[future] + " is not supported yet: unitwise does not model it, " +
                         "and guessing would misstate the claim (leave the column empty)");
    }
  }
  if (v.services.size() < kMaxServiceRows) {
    v.services.push_back({record_line_, cell(kCode), cell(kMinutes), cell(kAssistantMinutes), cell(kDays)});
  } else if (!v.too_many_rows) {
    v.too_many_rows = true;
    v.errors.push_back(where + "more than " + std::to_string(kMaxServiceRows) + " service rows for one visit");
  }
}

// The open visit of `id`, opened (and the oldest one closed, when the window is full) if need be.
OpenVisit& CsvBatch::visit_for(const std::string& id) {
  if (!id.empty()) {
    const auto it = by_id_.find(id);
    if (it != by_id_.end()) return *it->second;
    if (closed_.contains(IdHashSet::hash(id))) {  // a visit split across the file: its rows are read into nothing
      if (scanning_) split_.try_emplace(id, SplitVisit{record_line_});
      sink_ = OpenVisit{};
      return sink_;
    }
  }
  if (options_.max_open_visits > 0) {
    while (open_.size() >= options_.max_open_visits) close_oldest();
  }
  auto v = std::make_unique<OpenVisit>();
  v->id = id;
  v->first_line = record_line_;
  v->keyed = !id.empty();
  if (v->keyed) by_id_[id] = v.get();
  open_.push_back(std::move(v));
  return *open_.back();
}

void CsvBatch::close_oldest() {
  std::unique_ptr<OpenVisit> v = std::move(open_.front());
  open_.pop_front();
  if (v->keyed) {
    by_id_.erase(v->id);
    if (options_.max_open_visits > 0) closed_.insert(IdHashSet::hash(v->id));
  }
  emit(*v);
}

void CsvBatch::emit(OpenVisit& v) {
  if (scanning_) return;
  if (v.keyed && !split_.empty()) {
    const auto split = split_.find(v.id);
    if (split != split_.end()) {
      split->second.reported = true;
      emit_errors(v, {split_error(v, split->second.again_line, options_.max_open_visits)});
      return;
    }
  }
  if (!v.errors.empty()) {
    emit_errors(v, v.errors);
    return;
  }
  const std::string result_text = unitwise::evaluate_json(visit_json(v), *options_.data);
  ResultReader reader;
  const bool parsed = json::sax_parse(result_text, &reader) || reader.stopped_early();
  const json& result = reader.result();
  if (!parsed) {
    emit_errors(v, {"line " + std::to_string(v.first_line) + ": " + kEngineResultNotJson});
    return;
  }
  if (result.value("ok", false)) {
    emit_result(v, result);
    return;
  }
  std::vector<std::string> errors;
  for (const json& e : items(result, "errors")) errors.push_back(located_error(v, str(e, "path"), str(e, "message")));
  if (errors.empty()) errors.push_back("line " + std::to_string(v.first_line) + ": " + kEngineFoundNoError);
  emit_errors(v, errors);
}

// One row per error: the visit_id and the error, the claim-line columns empty.
void CsvBatch::emit_errors(const OpenVisit& v, const std::vector<std::string>& errors) {
  status_ = 1;
  for (const std::string& e : errors) {
    writer_.field(v.id);
    for (int i = 0; i < 7; ++i) writer_.field("");
    writer_.field(e);
    writer_.end_row();
  }
}

void CsvBatch::emit_result(const OpenVisit& v, const json& result) {
  // A denied line is not a claim line (docs/rules.md §D): it is left out, and named on the visit's first row.
  std::vector<const json*> lines;
  std::vector<std::string> denied;
  for (const json& line : items(result, "lines")) {
    const std::string reason = str(line, "denied");
    if (reason.empty()) lines.push_back(&line);
    else denied.push_back("denied " + str(line, "code") + ": " + reason);
  }
  // Edits go on the first line of the code they concern (the visit's first row when that code is denied);
  // warning ids (once each) on the visit's first row.
  std::vector<std::vector<std::string>> edits(std::max<std::size_t>(lines.size(), 1));
  for (const json& e : items(result, "edits")) {
    std::size_t at = 0;
    bool placed = false;
    for (const std::string& code : edit_codes(e)) {
      for (std::size_t i = 0; i < lines.size() && !placed; ++i) {
        if (str(*lines[i], "code") == code) {
          at = i;
          placed = true;
        }
      }
      if (placed) break;
    }
    edits[at].push_back(edit_text(e));
  }
  for (std::string& d : denied) edits[0].push_back(std::move(d));
  // Warnings a biller acts on (severity warning or error); info notes stay in the JSON result.
  std::vector<std::string> warnings;
  for (const json& w : items(result, "warnings")) {
    if (str(w, "severity") == "info") continue;
    const std::string code = str(w, "code");
    if (std::find(warnings.begin(), warnings.end(), code) == warnings.end()) warnings.push_back(code);
  }
  if (lines.empty()) {  // every line denied: one row with no claim line, for the edits and warnings
    writer_.field(v.id);
    for (int i = 0; i < 5; ++i) writer_.field("");
    writer_.field(join(edits[0], "; "));
    writer_.field(join(warnings, "; "));
    writer_.field("");
    writer_.end_row();
    return;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json& line = *lines[i];
    writer_.field(v.id);
    writer_.field(std::to_string(i + 1));
    writer_.field(str(line, "code"));
    writer_.field(str(line, "units"));
    std::vector<std::string> modifiers;
    for (const json& m : items(line, "modifiers")) modifiers.push_back(m.is_string() ? m.get<std::string>() : "?");
    writer_.field(join(modifiers, " "));
    char allowed[32] = "";
    const auto money = line.find("allowed");
    if (money != line.end() && money->is_number()) std::snprintf(allowed, sizeof allowed, "%.2f", money->get<double>());
    writer_.field(allowed);
    writer_.field(join(edits[i], "; "));
    writer_.field(i == 0 ? join(warnings, "; ") : std::string());
    writer_.field("");
    writer_.end_row();
  }
}

constexpr const char* kCsvUsage =
    "usage: unitwise evaluate [--data DIR]... --csv [FILE|-] [--max-open-visits N]\n"
    "  service rows (visit_id,date_of_service,discipline,code,minutes,assistant_minutes[,locality,setting,days])\n"
    "  in, claim lines (visit_id,line,code,units,modifiers,allowed,edits,warnings,errors) out; docs/batch.md\n";

}  // namespace

int evaluate_csv(std::FILE* in, std::FILE* out, std::FILE* err, const CsvOptions& options) {
  static char out_buffer[1 << 16];
  if (out == stdout) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  {
    CsvWriter header(out);
    for (const char* name : {"visit_id", "line", "code", "units", "modifiers", "allowed", "edits", "warnings", "errors"}) {
      header.field(name);
    }
    header.end_row();
  }
  SplitVisits split;
  if (options.max_open_visits == 0) {  // no visit closes before the end: none can be split
    CsvBatch batch(out, err, options, split, false);
    return batch.run(in, nullptr);
  }
  // With a window, the input is read twice (docs/batch.md, "Memory"): the first reading finds the visits split across
  // the file, so that the second writes each as one error and never a partial claim. A pipe is copied to a
  // temporary file for the second reading.
  const long start = std::ftell(in);
  std::FILE* spool = nullptr;
  if (start < 0 || std::fseek(in, start, SEEK_SET) != 0) {
    spool = std::tmpfile();
    if (spool == nullptr) {
      std::fprintf(err, "unitwise: cannot keep a copy of the CSV input to read it twice: %s (give a file, or use "
                   "--max-open-visits 0)\n", std::strerror(errno));
      return 2;
    }
  }
  const auto done = [&](int status) {
    if (spool != nullptr) std::fclose(spool);
    return status;
  };
  if (CsvBatch(out, err, options, split, true).run(in, spool) == 2) return done(2);
  if (spool != nullptr ? std::fflush(spool) != 0 || std::fseek(spool, 0, SEEK_SET) != 0
                       : std::fseek(in, start, SEEK_SET) != 0) {
    std::fprintf(err, "unitwise: cannot read the CSV input a second time: %s\n", std::strerror(errno));
    return done(2);
  }
  return done(CsvBatch(out, err, options, split, false).run(spool != nullptr ? spool : in, nullptr));
}

int evaluate_csv_command(int argc, char** argv, const unitwise::ReferenceData& data) {
  CsvOptions options;
  options.data = &data;
  const char* path = nullptr;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--csv") continue;
    if (arg == "--max-open-visits" && i + 1 < argc) {
      char* end = nullptr;
      errno = 0;
      const unsigned long long n = std::strtoull(argv[++i], &end, 10);
      if (errno != 0 || end == argv[i] || *end != '\0' || argv[i][0] == '-') {
        std::fprintf(stderr, "unitwise: --max-open-visits needs a whole number (0: no limit)\n%s", kCsvUsage);
        return 2;
      }
      options.max_open_visits = static_cast<std::size_t>(n);
    } else if (path == nullptr && (arg == "-" || arg.substr(0, 1) != "-")) {
      path = argv[i];
    } else {
      std::fprintf(stderr, "unitwise: unexpected argument %s\n%s", argv[i], kCsvUsage);
      return 2;
    }
  }
  std::FILE* in = path == nullptr || std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "unitwise: cannot read %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  const int status = evaluate_csv(in, stdout, stderr, options);
  if (in != stdin) std::fclose(in);
  return status;
}

}  // namespace unitwise_cli
