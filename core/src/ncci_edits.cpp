// NCCI procedure-to-procedure edits among the codes billed on the date of service (rules.md §8).
#include <algorithm>
#include <string>

#include "code_index.h"
#include "trace_text.h"
#include "unitwise/billing_edits.h"

namespace unitwise {
namespace {

// "2019-12-31" → 20191231, so dates compare as numbers.
int date_number(std::string_view iso) {
  int n = 0;
  for (char c : iso) {
    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
  }
  return n;
}

// A record is in force on the date unless it was deleted on or before it. Active records (no deletion
// date) govern over deleted ones of the same pair. The data has no effective dates (core/data/README.md).
const ref::NcciRow* edit_in_force(std::string_view col1, std::string_view col2, int date) {
  static const SortedIndex<ref::NcciRow> index(ref::ncciPairs(), [](const ref::NcciRow& r) {
    return code_pair_key(r.column1, r.column2);
  });
  const ref::NcciRow* found = nullptr;
  const auto [first, last] = index.equal_range(code_pair_key(col1, col2));
  for (auto it = first; it != last; ++it) {
    const ref::NcciRow& row = *it->second;
    if (!row.deletion_date.empty() && date_number(row.deletion_date) <= date) continue;
    if (found == nullptr || row.deletion_date.empty()) found = &row;
  }
  // Indicator 9: the edit was deleted as if it never existed ("not applicable").
  return found != nullptr && found->modifier_indicator != '9' ? found : nullptr;
}

std::vector<std::string_view> billed_codes(const std::vector<Line>& lines) {
  std::vector<std::string_view> codes;
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
  e.source = ref::kNcciRelease;
  if (e.modifier_allowed) {
    e.severity = "warning";
    e.suggested_modifiers = {"59", "XE", "XS", "XP", "XU"};  // X{EPSU} preferred over 59 when one fits (NCCI ch. I §E)
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
  const Date& d = visit.date_of_service;
  const int date = d.year * 10000 + d.month * 100 + d.day;
  const std::vector<std::string_view> codes = billed_codes(lines);
  std::vector<Edit> edits;
  for (std::string_view a : codes) {
    for (std::string_view b : codes) {
      if (a == b) continue;
      if (const ref::NcciRow* row = edit_in_force(a, b, date)) edits.push_back(make_edit(*row));
    }
  }
  if (codes.size() > 1) {
    Trace(notes.explain, notes.trace).add("ncci", "", ref::kNcciRelease, [&] {
      return "Checked " + count(static_cast<int>(codes.size() * (codes.size() - 1) / 2), "code pair") +
             " against the NCCI PTP table: " + count(static_cast<int>(edits.size()), "edit") + ". The table is the 2024-07-01 release; edits "
             "added since are not known.";
    });
  }
  return edits;
}

}  // namespace unitwise
