// The data pack format (docs/data.md): manifest.json names each table's kind, release, effective date and
// sha256; each table is a CSV with a fixed header. Reading checks everything and names file and line.
#include <algorithm>
#include <map>
#include <tuple>
#include <nlohmann/json.hpp>
#include <type_traits>

#include "base/flat_json.h"
#include "base/csv_reader.h"
#include "base/fixed_point.h"
#include "base/sha256.h"
#include "base/utf8.h"
#include "unitwise/data_limits.h"
#include "unitwise/reference.h"

namespace unitwise {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "unitwise-data-pack";
constexpr int kFormatVersion = 1;
constexpr std::size_t kMaxErrors = 20;         // enough to fix a file; bounds the report

// The header of each table kind's CSV, in order. One source of truth for writer and reader.
const char* header(TableKind kind) {
  switch (kind) {
    case TableKind::Rvu: return "code,status,work,pe_nonfac,nonfac_pe_na,pe_fac,fac_pe_na,mp,mult_proc";
    case TableKind::ConversionFactor: return "kind,value";
    case TableKind::Gpci: return "mac,locality,state,name,work,pe,mp";
    case TableKind::Locality: return "mac,locality,state,area,counties";
    case TableKind::Mue: return "code,value,mai,rationale";
    case TableKind::Ncci: return "column1,column2,effective,deleted,modifier_indicator,rationale";
    case TableKind::Threshold: return "kind,amount";
    case TableKind::TelehealthCode: return "code,evidence";
    case TableKind::TelehealthPeriod: return "from,through,authority";
  }
  return "";
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_line(std::initializer_list<std::string> fields) {
  std::string out;
  for (const auto& f : fields) out += (out.empty() ? "" : ",") + csv_field(f);
  return out + "\n";
}

std::string date_or_blank(DateKey d) { return d == 0 ? "" : iso_date(d); }
std::string na(bool flag) { return flag ? "NA" : ""; }

std::string row_text(const RvuRow& r) {
  return csv_line({r.code, std::string(1, r.status), fixed_text(r.work, 2), fixed_text(r.pe_nonfac, 2), na(r.nonfac_pe_na),
                   fixed_text(r.pe_fac, 2), na(r.fac_pe_na), fixed_text(r.mp, 2), std::to_string(r.mult_proc)});
}
std::string row_text(const ConversionFactorRow& r) {
  return csv_line({r.qualifying_apm ? "qp" : "non_qp", fixed_text(r.value, 4)});
}
std::string row_text(const GpciRow& r) {
  return csv_line({r.mac, r.locality, r.state, r.name, fixed_text(r.work, 3), fixed_text(r.pe, 3), fixed_text(r.mp, 3)});
}
std::string row_text(const LocalityRow& r) {
  const std::size_t dash = r.id.find('-');
  return csv_line({r.id.substr(0, dash), r.id.substr(dash + 1), r.state, r.area, r.counties});
}
std::string row_text(const MueRow& r) {
  return csv_line({r.code, std::to_string(r.value), std::to_string(r.mai), r.rationale});
}
std::string row_text(const NcciRow& r) {
  return csv_line({r.column1, r.column2, date_or_blank(r.effective), date_or_blank(r.deleted),
                   std::string(1, r.modifier_indicator), r.rationale});
}
std::string row_text(const TelehealthCodeRow& r) { return csv_line({r.code, r.evidence}); }
std::string row_text(const TelehealthPeriodRow& r) { return csv_line({iso_date(r.from), iso_date(r.through), r.authority}); }
std::string row_text(const ThresholdRow& r) {
  return csv_line({r.kind == ThresholdKind::Kx ? "kx" : "medical_review", fixed_text(r.amount, 2)});
}

template <class Row>
void write_tables(const std::vector<Table<Row>>& tables, std::vector<PackFile>& files, json& manifest) {
  for (const auto& t : tables) {
    std::string text = std::string(header(t.release.kind)) + "\n";
    for (const Row& row : t.rows) text += row_text(row);
    std::string file = std::string(to_string(t.release.kind)) + "-" + iso_date(t.release.effective) + ".csv";
    for (int n = 2; std::any_of(files.begin(), files.end(), [&](const PackFile& f) { return f.name == file; }); ++n) {
      file = std::string(to_string(t.release.kind)) + "-" + iso_date(t.release.effective) + "-" + std::to_string(n) + ".csv";
    }
    json entry = {{"kind", to_string(t.release.kind)},
                  {"file", file},
                  {"name", t.release.name},
                  {"effective", iso_date(t.release.effective)},
                  {"year", t.release.year},
                  {"rows", t.rows.size()},
                  {"sha256", sha256_hex(text)}};
    if (t.release.edition != 0) entry["edition"] = iso_date(t.release.edition);
    manifest["tables"].push_back(std::move(entry));
    files.push_back({file, std::move(text)});
  }
}

// Reading: a checker per table that turns fields into a row or reports the first bad field.
class RowReader {
 public:
  RowReader(const std::string& file, std::vector<DataError>& errors) : file_(file), errors_(errors) {}
  std::size_t line = 0;

  bool fail(const std::string& message) {
    if (errors_.size() < kMaxErrors) errors_.push_back({file_, line, message});
    return false;
  }
  bool code(const std::string& s, const char* what, std::string& out) {
    const bool ok = s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    });
    if (!ok) return fail(std::string(what) + " must be a 5-character code of digits and capitals, not \"" + s.substr(0, 12) + "\"");
    out = s;
    return true;
  }
  template <class Int>
  bool fixed(const std::string& s, int decimals, const char* what, Int& out, std::int64_t high) {
    const auto v = parse_fixed(s, decimals);
    if (!v || *v < 0 || *v > high) {
      return fail(std::string(what) + " must be a number from 0 with at most " + std::to_string(decimals) +
                  " decimals, not \"" + s.substr(0, 12) + "\"");
    }
    out = static_cast<Int>(*v);
    return true;
  }
  bool flag(const std::string& s, const char* what, bool& out) {
    if (s != "" && s != "NA") return fail(std::string(what) + " must be empty or NA");
    out = s == "NA";
    return true;
  }
  bool date(const std::string& s, const char* what, DateKey& out) {
    if (s.empty()) {
      out = 0;
      return true;
    }
    const auto d = parse_iso_date(s);
    if (!d) return fail(std::string(what) + " must be empty or a date written YYYY-MM-DD");
    out = *d;
    return true;
  }
  bool text(const std::string& s, const char* what, std::string& out, std::size_t max = kMaxNameChars) {
    if (s.size() > max) return fail(std::string(what) + " is longer than " + std::to_string(max) + " characters");
    out = s;
    return true;
  }

