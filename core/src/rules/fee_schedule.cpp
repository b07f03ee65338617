// The Medicare fee of a visit: PFS price per unit, MPPR, CQ/CO 85%, then deductible, 20% coinsurance and
// 2% sequestration. Exact arithmetic throughout; each reported figure is rounded to cents once.
#include "rules/fee_schedule.h"

#include <algorithm>

#include "base/concat.h"
#include "base/small_vector.h"
#include "rules/denials.h"
#include "rules/rules.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

constexpr int kMpprPePercent = 50;  // 50% of PE on every unit after the first (NGS, since 4/1/2013)
// CQ/CO paid at 85% (42 U.S.C. 1395m(v)(1), in force from 1 January 2022).
constexpr int kAssistantPercent = 85;
constexpr int kMpprIndicator = 5;  // RVU file mult-proc indicator 5: therapy MPPR on PE
// 2% of Medicare's share, in force from 1 July 2022 (NGS; First Coast example).
constexpr int kSequestrationPercent = 2;

constexpr const char* kPfsSource = "MCPM 100-04 ch.12 (PFS formula); AAPC payment formula";
constexpr const char* kMpprSource = "MCPM 100-04 ch.5 §10.7; NGS and Novitas MPPR pages";
constexpr const char* kAssistantSource = "42 U.S.C. 1395m(v)(1); applied after MPPR (order UNVERIFIED)";
constexpr const char* kShareSource = "42 U.S.C. 1395m(k)(1)(B); sequestration per First Coast and Noridian (CARC 253)";

bool is_paid(const RvuRow& rvu) { return rvu.status == 'A' || rvu.status == 'R'; }

struct PricedLine {
  const RvuRow* rvu = nullptr;
  UnitPrice unit;
  bool paid = false;
  bool mppr = false;
};

void warn_once(Notes& notes, WarningId id, std::string message, std::string_view code = {}) {
  for (const auto& w : notes.warnings) {
    if (w.id == id && w.message == message) return;
  }
  notes.warn(id, std::move(message), code);
}

std::string price_text(const RvuRow& rvu, int pe, const GpciRow& g, std::int64_t cf, const UnitPrice& u) {
  return cat({"(", fixed_text(rvu.work, 2), " × ", fixed_text(g.work, 3), " + ", fixed_text(pe, 2), " × ",
              fixed_text(g.pe, 3), " + ", fixed_text(rvu.mp, 2), " × ", fixed_text(g.mp, 3), ") × $", fixed_text(cf, 4),
              " = ", dollars(round_to_cents(u.full)), " per unit"});
}

// The unit paid in full: highest PE payment of the day, then highest full price, then line order (Novitas).
std::size_t mppr_full_line(const std::vector<Line>& lines, const SmallVector<PricedLine>& priced) {
  std::size_t best = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!priced[i].mppr || lines[i].units == 0) continue;
    if (best == lines.size()) {
      best = i;
      continue;
    }
    const UnitPrice& a = priced[i].unit;
    const UnitPrice& b = priced[best].unit;
    const Exact a_full = lines[i].assistant ? percent(a.full, kAssistantPercent) : a.full;
    const Exact b_full = lines[best].assistant ? percent(b.full, kAssistantPercent) : b.full;
    if (a.pe_part > b.pe_part || (a.pe_part == b.pe_part && a_full > b_full)) best = i;
  }
  return best;
}

// The payer's own price of a code, a unit at a time: no geographic adjustment, MPPR or assistant rate.
FeeLine per_code_fee(const PayerProfile& payer, const Line& line, Notes& notes) {
  FeeLine f;
  if (line.units == 0) return f;
  for (const auto& [code, cents] : payer.fee_per_code) {
    if (code != line.code) continue;
    f.full = cents * line.units;
    f.allowed = f.full;
    return f;
  }
  warn_once(notes, WarningId::PayerFeeUnknown,
            cat({line.code, ": ", payer.name, "'s fee table has no price for it; $0 shown."}));
  return f;
}

}  // namespace

UnitPrice unit_price(int work, int pe, int mp, const GpciRow& g, std::int64_t cf) {
  // RVU (1/100) x GPCI (1/1000) x CF (1/10000) = 1e-9 dollar; x200 → Exact (1/(2e11) dollar).
  const Exact scale = kExactPerDollar / 1000000000;
  UnitPrice u;
  u.pe_part = Exact{pe} * g.pe * cf * scale;
  u.full = (Exact{work} * g.work + Exact{mp} * g.mp) * cf * scale + u.pe_part;
  return u;
}

