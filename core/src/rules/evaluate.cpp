// evaluate(): units per code, claim lines with modifiers, then fee, KX, edits and checklist.
#include <algorithm>
#include <iterator>
#include <string>

#include "rules/assistant_modifiers.h"
#include "unitwise/catalogue.h"
#include "rules/discipline_modifiers.h"
#include "rules/eight_minute_rule.h"
#include "text/concat.h"
#include "text/trace_text.h"
#include "rules/denials.h"
#include "rules/rtm.h"
#include "rules/rules.h"
#include "rules/small_vector.h"
#include "validate/diagnoses.h"

namespace unitwise {
namespace {

constexpr const char* kUnitsSource = "MCPM 100-04 ch.5 §20.2 C";
constexpr const char* kLeftoverSource = "MCPM 100-04 ch.5 §20.2 Ex 3, Ex 4";
constexpr const char* kTieSource = "MCPM 100-04 ch.5 §20.2 Ex 2";
constexpr const char* kPerCodeSource = "AMA CPT time rule (midpoint), as published by Premera and BCBS Idaho PAP228";
constexpr const char* kUntimedSource = "MCPM 100-04 ch.5 §20.2; MAC FAQ: evaluation time is not timed-code time";
constexpr const char* kAssistantSource = "42 U.S.C. 1395m(v); CY2022 PFS final rule as summarised by AOTA";
constexpr const char* kOneLineSource = "First Coast: one line per timed code per date of service";

// One code of one plan of care for the day: duplicates of the input are merged into it.
struct Entry {
  const CodeInfo* info = nullptr;
  Discipline discipline = Discipline::PT;
  int minutes = 0;
  int assistant_minutes = 0;
  bool has_minutes = false;
  int units = 0;
  std::size_t first_service = 0;
  Liability liability = Liability::Payer;  // validate() made the services of one line agree
  std::string_view code() const { return info->code; }
  bool timed() const { return info->timed; }
};
using Entries = SmallVector<Entry>;
using Pool = SmallVector<Entry*>;

Entries merge_services(const ValidVisit& valid, Result& r, Trace& trace) {
  const Visit& visit = valid.visit();
  Entries entries;
  for (std::size_t i = 0; i < visit.services.size(); ++i) {
    const Service& s = visit.services[i];
    const CodeInfo* info = &valid.code(i);  // one catalogue entry per code: pointers compare as the codes would
    auto same = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) {
      return e.info == info && e.discipline == s.discipline;
    });
    if (same == entries.end()) {
      entries.push_back(Entry{info, s.discipline, s.minutes, s.assistant_minutes, s.has_minutes, 0, i,
                              s.liability});
      continue;
    }
    same->minutes += s.minutes;
    same->assistant_minutes += s.assistant_minutes;
    same->has_minutes = same->has_minutes || s.has_minutes;
    r.warnings.push_back({WarningId::DuplicateCode, cat({s.code, " is listed more than once under the same plan of "
                                                     "care; its minutes were added together into one line."})});
    trace.add(Rule::DuplicateCode, s.code, kOneLineSource, [&] {
      return cat({s.code, " appears again (service ", i + 1, "): minutes combined, now ", same->minutes,
                  " minutes on one line."});
    });
  }
  return entries;
}

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

void record_tie(const Pool& pool, const TotalTimeAllocation& a, const Visit& visit, Result& r,
                Trace& trace) {
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
  r.warnings.push_back({WarningId::Tie, cat({codes, " each have ", left, " leftover minutes for ", count(tie.units, "unit"),
                                             ": any of them may bill it (CMS lets the clinician choose). unitwise gave it to ",
                                             chosen, preferred ? " (tie preference)." : " (input order)."})});
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
    trace.add(Rule::CmsBelow8, "", "MCPM 100-04 ch.5 §20.2 C (R1.1, R1.6)", [&] {
      return "Fewer than 8 timed minutes in total: no timed unit may be billed.";
    });
    return;
  }
  int full = 0;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    full += a.full_blocks[i];
    if (a.full_blocks[i] == 0) continue;
    trace.add(Rule::CmsFullBlocks, pool[i]->code(), kUnitsSource, [&] {
      return cat({pool[i]->code(), ": ", pool[i]->minutes, " minutes hold ", count(a.full_blocks[i], "full 15-minute block"),
                  " → ", count(a.full_blocks[i], "unit"), ", ", count(pool[i]->minutes % 15, "minute"), " left over."});
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
      return cat({e.code(), ": ", e.minutes, " minutes on its own → ", count(e.units, "unit"), " (",
                  band_text(e.units), "); minutes of other codes are not added."});
    });
  }
}

