#include "rules/assistant_modifiers.h"

#include <algorithm>

namespace unitwise {
namespace {

// "More than 10%": exact integer test, exactly 10% is de minimis (docs/assistant-rules.md step 5).
bool over_ten_percent(int part, int whole) { return part * 10 > whole; }

}  // namespace

AssistantSplit split_timed_units(int units, int minutes, int assistant_minutes, DeMinimisBase base) {
  AssistantSplit s;
  const int therapist = minutes - assistant_minutes;  // time together counts as the therapist's (APTA)
  // Full 15-minute blocks of one person are that person's units (docs/assistant-rules.md step 3, PTM step 1).
  s.therapist_blocks = therapist / 15;
  s.assistant_blocks = assistant_minutes / 15;
  s.therapist_left = therapist % 15;
  s.assistant_left = assistant_minutes % 15;
  // The code's units come from the 8-minute rule on its total minutes, so they cover every block.
  const int blocks_billed = std::min(units, s.therapist_blocks + s.assistant_blocks);
  s.therapist_units = std::min(s.therapist_blocks, blocks_billed);
  s.assistant_units = blocks_billed - s.therapist_units;
  s.remaining_units = units - blocks_billed;

  const int p = s.therapist_left;
  const int a = s.assistant_left;
  if (s.remaining_units >= 2) {
    // Two units left from two partial shares (each < 15, together >= 15): one unit each; the
    // assistant's unit carries the modifier unless its share is de minimis (docs/assistant-rules.md step 7).
    s.rule = RemainderRule::TwoUnitsOneEach;
    s.therapist_units += 1;
    const bool modifier = over_ten_percent(a, base == DeMinimisBase::FifteenMinutes ? 15 : a + p);
    (modifier ? s.assistant_units : s.therapist_units) += s.remaining_units - 1;
    return s;
  }
  if (s.remaining_units == 0) return s;

  if (a == 0) {
    s.rule = RemainderRule::TherapistOnly;
    s.therapist_units += 1;
  } else if (p == 0) {
    s.rule = RemainderRule::AssistantOnly;
    s.assistant_units += 1;
  } else if (p >= 8) {
    s.rule = RemainderRule::TherapistFinalUnit;
    s.both_reach_eight = a >= 8;
    s.therapist_units += 1;
  } else {
    const bool of_fifteen = over_ten_percent(a, 15);
    const bool of_unit = over_ten_percent(a, a + p);
    s.base_matters = of_fifteen != of_unit;
    const bool modifier = base == DeMinimisBase::FifteenMinutes ? of_fifteen : of_unit;
    s.rule = modifier ? RemainderRule::AssistantOverTenPct : RemainderRule::AssistantDeMinimis;
    (modifier ? s.assistant_units : s.therapist_units) += 1;
  }
  return s;
}

bool untimed_needs_assistant_modifier(int minutes, int assistant_minutes) {
  return assistant_minutes > 0 && over_ten_percent(assistant_minutes, minutes);
}

}  // namespace unitwise
