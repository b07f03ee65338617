// The importer on CMS's own files (read from outside the repository: they carry AMA descriptors), and the
// pack format it writes. Checked against figures CMS itself published, not against our own output.
#include "unitwise/cms_import.h"

#include <fstream>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "base/csv_reader.h"
#include "base/fixed_point.h"
#include "base/sha256.h"
#include "rules/fee_schedule.h"
#include "synthetic_cms.h"
#include "unitwise/unitwise.h"

namespace unitwise {
namespace {

// CMS's own files sit beside the repository only on the developers' machines and CI (docs/data.md): a clone
// with nothing beside it skips the tests that read them, and says so.
bool have_cms_files() { return std::ifstream(std::string(UNITWISE_CMS_DIR) + "/rvu25d/GPCI2025.csv").good(); }
#define REQUIRE_CMS_FILES()                            \
  if (!have_cms_files())                               \
  GTEST_SKIP() << "no CMS files at '" UNITWISE_CMS_DIR \
                  "' (set UNITWISE_CMS_DIR; scripts/test does when they are beside the repository)"

std::string cms_file(const std::string& path) {
  std::ifstream in(std::string(UNITWISE_CMS_DIR) + "/" + path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

CmsFile file(const std::string& path) { return {path.substr(path.rfind('/') + 1), cms_file(path), ""}; }

Pack import_ok(const std::vector<std::string>& paths, std::optional<DateKey> effective = std::nullopt) {
  std::vector<CmsFile> files;
  for (const auto& p : paths) files.push_back(file(p));
  ImportResult r = import_cms(files, {effective, "test"});
  for (const auto& e : r.errors) ADD_FAILURE() << to_string(e);
  return r.value ? *r.value : Pack{};
}

TEST(Sha256, KnownAnswers) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

// The manifest records each source's sha256; these are the values data/cms/README.md gives for CMS's files.
TEST(CmsImport, RecordsTheSha256OfEachSourceFile) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu25d/PPRRVU2025_Oct.csv", "rvu25d/GPCI2025.csv"});
  ASSERT_EQ(p.sources.size(), 2u);
  EXPECT_EQ(p.sources[0].recognised_as, "pprrvu-csv");
  EXPECT_EQ(p.sources[0].sha256, "8af460f38bf982b79b07269fbc8b7256a8ef3bd3aa025a9c5cb71c1e52523c56");
  EXPECT_EQ(p.sources[1].recognised_as, "gpci-csv");
  EXPECT_EQ(p.sources[1].sha256, "fc106f49547d0821db8fc33eee4f532d4a90e41110976659f80ac9e3a438f26e");
}

TEST(CmsImport, ReadsTheReleaseYearAndQuarterFromTheFile) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu25d/PPRRVU2025_Oct.csv", "rvu26c/PPRRVU2026_Jul_nonQPP.csv"});
  ASSERT_EQ(p.tables.rvu.size(), 2u);
  EXPECT_EQ(p.tables.rvu[0].release.effective, 20251001);
  EXPECT_EQ(p.tables.rvu[0].release.year, 2025);
  EXPECT_EQ(p.tables.rvu[1].release.effective, 20260701);
  ASSERT_EQ(p.tables.conversion_factor.size(), 2u);
  EXPECT_EQ(p.tables.conversion_factor[0].rows[0].value, 323465);
  EXPECT_EQ(p.tables.conversion_factor[1].rows[0].value, 334009);
  EXPECT_FALSE(p.tables.conversion_factor[1].rows[0].qualifying_apm);
}

TEST(CmsImport, EffectiveOverridesEveryTable) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu25d/PPRRVU2025_Oct.csv", "rvu25d/GPCI2025.csv", "rvu25d/25LOCCO.csv"}, 20250101);
  EXPECT_EQ(p.tables.rvu[0].release.effective, 20250101);
  EXPECT_EQ(p.tables.gpci[0].release.effective, 20250101);
  EXPECT_EQ(p.tables.locality[0].release.effective, 20250101);
}

// The fixed-width file holds the same numbers as the csv, for every catalogue code.
TEST(CmsImport, FixedWidthAndCsvPprrvuAgree) {
  REQUIRE_CMS_FILES();
  const Pack csv = import_ok({"rvu25d/PPRRVU2025_Oct.csv"});
  const Pack txt = import_ok({"rvu25d/PPRRVU2025_Oct.txt"});
  ASSERT_GT(csv.tables.rvu[0].rows.size(), 80u);  // the catalogue codes that existed in 2025
  ASSERT_EQ(txt.tables.rvu[0].rows.size(), csv.tables.rvu[0].rows.size());
  EXPECT_EQ(write_pack(csv)[1].text, write_pack(txt)[1].text);  // the rvu table, byte for byte
  EXPECT_EQ(txt.tables.rvu[0].release.effective, 20251001);     // from the name PPRRVU2025_Oct
  EXPECT_EQ(txt.tables.conversion_factor[0].rows[0].value, 323465);
}

// PPRRVU's multiple-procedure indicator 5 marks the always-therapy codes: all 52 are in the catalogue.
TEST(CmsImport, EveryAlwaysTherapyCodeIsInTheCatalogue) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu26c/PPRRVU2026_Jul_nonQPP.csv"});
  int always_therapy = 0;
  for (const RvuRow& r : p.tables.rvu[0].rows) always_therapy += r.mult_proc == 5;
  EXPECT_EQ(always_therapy, 52);
  // Every catalogue code has 2026 relative values.
  EXPECT_EQ(p.tables.rvu[0].rows.size(), catalogue().size());
}