 private:
  const std::string& file_;
  std::vector<DataError>& errors_;
};

bool parse_row(RowReader& r, const std::vector<std::string>& f, RvuRow& row) {
  if (!r.code(f[0], "code", row.code)) return false;
  if (f[1].size() != 1 || f[1][0] < 'A' || f[1][0] > 'Z') return r.fail("status must be one capital letter");
  row.status = f[1][0];
  return r.fixed(f[2], 2, "work", row.work, kMaxRvu) && r.fixed(f[3], 2, "pe_nonfac", row.pe_nonfac, kMaxRvu) &&
         r.flag(f[4], "nonfac_pe_na", row.nonfac_pe_na) && r.fixed(f[5], 2, "pe_fac", row.pe_fac, kMaxRvu) &&
         r.flag(f[6], "fac_pe_na", row.fac_pe_na) && r.fixed(f[7], 2, "mp", row.mp, kMaxRvu) &&
         r.fixed(f[8], 0, "mult_proc", row.mult_proc, kMaxMultProc);
}
bool parse_row(RowReader& r, const std::vector<std::string>& f, ConversionFactorRow& row) {
  if (f[0] != "non_qp" && f[0] != "qp") return r.fail("kind must be non_qp or qp");
  row.qualifying_apm = f[0] == "qp";
  return r.fixed(f[1], 4, "value", row.value, kMaxConversionFactor) && (row.value > 0 || r.fail("value must be above 0"));
}
// A locality's two keys, as CMS numbers them: its contractor (MAC, up to 5 digits) and its locality within it
// (up to 2). Digits only, so the joined id ("01112-05") splits back into the same two.
bool mac_and_locality(RowReader& r, const std::string& mac, const std::string& locality) {
  const auto digits = [](const std::string& s, std::size_t max) {
    return !s.empty() && s.size() <= max && s.find_first_not_of("0123456789") == std::string::npos;
  };
  return (digits(mac, 5) && digits(locality, 2)) || r.fail("mac (up to 5 digits) and locality (up to 2 digits) are required");
}

