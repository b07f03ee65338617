// import-cms on zips as CMS publishes them: members it knows are imported, the rest skipped and listed, and a
// bad zip refused with nothing written. The zips are made at test time (make_zip.py) from synthetic CMS-shaped
// text, or from CMS's own files in ../shared when they are there (they carry AMA descriptors: never copied in).
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_run.h"
#include "synthetic_cms.h"

namespace {

using nlohmann::json;

// An NCCI practitioner PTP part with made-up rows.
const std::string kPtp = unitwise::test::kPtpHeader +
                         "97012\t97140\t\t20000101\t*\t1\tMisuse of Column Two code with Column One code\n"
                         "97530\t97750\t\t20270101\t*\t1\tStandards of medical / surgical practice\n";

// A zip at a test-named path, from a make_zip.py spec; returns its path.
std::string make_zip(const json& spec, const std::string& name = ".zip") {
  const std::string spec_path = test_temp_path(".spec.json");
  const std::string zip_path = test_temp_path(name);
  std::ofstream(spec_path) << spec.dump();
  const std::string command = std::string(UNITWISE_MAKE_ZIP) + " " + spec_path + " " + zip_path;
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return zip_path;
}

std::string out_dir() {
  const std::string dir = test_temp_path("_pack");
  std::filesystem::remove_all(dir);
  return dir;
}

TEST(CliImportZip, ImportsTheFilesItKnowsAndListsTheOthers) {
  const std::string zip = make_zip({{"entries",
                                     {{{"name", "ccipra-v331r0-f1.txt"}, {"text", kPtp}},
                                      {{"name", "README.pdf"}, {"text", "%PDF-1.4 not a CMS table\n"}}}}});
  const std::string dir = out_dir();
  const CliRun run = run_cli("import-cms --out " + dir + " " + zip, "");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find(": README.pdf (not a CMS file unitwise reads)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(": ccipra-v331r0-f1.txt: NCCI PTP practitioner txt, 2 edits, 2 between catalogue codes"),
            std::string::npos)
      << run.err;
  std::ifstream manifest(dir + "/manifest.json");
  const json m = json::parse(manifest);
  ASSERT_EQ(m["tables"].size(), 1u);
  EXPECT_EQ(m["tables"][0]["kind"], "ncci");
  EXPECT_EQ(m["sources"][0]["file"], "ccipra-v331r0-f1.txt");
}

// The zip's own name dates what the member does not: medicare-ncci-2027q2-... is the release of 2027-04-01.
TEST(CliImportZip, TheZipsNameGivesTheDateItsMembersDoNotState) {
  const std::string zip = make_zip({{"entries", {{{"name", "ccipra-v332r0-f1.txt"}, {"text", kPtp}}}}},
                                   "_medicare-ncci-2027q2-practitioner-ptp-edits-ccipra-v332r0-f1.zip");
  const std::string dir = out_dir();
  const CliRun run = run_cli("import-cms --out " + dir + " " + zip, "");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("effective 2027-04-01"), std::string::npos) << run.err;
  // --effective still wins.
  const CliRun over = run_cli("import-cms --effective 2027-05-01 --out " + out_dir() + " " + zip, "");
  EXPECT_NE(over.err.find("effective 2027-05-01"), std::string::npos) << over.err;
}

// A zip inside the zip is skipped with a note; a zip of nothing unitwise reads is an error listing its members.
TEST(CliImportZip, ANestedZipIsSkippedAndAZipOfNothingKnownIsRefused) {
  const std::string inner = make_zip({{"entries", {{{"name", "a.txt"}, {"text", "x\n"}}}}}, "_inner.zip");
  const std::string zip = make_zip(
      {{"entries", {{{"name", "ccipra-v331r0-f1.txt"}, {"text", kPtp}}, {{"name", "more.zip"}, {"path", inner}}}}});
  const CliRun run = run_cli("import-cms --out " + out_dir() + " " + zip, "");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find("more.zip (a zip inside the zip: not opened)"), std::string::npos) << run.err;
  const std::string nothing =
      make_zip({{"entries", {{{"name", "RVU27A.pdf"}, {"text", "%PDF\n"}}, {{"name", "more.zip"}, {"path", inner}}}}},
               "_nothing.zip");
  const std::string dir = out_dir();
  const CliRun refused = run_cli("import-cms --out " + dir + " " + nothing, "");
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("holds no CMS file unitwise reads (it holds RVU27A.pdf, more.zip)"), std::string::npos)
      << refused.err;
  EXPECT_FALSE(std::filesystem::exists(dir));
}