TEST(CmsImport, GpciAndLoccoGiveAllLocalities) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu25d/GPCI2025.csv", "rvu26c/GPCI2026.csv", "rvu25d/25LOCCO.csv"});
  ASSERT_EQ(p.tables.gpci.size(), 2u);
  EXPECT_EQ(p.tables.gpci[0].rows.size(), 109u);
  EXPECT_EQ(p.tables.gpci[1].rows.size(), 109u);
  const GpciRow& alaska = p.tables.gpci[0].rows[1];
  EXPECT_EQ(alaska.id, "02102-01");
  EXPECT_EQ(alaska.name, "ALASKA");  // the footnote star is not part of the name
  EXPECT_EQ(alaska.work, 1500);
  ASSERT_EQ(p.tables.locality.size(), 1u);
  bool travis = false;
  for (const LocalityRow& l : p.tables.locality[0].rows)
    travis = travis || l.counties.find("TRAVIS") != std::string::npos;
  EXPECT_TRUE(travis);
}

TEST(CmsImport, MueCsvKeepsCatalogueCodesWithTheirIndicator) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"ncci/mue-2026q2/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv"});
  ASSERT_EQ(p.tables.mue.size(), 1u);
  EXPECT_EQ(p.tables.mue[0].release.effective, 20260401);
  std::map<std::string, MueRow> by_code;
  for (const auto& r : p.tables.mue[0].rows) by_code[r.code] = r;
  EXPECT_EQ(by_code["97110"].value, 6);
  EXPECT_EQ(by_code["97110"].mai, 3);
  EXPECT_EQ(by_code["97161"].value, 1);
  EXPECT_EQ(by_code["97161"].mai, 2);
}

// The NCCI practitioner PTP text layout (tab-delimited, 5 header lines); rows written here, not copied.
TEST(CmsImport, NcciPtpTextKeepsPairsOfCatalogueCodesWithTheirDates) {
  const std::string text = test::kPtpHeader +
                           "97012\t97140\t\t20000101\t*\t1\tMisuse of Column Two code with Column One code\n"
                           "97140\t97530\t\t20000101\t20191231\t1\tMutually exclusive procedures\n"
                           "97530\t97750\t\t20270101\t*\t1\tStandards of medical / surgical practice\n"
                           "99213\t97110\t\t20000101\t*\t1\tnot a catalogue pair\n";
  ImportResult r = import_cms({{"ccipra-v330r0-f4.txt", text, ""}}, {std::nullopt, "test"});
  ASSERT_TRUE(r.value.has_value()) << (r.errors.empty() ? "" : to_string(r.errors[0]));
  const Table<NcciRow>& t = r.value->tables.ncci.at(0);
  ASSERT_EQ(t.rows.size(), 3u);
  EXPECT_EQ(t.release.effective, 20270101);  // the newest row's date, when --effective is not given
  EXPECT_EQ(t.rows[1].deleted, 20191231);
  EXPECT_EQ(t.rows[0].deleted, 0);
}

TEST(CmsImport, AFileOfAnotherKindIsRefusedByName) {
  ImportResult r = import_cms({{"notes.csv", "a,b,c\n1,2,3\n", ""}}, {});
  EXPECT_FALSE(r.value.has_value());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "notes.csv");
}