std::string remainder_text(const AssistantSplit& s, const char* modifier) {
  const int p = s.therapist_left;
  const int a = s.assistant_left;
  switch (s.rule) {
    case RemainderRule::TherapistFinalUnit:
      return cat({"final unit: the therapist furnished ", p, " minutes (8 or more), so no ", modifier, "; the assistant's ",
                  a, " minutes count toward total time only"});
    case RemainderRule::AssistantOnly:
      return cat({"final unit: only the assistant furnished its ", a, " minutes → ", modifier});
    case RemainderRule::AssistantOverTenPct:
      return cat({"final unit: therapist ", p, " minutes (under 8), assistant ", a, " minutes (over 10%) → ", modifier});
    case RemainderRule::AssistantDeMinimis:
      return cat({"final unit: the assistant's ", a, " minutes are 10% or less (de minimis) → no ", modifier});
    case RemainderRule::TherapistOnly:
      return cat({"final unit: only the therapist furnished its ", p, " minutes → no ", modifier});
    case RemainderRule::TwoUnitsOneEach:
      return cat({"two units left from therapist ", p, " and assistant ", a, " minutes: one unit each, the assistant's "
                  "with ", modifier, " (CY2022 9–14 minute rule)"});
    case RemainderRule::None:
      break;
  }
  return "";
}

void add_line(Result& r, const Entry& e, int units, bool assistant, const char* assistant_modifier,
              bool discipline_modifiers) {
  Line line;
  line.code = std::string(e.code());
  line.info = e.info;
  line.discipline = e.discipline;
  line.units = units;
  line.assistant = assistant;
  line.minutes = e.minutes;
  line.liability = e.liability;
  if (discipline_modifiers) line.modifiers.emplace_back(discipline_modifier(e.discipline));
  if (assistant) line.modifiers.emplace_back(assistant_modifier);
  // GA: an ABN was given (the patient is liable if Medicare denies); GY: excluded by law (MCPM 100-04 ch.1 §60).
  if (e.liability == Liability::Abn) line.modifiers.emplace_back("GA");
  if (e.liability == Liability::Excluded) line.modifiers.emplace_back("GY");
  r.lines.push_back(std::move(line));
}