bool parse_row(RowReader& r, const std::vector<std::string>& f, GpciRow& row) {
  if (!mac_and_locality(r, f[0], f[1])) return false;
  row.mac = f[0];
  row.locality = f[1];
  row.id = f[0] + "-" + f[1];
  return r.text(f[2], "state", row.state, kMaxGpciStateChars) && r.text(f[3], "name", row.name) &&
         r.fixed(f[4], 3, "work", row.work, kMaxGpci) && r.fixed(f[5], 3, "pe", row.pe, kMaxGpci) &&
         r.fixed(f[6], 3, "mp", row.mp, kMaxGpci);
}
bool parse_row(RowReader& r, const std::vector<std::string>& f, LocalityRow& row) {
  if (!mac_and_locality(r, f[0], f[1])) return false;
  row.id = f[0] + "-" + f[1];
  return r.text(f[2], "state", row.state, kMaxLocalityStateChars) && r.text(f[3], "area", row.area) &&
         r.text(f[4], "counties", row.counties, kMaxCountiesChars);
}
bool parse_row(RowReader& r, const std::vector<std::string>& f, MueRow& row) {
  if (!r.code(f[0], "code", row.code) || !r.fixed(f[1], 0, "value", row.value, kMaxMueValue)) return false;
  if (f[2] != "1" && f[2] != "2" && f[2] != "3") return r.fail("mai must be 1, 2 or 3");
  row.mai = f[2][0] - '0';
  return r.text(f[3], "rationale", row.rationale);
}
bool parse_row(RowReader& r, const std::vector<std::string>& f, NcciRow& row) {
  if (!r.code(f[0], "column1", row.column1) || !r.code(f[1], "column2", row.column2)) return false;
  if (!r.date(f[2], "effective", row.effective) || !r.date(f[3], "deleted", row.deleted)) return false;
  if (f[4] != "0" && f[4] != "1" && f[4] != "9") return r.fail("modifier_indicator must be 0, 1 or 9");
  row.modifier_indicator = f[4][0];
  return r.text(f[5], "rationale", row.rationale);
}
bool parse_row(RowReader& r, const std::vector<std::string>& f, ThresholdRow& row) {
  if (f[0] != "kx" && f[0] != "medical_review") return r.fail("kind must be kx or medical_review");
  row.kind = f[0] == "kx" ? ThresholdKind::Kx : ThresholdKind::MedicalReview;
  return r.fixed(f[1], 2, "amount", row.amount, 100000000);
}

bool parse_row(RowReader& r, const std::vector<std::string>& f, TelehealthCodeRow& row) {
  return r.code(f[0], "code", row.code) && r.text(f[1], "evidence", row.evidence, kMaxEvidenceChars);
}
bool parse_row(RowReader& r, const std::vector<std::string>& f, TelehealthPeriodRow& row) {
  if (f[0].empty() || f[1].empty()) return r.fail("from and through are required dates");
  if (!r.date(f[0], "from", row.from) || !r.date(f[1], "through", row.through)) return false;
  if (row.through < row.from) return r.fail("through is before from");
  return r.text(f[2], "authority", row.authority, kMaxEvidenceChars);
}

// The CSV walk every table kind shares (header, blank lines, row limit, field count), written once rather
// than once per row type (issue 16: each copy was ~2 KB of wasm). add_row parses one row into `rows`.
// `rows` is a RowSink<Row>: the rows and the line of each key seen, so a repeated key names both lines.
using AddRow = bool (*)(RowReader&, const std::vector<std::string>&, void* rows);

