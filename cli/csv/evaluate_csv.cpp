// `unitwise evaluate --csv` (docs/batch.md): the input read once or twice, its rows grouped into visits, and the
// visits written as claim lines as they leave the open-visit window; and the command's arguments.
//
// Rows are grouped by visit_id into "open" visits; a visit is evaluated when it is pushed out of the open window
// (oldest first appearance first) or at the end of the input, so output follows first appearance and memory holds
// at most max_open_visits visits. With a window, the input is read twice: first to find the visits split across it
// (their id again after their visit closed), which the second reading writes as one error each, never as a claim
// of part of the visit.
#include "evaluate_csv.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "claim_writer.h"
#include "input.h"
#include "visit_builder.h"
#include "window.h"

namespace unitwise_cli {
namespace {

using csv::ClaimWriter;
using csv::OpenVisit;
using csv::SplitVisits;

// One reading of the input: rows into the window, visits leaving it into the claim writer.
class CsvBatch final : public csv::RowSink {
 public:
  // `scanning`: the first reading, which evaluates and writes nothing and only fills `split`.
  CsvBatch(std::FILE* out, std::FILE* err, const CsvOptions& options, SplitVisits& split, bool scanning)
      : out_(out),
        err_(err),
        options_(options),
        input_(err, *this),
        claims_(out, *options.data, scanning ? nullptr : options.clinician_days),
        split_(split),
        scanning_(scanning),
        window_(options.max_open_visits, split, scanning, [this](OpenVisit& v) { close(v); }) {}

  // Reads `in` to its end, copying what it reads to `copy_to` when not null.
  int run(std::FILE* in, std::FILE* copy_to);

 private:
  void row(const std::vector<std::string>& fields, long line) override {
    csv::add_row(window_.visit_for(input_.columns().cell(fields, csv::kVisitId), line), input_.columns(), fields, line,
                 options_.date_order);
  }
  void bad_record(const std::string& visit_id, long line, const std::string& message) override {
    window_.visit_for(visit_id, line).errors.push_back(message);
  }
  void close(OpenVisit& v);

