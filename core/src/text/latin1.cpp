#include "text/latin1.h"

#include "text/utf8_walk.h"

namespace unitwise {

Latin1Split utf8_to_latin1(std::string_view text, unsigned char* out, WideUnit* wide, std::size_t wide_room) {
  Latin1Split split;
  unsigned char* last = out;  // where the output had reached, should a wide unit not fit
  // Room for the 8-byte copies: the output is never ahead of the input (one byte or a '?' per character).
  unsigned char* const end = walk_utf8(text, out, [&](unsigned cp, unsigned char* o) -> unsigned char* {
    if (cp < 0x100) {
      *o++ = static_cast<unsigned char>(cp);
      return o;
    }
    const bool pair = cp > 0xFFFF;  // both halves of a surrogate pair, or neither
    if (split.wide + (pair ? 2 : 1) > wide_room) {
      last = o;
      return nullptr;
    }
    const auto add = [&](unsigned unit) {
      wide[split.wide++] = {static_cast<std::uint32_t>(o - out), unit};
      *o++ = '?';
    };
    if (pair) {
      add(0xD800u + ((cp - 0x10000u) >> 10));
      add(0xDC00u + ((cp - 0x10000u) & 0x3FFu));
    } else {
      add(cp);
    }
    return o;
  });
  split.fits = end != nullptr;
  split.bytes = static_cast<std::size_t>((split.fits ? end : last) - out);
  return split;
}

}  // namespace unitwise