bool read_rows(const PackFile& file, TableKind kind, AddRow add_row, void* rows, std::size_t& added,
               std::vector<DataError>& errors) {
  CsvReader csv(file.text);
  RowReader reader(file.name, errors);
  std::vector<std::string> fields;
  const std::size_t before = errors.size();
  if (!csv.next(fields)) {
    errors.push_back({file.name, 1, "is empty; expected the header " + std::string(header(kind))});
    return false;
  }
  std::string got;
  for (const auto& f : fields) got += (got.empty() ? "" : ",") + f;
  if (got != header(kind)) {
    // Shown with its bytes outside printable ASCII as \xNN, so a stray byte order mark is seen, not hidden.
    std::string shown;
    for (char c : got.substr(0, 120)) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && u < 0x7f) shown += c;
      else shown += "\\x" + std::string(1, "0123456789abcdef"[u >> 4]) + "0123456789abcdef"[u & 15];
    }
    errors.push_back({file.name, 1, "the header must be " + std::string(header(kind)) + ", not " + shown});
    return false;
  }
  const std::size_t columns = fields.size();
  added = 0;
  while (csv.next(fields)) {
    reader.line = csv.line();
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    if (added >= kMaxTableRows) {
      reader.fail("more than " + std::to_string(kMaxTableRows) + " rows");
      break;
    }
    if (fields.size() != columns) {
      reader.fail("has " + std::to_string(fields.size()) + " fields; the header has " + std::to_string(columns));
      continue;
    }
    if (add_row(reader, fields, rows)) ++added;
  }
  if (csv.malformed()) errors.push_back({file.name, csv.line(), "a quoted field is never closed"});
  return errors.size() == before;
}

// What must not repeat within one table, and its name in messages: one row per code, locality, pair or kind,
// or a lookup would silently take one of two.
std::string row_key(const RvuRow& r) { return r.code; }
std::string row_key(const ConversionFactorRow& r) { return r.qualifying_apm ? "qp" : "non_qp"; }
std::string row_key(const GpciRow& r) { return r.id; }
std::string row_key(const LocalityRow& r) { return r.id; }
std::string row_key(const MueRow& r) { return r.code; }
// A pair may come back after a deletion (v301r0 has 92507/97110 deleted 2019-12-31 and active again): one row per
// pair and period.
std::string row_key(const NcciRow& r) {
  return r.column1 + "/" + r.column2 + " (effective " + date_or_blank(r.effective) + ", deleted " + date_or_blank(r.deleted) + ")";
}
std::string row_key(const ThresholdRow& r) { return r.kind == ThresholdKind::Kx ? "kx" : "medical_review"; }
std::string row_key(const TelehealthCodeRow& r) { return r.code; }
std::string row_key(const TelehealthPeriodRow& r) { return iso_date(r.from); }

template <class Row>
struct RowSink {
  std::vector<Row>& rows;
  std::map<std::string, std::size_t> lines;
};

template <class Row>
bool add_row(RowReader& reader, const std::vector<std::string>& fields, void* sink) {
  Row row;
  if (!parse_row(reader, fields, row)) return false;
  auto& s = *static_cast<RowSink<Row>*>(sink);
  const auto [at, first] = s.lines.emplace(row_key(row), reader.line);
  if (!first) return reader.fail(at->first + " is here twice: lines " + std::to_string(at->second) + " and " + std::to_string(reader.line));
  s.rows.push_back(std::move(row));
  return true;
}

template <class Row>
std::size_t read_table(const PackFile& file, Release release, std::vector<Table<Row>>& out, std::vector<DataError>& errors) {
  Table<Row> table;
  table.release = std::move(release);
  RowSink<Row> sink{table.rows, {}};
  std::size_t rows = 0;
  if (read_rows(file, table.release.kind, &add_row<Row>, &sink, rows, errors)) out.push_back(std::move(table));
  return rows;
}

// The number of rows read.
std::size_t read_table_of_kind(const PackFile& file, Release release, TableSet& set, std::vector<DataError>& errors) {
  switch (release.kind) {
    case TableKind::Rvu: return read_table(file, std::move(release), set.rvu, errors);
    case TableKind::ConversionFactor: return read_table(file, std::move(release), set.conversion_factor, errors);
    case TableKind::Gpci: return read_table(file, std::move(release), set.gpci, errors);
    case TableKind::Locality: return read_table(file, std::move(release), set.locality, errors);
    case TableKind::Mue: return read_table(file, std::move(release), set.mue, errors);
    case TableKind::Ncci: return read_table(file, std::move(release), set.ncci, errors);
    case TableKind::Threshold: return read_table(file, std::move(release), set.threshold, errors);
    case TableKind::TelehealthCode: return read_table(file, std::move(release), set.telehealth_code, errors);
    case TableKind::TelehealthPeriod: return read_table(file, std::move(release), set.telehealth_period, errors);
  }
  return 0;
}

