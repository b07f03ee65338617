// The Medicare fee of a visit: PFS price per unit, MPPR, CQ/CO 85%, then deductible, 20% coinsurance and
// 2% sequestration. Exact arithmetic throughout; each reported figure is rounded to cents once.
#include "fee_schedule.h"

#include <algorithm>

#include "code_index.h"
#include "trace_text.h"
#include "unitwise/billing_edits.h"

namespace unitwise {
namespace {

constexpr int kMpprPePercent = 50;        // 50% of PE on every unit after the first (NGS, since 4/1/2013)
constexpr int kAssistantPercent = 85;     // CQ/CO paid at 85% (42 U.S.C. 1395m(v)(1), from 1/1/2022)
constexpr int kCoinsurancePercent = 20;   // Medicare pays 80% after the deductible (42 U.S.C. 1395m(k)(1)(B))
constexpr int kSequestrationPercent = 2;  // 2% of Medicare's share, from 7/1/2022 (NGS; First Coast example)
constexpr int kMpprIndicator = 5;         // RVU file mult-proc indicator 5: therapy MPPR on PE

constexpr const char* kPfsSource = "MCPM 100-04 ch.12 (PFS formula); AAPC payment formula";
constexpr const char* kMpprSource = "MCPM 100-04 ch.5 §10.7; NGS and Novitas MPPR pages";
constexpr const char* kAssistantSource = "42 U.S.C. 1395m(v)(1); order after MPPR UNVERIFIED (rules.md §5.2 step 6)";
constexpr const char* kShareSource = "42 U.S.C. 1395m(k)(1)(B); sequestration per First Coast and Noridian (CARC 253)";

bool is_paid(const ref::RvuRow& rvu) { return rvu.status == 'A' || rvu.status == 'R'; }

struct PricedLine {
  const ref::RvuRow* rvu = nullptr;
  UnitPrice unit;
  bool paid = false;
  bool mppr = false;
};

void warn_once(Notes& notes, std::string_view code, std::string message) {
  for (const auto& w : notes.warnings) {
    if (w.code == code && w.message == message) return;
  }
  notes.warnings.push_back({code, std::move(message)});
}

std::string price_text(const ref::RvuRow& rvu, int pe, const ref::GpciRow& g, std::int64_t cf, const UnitPrice& u) {
  return "(" + fixed_text(rvu.work, 2) + " × " + fixed_text(g.work, 3) + " + " + fixed_text(pe, 2) + " × " +
         fixed_text(g.pe, 3) + " + " + fixed_text(rvu.mp, 2) + " × " + fixed_text(g.mp, 3) + ") × $" +
         fixed_text(cf, 4) + " = " + dollars(round_to_cents(u.full)) + " per unit";
}

// The unit paid in full: highest PE payment of the day, then highest full price, then line order (Novitas).
std::size_t mppr_full_line(const std::vector<Line>& lines, const std::vector<PricedLine>& priced) {
  std::size_t best = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!priced[i].mppr || lines[i].units == 0) continue;
    if (best == lines.size()) {
      best = i;
      continue;
    }
    const UnitPrice& a = priced[i].unit;
    const UnitPrice& b = priced[best].unit;
    const Exact a_full = lines[i].assistant ? a.full * kAssistantPercent / 100 : a.full;
    const Exact b_full = lines[best].assistant ? b.full * kAssistantPercent / 100 : b.full;
    if (a.pe_part > b.pe_part || (a.pe_part == b.pe_part && a_full > b_full)) best = i;
  }
  return best;
}

}  // namespace

UnitPrice unit_price(int work, int pe, int mp, const ref::GpciRow& g, std::int64_t cf) {
  // RVU (1/100) x GPCI (1/1000) x CF (1/10000) = 1e-9 dollar; x200 → Exact (1/(2e11) dollar).
  const Exact scale = kExactPerDollar / 1000000000;
  UnitPrice u;
  u.pe_part = Exact{pe} * g.pe * cf * scale;
  u.full = (Exact{work} * g.work + Exact{mp} * g.mp) * cf * scale + u.pe_part;
  return u;
}

LineShare share_of(Cents allowed, Cents deductible_left) {
  LineShare s;
  s.deductible = std::min(deductible_left, allowed);
  s.coinsurance = percent_of(allowed - s.deductible, kCoinsurancePercent, 100);
  const Cents medicare = allowed - s.deductible - s.coinsurance;
  s.sequestration = percent_of(medicare, kSequestrationPercent, 100);
  s.medicare_pays = medicare - s.sequestration;
  return s;
}

const ref::RvuRow* find_rvus(std::string_view code, int year) {
  static const SortedIndex<ref::RvuRow> index(ref::rvus(), [](const ref::RvuRow& r) { return code_key(r.code); });
  const auto [first, last] = index.equal_range(code_key(code));
  for (auto it = first; it != last; ++it) {
    if (it->second->year == year) return it->second;
  }
  return nullptr;
}

