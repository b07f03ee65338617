// GP/GO/GN and CQ/CO: the modifiers that follow from the plan of care.
#pragma once

#include "unitwise/model.h"

namespace unitwise {

// Every therapy line carries its plan of care's modifier (MCPM 100-04 ch.5 §20.1; WPS, Noridian).
inline constexpr const char* kDisciplineModifierSource =
    "MCPM 100-04 ch.5 §20.1; WPS and Noridian therapy modifier pages";

inline const char* discipline_modifier(Discipline d) {
  switch (d) {
    case Discipline::PT: return "GP";
    case Discipline::OT: return "GO";
    case Discipline::SLP: return "GN";
  }
  return "GP";
}

// CQ for a PTA, CO for an OTA; SLP has no assistant modifier (42 U.S.C. 1395m(v) names PT and OT only).
inline const char* assistant_modifier(Discipline d) {
  switch (d) {
    case Discipline::PT: return "CQ";
    case Discipline::OT: return "CO";
    case Discipline::SLP: return nullptr;
  }
  return nullptr;
}

inline const char* plan_name(Discipline d) {
  switch (d) {
    case Discipline::PT: return "physical therapy";
    case Discipline::OT: return "occupational therapy";
    case Discipline::SLP: return "speech-language pathology";
  }
  return "";
}

}  // namespace unitwise
