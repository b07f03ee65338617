// Building visits from service rows (docs/batch.md, "Visits"): cells into a visit, a visit into the engine's JSON.
#include "visit_builder.h"

#include "fill_message.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace unitwise_cli::csv {
namespace {

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

// The CSV column a visit JSON key came from ("diagnoses/1": the diagnoses column).
std::string_view column_of_key(std::string_view key) {
  key = key.substr(0, key.find('/'));
  if (key == "dateOfService") return "date_of_service";
  if (key == "assistantMinutes") return "assistant_minutes";
  if (key == "diagnosisPointers") return "diagnosis_pointers";
  return key;
}

// A list cell ("M54.50; R26.89", "2 1") as its items: split at semicolons, commas and spaces.
std::vector<std::string_view> list_items(std::string_view cell) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < cell.size()) {
    const std::size_t end = cell.find_first_of(";, \t", i);
    if (end != i) out.push_back(cell.substr(i, end == std::string_view::npos ? end : end - i));
    if (end == std::string_view::npos) break;
    i = end + 1;
  }
  return out;
}

}  // namespace

void add_row(OpenVisit& v, const Columns& columns, const std::vector<std::string>& fields, long line, DateOrder order) {
  const std::string where = "line " + std::to_string(line) + ": ";
  const auto cell = [&](int column) -> const std::string& { return columns.cell(fields, column); };
  if (fields.size() != columns.count()) {
    v.errors.push_back(where + fill_message(kFieldCountMessage, {{"fields", std::to_string(fields.size())},
                                                                 {"count", std::to_string(columns.count())}}));
    return;
  }
  if (cell(kVisitId).empty()) {
    v.errors.push_back(where + kEmptyVisitIdMessage);
    return;
  }
  // `value` as the engine gets it; two rows of a visit conflict when their values differ, and are named as written.
  const auto visit_field = [&](int column, VisitField& f, const std::string& value) {
    const std::string& text = cell(column);
    if (text.empty()) return;
    if (f.line == 0) {
      f.value = value;
      f.text = text;
      f.line = line;
    } else if (f.value != value) {
      v.errors.push_back(where + fill_message(kConflictMessage, {{"column", kColumnNames[column]},
                                                                 {"value", text},
                                                                 {"first_value", f.text},
                                                                 {"first_line", std::to_string(f.line)}}));
    }
  };
  // A blank date is this row's error, not filled from the visit's other rows: the row may belong to another day.
  if (cell(kDateOfService).empty()) v.errors.push_back(where + kEmptyDateMessage);
  const DateCell date = read_date(cell(kDateOfService), order);
  if (!date.error.empty()) v.errors.push_back(where + date.error);
  else visit_field(kDateOfService, v.date, date.value);
  visit_field(kDiscipline, v.discipline, read_discipline(cell(kDiscipline)));
  visit_field(kLocality, v.locality, cell(kLocality));
  visit_field(kSetting, v.setting, cell(kSetting));
  visit_field(kDiagnoses, v.diagnoses, cell(kDiagnoses));
  for (const Column future : kUnsupportedColumns) {
    if (!cell(future).empty())
      v.errors.push_back(where + fill_message(kUnsupportedMessage, {{"column", kColumnNames[future]}}));
  }
  if (v.services.size() < kMaxServiceRows) {
    v.services.push_back({line, cell(kCode), cell(kMinutes), cell(kAssistantMinutes), cell(kDays),
                          cell(kDiagnosisPointers), cell(kClinician)});
  } else if (!v.too_many_rows) {
    v.too_many_rows = true;
    v.errors.push_back(where + fill_message(kTooManyRowsMessage, {{"max", std::to_string(kMaxServiceRows)}}));
  }
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
  // Diagnoses as typed, each an item of the list (the engine checks their form and names a bad one by position).
  if (v.diagnoses.line != 0) {
    out += ",\"diagnoses\":[";
    const auto codes = list_items(v.diagnoses.value);
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (i > 0) out += ',';
      append_json_string(out, codes[i]);
    }
    out += ']';
  }
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
    if (!s.diagnosis_pointers.empty()) {
      out += ",\"diagnosisPointers\":[";
      const auto pointers = list_items(s.diagnosis_pointers);
      for (std::size_t k = 0; k < pointers.size(); ++k) {
        if (k > 0) out += ',';
        append_json_number_cell(out, pointers[k]);
      }
      out += ']';
    }
    out += '}';
  }
  out += "],\"options\":{\"trace\":false}}";  // claim lines need no trace: a third less engine time
  return out;
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
    const std::string_view key = rest.substr(0, rest.find('/'));
    const VisitField* f = key == "dateOfService" ? &v.date
                          : key == "discipline"  ? &v.discipline
                          : key == "locality"    ? &v.locality
                          : key == "setting"     ? &v.setting
                          : key == "diagnoses"   ? &v.diagnoses
                                                 : nullptr;
    if (f != nullptr && f->line != 0) line = f->line;
  }
  std::string out = "line " + std::to_string(line) + ": ";
  if (!column.empty()) {
    out.append(column);
    out += ' ';
  }
  // The engine's messages name its JSON keys; the user reads the CSV's columns (web/file/file-batch.js alike).
  std::string said = message;
  for (const std::string_view key : {"dateOfService", "assistantMinutes", "diagnosisPointers"}) {
    for (std::size_t at = said.find(key); at != std::string::npos; at = said.find(key, at)) {
      const std::string_view name = column_of_key(key);
      said.replace(at, key.size(), name);
      at += name.size();
    }
  }
  return out + said;
}

}  // namespace unitwise_cli::csv
