// Writing the claim-line CSV (docs/batch.md, "Output"): one row per claim line, edits on the line they concern.
#include "claim_writer.h"

#include <csv.h>

#include <algorithm>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <utility>

#include "clinician_days.h"
#include "evaluate_csv.h"
#include "unitwise/unitwise.h"
#include "visit_builder.h"

namespace unitwise_cli::csv {
namespace {

using nlohmann::json;

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

void write_result(CsvWriter& writer, const OpenVisit& v, const json& result) {
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
    writer.field(v.id);
    for (int i = 0; i < 5; ++i) writer.field("");
    writer.field(join(edits[0], "; "));
    writer.field(join(warnings, "; "));
    writer.field("");
    writer.field("");
    writer.end_row();
    return;
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const json& line = *lines[i];
    writer.field(v.id);
    writer.field(std::to_string(i + 1));
    writer.field(str(line, "code"));
    writer.field(str(line, "units"));
    std::vector<std::string> modifiers;
    for (const json& m : items(line, "modifiers")) modifiers.push_back(m.is_string() ? m.get<std::string>() : "?");
    writer.field(join(modifiers, " "));
    char allowed[32] = "";
    const auto money = line.find("allowed");
    if (money != line.end() && money->is_number()) std::snprintf(allowed, sizeof allowed, "%.2f", money->get<double>());
    writer.field(allowed);
    writer.field(join(edits[i], "; "));
    writer.field(i == 0 ? join(warnings, "; ") : std::string());
    writer.field("");
    std::vector<std::string> pointers;  // the line's diagnosis pointers, as the claim form's item 24E
    for (const json& p : items(line, "diagnosisPointers")) pointers.push_back(p.is_number_integer() ? p.dump() : "?");
    writer.field(join(pointers, " "));
    writer.end_row();
  }
}

}  // namespace

void CsvWriter::field(std::string_view s) {
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

void CsvWriter::end_row() {
  std::fputc('\n', out_);
  first_ = true;
}

void ClaimWriter::write_header(std::FILE* out) {
  CsvWriter header(out);
  for (const char* name : kClaimColumns) {
    header.field(name);
  }
  header.end_row();
}

void ClaimWriter::write_visit(const OpenVisit& v) {
  if (!v.errors.empty()) {
    write_errors(v, v.errors);
    return;
  }
  const std::string result_text = unitwise::evaluate_json(visit_json(v), data_);
  ResultReader reader;
  const bool parsed = json::sax_parse(result_text, &reader) || reader.stopped_early();
  const json& result = reader.result();
  if (!parsed) {
    write_errors(v, {"line " + std::to_string(v.first_line) + ": " + kEngineResultNotJson});
    return;
  }
  if (result.value("ok", false)) {
    write_result(writer_, v, result);
    if (days_ != nullptr) {
      std::vector<std::string> billed;  // the codes of the claim lines: a denied line is none
      for (const json& line : items(result, "lines")) {
        if (str(line, "denied").empty()) billed.push_back(str(line, "code"));
      }
      days_->add(v, billed);
    }
    return;
  }
  std::vector<std::string> errors;
  for (const json& e : items(result, "errors")) errors.push_back(located_error(v, str(e, "path"), str(e, "message")));
  if (errors.empty()) errors.push_back("line " + std::to_string(v.first_line) + ": " + kEngineFoundNoError);
  write_errors(v, errors);
}

void ClaimWriter::write_errors(const OpenVisit& v, const std::vector<std::string>& errors) {
  status_ = 1;
  for (const std::string& e : errors) {
    writer_.field(v.id);
    for (int i = 0; i < 7; ++i) writer_.field("");
    writer_.field(e);
    writer_.field("");
    writer_.end_row();
  }
}

}  // namespace unitwise_cli::csv
