// Unit allocation: merging duplicate services, untimed units, and timed units by Medicare total time (pools, the
// leftover minutes, ties) or per-code rounding.
#include "rules/unit_allocation.h"

#include <algorithm>
#include <iterator>
#include <string>

#include "rules/eight_minute_rule.h"
#include "base/concat.h"
#include "rules/trace_text.h"

namespace unitwise {
namespace {

constexpr const char* kUnitsSource = "MCPM 100-04 ch.5 §20.2 C";
constexpr const char* kLeftoverSource = "MCPM 100-04 ch.5 §20.2 Ex 3, Ex 4";
constexpr const char* kTieSource = "MCPM 100-04 ch.5 §20.2 Ex 2";
constexpr const char* kPerCodeSource = "AMA CPT time rule (midpoint), as published by Premera and BCBS Idaho PAP228";
constexpr const char* kUntimedSource = "MCPM 100-04 ch.5 §20.2; MAC FAQ: evaluation time is not timed-code time";
constexpr const char* kOneLineSource = "First Coast: one line per timed code per date of service";

using Pool = SmallVector<Entry*>;

// Units of untimed codes: one per service, minutes kept out of the timed pool (docs/rules.md §3).
void untimed_units(Entries& entries, Trace& trace) {
  for (Entry& e : entries) {
    if (e.timed()) continue;
    e.units = 1;
    trace.add(Rule::Untimed, e.code(), kUntimedSource, [&] {
      std::string text = cat({e.code(), " is untimed (", e.info->unit_basis, "): 1 unit"});
      if (e.has_minutes && e.minutes > 0) {
        append(text, {"; its ", e.minutes, " minutes count toward total treatment time, not the timed pool"});
      }
      text += '.';
      return text;
    });
  }
}

std::string minutes_list(const Pool& pool) {
  std::string text;
  for (const Entry* e : pool) {
    append(text, {text.empty() ? "" : " + ", e->code(), " ", e->minutes});
  }
  return text;
}

std::string band_text(int units) {
  if (units == 0) return "below 8 minutes";
  const int low = chart_band_low(units);
  return cat({low, "–", 15 * units + 7, " minute band"});
}

SmallVector<int> tie_ranks(const Pool& pool, const VisitOptions& options) {
  SmallVector<int> rank;
  for (std::size_t i = 0; i < pool.size(); ++i) rank.push_back(0);
  const int preferred = static_cast<int>(options.tie_preference.size());
  for (std::size_t i = 0; i < pool.size(); ++i) {
    auto pref = std::find(options.tie_preference.begin(), options.tie_preference.end(), pool[i]->code());
    rank[i] = pref != options.tie_preference.end() ? static_cast<int>(pref - options.tie_preference.begin())
                                                   : preferred + static_cast<int>(pool[i]->first_service);
  }
  return rank;
}

// Every other way to give `units` leftover units to the tied codes (k-combinations), at most 20.
std::vector<std::vector<std::string>> tie_alternatives(const std::vector<std::string>& codes, int units,
                                                       const std::vector<std::string>& chosen) {
  std::vector<std::vector<std::string>> out;
  std::vector<bool> pick(codes.size(), false);
  std::fill(pick.begin(), pick.begin() + units, true);
  do {
    std::vector<std::string> combo;
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (pick[i]) combo.push_back(codes[i]);
    }
    if (combo != chosen) out.push_back(std::move(combo));
  } while (out.size() < 20 && std::prev_permutation(pick.begin(), pick.end()));
  return out;
}

void record_tie(const Pool& pool, const TotalTimeAllocation& a, const Visit& visit, Result& r, Trace& trace) {
  Tie tie;
  tie.discipline = pool.front()->discipline;
  tie.units = a.tie.units;
  for (std::size_t i : a.tie.members) tie.codes.emplace_back(pool[i]->code());
  for (std::size_t i : a.tie.chosen) tie.chosen.emplace_back(pool[i]->code());
  tie.alternatives = tie_alternatives(tie.codes, tie.units, tie.chosen);
  const int left = pool[a.tie.members.front()]->minutes % 15;
  std::string codes;
  for (const auto& c : tie.codes) append(codes, {codes.empty() ? "" : ", ", c});
  std::string chosen;
  for (const auto& c : tie.chosen) append(chosen, {chosen.empty() ? "" : ", ", c});
  const bool preferred = !visit.options.tie_preference.empty();
  r.warnings.push_back(
      {WarningId::Tie, cat({codes, " each have ", left, " leftover minutes for ", count(tie.units, "unit"),
                            ": any of them may bill it (CMS lets the clinician choose). unitwise gave it to ", chosen,
                            preferred ? " (tie preference)." : " (input order)."})});
  trace.add(Rule::CmsTie, "", kTieSource, [&] {
    return cat({"Tie: ", codes, " each have ", left, " leftover minutes and ", count(tie.units, "unit"), " left; ",
                chosen, " got it by ", preferred ? "tie preference" : "input order",
                ". Any tied choice is compliant; never move all the units to one code. Set options.tiePreference "
                "to choose."});
  });
  r.ties.push_back(std::move(tie));
}

void explain_pool(const Pool& pool, const TotalTimeAllocation& a, Trace& trace) {
  trace.add(Rule::Cms8Minute, "", kUnitsSource, [&] {
    return cat({to_string(pool.front()->discipline), " timed minutes ", minutes_list(pool), " = ", a.total_minutes,
                " → ", count(a.total_units, "unit"), " (", band_text(a.total_units), ")."});
  });
  if (a.total_minutes < 8 && a.total_minutes > 0) {
    trace.add(Rule::CmsBelow8, "", "MCPM 100-04 ch.5 §20.2 C (R1.1, R1.6)",
              [&] { return "Fewer than 8 timed minutes in total: no timed unit may be billed."; });
    return;
  }
  int full = 0;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    full += a.full_blocks[i];
    if (a.full_blocks[i] == 0) continue;
    trace.add(Rule::CmsFullBlocks, pool[i]->code(), kUnitsSource, [&] {
      return cat({pool[i]->code(), ": ", pool[i]->minutes, " minutes hold ",
                  count(a.full_blocks[i], "full 15-minute block"), " → ", count(a.full_blocks[i], "unit"), ", ",
                  count(pool[i]->minutes % 15, "minute"), " left over."});
    });
  }
  const int leftover = a.total_units - full;
  for (std::size_t k = 0; k < a.leftover_order.size(); ++k) {
    const std::size_t i = a.leftover_order[k];
    trace.add(Rule::CmsLeftover, pool[i]->code(), kLeftoverSource, [&] {
      std::string text = cat({pool[i]->code(), " got leftover unit ", k + 1, " of ", leftover, ": its ",
                              pool[i]->minutes % 15, " leftover minutes"});
      bool beat_any = false;
      for (std::size_t j = 0; j < pool.size(); ++j) {
        const bool got = std::find(a.leftover_order.begin(), a.leftover_order.end(), j) != a.leftover_order.end();
        if (got || pool[j]->minutes % 15 == 0) continue;
        append(text, {beat_any ? ", " : " beat ", pool[j]->code(), "'s ", pool[j]->minutes % 15});
        beat_any = true;
      }
      text += '.';
      return text;
    });
  }
  for (std::size_t i = 0; i < pool.size(); ++i) {
    if (a.units[i] > 0 || pool[i]->minutes < 8) continue;
    trace.add(Rule::CmsZeroUnits, pool[i]->code(), "MCPM 100-04 ch.5 §20.2 Ex 4", [&] {
      return cat({pool[i]->code(), ": ", pool[i]->minutes,
                  " minutes but no unit: the day's units went to codes with more leftover minutes. Document it; "
                  "don't bill it."});
    });
  }
}