  std::FILE* out_;
  std::FILE* err_;
  CsvOptions options_;
  csv::CsvInput input_;
  ClaimWriter claims_;
  SplitVisits& split_;
  bool scanning_;
  csv::VisitWindow window_;
};

int CsvBatch::run(std::FILE* in, std::FILE* copy_to) {
  if (input_.read(in, copy_to, out_) == 2) return 2;
  if (!scanning_ && options_.clinician_days != nullptr)
    options_.clinician_days->set_column_present(input_.columns().has(csv::kClinician));
  while (!window_.empty() && !std::ferror(out_)) window_.close_oldest();
  for (const auto& [id, split] : split_) {
    if (scanning_ || split.reported) continue;
    OpenVisit v;  // an id whose 64-bit hash equals an earlier visit's (odds ~n^2/2^65): visible, never dropped
    v.id = id;
    claims_.write_errors(
        v, {"line " + std::to_string(split.again_line) + ": visit_id " + id + " cannot be told " +
            "apart from an earlier visit's id (a one-in-billions clash): rename it, or use " + "--max-open-visits 0"});
  }
  if (std::fflush(out_) != 0 || std::ferror(out_)) {
    std::fprintf(err_, "unitwise: cannot write the output: %s\n", std::strerror(errno));
    return 2;
  }
  return claims_.status();
}

void CsvBatch::close(OpenVisit& v) {
  if (scanning_) return;
  if (v.keyed && !split_.empty()) {
    const auto split = split_.find(v.id);
    if (split != split_.end()) {
      split->second.reported = true;
      claims_.write_errors(v, {csv::split_error(v, split->second.again_line, options_.max_open_visits)});
      return;
    }
  }
  claims_.write_visit(v);
}

constexpr const char* kCsvUsage =
    "usage: unitwise evaluate [--data DIR]... --csv [FILE|-] [--max-open-visits N] [--date-order mdy|dmy]\n"
    "                         [--clinician-days FILE [--shift-hours H]]\n"
    "  service rows (visit_id,date_of_service,discipline,code,minutes[,assistant_minutes,locality,setting,days,\n"
    "  clinician,diagnoses,diagnosis_pointers]; other names too, e.g. Visit ID,DOS,Disc,CPT,Mins)\n"
    "  in, claim lines (visit_id,line,code,units,modifiers,allowed,edits,warnings,errors,diagnosis_pointers) out;\n"
    "  --clinician-days FILE: each clinician's billed timed minutes a date, as CSV (clinician,date,visits,\n"
    "  timed_minutes,flag), the days over --shift-hours (default 8) or over 24 hours flagged; docs/batch.md\n";

}  // namespace

int evaluate_csv(std::FILE* in, std::FILE* out, std::FILE* err, const CsvOptions& options) {
  static char out_buffer[1 << 16];
  if (out == stdout) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
  ClaimWriter::write_header(out);
  SplitVisits split;
  if (options.max_open_visits == 0) {  // no visit closes before the end: none can be split
    CsvBatch batch(out, err, options, split, false);
    return batch.run(in, nullptr);
  }
  // With a window, the input is read twice (docs/batch.md, "Memory"): the first reading finds the visits split across
  // the file, so that the second writes each as one error and never a partial claim. A pipe is copied to a
  // temporary file for the second reading.
  const long start = std::ftell(in);
  std::FILE* spool = nullptr;
  if (start < 0 || std::fseek(in, start, SEEK_SET) != 0) {
    spool = std::tmpfile();
    if (spool == nullptr) {
      std::fprintf(err,
                   "unitwise: cannot keep a copy of the CSV input to read it twice: %s (give a file, or use "
                   "--max-open-visits 0)\n",
                   std::strerror(errno));
      return 2;
    }
  }
  const auto done = [&](int status) {
    if (spool != nullptr) std::fclose(spool);
    return status;
  };
  if (CsvBatch(out, err, options, split, true).run(in, spool) == 2) return done(2);
  if (spool != nullptr ? std::fflush(spool) != 0 || std::fseek(spool, 0, SEEK_SET) != 0
                       : std::fseek(in, start, SEEK_SET) != 0) {
    std::fprintf(err, "unitwise: cannot read the CSV input a second time: %s\n", std::strerror(errno));
    return done(2);
  }
  return done(CsvBatch(out, err, options, split, false).run(spool != nullptr ? spool : in, nullptr));
}

int evaluate_csv_command(int argc, char** argv, const unitwise::ReferenceData& data) {
  CsvOptions options;
  options.data = &data;
  const char* path = nullptr;
  const char* days_path = nullptr;
  const char* shift_arg = nullptr;
  long shift = csv::kDefaultShiftHundredths;
  for (int i = 0; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--csv") continue;
    if (arg == "--max-open-visits" && i + 1 < argc) {
      char* end = nullptr;
      errno = 0;
      const unsigned long long n = std::strtoull(argv[++i], &end, 10);
      if (errno != 0 || end == argv[i] || *end != '\0' || argv[i][0] == '-') {
        std::fprintf(stderr, "unitwise: --max-open-visits needs a whole number (0: no limit)\n%s", kCsvUsage);
        return 2;
      }
      options.max_open_visits = static_cast<std::size_t>(n);
    } else if (arg == "--date-order" && i + 1 < argc) {
      const std::string_view order = argv[++i];
      if (order != "mdy" && order != "dmy") {
        std::fprintf(stderr,
                     "unitwise: --date-order is mdy (04/05/2026 is April 5, the default) or dmy (it is 4 May)\n%s",
                     kCsvUsage);
        return 2;
      }
      options.date_order = order == "dmy" ? csv::DateOrder::kDayFirst : csv::DateOrder::kMonthFirst;
    } else if (arg == "--clinician-days" && i + 1 < argc && days_path == nullptr) {
      days_path = argv[++i];
      if (std::strcmp(days_path, "-") == 0 || days_path[0] == '\0') {
        std::fprintf(stderr, "unitwise: --clinician-days needs a file name (standard output has the claim lines)\n%s",
                     kCsvUsage);
        return 2;
      }
    } else if (arg == "--shift-hours" && i + 1 < argc && shift_arg == nullptr) {
      shift_arg = argv[++i];
      if (!csv::read_shift_hours(shift_arg, shift)) {
        std::fprintf(stderr, "unitwise: --shift-hours %s: %s\n%s", shift_arg, csv::kBadShiftHoursMessage, kCsvUsage);
        return 2;
      }
    } else if (path == nullptr && (arg == "-" || arg.substr(0, 1) != "-")) {
      path = argv[i];
    } else {
      std::fprintf(stderr, "unitwise: unexpected argument %s\n%s", argv[i], kCsvUsage);
      return 2;
    }
  }
  if (shift_arg != nullptr && days_path == nullptr) {
    std::fprintf(stderr, "unitwise: --shift-hours flags the days of --clinician-days FILE: give that too\n%s",
                 kCsvUsage);
    return 2;
  }
  std::FILE* in = path == nullptr || std::strcmp(path, "-") == 0 ? stdin : std::fopen(path, "rb");
  if (in == nullptr) {
    std::fprintf(stderr, "unitwise: cannot read %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  std::FILE* days_out = days_path == nullptr ? nullptr : std::fopen(days_path, "wb");
  if (days_path != nullptr && days_out == nullptr) {
    std::fprintf(stderr, "unitwise: cannot write %s: %s\n", days_path, std::strerror(errno));
    if (in != stdin) std::fclose(in);
    return 2;
  }
  csv::ClinicianDays days;
  if (days_out != nullptr) options.clinician_days = &days;
  int status = evaluate_csv(in, stdout, stderr, options);
  if (in != stdin) std::fclose(in);
  if (days_out != nullptr) {
    // After a usage or I/O error (status 2) the file has its header only, as standard output has.
    if (status == 2) csv::ClinicianDays().write(days_out, shift);
    else days.write(days_out, shift);
    if (std::fflush(days_out) != 0 || std::ferror(days_out) != 0) {
      std::fprintf(stderr, "unitwise: cannot write %s: %s\n", days_path, std::strerror(errno));
      status = 2;
    }
    if (std::fclose(days_out) != 0 && status != 2) {
      std::fprintf(stderr, "unitwise: cannot write %s: %s\n", days_path, std::strerror(errno));
      status = 2;
    }
    if (status != 2 && !days.column_present()) {
      std::fprintf(stderr,
                   "unitwise: the CSV has no clinician column (or Provider, Rendering NPI...): %s lists no days\n",
                   days_path);
    } else if (status != 2) {
      days.summarize(stderr, shift, days_path);
    }
  }
  return status;
}

}  // namespace unitwise_cli
