// import-cms: CMS files in, one data pack out. Each file is recognised by what it holds, never by its
// position or name; names only supply an effective date that the content does not state.
#include "unitwise/cms_import.h"

#include <algorithm>
#include <map>

#include "unitwise/catalogue.h"
#include "unitwise/data_limits.h"
#include "import/cms_file.h"
#include "base/sha256.h"

namespace unitwise {

using namespace cms;  // the readers of each file kind (import/*_import.cpp) and what they share

namespace {

bool is_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\3\4", 4); }

constexpr const char* kKnownFiles =
    "a PPRRVU csv or txt, a GPCI csv, a LOCCO csv, a practitioner MUE csv or an NCCI practitioner PTP txt";
const std::string kNotCms = std::string("not a CMS file unitwise reads: expected ") + kKnownFiles;

enum class FileKind { Unknown, PprrvuCsv, PprrvuTxt, GpciCsv, LoccoCsv, MueCsv, NcciTxt };

FileKind recognise(const std::string& bytes) {
  const std::string head = upper(std::string_view(bytes).substr(0, 4096));
  if (contains(head, "\nHCPCS,MOD,DESCRIPTION") && contains(head, "RELATIVE VALUE FILE")) return FileKind::PprrvuCsv;
  if (head.rfind("HDR ", 0) == 0) return FileKind::PprrvuTxt;
  if (contains(head, "GEOGRAPHIC PRACTICE COST INDICES") && contains(head, "MEDICARE ADMINISTRATIVE CONTRACTOR")) {
    return FileKind::GpciCsv;
  }
  // The csv's title line has its empty cells; the fixed-width LOCCO txt (not read) has the same title without.
  if (head.rfind("COUNTIES INCLUDED IN", 0) == 0 && head.substr(0, head.find('\n')).find(',') != std::string::npos) {
    return FileKind::LoccoCsv;
  }
  if (contains(head, "MUE VALUES") && contains(head, "MUE ADJUDICATION INDICATOR")) return FileKind::MueCsv;
  if (contains(head, "COLUMN 1\tCOLUMN 2")) return FileKind::NcciTxt;
  return FileKind::Unknown;
}

const char* kind_name(FileKind k) {
  switch (k) {
    case FileKind::PprrvuCsv: return "pprrvu-csv";
    case FileKind::PprrvuTxt: return "pprrvu-txt";
    case FileKind::GpciCsv: return "gpci-csv";
    case FileKind::LoccoCsv: return "locco-csv";
    case FileKind::MueCsv: return "mue-csv";
    case FileKind::NcciTxt: return "ncci-ptp-txt";
    case FileKind::Unknown: break;
  }
  return "unknown";
}

bool same(const RvuRow& a, const RvuRow& b) {
  return a.code == b.code && a.status == b.status && a.work == b.work && a.pe_nonfac == b.pe_nonfac &&
         a.nonfac_pe_na == b.nonfac_pe_na && a.pe_fac == b.pe_fac && a.fac_pe_na == b.fac_pe_na && a.mp == b.mp &&
         a.mult_proc == b.mult_proc;
}

// One table per kind and date, as the pack reader requires. Files of one release are joined: the NCCI PTP parts
// f1-f4 (one table, dated by the newest edit of all parts), and the non-QP and QP PPRRVU files of a year (the
// same RVUs, kept once; their two conversion factors in one table). Anything else is two releases of one date.
void join_releases(Pack& pack, ImportResult& result) {
  auto& ncci = pack.tables.ncci;
  if (ncci.size() > 1 && !result.errors.empty()) return;
  if (ncci.size() > 1) {
    std::map<std::string, std::size_t> seen;
    DateKey latest = 0;
    for (const auto& t : ncci) latest = std::max(latest, t.release.effective);
    Table<NcciRow> joined;
    joined.release = ncci[0].release;
    joined.release.effective = latest;
    std::string parts;
    for (const auto& t : ncci) {
      const std::size_t open = t.release.name.find('('), close = t.release.name.rfind(')');
      parts += (parts.empty() ? "" : ", ") + t.release.name.substr(open + 1, close - open - 1);
      for (const NcciRow& r : t.rows) {
        if (!seen.emplace(
                     r.column1 + "/" + r.column2 + "/" + std::to_string(r.effective) + "/" + std::to_string(r.deleted),
                     0)
                 .second) {
          result.errors.push_back(
              {t.release.name, 0, "the edit " + r.column1 + "/" + r.column2 + " is also in another part"});
          return;
        }
        joined.rows.push_back(r);
      }
    }
    joined.release.name = "CMS NCCI PTP practitioner edits (" + parts + ")";
    if (joined.release.name.size() > kMaxNameChars)
      joined.release.name = joined.release.name.substr(0, kMaxNameChars - 3) + "...";
    ncci = {std::move(joined)};
  }
  auto& rvu = pack.tables.rvu;
  for (std::size_t i = 1; i < rvu.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (rvu[j].release.effective != rvu[i].release.effective) continue;
      const bool equal = rvu[i].rows.size() == rvu[j].rows.size() &&
                         std::equal(rvu[i].rows.begin(), rvu[i].rows.end(), rvu[j].rows.begin(),
                                    [](const RvuRow& a, const RvuRow& b) { return same(a, b); });
      if (!equal) {
        result.errors.push_back({rvu[i].release.name, 0,
                                 "has other relative values than \"" + rvu[j].release.name +
                                     "\", in force from the same date: import them separately"});
        return;
      }
      rvu.erase(rvu.begin() + static_cast<std::ptrdiff_t>(i--));
      break;
    }
  }
  auto& cf = pack.tables.conversion_factor;
  for (std::size_t i = 1; i < cf.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (cf[j].release.effective != cf[i].release.effective) continue;
      for (const ConversionFactorRow& r : cf[i].rows) {
        const auto other = std::find_if(cf[j].rows.begin(), cf[j].rows.end(), [&](const ConversionFactorRow& o) {
          return o.qualifying_apm == r.qualifying_apm;
        });
        if (other == cf[j].rows.end()) cf[j].rows.push_back(r);
        else if (other->value != r.value) {
          result.errors.push_back(
              {cf[i].release.name, 0,
               "has another conversion factor than \"" + cf[j].release.name + "\", in force from the same date"});
          return;
        }
      }
      cf.erase(cf.begin() + static_cast<std::ptrdiff_t>(i--));
      break;
    }
  }
  auto one_per_date = [&](const auto& tables, const char* kind) {
    for (std::size_t i = 1; i < tables.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (tables[j].release.effective == tables[i].release.effective) {
          result.errors.push_back({tables[i].release.name, 0,
                                   std::string("is a second ") + kind + " release in force from " +
                                       iso_date(tables[i].release.effective) + " beside \"" + tables[j].release.name +
                                       "\": import them separately"});
        }
      }
    }
  };
  one_per_date(pack.tables.gpci, "GPCI");
  one_per_date(pack.tables.locality, "LOCCO");
  one_per_date(pack.tables.mue, "MUE");
}

}  // namespace