// CMS's own 2025 Wisconsin payment file (PFWI25A, an excerpt of its therapy rows): our price of one unit from the
// imported RVUs, GPCIs and conversion factor equals CMS's non-facility, facility and 50%-PE therapy amounts.
TEST(CmsImport, ImportedFeesReproduceCmsPublishedWisconsinAmountsToTheCent) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu25d/PPRRVU2025_Oct.csv", "rvu25d/GPCI2025.csv"});
  ReferenceData data = *ReferenceData::with_packs(ReferenceData::builtin(), {write_pack(p)}).value;
  const auto& t = data.tables();
  const Table<RvuRow>& rvu = *in_force(t.rvu, 20251101).table;
  const GpciRow& wi = *find_gpci(*in_force(t.gpci, 20251101).table, "06302-00");
  const std::int64_t cf = conversion_factor(t, 20251101, false)->value;
  const std::string excerpt = cms_file("pfs-payment-2025a/PFWI25A.therapy-rows-excerpt.txt");
  CsvReader csv(excerpt);
  std::vector<std::string> f;
  int rows = 0;
  while (csv.next(f)) {
    if (f.size() < 12) continue;
    const RvuRow* r = find_rvu(rvu, f[3]);
    ASSERT_NE(r, nullptr) << f[3];
    const UnitPrice nonfac = unit_price(r->work, r->pe_nonfac, r->mp, wi, cf);
    const UnitPrice fac = unit_price(r->work, r->fac_pe_na ? r->pe_nonfac : r->pe_fac, r->mp, wi, cf);
    const Cents reduced = round_to_cents(nonfac.full - nonfac.pe_part / 2);
    EXPECT_EQ(round_to_cents(nonfac.full), *parse_fixed(trim(f[5]), 2)) << f[3];
    EXPECT_EQ(round_to_cents(fac.full), *parse_fixed(trim(f[6]), 2)) << f[3];
    if (r->mult_proc == 5) {
      EXPECT_EQ(reduced, *parse_fixed(trim(f[11]), 2)) << f[3];
    }
    ++rows;
  }
  EXPECT_EQ(rows, 51);
}

TEST(PackFormat, WriteThenReadGivesTheSameTables) {
  REQUIRE_CMS_FILES();
  const Pack p = import_ok({"rvu26c/PPRRVU2026_Jul_nonQPP.csv", "rvu26c/GPCI2026.csv",
                            "ncci/mue-2026q2/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv"});
  const std::vector<PackFile> files = write_pack(p);
  PackRead read = read_pack(files);
  ASSERT_TRUE(read.value.has_value()) << to_string(read.errors.at(0));
  EXPECT_EQ(read.value->name, p.name);
  const std::vector<PackFile> again = write_pack(*read.value);
  ASSERT_EQ(again.size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) EXPECT_EQ(again[i].text, files[i].text) << files[i].name;
}

std::vector<PackFile> small_pack() {
  Pack p;
  p.name = "test pack";
  Table<RvuRow> t;
  t.release = {TableKind::Rvu, "test RVUs", 20260901, 2026, "", 0};
  t.rows.push_back(RvuRow{"97110", 'A', 100, 41, false, 41, true, 1, 5});
  p.tables.rvu.push_back(t);
  return write_pack(p);
}

DataError first_error(std::vector<PackFile> files) {
  PackRead r = read_pack(files);
  EXPECT_FALSE(r.value.has_value());
  return r.errors.empty() ? DataError{} : r.errors[0];
}

TEST(PackFormat, AChangedTableIsRefusedByItsSha256) {
  auto files = small_pack();
  files[1].text += "97112,A,1.00,0.41,,0.41,NA,0.01,5\n";
  EXPECT_NE(first_error(files).message.find("sha256"), std::string::npos);
}

TEST(PackFormat, AMissingManifestOrTableIsNamed) {
  auto files = small_pack();
  EXPECT_EQ(first_error({files[1]}).file, "manifest.json");
  EXPECT_EQ(first_error({files[0]}).file, files[1].name);
}

TEST(PackFormat, ABadNumberNamesItsFileLineAndColumn) {
  auto files = small_pack();
  files[1].text =
      "code,status,work,pe_nonfac,nonfac_pe_na,pe_fac,fac_pe_na,mp,mult_proc\n97110,A,one,0.41,,0.41,NA,0.01,5\n";
  std::string manifest = files[0].text;
  const std::size_t at = manifest.find("\"sha256\": \"") + 11;
  files[0].text = manifest.replace(at, 64, sha256_hex(files[1].text));
  const DataError e = first_error(files);
  EXPECT_EQ(e.line, 2u);
  EXPECT_NE(e.message.find("work"), std::string::npos);
}