LineShare share_of(Cents allowed, Cents deductible_left, int coinsurance_percent, int sequestration_percent) {
  LineShare s;
  s.deductible = std::min(deductible_left, allowed);
  s.coinsurance = percent_of(allowed - s.deductible, coinsurance_percent, 100);
  const Cents medicare = allowed - s.deductible - s.coinsurance;
  s.sequestration = percent_of(medicare, sequestration_percent, 100);
  s.medicare_pays = medicare - s.sequestration;
  return s;
}

Fee price_visit(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const Visit& visit = valid.visit();
  const VisitReleases& releases = valid.releases();
  const PayerProfile& payer = visit.payer;
  Trace trace(notes.trace_on, notes.trace);
  const GpciRow& gpci = valid.locality();
  const Table<RvuRow>& rvus = *releases.rvu.table;  // validate() refuses a visit without fee data
  Fee fee;
  fee.payer = payer.name;
  fee.year = rvus.release.year;
  fee.locality = gpci.id;  // the code, also when the visit named a place
  fee.locality_name = gpci.name;
  fee.setting = to_string(visit.setting);
  fee.conversion_factor = releases.conversion_factor.value;
  if (visit.locality != gpci.id && gpci.id != "national") {
    trace.add(Rule::Locality, "", "CMS GPCI and LOCCO files", [&] {
      return cat({"The place \"", visit.locality, "\" is Medicare payment locality ", gpci.id, " (", gpci.name, ", ",
                  gpci.state, ")."});
    });
  }
  fee.sources = {rvus.release.name,
                 releases.gpci.table ? std::string_view(releases.gpci.table->release.name) : "National (no GPCI)",
                 kMpprSource, "42 U.S.C. 1395m(v) (CQ/CO 85%)", kShareSource};

  SmallVector<PricedLine> priced;
  for (std::size_t i = 0; i < lines.size(); ++i) priced.push_back(PricedLine{});
  fee.lines.reserve(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    PricedLine& p = priced[i];
    if (lines[i].is_denied()) continue;  // $0, and out of the MPPR ranking: the MAC pays none of it
    p.rvu = valid.rvu(lines[i].code);
    if (p.rvu == nullptr) {
      if (lines[i].units > 0) {
        warn_once(notes, WarningId::NoRvus,
                  cat({lines[i].code, ": the fee schedule used (", rvus.release.name,
                       ") has no relative values for it; priced at $0."}));
      }
      continue;
    }
    p.paid = is_paid(*p.rvu);
    p.mppr = payer.mppr && p.paid && p.rvu->mult_proc == kMpprIndicator;
    int pe = p.rvu->pe_nonfac;
    if (visit.setting == Setting::Facility) {
      if (p.rvu->fac_pe_na) {
        warn_once(notes, WarningId::FacilityPeNa,
                  cat({lines[i].code,
                       ": CMS publishes no facility PE for it; priced at "
                       "the non-facility rate, as outpatient therapy generally is (UNVERIFIED)."}));
      } else {
        pe = p.rvu->pe_fac;
      }
    }
    p.unit = unit_price(p.rvu->work, pe, p.rvu->mp, gpci, fee.conversion_factor);
    if (!p.paid && lines[i].units > 0 && payer.medicare_coverage) {
      const bool bundled = p.rvu->status == 'B';
      // Status I: Medicare denies the code (validate() refuses it under Medicare; a table of another date may not).
      if (!bundled) deny_code(lines, lines[i].code, Denial::NotCovered);
      warn_once(notes, bundled ? WarningId::StatusBBundled : WarningId::StatusINotMedicare,
                cat({lines[i].code,
                     bundled ? " is bundled into the day's other services (status B): Medicare never "
                               "pays it separately, and the patient may not be billed for it. It is shown at $0."
                             : ": Medicare status I, not valid for Medicare, so it is denied ($0). Bill "
                               "the Medicare code for the service instead."}),
                bundled ? "" : lines[i].code);
    }
    if (p.paid && p.rvu->status == 'R' && lines[i].units > 0 && payer.medicare_coverage) {
      warn_once(notes, WarningId::StatusRRestricted,
                cat({lines[i].code,
                     ": Medicare status R, restricted coverage; "
                     "check the MAC's policy before billing."}));
    }
    if (p.paid && lines[i].units > 0) {
      trace.add(Rule::FeeUnitPrice, lines[i].code, kPfsSource,
                [&] { return price_text(*p.rvu, pe, gpci, fee.conversion_factor, p.unit); });
    }
  }

  const std::size_t full_line = mppr_full_line(lines, priced);
  int mppr_units = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) mppr_units += priced[i].mppr ? lines[i].units : 0;
  if (mppr_units > 1) {
    trace.add(Rule::FeeMppr, lines[full_line].code, kMpprSource, [&] {
      return cat({lines[full_line].code, " has the highest practice-expense payment (",
                  dollars(round_to_cents(priced[full_line].unit.pe_part)),
                  "): one unit of it is paid in full; every other unit of the day gets ", kMpprPePercent,
                  "% of its PE."});
    });
  }

  Cents deductible_left = visit.deductible_remaining;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    const PricedLine& p = priced[i];
    FeeLine f;
    if (p.paid && line.units > 0) {
      const Exact full = p.unit.full * line.units;
      const int reduced_units = p.mppr ? line.units - (i == full_line ? 1 : 0) : 0;
      const Exact after_mppr = full - percent(p.unit.pe_part * reduced_units, 100 - kMpprPePercent);
      Exact allowed = line.assistant ? percent(after_mppr, kAssistantPercent) : after_mppr;
      if (payer.fee_basis == PayerProfile::FeeBasis::PercentOfMedicare) {
        allowed = percent(allowed, payer.percent_of_medicare);
      }
      f.full = round_to_cents(full);
      f.mppr = f.full - round_to_cents(after_mppr);
      f.allowed = round_to_cents(allowed);
      f.assistant = round_to_cents(after_mppr) - f.allowed;
      if (line.assistant) {
        trace.add(Rule::FeeAssistant, line.code, kAssistantSource, [&] {
          return cat({line.code, " ", line.modifiers.back(), " line: ", kAssistantPercent, "% of ",
                      dollars(round_to_cents(after_mppr)), " = ", dollars(f.allowed), " (after MPPR)."});
        });
      }
    }
    if (payer.fee_basis == PayerProfile::FeeBasis::PerCode && !line.is_denied()) f = per_code_fee(payer, line, notes);
    if (payer.fee_basis == PayerProfile::FeeBasis::Unknown) f = FeeLine{};
    line.allowed = f.allowed;

    // A GA or GY line is the patient's to pay: Medicare pays none of it and it meets no deductible.
    // A denial is the provider's, ABN or not (MLN MM8853 for the MUE): f is zero, so nobody owes anything for it.
    const bool patients = line.liability != Liability::Payer && !line.is_denied();
    const LineShare share = patients ? LineShare{0, 0, 0, 0}
                                     : share_of(f.allowed, deductible_left, payer.coinsurance_percent,
                                                payer.sequestration ? kSequestrationPercent : 0);
    deductible_left -= share.deductible;
    if (patients && line.units > 0) {
      fee.patient_owes += f.allowed;
      notes.warn(WarningId::PatientLiable,
                 cat({line.code, " (", line.liability == Liability::Abn ? "GA, under an ABN" : "GY, excluded by law",
                      "): the patient pays for it; ", dollars(f.allowed),
                      " is the Medicare allowed amount, an estimate of the charge, which may differ."}));
    }
    fee.full += f.full;
    fee.mppr += f.mppr;
    fee.assistant += f.assistant;
    fee.allowed += f.allowed;
    fee.deductible += share.deductible;
    fee.coinsurance += share.coinsurance;
    fee.sequestration += share.sequestration;
    fee.medicare_pays += share.medicare_pays;
    fee.patient_owes += share.deductible + share.coinsurance;
    fee.lines.push_back(std::move(f));
  }
  if (payer.fee_basis == PayerProfile::FeeBasis::Unknown) {
    notes.warn(WarningId::PayerFeeUnknown, cat({payer.name,
                                                ": its fees are not loaded, so the fee shows $0. Units and "
                                                "modifiers do not depend on it."}));
  }
  if (payer.fee_basis != PayerProfile::FeeBasis::Medicare) {
    trace.add(Rule::PayerFee, "", "the payer profile (docs/payers.md)", [&] {
      switch (payer.fee_basis) {
        case PayerProfile::FeeBasis::PercentOfMedicare:
          return cat({payer.name, " pays ", payer.percent_of_medicare, "% of the Medicare amount."});
        case PayerProfile::FeeBasis::PerCode: return cat({payer.name, " pays from its own fee table, per unit."});
        default: return cat({payer.name, ": fees unknown."});
      }
    });
  }
  trace.add(Rule::FeeShare, "", kShareSource, [&] {
    return cat({"Allowed ", dollars(fee.allowed), ": deductible ", dollars(fee.deductible), ", 20% coinsurance ",
                dollars(fee.coinsurance), ", 2% sequestration ", dollars(fee.sequestration), " → Medicare pays ",
                dollars(fee.medicare_pays), ", the patient owes ", dollars(fee.patient_owes), "."});
  });
  return fee;
}

}  // namespace unitwise