// Each bad zip: refused with a message naming the problem (and the entry), exit 1 or 2, nothing written.
struct BadZip {
  const char* name;
  json spec;
  const char* message;
};

TEST(CliImportZip, BadZipsAreRefusedNamingTheProblemAndWriteNothing) {
  const json ptp = {{"name", "ccipra-v331r0-f1.txt"}, {"text", kPtp}};
  const std::vector<BadZip> cases = {
      {"empty", {{"entries", json::array()}, {"truncate", 0}}, "is empty"},
      {"truncated",
       {{"entries", json::array({ptp, {{"name", "b.txt"}, {"text", kPtp}}})}, {"truncate", 300}},
       "is not a whole zip archive"},
      {"bomb by its declared size",
       {{"entries", json::array({ptp, {{"name", "big.txt"}, {"zeros", 65 << 20}}})}},
       "entry \"big.txt\" inflates to 68157440 bytes; the limit is 64 MiB per file"},
      {"bomb with a lying header",
       {{"entries", json::array({ptp, {{"name", "big.txt"}, {"zeros", 65 << 20}}})}, {"declare", {{"big.txt", 1000}}}},
       "entry \"big.txt\""},
      {"path traversal",
       {{"entries", json::array({ptp, {{"name", "../../etc/cron.d/x"}, {"text", "x"}}})}},
       "entry \"../../etc/cron.d/x\" has an absolute name or one that climbs out"},
      {"absolute name",
       {{"entries", json::array({ptp, {{"name", "/tmp/x.csv"}, {"text", "x"}}})}},
       "entry \"/tmp/x.csv\" has an absolute name"},
      {"encrypted entry",
       {{"entries", json::array({ptp})}, {"encrypt", "ccipra-v331r0-f1.txt"}},
       "entry \"ccipra-v331r0-f1.txt\" is encrypted"},
  };
  for (const BadZip& c : cases) {
    std::string file = std::string("_") + c.name + ".zip";
    std::replace(file.begin(), file.end(), ' ', '_');
    const std::string zip = make_zip(c.spec, file);
    const std::string dir = out_dir();
    const CliRun run = run_cli("import-cms --out " + dir + " " + zip, "");
    EXPECT_NE(run.status, 0) << c.name;
    EXPECT_NE(run.err.find(c.message), std::string::npos) << c.name << ": " << run.err;
    EXPECT_FALSE(std::filesystem::exists(dir)) << c.name;
  }
  // Not a zip at all, though named one; and zip magic followed by rubbish.
  const std::string text = test_temp_path("_text.zip");
  std::ofstream(text) << "hello\n";
  EXPECT_NE(run_cli("import-cms --out " + out_dir() + " " + text, "").err.find("not a CMS file unitwise reads"),
            std::string::npos);
  const std::string rubbish = test_temp_path("_rubbish.zip");
  std::ofstream(rubbish, std::ios::binary) << std::string("PK\3\4", 4) << std::string(100, 'x');
  const CliRun run = run_cli("import-cms --out " + out_dir() + " " + rubbish, "");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("is not a whole zip archive"), std::string::npos) << run.err;
}