// Every member of a manifest object must be one the format knows: a misspelt "efective" would otherwise be
// ignored and the table read without it.
bool known_members(const json& object, std::initializer_list<const char*> keys, const std::string& where,
                   std::vector<DataError>& errors) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; })) {
      errors.push_back({"manifest.json", 0, where + "unknown member \"" + it.key().substr(0, 40) + "\""});
      return false;
    }
  }
  return true;
}

// A member written twice in one object of the manifest (JSON parsers keep one of them silently), or "".
std::string repeated_member(std::string_view text) {
  struct Sax : nlohmann::json_sax<json> {
    std::vector<std::vector<std::string>> objects;
    std::string repeated;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override {
      objects.emplace_back();
      return true;
    }
    bool key(string_t& k) override {
      auto& keys = objects.back();
      if (std::find(keys.begin(), keys.end(), k) != keys.end()) {
        repeated = k;
        return false;
      }
      keys.push_back(k);
      return true;
    }
    bool end_object() override {
      objects.pop_back();
      return true;
    }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
  } sax;
  json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, false);
  return sax.repeated;
}

// A string member of a manifest object, or an error naming it.
bool manifest_string(const json& object, const char* key, const std::string& where, std::string& out,
                     std::vector<DataError>& errors) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string() || it->get_ref<const std::string&>().empty() ||
      utf8_characters(it->get_ref<const std::string&>()) > 200) {
    errors.push_back({"manifest.json", 0, where + "\"" + key + "\" must be a non-empty string (at most 200 characters)"});
    return false;
  }
  out = it->get<std::string>();
  return true;
}

// An optional member of a manifest object: absent, `out` keeps its default; present, it must have the type asked
// for (nlohmann's value() would throw on another type, and a thrown exception ends the program or the wasm call).
template <typename T>  // std::string or std::size_t (a byte count)
bool optional_member(const json& object, const char* key, const std::string& where, T& out,
                     std::vector<DataError>& errors) {
  constexpr bool kText = std::is_same_v<T, std::string>;
  const auto it = object.find(key);
  if (it == object.end()) return true;
  if (kText ? it->is_string() : it->is_number_unsigned()) {
    out = it->get<T>();
    return true;
  }
  errors.push_back({"manifest.json", 0, where + "\"" + key + (kText ? "\" must be a string" : "\" must be a whole number of bytes")});
  return false;
}

// The files the pack was imported from (informational, kept for `unitwise version`).
void read_sources(const json& manifest, std::vector<PackSource>& out, std::vector<DataError>& errors) {
  const auto sources = manifest.find("sources");
  if (sources == manifest.end()) return;
  if (!sources->is_array()) {
    errors.push_back({"manifest.json", 0, "\"sources\" must be an array"});
    return;
  }
  for (std::size_t i = 0; i < sources->size() && errors.size() < kMaxErrors; ++i) {
    const json& s = (*sources)[i];
    const std::string where = "sources[" + std::to_string(i) + "]: ";
    if (!s.is_object()) {
      errors.push_back({"manifest.json", 0, where + "must be an object"});
      continue;
    }
    PackSource source;
    if (known_members(s, {"file", "recognisedAs", "bytes", "sha256"}, where, errors) &&
        optional_member(s, "file", where, source.file, errors) &&
        optional_member(s, "recognisedAs", where, source.recognised_as, errors) &&
        optional_member(s, "bytes", where, source.bytes, errors) && optional_member(s, "sha256", where, source.sha256, errors)) {
      out.push_back(std::move(source));
    }
  }
}

}  // namespace

const char* to_string(TableKind kind) {
  switch (kind) {
    case TableKind::Rvu: return "rvu";
    case TableKind::ConversionFactor: return "conversion_factor";
    case TableKind::Gpci: return "gpci";
    case TableKind::Locality: return "locality";
    case TableKind::Mue: return "mue";
    case TableKind::Ncci: return "ncci";
    case TableKind::Threshold: return "threshold";
    case TableKind::TelehealthCode: return "telehealth_code";
    case TableKind::TelehealthPeriod: return "telehealth_period";
  }
  return "";
}

