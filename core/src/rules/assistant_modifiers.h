// CQ/CO: which of a code's units were furnished "in whole or in part" by a PTA/OTA
// (42 U.S.C. 1395m(v); CY2022 per-unit reading in docs/assistant-rules.md, which supersedes docs/rules.md §5.2).
#pragma once

#include "unitwise/model.h"

namespace unitwise {

// How the code's units that are not full 15-minute blocks of one person were decided.
enum class RemainderRule {
  None,                 // no remaining unit: full blocks only (or no units)
  TherapistFinalUnit,   // therapist furnished >= 8 minutes of the final unit: no modifier (AOTA-F)
  AssistantOnly,        // only the assistant furnished minutes of the unit: modifier (docs/assistant-rules.md step 8)
  AssistantOverTenPct,  // therapist < 8 and assistant > 10%: modifier (docs/assistant-rules.md step 5)
  AssistantDeMinimis,   // assistant <= 10%: no modifier (de minimis)
  TherapistOnly,        // only the therapist furnished minutes of the unit
  TwoUnitsOneEach,      // two units left: one each, 9-14 minutes rule (docs/assistant-rules.md step 7)
};

struct AssistantSplit {
  int therapist_units = 0;   // billed without CQ/CO
  int assistant_units = 0;   // billed with CQ/CO
  int therapist_blocks = 0;  // full 15-minute blocks by the therapist (incl. time together)
  int assistant_blocks = 0;  // full 15-minute blocks by the assistant alone
  int therapist_left = 0;    // therapist minutes beyond the blocks
  int assistant_left = 0;    // assistant minutes beyond the blocks
  int remaining_units = 0;   // units beyond the blocks (0, 1 or 2)
  RemainderRule rule = RemainderRule::None;
  bool both_reach_eight = false;  // final unit: both >= 8, precedence UNVERIFIED (docs/assistant-rules.md step 6)
  bool base_matters = false;      // 10% of 15 and 10% of the unit's minutes disagree (docs/assistant-rules.md step 5)
};

// Splits a timed code's billed units between therapist and assistant.
AssistantSplit split_timed_units(int units, int minutes, int assistant_minutes, DeMinimisBase base);

// An untimed service carries CQ/CO when the assistant alone furnished more than 10% of its minutes
// (AOTA final-rule summary, docs/assistant-rules.md step 9).
bool untimed_needs_assistant_modifier(int minutes, int assistant_minutes);

}  // namespace unitwise
