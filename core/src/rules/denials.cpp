// Which rule denies what: the one table of denial reasons (docs/rules.md §D). Each row names the rule, whether
// every payer denies it or only one whose profile follows Medicare's coverage and edits, what the biller can do,
// and its source. A reason's message in the result (an edit or an error-severity warning) is written by its rule.
#include "rules/denials.h"

namespace unitwise {
namespace {

constexpr DenialRule kDenials[] = {
    {Denial::None, "", "", true, "", ""},
    // CMS NCCI MUE FAQ; MLN MM8853: above the MUE the whole line (MAI 1) or the day's units (MAI 2, 3) are denied.
    {Denial::Mue, "mue", "rules/mue_edits.cpp", false,
     "Check the units; if they are right, appeal with the notes (MAI 2 limits are not appealable).",
     "CMS NCCI MUE FAQ; MLN MM8853 (MUE adjudication indicators)"},
    // NCCI Policy Manual for Medicare ch. I; CMS MLN1783722: modifier indicator 0, no modifier bypasses the edit.
    {Denial::PtpIndicator0, "ptp-indicator-0", "rules/ncci_edits.cpp", false,
     "Drop it from the claim: no modifier or appeal makes it payable beside that code.",
     "NCCI Policy Manual ch. I; CMS MLN1783722 (PTP modifier indicator 0)"},
    // CMS NCCI add-on code edits (since 2013): an add-on code is paid only beside its primary code the same day.
    {Denial::AddOnWithoutPrimary, "add-on-without-primary", "rules/claim_lines.cpp (check_code_pairs)", true,
     "Bill the primary code with it if it was furnished, or drop it.",
     "CMS NCCI add-on code edits; RVU file global ZZZ (add-on)"},
    // CMS HCPCS/CPT annual updates: a code is valid from the date it is added until the date it is deleted.
    {Denial::NotValidOnDate, "not-valid-on-date", "rules/claim_lines.cpp (deny_outside_dates)", true,
     "Use the code valid on the date of service, or check the date.",
     "CMS HCPCS/CPT annual update (CR 14250 for the 2026 RTM codes); core/data/catalogue.csv valid_from/valid_until"},
    // Medicare telehealth list (42 CFR 410.78) and RVU status I: Medicare does not cover the code as billed.
    {Denial::NotCovered, "not-covered", "rules/telehealth.cpp, rules/fee_schedule.cpp", false,
     "Drop it from the telehealth claim: bill it only when furnished in person.",
     "42 CFR 410.78 and the CMS telehealth list; RVU file status I"},
    // PT/OT/SLP telehealth only while the law authorizes it (the dated periods of the telehealth pack).
    {Denial::TelehealthNotAuthorized, "telehealth-not-authorized", "rules/telehealth.cpp", false,
     "Drop these lines from the Medicare claim: Medicare does not pay therapists for telehealth on this date.",
     "42 U.S.C. 1395m(m) as extended; NGS article 10638446"},
    // CPT descriptors of the RTM codes (minutes in a calendar month, days of data in 30 days), as published by
    // AAPC, FairPath and MedBridge (docs/rules.md §W2, secondary sources).
    {Denial::UnderTimeFloor, "under-time-floor", "rules/rtm.cpp", true,
     "Bill the code whose range the time falls in, or nothing this period.",
     "CPT RTM descriptors via AAPC, FairPath, MedBridge (docs/rules.md §W2) [2nd]"},
};

constexpr bool in_order() {
  for (int i = 0; i < static_cast<int>(sizeof kDenials / sizeof kDenials[0]); ++i) {
    if (static_cast<int>(kDenials[i].reason) != i) return false;
  }
  return static_cast<int>(sizeof kDenials / sizeof kDenials[0]) == static_cast<int>(Denial::UnderTimeFloor) + 1;
}
static_assert(in_order(), "kDenials must list every Denial in enum order");

}  // namespace

const DenialRule& denial_rule(Denial reason) { return kDenials[static_cast<int>(reason)]; }

const char* to_string(Denial d) { return denial_rule(d).name; }

bool payer_denies(const PayerProfile& payer, Denial reason) {
  return denial_rule(reason).all_payers || payer.medicare_coverage;
}

int deny_code(std::vector<Line>& lines, std::string_view code, Denial reason) {
  int units = 0;
  for (Line& l : lines) {
    if (l.code != code || !l.billed()) continue;
    l.denied = reason;
    units += l.units;
  }
  return units;
}

}  // namespace unitwise