// A folder, a FIFO or a device is not a CMS file: refused by what it is, before anything is read.
TEST(CliImportZip, AFolderOrDeviceIsRefusedForWhatItIs) {
  const std::string dir = out_dir();
  const CliRun folder = run_cli("import-cms --out " + dir + " " + testing::TempDir(), "");
  EXPECT_EQ(folder.status, 2);
  EXPECT_NE(folder.err.find("is a folder, not a file"), std::string::npos) << folder.err;
  const CliRun zero = run_cli("import-cms --out " + dir + " /dev/zero", "");
  EXPECT_EQ(zero.status, 2);
  EXPECT_NE(zero.err.find("/dev/zero: is not a regular file"), std::string::npos) << zero.err;
  const std::string fifo = test_temp_path(".fifo");
  std::filesystem::remove(fifo);
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_NE(run_cli("import-cms --out " + dir + " " + fifo, "").err.find("is not a regular file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir));
}

// CMS's RVU25D bundle zipped as CMS serves it (csv, fixed-width txt, PDF): the same pack as the three loose files.
TEST(CliImportZip, TheRealRvu25dZipImportsToTheSamePackAsTheLooseFiles) {
  const std::string cms = std::string(UNITWISE_CMS_DIR) + "/rvu25d/";
  if (!std::filesystem::exists(cms + "PPRRVU2025_Oct.csv")) GTEST_SKIP() << "CMS's files are not in " << cms;
  json entries = json::array();
  for (const char* f : {"PPRRVU2025_Oct.csv", "PPRRVU2025_Oct.txt", "GPCI2025.csv", "GPCI2025.txt", "25LOCCO.csv",
                        "25LOCCO.txt", "RVU25D.pdf"}) {
    entries.push_back({{"name", f}, {"path", cms + f}});
  }
  const std::string zip = make_zip({{"entries", entries}}, "_rvu25d.zip");
  const std::string from_zip = out_dir();
  const std::string loose = test_temp_path("_loose");
  std::filesystem::remove_all(loose);
  const CliRun a = run_cli("import-cms --effective 2025-01-01 --out " + from_zip + " " + zip, "");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_NE(a.err.find("PPRRVU2025_Oct.txt (the fixed-width copy of PPRRVU2025_Oct.csv, which is read)"),
            std::string::npos)
      << a.err;
  EXPECT_NE(a.err.find("RVU25D.pdf (not a CMS file unitwise reads)"), std::string::npos) << a.err;
  const CliRun b = run_cli("import-cms --quiet --effective 2025-01-01 --out " + loose + " " + cms +
                               "PPRRVU2025_Oct.csv " + cms + "GPCI2025.csv " + cms + "25LOCCO.csv",
                           "");
  ASSERT_EQ(b.status, 0) << b.err;
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(loose)) {
    std::ifstream x(entry.path(), std::ios::binary),
        y(from_zip + "/" + entry.path().filename().string(), std::ios::binary);
    const std::string tx((std::istreambuf_iterator<char>(x)), {}), ty((std::istreambuf_iterator<char>(y)), {});
    EXPECT_EQ(tx, ty) << entry.path().filename();
    ++files;
  }
  EXPECT_EQ(files, 5u);  // manifest, rvu, conversion_factor, gpci, locality
}

}  // namespace

namespace {

// A pack folder: only the tables the manifest lists are read; a listed table that is a folder or FIFO is named
// for what it is (not "missing"); a file the manifest does not list is never read, however large or strange.
TEST(CliPackFolder, OnlyListedTablesAreReadAndAFolderIsNotMissing) {
  const std::string dir = out_dir();
  ASSERT_EQ(run_cli("import-cms --quiet --out " + dir + " " +
                        make_zip({{"entries", {{{"name", "ccipra-v331r0-f1.txt"}, {"text", kPtp}}}}}),
                    "")
                .status,
            0);
  ASSERT_EQ(mkfifo((dir + "/unlisted.fifo").c_str(), 0600), 0);  // reading it would hang
  const char* visit = R"({"dateOfService":"2027-03-02","discipline":"PT","services":[{"code":"97110","minutes":20}]})";
  const CliRun ok = run_cli("evaluate --data " + dir + " -", visit);
  EXPECT_EQ(ok.status, 0) << ok.err;
  std::string table;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().filename().string().rfind("ncci-", 0) == 0) table = e.path().string();
  }
  std::filesystem::remove(table);
  std::filesystem::create_directory(table);
  const CliRun folder = run_cli("evaluate --data " + dir + " -", visit);
  EXPECT_EQ(folder.status, 2);
  EXPECT_NE(folder.err.find("is a folder, not a file"), std::string::npos) << folder.err;
}

}  // namespace