std::optional<TableKind> table_kind(std::string_view name) {
  for (TableKind k : kTableKinds) {
    if (name == to_string(k)) return k;
  }
  return std::nullopt;
}

std::string to_string(const DataError& e) {
  return e.file + (e.line > 0 ? " line " + std::to_string(e.line) : "") + ": " + e.message;
}

std::vector<PackFile> write_pack(const Pack& pack) {
  json manifest = {{"format", kFormat}, {"formatVersion", kFormatVersion}, {"name", pack.name},
                   {"createdBy", pack.created_by}, {"tables", json::array()}, {"sources", json::array()}};
  for (const auto& s : pack.sources) {
    manifest["sources"].push_back(
        {{"file", s.file}, {"recognisedAs", s.recognised_as}, {"bytes", s.bytes}, {"sha256", s.sha256}});
  }
  std::vector<PackFile> files;
  write_tables(pack.tables.rvu, files, manifest);
  write_tables(pack.tables.conversion_factor, files, manifest);
  write_tables(pack.tables.gpci, files, manifest);
  write_tables(pack.tables.locality, files, manifest);
  write_tables(pack.tables.mue, files, manifest);
  write_tables(pack.tables.ncci, files, manifest);
  write_tables(pack.tables.threshold, files, manifest);
  write_tables(pack.tables.telehealth_code, files, manifest);
  write_tables(pack.tables.telehealth_period, files, manifest);
  files.insert(files.begin(), PackFile{"manifest.json", manifest.dump(2) + "\n"});
  return files;
}

