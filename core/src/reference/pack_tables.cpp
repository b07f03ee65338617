// Reading a data pack's table files: a checker per table kind that turns fields into rows or names the first bad
// field, and the CSV walk they share.
#include "reference/pack_format.h"

#include <algorithm>
#include <map>

#include "base/csv_reader.h"
#include "base/fixed_point.h"
#include "unitwise/data_limits.h"
#include "unitwise/reference.h"

namespace unitwise {

using namespace pack;

namespace {

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
    if (!ok)
      return fail(std::string(what) + " must be a 5-character code of digits and capitals, not \"" + s.substr(0, 12) +
                  "\"");
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
  return r.fixed(f[1], 4, "value", row.value, kMaxConversionFactor) &&
         (row.value > 0 || r.fail("value must be above 0"));
}
// A locality's two keys, as CMS numbers them: its contractor (MAC, up to 5 digits) and its locality within it
// (up to 2). Digits only, so the joined id ("01112-05") splits back into the same two.
bool mac_and_locality(RowReader& r, const std::string& mac, const std::string& locality) {
  const auto digits = [](const std::string& s, std::size_t max) {
    return !s.empty() && s.size() <= max && s.find_first_not_of("0123456789") == std::string::npos;
  };
  return (digits(mac, 5) && digits(locality, 2)) ||
         r.fail("mac (up to 5 digits) and locality (up to 2 digits) are required");
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
  return r.column1 + "/" + r.column2 + " (effective " + date_or_blank(r.effective) + ", deleted " +
         date_or_blank(r.deleted) + ")";
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
  if (!first)
    return reader.fail(at->first + " is here twice: lines " + std::to_string(at->second) + " and " +
                       std::to_string(reader.line));
  s.rows.push_back(std::move(row));
  return true;
}

template <class Row>
std::size_t read_table(const PackFile& file, Release release, std::vector<Table<Row>>& out,
                       std::vector<DataError>& errors) {
  Table<Row> table;
  table.release = std::move(release);
  RowSink<Row> sink{table.rows, {}};
  std::size_t rows = 0;
  if (read_rows(file, table.release.kind, &add_row<Row>, &sink, rows, errors)) out.push_back(std::move(table));
  return rows;
}

}  // namespace

// The number of rows read.
std::size_t pack::read_table_of_kind(const PackFile& file, Release release, TableSet& set,
                                     std::vector<DataError>& errors) {
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

}  // namespace unitwise
