// Writing a data pack: each table as its CSV, and manifest.json naming each table's kind, release and sha256.
#include "reference/pack_format.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/fixed_point.h"
#include "base/sha256.h"
#include "unitwise/reference.h"

namespace unitwise {

using namespace pack;

namespace {

using nlohmann::json;

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

std::string na(bool flag) { return flag ? "NA" : ""; }

std::string row_text(const RvuRow& r) {
  return csv_line({r.code, std::string(1, r.status), fixed_text(r.work, 2), fixed_text(r.pe_nonfac, 2),
                   na(r.nonfac_pe_na), fixed_text(r.pe_fac, 2), na(r.fac_pe_na), fixed_text(r.mp, 2),
                   std::to_string(r.mult_proc)});
}
std::string row_text(const ConversionFactorRow& r) {
  return csv_line({r.qualifying_apm ? "qp" : "non_qp", fixed_text(r.value, 4)});
}
std::string row_text(const GpciRow& r) {
  return csv_line(
      {r.mac, r.locality, r.state, r.name, fixed_text(r.work, 3), fixed_text(r.pe, 3), fixed_text(r.mp, 3)});
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
std::string row_text(const TelehealthPeriodRow& r) {
  return csv_line({iso_date(r.from), iso_date(r.through), r.authority});
}
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
      file = std::string(to_string(t.release.kind)) + "-" + iso_date(t.release.effective) + "-" + std::to_string(n) +
             ".csv";
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

}  // namespace

std::vector<PackFile> write_pack(const Pack& pack) {
  json manifest = {{"format", kFormat},       {"formatVersion", kFormatVersion},
                   {"name", pack.name},       {"createdBy", pack.created_by},
                   {"tables", json::array()}, {"sources", json::array()}};
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

}  // namespace unitwise
