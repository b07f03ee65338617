// Any bytes in as `unitwise evaluate --csv` input (docs/batch.md): the command ends with status 0, 1 or 2;
// what it wrote is claim-line CSV of the format's columns a row; status 0 only when no row holds an error and 1
// only when one does; no row says the engine itself failed; no cell starts as a spreadsheet formula; a visit_id's
// rows are one block, all claim lines or all errors (never a claim of part of a visit split across the input);
// the clinicians' days (--clinician-days) are strict CSV of five columns, no cell a formula; and nothing crashes,
// hangs or leaks.
#include <csv.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "csv/csv_format.h"
#include "csv/evaluate_csv.h"

namespace {

// visit_id,line,code,units,modifiers,allowed,edits,warnings,errors,diagnosis_pointers (cli/csv/format.json)
constexpr std::size_t kColumns = std::size(unitwise_cli::csv::kClaimColumns);
constexpr std::size_t kErrors = 8;

struct Rows {
  std::vector<std::vector<std::string>> rows{{}};
  static void field(void* data, std::size_t size, void* self) {
    static_cast<Rows*>(self)->rows.back().emplace_back(static_cast<const char*>(data), size);
  }
  static void end(int, void* self) { static_cast<Rows*>(self)->rows.emplace_back(); }
};

Rows read_output(const char* text, std::size_t size) {
  Rows out;
  csv_parser p{};
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) std::abort();
  if (csv_parse(&p, text, size, Rows::field, Rows::end, &out) != size) std::abort();  // our CSV must be strict CSV
  if (csv_fini(&p, Rows::field, Rows::end, &out) != 0) std::abort();
  csv_free(&p);
  out.rows.pop_back();  // the empty row opened after the last record
  return out;
}

// The two messages (each "line N: " and nothing more) that mean the engine, not the input, failed. Whole
// messages only: other errors quote the user's cells, which may hold these words.
bool engine_failed(const std::string& error) {
  const std::size_t colon = error.find(": ");
  if (error.rfind("line ", 0) != 0 || colon == std::string::npos) return false;
  const std::string_view what = std::string_view(error).substr(colon + 2);
  return what == unitwise_cli::kEngineResultNotJson || what == unitwise_cli::kEngineFoundNoError;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static char empty = 0;
  std::FILE* in =
      fmemopen(size ? const_cast<std::uint8_t*>(data) : reinterpret_cast<std::uint8_t*>(&empty), size, "rb");
  char* out_text = nullptr;
  std::size_t out_size = 0;
  std::FILE* out = open_memstream(&out_text, &out_size);
  static std::FILE* const err = std::fopen("/dev/null", "w");  // messages to the user; the output is what is checked
  if (in == nullptr || out == nullptr || err == nullptr) std::abort();
  unitwise_cli::CsvOptions options;
  options.max_open_visits = 3;            // a small window, so visits also close early and ids can reappear
  unitwise_cli::csv::ClinicianDays days;  // --clinician-days: strict CSV of five columns, no cell a formula
  options.clinician_days = &days;
  const int status = unitwise_cli::evaluate_csv(in, out, err, options);
  std::fclose(in);
  std::fclose(out);
  if (status < 0 || status > 2) std::abort();
  char* days_text = nullptr;
  std::size_t days_size = 0;
  std::FILE* days_out = open_memstream(&days_text, &days_size);
  if (days_out == nullptr) std::abort();
  days.write(days_out, unitwise_cli::csv::kDefaultShiftHundredths);
  std::fclose(days_out);
  const Rows day_rows = read_output(days_text, days_size);
  std::free(days_text);
  for (const auto& row : day_rows.rows) {
    if (row.size() != 5) std::abort();
    for (const std::string& cell : row) {
      if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) std::abort();
    }
  }
  const Rows output = read_output(out_text, out_size);
  std::free(out_text);
  if (output.rows.empty() || output.rows[0].size() != kColumns) std::abort();  // the header is always written
  bool any_error = false;
  std::set<std::string> ids_done;
  for (std::size_t i = 1; i < output.rows.size(); ++i) {
    const auto& row = output.rows[i];
    if (row.size() != kColumns) std::abort();
    if (engine_failed(row[kErrors])) std::abort();
    any_error = any_error || !row[kErrors].empty();
    for (const std::string& cell : row) {
      if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) std::abort();
    }
    const std::string& id = row[0];
    if (id.empty()) continue;  // rows without a visit_id are each their own error
    if (output.rows[i - 1][0] == id) {
      if (output.rows[i - 1][kErrors].empty() != row[kErrors].empty()) std::abort();
    } else if (!ids_done.insert(id).second) {
      std::abort();
    }
  }
  if (status != 2 && (status == 1) != any_error) std::abort();
  return 0;
}
