// The codes unitwise knows (core/data/catalogue.csv): timed or not, who may bill them, what kind of
// service they are. Not dated: what changes by date (RVUs, edits) lives in the releases.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "unitwise/model.h"

namespace unitwise {

enum class CodeKind { Treatment, Modality, Evaluation, AddOn, Rtm, Wound, Group };

struct CodeInfo {
  std::string code;
  std::string descriptor;                         // our own words, never CPT text
  bool timed = false;                             // reported per 15 minutes: the 8-minute rule applies
  std::string unit_basis;                         // "each 15 min", "per session", "per evaluation", ...
  std::vector<Discipline> disciplines;            // plans of care that may bill it
  std::optional<Discipline> required_discipline;  // the only plan it may be billed under, if any
  CodeKind kind = CodeKind::Treatment;
  std::string primary_code;  // add-ons: the code it must accompany on the same day
  std::string timed_source;
  std::string source;
  int valid_from = 0;   // YYYYMMDD (a DateKey): the first date the code may be billed; 0 = not known to start later
  int valid_until = 0;  // the last date it may be billed; 0 = still valid
  std::string validity_source;
  bool valid_on(int date_key) const {
    return (valid_from == 0 || date_key >= valid_from) && (valid_until == 0 || date_key <= valid_until);
  }
  bool evaluation() const { return kind == CodeKind::Evaluation; }
};

// nullptr for a code outside the catalogue. The pointer stays valid for the program's life.
const CodeInfo* find_code(std::string_view code);
const std::vector<CodeInfo>& catalogue();
// Did-you-mean for a code outside the catalogue: the catalogue code one typing slip away (one character changed,
// added or dropped, or two neighbours swapped: "97100" → 97110), the first in catalogue order (the common codes
// come first) when several are; nullptr when none is that close. The CLI, the package and the page all get it in
// the unknown-code error.
const CodeInfo* nearest_code(std::string_view code);
// Every catalogue code one typing slip away, in that order, at most `limit`: the page offers each as a button.
std::vector<const CodeInfo*> near_codes(std::string_view code, std::size_t limit);
const char* to_string(CodeKind kind);

}  // namespace unitwise