// A pack in force from 2026-09-01 changes 2026-09-01 on, never the day before.
TEST(PackFormat, APackChangesVisitsFromItsEffectiveDateOnly) {
  auto loaded = ReferenceData::with_packs(ReferenceData::builtin(), {small_pack()});
  ASSERT_TRUE(loaded.value.has_value());
  auto allowed = [&](const char* date) {
    const std::string visit = std::string(R"({"dateOfService":")") + date +
                              R"(","discipline":"PT","services":[{"code":"97110","minutes":15}]})";
    const std::string with = evaluate_json(visit, *loaded.value);
    const std::string without = evaluate_json(visit);
    return std::make_pair(with.substr(with.find("\"allowed\":")), without.substr(without.find("\"allowed\":")));
  };
  const auto before = allowed("2026-08-31");
  EXPECT_EQ(before.first, before.second);
  const auto after = allowed("2026-09-01");
  EXPECT_NE(after.first, after.second);
  EXPECT_EQ(after.first.substr(0, 15), "\"allowed\":47.43");  // (1.00 + 0.41 + 0.01) x 33.4009 = 47.4293
}

}  // namespace
}  // namespace unitwise

namespace unitwise {
namespace {

std::string first_import_error(const std::string& name, const std::string& bytes) {
  ImportResult r = import_cms({{name, bytes, ""}}, {20260101, "test"});
  EXPECT_FALSE(r.value.has_value()) << name;
  return r.errors.empty() ? "" : to_string(r.errors[0]);
}

// Each of CMS's files cut mid-number (no line end) or at a line end part-way (rows missing): refused, never a pack.
TEST(CmsImportShape, CutFilesAreRefused) {
  for (const char* path : {"rvu25d/PPRRVU2025_Oct.csv", "rvu25d/PPRRVU2025_Oct.txt", "rvu25d/GPCI2025.csv",
                           "rvu25d/25LOCCO.csv", "ncci/mue-2026q2/MCR_MUE_PractitionerServices_Eff_04-01-2026.csv"}) {
    const std::string whole = cms_file(path);
    if (whole.empty()) GTEST_SKIP() << "CMS's files are not in " << UNITWISE_CMS_DIR;
    const std::string name = std::string(path).substr(std::string(path).rfind('/') + 1);
    const std::string mid_number = whole.substr(0, whole.size() - 3);
    EXPECT_NE(first_import_error(name, mid_number).find("cut short"), std::string::npos) << path;
    const std::string half = whole.substr(0, whole.find('\n', whole.size() / 2) + 1);
    EXPECT_NE(first_import_error(name, half).find("cut short"), std::string::npos)
        << path << ": " << first_import_error(name, half);
  }
}

// Synthetic PTP text: a row cut mid-date, and a pair listed twice.
TEST(CmsImportShape, ASyntheticPtpCutOrRepeatedIsRefused) {
  const std::string rows = test::kPtpHeader + "97012\t97140\t\t20000101\t*\t1\tMisuse\n97530\t97750\t\t2027";
  EXPECT_NE(first_import_error("ccipra-v331r0-f1.txt", rows).find("cut short"), std::string::npos);
  const std::string twice =
      test::kPtpHeader + "97012\t97140\t\t20000101\t*\t1\tMisuse\n97012\t97140\t\t20000101\t*\t1\tMisuse\n";
  EXPECT_NE(first_import_error("ccipra-v331r0-f1.txt", twice).find("97012/97140 is here twice: lines 7 and 8"),
            std::string::npos);
  // A rationale longer than the pack's limit would make a pack the engine refuses: refused at import.
  const std::string wordy = test::kPtpHeader + "97012\t97140\t\t20000101\t*\t1\t" + std::string(100000, 'x') + "\n";
  EXPECT_NE(first_import_error("ccipra-v331r0-f1.txt", wordy).find("longer than 200 characters"), std::string::npos);
}

// CMS's GPCI with one locality repeated; its PPRRVU with a code's base row repeated.
TEST(CmsImportShape, RepeatedRowsNameBothLines) {
  std::string gpci = cms_file("rvu25d/GPCI2025.csv");
  if (gpci.empty()) GTEST_SKIP() << "CMS's files are not in " << UNITWISE_CMS_DIR;
  const std::size_t al = gpci.find("10112,AL,00");
  gpci.insert(al, gpci.substr(al, gpci.find('\n', al) + 1 - al));
  EXPECT_NE(first_import_error("GPCI2025.csv", gpci).find("locality 10112-00 is here twice: lines 4 and 5"),
            std::string::npos);
  std::string rvu = cms_file("rvu25d/PPRRVU2025_Oct.csv");
  const std::size_t at = rvu.find("\n97110,,") + 1;
  rvu.insert(at, rvu.substr(at, rvu.find('\n', at) + 1 - at));
  EXPECT_NE(first_import_error("PPRRVU2025_Oct.csv", rvu).find("97110 is here twice without a modifier"),
            std::string::npos);
}

}  // namespace
}  // namespace unitwise
