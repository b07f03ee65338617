// Tests that call one rule directly still go through validate(): the rules take only a ValidVisit.
#pragma once

#include <stdexcept>

#include "unitwise/unitwise.h"

namespace unitwise {

// The visit, validated against the built-in data; a visit with no service gets one 97110 (the rules under
// test take their lines as an argument). Throws on an invalid visit: that is a broken test.
inline ValidVisit checked(Visit v) {
  if (v.services.empty()) {
    Service s;
    s.code = "97110";
    s.minutes = 15;
    s.has_minutes = true;
    s.discipline = v.discipline;
    v.services.push_back(s);
  }
  Validation r = validate(std::move(v));
  if (!r.value) throw std::invalid_argument(r.errors.front().path + ": " + r.errors.front().message);
  return std::move(*r.value);
}

}  // namespace unitwise
