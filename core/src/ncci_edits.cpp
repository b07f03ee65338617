// NCCI procedure-to-procedure edits among the codes billed on the date of service (rules.md §8).
#include <algorithm>
#include <cstdio>
#include <string>

#include "unitwise/billing_edits.h"

namespace unitwise {
namespace {

std::string iso_date(const Date& d) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  return text;
}

// A record is in force on the date unless it was deleted on or before it. Active records (no deletion
// date) govern over deleted ones of the same pair. The data has no effective dates (core/data/README.md).
const ref::NcciRow* edit_in_force(std::string_view col1, std::string_view col2, const std::string& date) {
  const ref::NcciRow* found = nullptr;
  for (const auto& row : ref::ncciPairs()) {
    if (row.column1 != col1 || row.column2 != col2) continue;
    if (!row.deletion_date.empty() && row.deletion_date <= date) continue;
    if (found == nullptr || row.deletion_date.empty()) found = &row;
  }
  // Indicator 9: the edit was deleted as if it never existed ("not applicable").
  return found != nullptr && found->modifier_indicator != '9' ? found : nullptr;
}

std::vector<std::string> billed_codes(const std::vector<Line>& lines) {
  std::vector<std::string> codes;
  for (const Line& l : lines) {
    if (l.units > 0 && std::find(codes.begin(), codes.end(), l.code) == codes.end()) codes.push_back(l.code);
  }
  return codes;
}

Edit make_edit(const ref::NcciRow& row) {
  Edit e;
  e.kind = "ncci";
  e.column1 = std::string(row.column1);
  e.column2 = std::string(row.column2);
  e.modifier_indicator = std::string(1, row.modifier_indicator);
  e.modifier_allowed = row.modifier_indicator == '1';
  e.rationale = std::string(row.rationale);
  e.source = std::string(ref::kNcciRelease);
  if (e.modifier_allowed) {
    e.severity = "warning";
    e.suggested_modifiers = "59 XE XS XP XU";  // X{EPSU} preferred over 59 when one fits (NCCI Policy Manual ch. I §E)
    e.message = e.column2 + " is bundled into " + e.column1 + " on the same day. It is paid only when it was a "
                "distinct service (separate session, structure or practitioner, or non-overlapping time) and the "
                "record shows it: then put XE, XS, XP or XU (or 59 if none fits) on " + e.column2 +
                ". Never add a modifier just to get past the edit.";
  } else {
    e.severity = "error";
    e.message = e.column2 + " cannot be billed with " + e.column1 + " on the same day, with or without a modifier "
                "(indicator 0): only " + e.column1 + " is payable.";
  }
  if (row.column1 == "97113" && row.column2 == "97036") {
    e.message += " Note: a 2026 third-party list says a modifier bypasses this pair; the CMS 2024 table says it "
                 "does not. Check the current CMS file.";
  }
  return e;
}

}  // namespace

std::vector<Edit> ncci_edits(const Visit& visit, const std::vector<Line>& lines, Notes& notes) {
  const std::string date = iso_date(visit.date_of_service);
  const std::vector<std::string> codes = billed_codes(lines);
  std::vector<Edit> edits;
  for (const std::string& a : codes) {
    for (const std::string& b : codes) {
      if (a == b) continue;
      if (const ref::NcciRow* row = edit_in_force(a, b, date)) edits.push_back(make_edit(*row));
    }
  }
  if (codes.size() > 1) {
    notes.trace.push_back({"ncci", "Checked " + std::to_string(codes.size() * (codes.size() - 1) / 2) +
                                       " code pairs against the NCCI PTP table: " + std::to_string(edits.size()) +
                                       " edit(s). The table is the 2024-07-01 release; edits added since are not known.",
                           std::string(ref::kNcciRelease), ""});
  }
  return edits;
}

}  // namespace unitwise
