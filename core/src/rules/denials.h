// The one denial model (docs/rules.md §D): a claim line is billed, denied (with a reason) or at risk (a
// warning). This header and denials.cpp hold the single table of which rule denies what, and the helpers the
// rules use to deny lines, so every denial is $0, out of MPPR, the totals, KX and the claim in the same way.
#pragma once

#include <string_view>
#include <vector>

#include "unitwise/model.h"

namespace unitwise {

struct DenialRule {
  Denial reason;
  const char* name;        // the line's "denied" value in the result
  const char* rule;        // the rule that denies (engine file), for readers of the table
  bool all_payers;         // false: only a payer whose profile follows Medicare (medicareCoverage) denies it
  const char* what_to_do;  // plain words for the biller
  const char* source;      // one-line citation
};

const DenialRule& denial_rule(Denial reason);

// Whether this payer denies lines for this reason; when it does not, the line stays billed and at risk.
bool payer_denies(const PayerProfile& payer, Denial reason);

// Denies every line of `code` the claim still bills (units above 0, not denied yet: the first reason stands).
// Returns the units it denied.
int deny_code(std::vector<Line>& lines, std::string_view code, Denial reason);

}  // namespace unitwise
