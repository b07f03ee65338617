// A clinician's day (docs/batch.md, "A clinician's day"): minutes summed per clinician and date, days flagged.
// web/file/clinician-days.js does the same for the page; tests/node/clinician-days.test.mjs holds them to one file.
#include "clinician_days.h"

#include <cstdlib>

#include "claim_writer.h"
#include "unitwise/catalogue.h"

namespace unitwise_cli::csv {
namespace {

constexpr long kMinutesInADay = 24 * 60;

// A code as the engine bills it: spaces around it dropped, letters put in capitals when it is letters and digits.
std::string claim_code(std::string_view code) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!code.empty() && space(code.front())) code.remove_prefix(1);
  while (!code.empty() && space(code.back())) code.remove_suffix(1);
  std::string out(code);
  for (const char c : out) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return out;
  }
  for (char& c : out) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c;
  return out;
}

bool timed(const std::string& code) {
  const unitwise::CodeInfo* info = unitwise::find_code(code);
  return info != nullptr && info->timed;
}

}  // namespace

bool read_shift_hours(std::string_view text, long& hundredths) {
  long whole = 0, fraction = 0;
  int decimals = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (i >= 2) return false;  // 100 hours and more
    whole = whole * 10 + (text[i] - '0');
  }
  if (i == 0) return false;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
      if (++decimals > kMaxShiftDecimals) return false;
      fraction = fraction * 10 + (text[i] - '0');
    }
    if (decimals == 0) return false;  // "8." is not a number a person writes
  }
  if (i != text.size()) return false;
  for (int d = decimals; d < 2; ++d) fraction *= 10;
  hundredths = whole * 100 + fraction;
  return hundredths > 0 && hundredths <= 24 * 100;
}

std::string shift_text(long hundredths) {
  std::string out = std::to_string(hundredths / 100);
  const long fraction = hundredths % 100;
  if (fraction != 0) {
    out += '.';
    out += static_cast<char>('0' + fraction / 10);
    if (fraction % 10 != 0) out += static_cast<char>('0' + fraction % 10);
  }
  return out;
}

const char* day_flag(long minutes, long shift_hundredths) {
  if (minutes > kMinutesInADay) return kImpossibleDayFlag;
  // minutes > hours * 60, in hundredths of an hour: minutes * 100 > hundredths * 60, exact in whole numbers.
  if (minutes * 100 > shift_hundredths * 60) return kOverShiftFlag;
  return "";
}

void ClinicianDays::add(const OpenVisit& v, const std::vector<std::string>& billed) {
  std::vector<std::size_t> seen;  // the clinicians of this visit, each given the visit once
  for (const ServiceRow& row : v.services) {
    if (row.clinician.empty()) continue;
    auto [it, added] = index_.try_emplace(row.clinician, clinicians_.size());
    if (added) {
      clinicians_.push_back(row.clinician);
      days_.emplace_back();
    }
    Day& day = days_[it->second][v.date.value];
    bool first = true;
    for (const std::size_t c : seen) first = first && c != it->second;
    if (first) {
      seen.push_back(it->second);
      ++day.visits;
    }
    const std::string code = claim_code(row.code);
    bool billed_code = false;
    for (const std::string& b : billed) billed_code = billed_code || b == code;
    // A valid visit's minutes are whole numbers 0-1440 (the engine checked them), however the cell wrote them.
    if (billed_code && timed(code) && !row.minutes.empty())
      day.minutes += static_cast<long>(std::strtod(row.minutes.c_str(), nullptr));
  }
}

void ClinicianDays::write(std::FILE* out, long shift_hundredths) const {
  CsvWriter writer(out);
  for (const char* name : kClinicianDayColumns) writer.field(name);
  writer.end_row();
  for (std::size_t c = 0; c < clinicians_.size(); ++c) {
    for (const auto& [date, day] : days_[c]) {
      writer.field(clinicians_[c]);
      writer.field(date);
      writer.field(std::to_string(day.visits));
      writer.field(std::to_string(day.minutes));
      writer.field(day_flag(day.minutes, shift_hundredths));
      writer.end_row();
    }
  }
}

void ClinicianDays::summarize(std::FILE* err, long shift_hundredths, const char* path) const {
  std::size_t flagged = 0, all = 0;
  for (const auto& days : days_) {
    all += days.size();
    for (const auto& [date, day] : days) flagged += *day_flag(day.minutes, shift_hundredths) != '\0';
  }
  if (flagged == 0) return;
  std::fprintf(err,
               "unitwise: %zu of %zu clinician days flagged (shift %s hours; over 24 hours is impossible), in %s:\n",
               flagged, all, shift_text(shift_hundredths).c_str(), path);
  for (std::size_t c = 0; c < clinicians_.size(); ++c) {
    std::string said;
    std::size_t n = 0;
    for (const auto& [date, day] : days_[c]) {
      const char* flag = day_flag(day.minutes, shift_hundredths);
      if (*flag == '\0') continue;
      if (++n <= 3) said += (n > 1 ? "; " : "") + date + " " + std::to_string(day.minutes) + " minutes, " + flag;
    }
    if (n == 0) continue;
    if (n > 3) said += "; and " + std::to_string(n - 3) + " more";
    std::fprintf(err, "  %s: %zu of %zu days: %s\n", clinicians_[c].c_str(), n, days_[c].size(), said.c_str());
  }
}

}  // namespace unitwise_cli::csv