// Medicare total time: pool timed minutes per plan of care (or all), then allocate (§20.2).
void total_time_units(Entries& entries, const Visit& visit, Result& r, Trace& trace) {
  constexpr Discipline pools[] = {Discipline::PT, Discipline::OT, Discipline::SLP};
  Pool pool;
  SmallVector<int> minutes;
  for (std::size_t p = 0; p < std::size(pools); ++p) {
    pool.clear();
    for (Entry& e : entries) {
      const bool in_pool = visit.options.pooling == Pooling::AllDisciplines ? p == 0 : e.discipline == pools[p];
      if (e.timed() && in_pool) pool.push_back(&e);
    }
    if (pool.empty()) continue;
    minutes.clear();
    for (const Entry* e : pool) minutes.push_back(e->minutes);
    const SmallVector<int> rank = tie_ranks(pool, visit.options);
    const TotalTimeAllocation a = allocate_total_time(minutes.begin(), rank.begin(), minutes.size());
    for (std::size_t i = 0; i < pool.size(); ++i) pool[i]->units = a.units[i];
    r.total_timed_minutes += a.total_minutes;
    r.total_timed_units += a.total_units;
    explain_pool(pool, a, trace);
    if (a.has_tie) record_tie(pool, a, visit, r, trace);
  }
  if (visit.options.pooling == Pooling::AllDisciplines) {
    trace.add(Rule::Pooling, "", "MCPM 100-04 ch.5 §20.2 (per plan of care is the default; docs/rules.md §1.2)", [] {
      return std::string("Timed minutes of all plans of care were pooled together (options.pooling = \"all\").");
    });
  }
}

