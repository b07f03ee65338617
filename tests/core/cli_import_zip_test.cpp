// import-cms on zips as CMS publishes them: members it knows are imported, the rest skipped and listed, and a
// bad zip refused with nothing written. The zips are made at test time (make_zip.py) from synthetic CMS-shaped
// text, or from CMS's own files in ../shared when they are there (they carry AMA descriptors: never copied in).
#include <sys/stat.h>

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
  const std::string zip = make_zip({{"entries", {{{"name", "ccipra-v331r0-f1.txt"}, {"text", kPtp}},
                                                 {{"name", "README.pdf"}, {"text", "%PDF-1.4 not a CMS table\n"}}}}});
  const std::string dir = out_dir();
  const CliRun run = run_cli("import-cms --out " + dir + " " + zip, "");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.err.find(": README.pdf (not a CMS file unitwise reads)"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(": ccipra-v331r0-f1.txt: NCCI PTP practitioner txt, 2 rows kept"), std::string::npos) << run.err;
  std::ifstream manifest(dir + "/manifest.json");
  const json m = json::parse(manifest);
  ASSERT_EQ(m["tables"].size(), 1u);
  EXPECT_EQ(m["tables"][0]["kind"], "ncci");
  EXPECT_EQ(m["sources"][0]["file"], "ccipra-v331r0-f1.txt");
}

}  // namespace