PackRead read_pack(const std::vector<PackFile>& files) {
  PackRead out;
  auto& errors = out.errors;
  std::map<std::string, const PackFile*> by_name;
  for (const auto& f : files) by_name[f.name] = &f;
  const auto m = by_name.find("manifest.json");
  if (m == by_name.end()) {
    errors.push_back({"manifest.json", 0, "is missing: a data pack is a folder with manifest.json and its tables"});
    return out;
  }
  // The manifest and the tables it lists count towards the limit; other files in the folder are not read.
  std::size_t bytes = m->second->text.size();
  const std::string limit = "; the limit is " + std::to_string(kMaxPackBytes >> 20) + " MiB for a pack";
  if (bytes > kMaxPackBytes) {
    errors.push_back({"manifest.json", 0, "is " + std::to_string(bytes) + " bytes" + limit});
    return out;
  }
  const json manifest = parse_dom(m->second->text);
  if (!manifest.is_object()) {
    errors.push_back({"manifest.json", 0, "is not a JSON object"});
    return out;
  }
  if (const std::string twice = repeated_member(m->second->text); !twice.empty()) {
    errors.push_back({"manifest.json", 0, "the member \"" + twice.substr(0, 40) + "\" is written twice in one object"});
    return out;
  }
  if (!known_members(manifest, {"format", "formatVersion", "name", "createdBy", "tables", "sources"}, "", errors)) {
    return out;
  }
  if (const auto format = manifest.find("format"); format == manifest.end() || *format != kFormat) {
    errors.push_back({"manifest.json", 0, std::string("\"format\" must be \"") + kFormat + "\""});
    return out;
  }
  const auto version = manifest.find("formatVersion");
  if (version == manifest.end() || !version->is_number_integer() || version->get<int>() != kFormatVersion) {
    errors.push_back({"manifest.json", 0, "\"formatVersion\" must be " + std::to_string(kFormatVersion) +
                                              " (this engine reads version 1 packs)"});
    return out;
  }
  Pack pack;
  if (!manifest_string(manifest, "name", "", pack.name, errors)) return out;
  if (!optional_member(manifest, "createdBy", "", pack.created_by, errors)) return out;
  const auto tables = manifest.find("tables");
  // One table of a kind per date and year in a pack: two would leave the engine to pick one. The year tells apart
  // the two threshold tables of 2018, the KX amount of that year (2018) and the review amount in force until a
  // later one (0).
  std::map<std::tuple<TableKind, DateKey, int>, std::string> dated;
  if (tables == manifest.end() || !tables->is_array() || tables->empty() || tables->size() > kMaxPackTables) {
    errors.push_back({"manifest.json", 0, "\"tables\" must be a non-empty array"});
    return out;
  }
  for (std::size_t i = 0; i < tables->size() && errors.size() < kMaxErrors; ++i) {
    const json& t = (*tables)[i];
    const std::string where = "tables[" + std::to_string(i) + "]: ";
    if (!t.is_object()) {
      errors.push_back({"manifest.json", 0, where + "must be an object"});
      continue;
    }
    std::string kind_name, file, effective, sha;
    Release release;
    release.pack = pack.name;
    if (!known_members(t, {"kind", "file", "name", "effective", "year", "rows", "sha256", "edition"}, where, errors)) continue;
    if (!manifest_string(t, "kind", where, kind_name, errors) || !manifest_string(t, "file", where, file, errors) ||
        !manifest_string(t, "name", where, release.name, errors) ||
        !manifest_string(t, "effective", where, effective, errors) || !manifest_string(t, "sha256", where, sha, errors)) {
      continue;
    }
    const auto kind = table_kind(kind_name);
    if (!kind) {
      errors.push_back({"manifest.json", 0, where + "unknown kind \"" + kind_name.substr(0, 40) +
                                                "\"; expected rvu, conversion_factor, gpci, locality, mue, ncci, threshold, telehealth_code or "
                                                "telehealth_period"});
      continue;
    }
    release.kind = *kind;
    const auto date = parse_iso_date(effective);
    if (!date) {
      errors.push_back({"manifest.json", 0, where + "\"effective\" must be a date written YYYY-MM-DD"});
      continue;
    }
    release.effective = *date;
    const auto year = t.find("year");
    if (year != t.end() && (!year->is_number_integer() || year->get<int>() < 0 || year->get<int>() > 9999)) {
      errors.push_back({"manifest.json", 0, where + "\"year\" must be a whole number (0 for tables that are not yearly)"});
      continue;
    }
    release.year = year == t.end() ? 0 : year->get<int>();
    const auto edition = t.find("edition");
    if (edition != t.end()) {
      const auto edition_date = edition->is_string() ? parse_iso_date(edition->get<std::string>()) : std::nullopt;
      if (!edition_date) {
        errors.push_back({"manifest.json", 0, where + "\"edition\" must be a date written YYYY-MM-DD"});
        continue;
      }
      release.edition = *edition_date;
    }
    if (release.year != 0 && release.year != year_of(release.effective)) {
      errors.push_back({"manifest.json", 0, where + "\"year\" " + std::to_string(release.year) +
                                                " contradicts \"effective\" " + effective});
      continue;
    }
    const auto rows = t.find("rows");
    if (rows != t.end() && !rows->is_number_unsigned()) {
      errors.push_back({"manifest.json", 0, where + "\"rows\" must be a whole number"});
      continue;
    }
    const auto [first, alone] = dated.emplace(std::make_tuple(release.kind, release.effective, release.year), file);
    if (!alone) {
      errors.push_back({file, 0, std::string("is a second ") + kind_name + " table effective " + effective +
                                     " in this pack (the first is " + first->second + "): one would silently win"});
      continue;
    }
    const auto f = by_name.find(file);
    if (f == by_name.end()) {
      errors.push_back({file, 0, "is listed in manifest.json but missing from the pack"});
      continue;
    }
    bytes += f->second->text.size();
    if (bytes > kMaxPackBytes) {
      errors.push_back({file, 0, "brings the pack to " + std::to_string(bytes) + " bytes" + limit});
      break;
    }
    if (sha256_hex(f->second->text) != sha) {
      errors.push_back({file, 0, "does not match its sha256 in manifest.json: the file was changed after import"});
      continue;
    }
    const std::size_t before = errors.size();
    const std::size_t read = read_table_of_kind(*f->second, std::move(release), pack.tables, errors);
    if (errors.size() == before && rows != t.end() && rows->get<std::size_t>() != read) {
      errors.push_back({file, 0, "has " + std::to_string(read) + " rows; manifest.json says " +
                                     std::to_string(rows->get<std::size_t>())});
    }
  }
  read_sources(manifest, pack.sources, errors);
  if (errors.empty()) out.value = std::move(pack);
  return out;
}

}  // namespace unitwise
