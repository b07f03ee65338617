// Builds the result's trace only when asked: the text is made by a callable that is never
// called when tracing is off, so the rules-only path allocates no strings for it.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/concat.h"
#include "base/fixed_point.h"
#include "unitwise/model.h"

namespace unitwise {

inline std::string dollars(long long cents) { return cat({"$", fixed_text(cents, 2)}); }

// "1 unit", "3 units": trace text reads as sentences, not "unit(s)".
inline std::string count(int n, const char* noun) { return cat({n, " ", noun, n == 1 ? "" : "s"}); }

class Trace {
 public:
  Trace(bool enabled, std::vector<TraceEntry>& out) : enabled_(enabled), out_(out) {}

  template <class MakeText>
  void add(Rule rule, std::string_view code, std::string_view source, MakeText&& make_text) {
    if (!enabled_) return;  // before any copy: the rules-only path must not pay for the trace
    out_.push_back(TraceEntry{rule, std::forward<MakeText>(make_text)(), source, std::string(code)});
  }

 private:
  bool enabled_;
  std::vector<TraceEntry>& out_;
};

}  // namespace unitwise