ImportResult import_cms(const std::vector<CmsFile>& files, const ImportOptions& options) {
  ImportResult result;
  Pack pack;
  pack.created_by = options.created_by;
  std::map<std::string, std::pair<bool, std::vector<std::string>>> archives;  // zip → (a member was read, members)
  // CMS's RVU zip holds the PPRRVU as csv, fixed-width txt and xlsx: the same numbers (FixedWidthAndCsvPprrvuAgree),
  // so the csv is read and the txt skipped, rather than two tables of one release.
  std::map<std::string, std::string> csv_of_zip;
  for (const CmsFile& file : files) {
    if (!file.archive.empty() && recognise(file.bytes) == FileKind::PprrvuCsv)
      csv_of_zip.emplace(file.archive, file.name);
  }
  for (const CmsFile& file : files) {
    const FileKind kind = recognise(file.bytes);
    if (kind == FileKind::PprrvuTxt && csv_of_zip.count(file.archive) != 0) {
      archives[file.archive].second.push_back(file.name);
      result.skipped.push_back(where(file) + " (the fixed-width copy of " + csv_of_zip[file.archive] +
                               ", which is read)");
      continue;
    }
    if (!file.archive.empty()) {
      auto& [any_read, members] = archives[file.archive];
      members.push_back(file.name);
      any_read = any_read || kind != FileKind::Unknown;
      if (kind == FileKind::Unknown) {
        result.skipped.push_back(where(file) + (is_zip(file.bytes) ? " (a zip inside the zip: not opened)"
                                                                   : " (not a CMS file unitwise reads)"));
        continue;
      }
    }
    if (kind == FileKind::Unknown) {
      result.errors.push_back({file.name, 0,
                               file.bytes.empty()   ? "is empty"
                               : is_zip(file.bytes) ? "is a zip archive: give the files inside it"
                                                    : kNotCms});
      continue;
    }
    pack.sources.push_back({base_name(file.name), kind_name(kind), file.bytes.size(), sha256_hex(file.bytes)});
    Context c{file, options, pack, result};
    switch (kind) {
      case FileKind::PprrvuCsv: import_pprrvu_csv(c); break;
      case FileKind::PprrvuTxt: import_pprrvu_txt(c); break;
      case FileKind::GpciCsv: import_gpci_csv(c); break;
      case FileKind::LoccoCsv: import_locco_csv(c); break;
      case FileKind::MueCsv: import_mue_csv(c); break;
      case FileKind::NcciTxt: import_ncci_txt(c); break;
      case FileKind::Unknown: break;
    }
  }
  for (const auto& [archive, read] : archives) {
    if (read.first) continue;
    std::string names;
    for (std::size_t i = 0; i < read.second.size() && i < 20; ++i) names += (i ? ", " : "") + read.second[i];
    if (read.second.size() > 20) names += ", and " + std::to_string(read.second.size() - 20) + " more";
    result.errors.push_back(
        {archive, 0, "holds no CMS file unitwise reads (it holds " + names + "): expected " + kKnownFiles});
  }
  join_releases(pack, result);
  check_localities(pack, result);
  // The pack is named after what it holds, e.g. "CMS PFS relative values CY2026, July release + CMS CY2026 GPCIs".
  std::string name;
  auto add_name = [&](const auto& tables) {
    for (const auto& t : tables) name += (name.empty() ? "" : " + ") + t.release.name;
  };
  add_name(pack.tables.rvu);
  add_name(pack.tables.gpci);
  add_name(pack.tables.locality);
  add_name(pack.tables.mue);
  add_name(pack.tables.ncci);
  pack.name = name.size() > 200 ? name.substr(0, 197) + "..." : name;
  if (files.empty()) result.errors.push_back({"", 0, "no CMS file given"});
  if (result.errors.empty()) {
    // Every release carries the pack's final name.
    auto rename = [&](auto& tables) {
      for (auto& t : tables) t.release.pack = pack.name;
    };
    rename(pack.tables.rvu);
    rename(pack.tables.conversion_factor);
    rename(pack.tables.gpci);
    rename(pack.tables.locality);
    rename(pack.tables.mue);
    rename(pack.tables.ncci);
    // What the engine would refuse is not written: every limit the reader checks, checked by the reader itself.
    const PackRead read = read_pack(write_pack(pack));
    for (const DataError& e : read.errors) {
      result.errors.push_back({e.file, e.line, "the pack would be refused by the engine: " + e.message});
    }
    if (read.errors.empty()) result.value = std::move(pack);
  }
  return result;
}

}  // namespace unitwise