// Per-code (AMA midpoint): each timed code is rounded on its own, nothing pooled (docs/rules.md §2).
void per_code_units(Entries& entries, Result& r, Trace& trace) {
  for (Entry& e : entries) {
    if (!e.timed()) continue;
    e.units = chart_units(e.minutes);
    r.total_timed_minutes += e.minutes;
    r.total_timed_units += e.units;
    trace.add(Rule::PerCode, e.code(), kPerCodeSource, [&] {
      return cat({e.code(), ": ", e.minutes, " minutes on its own → ", count(e.units, "unit"), " (", band_text(e.units),
                  "); minutes of other codes are not added."});
    });
  }
}

}  // namespace

Entries merge_services(const ValidVisit& valid, Result& r, Trace& trace) {
  const Visit& visit = valid.visit();
  Entries entries;
  for (std::size_t i = 0; i < visit.services.size(); ++i) {
    const Service& s = visit.services[i];
    const CodeInfo* info = &valid.code(i);  // one catalogue entry per code: pointers compare as the codes would
    auto same = std::find_if(entries.begin(), entries.end(),
                             [&](const Entry& e) { return e.info == info && e.discipline == s.discipline; });
    if (same == entries.end()) {
      entries.push_back(Entry{info, s.discipline, s.minutes, s.assistant_minutes, s.has_minutes, 0, i, s.liability});
      continue;
    }
    same->minutes += s.minutes;
    same->assistant_minutes += s.assistant_minutes;
    same->has_minutes = same->has_minutes || s.has_minutes;
    r.warnings.push_back({WarningId::DuplicateCode, cat({s.code,
                                                         " is listed more than once under the same plan of "
                                                         "care; its minutes were added together into one line."})});
    trace.add(Rule::DuplicateCode, s.code, kOneLineSource, [&] {
      return cat({s.code, " appears again (service ", i + 1, "): minutes combined, now ", same->minutes,
                  " minutes on one line."});
    });
  }
  return entries;
}

void allocate_units(Entries& entries, const Visit& visit, Result& r, Trace& trace) {
  untimed_units(entries, trace);
  if (visit.rule_set == RuleSet::Cms) {
    total_time_units(entries, visit, r, trace);
  } else {
    per_code_units(entries, r, trace);
  }
}

}  // namespace unitwise