// Claim lines: GP/GO/GN on every line, CQ/CO on the assistant's units (split into its own line).
void build_lines(const Entries& entries, const Visit& visit, Result& r, Trace& trace) {
  const PayerProfile& payer = visit.payer;
  for (const Entry& e : entries) {
    const std::string_view code = e.code();
    if (payer.discipline_modifiers) {
      trace.add(Rule::DisciplineModifier, code, kDisciplineModifierSource, [&] {
        return cat({code, ": ", discipline_modifier(e.discipline), " because it is furnished under the ",
                    plan_name(e.discipline), " plan of care."});
      });
    }
    const char* modifier = assistant_modifier(e.discipline);
    // A payer without CQ/CO (most commercial plans) bills the assistant's minutes as the therapist's line.
    if (e.assistant_minutes == 0 || e.units == 0 || !payer.assistant_modifiers) {
      add_line(r, e, e.units, false, modifier, visit.payer.discipline_modifiers);
      continue;
    }
    if (modifier == nullptr) {
      r.warnings.push_back({WarningId::SlpAssistant, cat({code, ": assistant minutes were given under an SLP plan of "
                                                           "care; there is no assistant modifier for SLP (CQ is PT, CO is OT)."})});
      add_line(r, e, e.units, false, modifier, visit.payer.discipline_modifiers);
      continue;
    }
    if (!e.timed()) {
      const bool with = untimed_needs_assistant_modifier(e.minutes, e.assistant_minutes);
      add_line(r, e, e.units, with, modifier, visit.payer.discipline_modifiers);
      trace.add(Rule::AssistantUntimed, code, kAssistantSource, [&] {
        return cat({code, ": the assistant alone furnished ", e.assistant_minutes, " of ", e.minutes, " minutes (",
                    with ? "over" : "not over", " 10%) → ", with ? "" : "no ", modifier, "."});
      });
      continue;
    }
    const AssistantSplit s = split_timed_units(e.units, e.minutes, e.assistant_minutes, visit.options.de_minimis_base);
    if (s.therapist_units > 0) add_line(r, e, s.therapist_units, false, modifier, visit.payer.discipline_modifiers);
    if (s.assistant_units > 0) add_line(r, e, s.assistant_units, true, modifier, visit.payer.discipline_modifiers);
    trace.add(Rule::AssistantUnits, code, kAssistantSource, [&] {
      std::string text = cat({code, ": therapist ", e.minutes - e.assistant_minutes,
                              " minutes (with time together), assistant alone ", e.assistant_minutes,
                              " → full blocks: ", s.therapist_blocks, " therapist, ", s.assistant_blocks,
                              " assistant (", modifier, ")"});
      if (s.rule != RemainderRule::None) append(text, {"; ", remainder_text(s, modifier)});
      append(text, {". Lines: ", s.therapist_units, " without ", modifier, ", ", s.assistant_units, " with ", modifier,
                    "."});
      return text;
    });
    if (s.both_reach_eight) {
      r.warnings.push_back({WarningId::AssistantPrecedence, cat({code, ": therapist and assistant each furnished 8+ minutes "
                                                                  "of the final unit; unitwise billed it without ", modifier,
                                                                  " (therapist >= 8 rule). CMS's precedence here is UNVERIFIED."})});
    }
    if (s.base_matters) {
      r.warnings.push_back({WarningId::AssistantDeMinimisBase, cat({code, ": whether the assistant's ", s.assistant_left,
                                                                     " minutes exceed 10% depends on the base (15 minutes "
                                                                     "or the unit's own minutes), which is UNVERIFIED; set "
                                                                     "options.deMinimisBase to choose."})});
    }
  }
}

// Add-on codes need their primary code billed the same day (catalogue primary_code): without it the add-on's
// lines are denied (docs/rules.md §D). 97129 is reported once (docs/rules.md §3, UNVERIFIED).
void check_code_pairs(const Entries& entries, Result& r) {
  auto billed = [&](std::string_view code) {
    return std::any_of(r.lines.begin(), r.lines.end(), [&](const Line& l) { return l.code == code && l.billed(); });
  };
  for (const Entry& e : entries) {
    const std::string& primary = e.info->primary_code;
    if (e.units > 0 && !primary.empty() && billed(e.code()) && !billed(primary)) {
      deny_code(r.lines, e.code(), Denial::AddOnWithoutPrimary);
      r.warnings.push_back({WarningId::AddOnWithoutPrimary,
                            cat({e.code(), " is an add-on code: bill it with ", primary, " on the same day. Without ",
                                 primary, " it is denied and priced at $0: add ", primary, " if it was furnished, or "
                                 "drop ", e.code(), "."}),
                            std::string(e.code())});
    }
  }
  for (const Entry& e : entries) {
    if (e.code() == "97129" && e.units > 1) {
      r.warnings.push_back({WarningId::Code97129Once, "97129 covers the first 15 minutes only; report the further units as 97130 "
                                          "(how CMS counts 97129/97130 minutes is UNVERIFIED)."});
    }
  }
}

