// Claim lines (docs/rules.md §4, §D): the modifiers each line carries, the assistant's units split into their own
// line, and the denials of add-ons without their primary code and of codes outside their dates.
#include "rules/claim_lines.h"

#include <algorithm>
#include <string>

#include "rules/assistant_modifiers.h"
#include "unitwise/catalogue.h"
#include "rules/discipline_modifiers.h"
#include "base/concat.h"
#include "rules/trace_text.h"
#include "rules/denials.h"

namespace unitwise {
namespace {

constexpr const char* kAssistantSource = "42 U.S.C. 1395m(v); CY2022 PFS final rule as summarised by AOTA";

std::string remainder_text(const AssistantSplit& s, const char* modifier) {
  const int p = s.therapist_left;
  const int a = s.assistant_left;
  switch (s.rule) {
    case RemainderRule::TherapistFinalUnit:
      return cat({"final unit: the therapist furnished ", p, " minutes (8 or more), so no ", modifier,
                  "; the assistant's ", a, " minutes count toward total time only"});
    case RemainderRule::AssistantOnly:
      return cat({"final unit: only the assistant furnished its ", a, " minutes → ", modifier});
    case RemainderRule::AssistantOverTenPct:
      return cat(
          {"final unit: therapist ", p, " minutes (under 8), assistant ", a, " minutes (over 10%) → ", modifier});
    case RemainderRule::AssistantDeMinimis:
      return cat({"final unit: the assistant's ", a, " minutes are 10% or less (de minimis) → no ", modifier});
    case RemainderRule::TherapistOnly:
      return cat({"final unit: only the therapist furnished its ", p, " minutes → no ", modifier});
    case RemainderRule::TwoUnitsOneEach:
      return cat({"two units left from therapist ", p, " and assistant ", a,
                  " minutes: one unit each, the assistant's "
                  "with ",
                  modifier, " (CY2022 9–14 minute rule)"});
    case RemainderRule::None: break;
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

}  // namespace

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
      r.warnings.push_back(
          {WarningId::SlpAssistant, cat({code,
                                         ": assistant minutes were given under an SLP plan of "
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
      std::string text =
          cat({code, ": therapist ", e.minutes - e.assistant_minutes, " minutes (with time together), assistant alone ",
               e.assistant_minutes, " → full blocks: ", s.therapist_blocks, " therapist, ", s.assistant_blocks,
               " assistant (", modifier, ")"});
      if (s.rule != RemainderRule::None) append(text, {"; ", remainder_text(s, modifier)});
      append(text,
             {". Lines: ", s.therapist_units, " without ", modifier, ", ", s.assistant_units, " with ", modifier, "."});
      return text;
    });
    if (s.both_reach_eight) {
      r.warnings.push_back({WarningId::AssistantPrecedence,
                            cat({code,
                                 ": therapist and assistant each furnished 8+ minutes "
                                 "of the final unit; unitwise billed it without ",
                                 modifier, " (therapist >= 8 rule). CMS's precedence here is UNVERIFIED."})});
    }
    if (s.base_matters) {
      r.warnings.push_back(
          {WarningId::AssistantDeMinimisBase, cat({code, ": whether the assistant's ", s.assistant_left,
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
                                 primary, " it is denied and priced at $0: add ", primary,
                                 " if it was furnished, or "
                                 "drop ",
                                 e.code(), "."}),
                            std::string(e.code())});
    }
  }
  for (const Entry& e : entries) {
    if (e.code() == "97129" && e.units > 1) {
      r.warnings.push_back({WarningId::Code97129Once,
                            "97129 covers the first 15 minutes only; report the further units as 97130 "
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
    Trace(notes.trace_on, notes.trace).add(Rule::CodeDates, line.code, info->validity_source, [&] {
      return cat({line.code, ": valid ", info->valid_from ? cat({"from ", iso_date(info->valid_from)}) : std::string(),
                  info->valid_until ? cat({" until ", iso_date(info->valid_until)}) : std::string(),
                  "; the date of "
                  "service ",
                  iso_date(date), " is outside that → denied."});
    });
  }
}

}  // namespace unitwise