std::optional<std::int64_t> conversion_factor(int year, bool qualifying_apm) {
  std::optional<std::int64_t> any;
  for (const auto& row : ref::conversionFactors()) {
    if (row.year != year) continue;
    if (row.qualifying_apm == qualifying_apm) return row.cf;
    if (!row.qualifying_apm) any = row.cf;  // a year with one CF (2025) has it for everyone
  }
  return any;
}

Fee price_visit(const Visit& visit, std::vector<Line>& lines, Notes& notes) {
  Trace trace(notes.explain, notes.trace);
  const int year = visit.date_of_service.year;
  const ref::GpciRow gpci = *find_locality(year, visit.locality);  // the parser checked it exists
  Fee fee;
  fee.year = year;
  fee.locality = visit.locality;
  fee.locality_name = std::string(gpci.name);
  fee.setting = visit.setting == Setting::Facility ? "facility" : "nonfacility";
  fee.conversion_factor = *conversion_factor(year, visit.options.qualifying_apm);
  fee.sources = {year == 2026 ? ref::kRvuRelease2026 : ref::kRvuRelease2025,
                 year == 2026 ? ref::kGpciRelease2026 : ref::kGpciRelease2025, kMpprSource,
                 "42 U.S.C. 1395m(v) (CQ/CO 85%)", kShareSource};

  std::vector<PricedLine> priced(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    PricedLine& p = priced[i];
    p.rvu = find_rvus(lines[i].code, year);
    if (p.rvu == nullptr) continue;  // every catalogue code has RVUs; kept safe for future data
    p.paid = is_paid(*p.rvu);
    p.mppr = p.paid && p.rvu->mult_proc == kMpprIndicator;
    int pe = p.rvu->pe_nonfac;
    if (visit.setting == Setting::Facility) {
      if (p.rvu->fac_pe_na) {
        warn_once(notes, "facility-pe-na", lines[i].code + ": CMS publishes no facility PE for it; priced at the "
                                           "non-facility rate, as outpatient therapy generally is (UNVERIFIED).");
      } else {
        pe = p.rvu->pe_fac;
      }
    }
    p.unit = unit_price(p.rvu->work, pe, p.rvu->mp, gpci, fee.conversion_factor);
    if (!p.paid && lines[i].units > 0) {
      const bool bundled = p.rvu->status == 'B';
      warn_once(notes, bundled ? "status-b-bundled" : "status-i-not-medicare",
                lines[i].code + (bundled ? ": Medicare status B, bundled into the other services: $0."
                                         : ": Medicare status I, not valid for Medicare: $0 (use G0283 for "
                                           "unattended electrical stimulation)."));
    }
    if (p.paid && p.rvu->status == 'R' && lines[i].units > 0) {
      warn_once(notes, "status-r-restricted", lines[i].code + ": Medicare status R, restricted coverage; "
                                              "check the MAC's policy before billing.");
    }
    if (p.paid && lines[i].units > 0) {
      trace.add("fee-unit-price", lines[i].code, kPfsSource,
                [&] { return price_text(*p.rvu, pe, gpci, fee.conversion_factor, p.unit); });
    }
  }

  const std::size_t full_line = mppr_full_line(lines, priced);
  int mppr_units = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) mppr_units += priced[i].mppr ? lines[i].units : 0;
  if (mppr_units > 1) {
    trace.add("fee-mppr", lines[full_line].code, kMpprSource, [&] {
      return lines[full_line].code + " has the highest practice-expense payment (" +
             dollars(round_to_cents(priced[full_line].unit.pe_part)) +
             "): one unit of it is paid in full; every other unit of the day gets " +
             std::to_string(kMpprPePercent) + "% of its PE.";
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
      const Exact after_mppr = full - p.unit.pe_part * reduced_units * (100 - kMpprPePercent) / 100;
      const Exact allowed = line.assistant ? after_mppr * kAssistantPercent / 100 : after_mppr;
      f.full = round_to_cents(full);
      f.mppr = f.full - round_to_cents(after_mppr);
      f.allowed = round_to_cents(allowed);
      f.assistant = round_to_cents(after_mppr) - f.allowed;
      if (line.assistant) {
        trace.add("fee-assistant", line.code, kAssistantSource, [&] {
          return line.code + " " + line.modifiers.back() + " line: " + std::to_string(kAssistantPercent) + "% of " +
                 dollars(round_to_cents(after_mppr)) + " = " + dollars(f.allowed) + " (after MPPR).";
        });
      }
    }
    line.allowed = f.allowed;

    const LineShare share = share_of(f.allowed, deductible_left);
    deductible_left -= share.deductible;
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
  trace.add("fee-share", "", kShareSource, [&] {
    return "Allowed " + dollars(fee.allowed) + ": deductible " + dollars(fee.deductible) + ", 20% coinsurance " +
           dollars(fee.coinsurance) + ", 2% sequestration " + dollars(fee.sequestration) + " → Medicare pays " +
           dollars(fee.medicare_pays) + ", the patient owes " + dollars(fee.patient_owes) + ".";
  });
  return fee;
}

}  // namespace unitwise
