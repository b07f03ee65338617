// UTF-8 → Latin-1 bytes plus the few wider characters, for the wasm module's results in Node: Node makes a JS string
// from Latin-1 bytes (a one-byte string, one copy) several times faster than from UTF-16, and a result's only
// characters past U+00FF are a handful of "→" and "–" ("§" and "×" are Latin-1). The wrapper splices those in.
// docs/performance.md, issue 16.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace unitwise {

// One character Latin-1 cannot hold: its place among the Latin-1 bytes and its UTF-16 unit. A character past
// U+FFFF takes two places, one per surrogate.
struct WideUnit {
  std::uint32_t at;
  std::uint32_t unit;
};

struct Latin1Split {
  std::size_t bytes = 0;  // Latin-1 bytes written
  std::size_t wide = 0;   // WideUnits written
  bool fits = true;       // false: more than wide_room wide units were needed (bytes and wide are then partial)
};

// Writes text as Latin-1 at out (room for text.size() bytes, never more are needed) with a '?' in each wide
// character's place, and the wide characters at wide (room for wide_room). text must be valid UTF-8 (the engine's
// own output is).
Latin1Split utf8_to_latin1(std::string_view text, unsigned char* out, WideUnit* wide, std::size_t wide_room);

}  // namespace unitwise