// A code billed outside its validity dates (catalogue valid_from/valid_until) is denied (docs/rules.md §D).
void deny_outside_dates(const ValidVisit& valid, std::vector<Line>& lines, Notes& notes) {
  const DateKey date = valid.date();
  for (Line& line : lines) {
    const CodeInfo* info = line.info != nullptr ? line.info : find_code(line.code);
    if (!line.billed() || info == nullptr || info->valid_on(date)) continue;
    deny_code(lines, line.code, Denial::NotValidOnDate);
    const bool early = info->valid_from != 0 && date < info->valid_from;
    notes.warn(WarningId::CodeNotValidOnDate,
               cat({line.code, " is not a valid code on ", iso_date(date), ": it may be billed ",
                    early ? cat({"from ", iso_date(info->valid_from)}) : cat({"until ", iso_date(info->valid_until)}),
                    ", so it is denied ($0). ", denial_rule(Denial::NotValidOnDate).what_to_do}),
               line.code);
    Trace(notes.explain, notes.trace).add(Rule::CodeDates, line.code, info->validity_source, [&] {
      return cat({line.code, ": valid ", info->valid_from ? cat({"from ", iso_date(info->valid_from)}) : std::string(),
                  info->valid_until ? cat({" until ", iso_date(info->valid_until)}) : std::string(), "; the date of "
                  "service ", iso_date(date), " is outside that → denied."});
    });
  }
}

}  // namespace

Result evaluate(const ValidVisit& valid, const Explain& explain) {
  const Visit& visit = valid.visit();
  Result r;
  r.ok = true;
  r.rule_set = visit.rule_set;
  r.lines.reserve(visit.services.size() + 2);  // a split code adds a line
  const bool explained = explain.trace && visit.options.trace;  // the visit may ask for the facts alone
  if (explained) r.trace.reserve(32);  // 15 trace lines on average in the bench corpus, 27 at most
  Trace trace(explained, r.trace);

  Entries entries = merge_services(valid, r, trace);
  untimed_units(entries, trace);
  if (visit.rule_set == RuleSet::Cms) {
    total_time_units(entries, visit, r, trace);
  } else {
    per_code_units(entries, r, trace);
  }
  build_lines(entries, visit, r, trace);

  Notes notes;
  notes.explain = explained;
  if (!visit.payer.note.empty()) notes.warn(WarningId::PayerNote, cat({visit.payer.name, ": ", visit.payer.note}));
  if (visit.rule_set == RuleSet::PerCode && visit.payer.id == "medicare") {
    // MCPM 100-04 ch.5 §20.2: Medicare counts timed units from the total timed minutes, never code by code.
    notes.warn(WarningId::PerCodeUnderMedicare,
               "Medicare counts timed units from the day's total timed minutes (MCPM 100-04 ch.5 §20.2), but per-code "
               "rounding was asked for: it can bill fewer units than Medicare allows (three codes of 7 minutes bill "
               "none instead of 1) or more. Use the \"cms\" rule set for Medicare.");
  }
  deny_outside_dates(valid, r.lines, notes);
  apply_rtm(valid, r.lines, notes);
  apply_unit_caps(valid, r.lines, notes);
  if (visit.payer.medicare_coverage) apply_telehealth(valid, r.lines, notes);
  r.releases = used_releases(valid, notes);
  // The edits deny lines before pricing (a denied line is $0). NCCI adds a documented 59/X before KX, which
  // follows the payment ones; its notes keep their place after the fee's in the result.
  Notes ncci_notes;
  ncci_notes.explain = explained;
  r.edits = ncci_edits(valid, r.lines, ncci_notes);
  std::vector<Edit> mue = mue_edits(valid, r.lines, notes);
  check_code_pairs(entries, r);  // after the other denials: an add-on whose primary was denied is denied too
  r.fee = price_visit(valid, r.lines, notes);
  for (Warning& w : ncci_notes.warnings) notes.warnings.push_back(std::move(w));
  for (TraceEntry& t : ncci_notes.trace) notes.trace.push_back(std::move(t));
  apply_kx(valid, r.lines, notes);
  for (Edit& edit : mue) r.edits.push_back(std::move(edit));
  if (explain.checklist) r.checklist = documentation_checklist(valid, r.lines);
  for (Warning& w : notes.warnings) r.warnings.push_back(std::move(w));
  if (explained) {
    for (TraceEntry& t : notes.trace) r.trace.push_back(std::move(t));
  }
  attach_diagnosis_pointers(visit, r.lines);  // last: whatever split or denied a line, it keeps its service's pointers
  return r;
}

}  // namespace unitwise
