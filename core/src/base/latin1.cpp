#include "base/latin1.h"

#include <cstring>

namespace unitwise {

Latin1Split utf8_to_latin1(std::string_view text, unsigned char* out, WideUnit* wide, std::size_t wide_room) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  unsigned char* o = out;
  Latin1Split split;
  const auto add_wide = [&](unsigned unit) {
    if (split.wide == wide_room) return false;
    wide[split.wide++] = {static_cast<std::uint32_t>(o - out), unit};
    *o++ = '?';
    return true;
  };
  while (p < end) {
    // Results are mostly ASCII, with a "§" or "→" every few dozen bytes: eight bytes at a time are copied whole
    // (room allows it, as o - out <= p - text) and the ASCII ones kept. Written out here, not shared with
    // ascii_json.cpp's walk: through that walk this conversion measured 1-3% slower per wasm call.
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      std::memcpy(o, &w, sizeof w);
      const std::uint64_t non_ascii = w & 0x8080808080808080ull;
      if (non_ascii == 0) {
        p += 8;
        o += 8;
        continue;
      }
      const int ascii = __builtin_ctzll(non_ascii) / 8;
      p += ascii;
      o += ascii;
    }
    const unsigned c = *p;  // a non-ASCII character, or a byte of the last seven
    if (c < 0x80) {
      *o++ = static_cast<unsigned char>(c);
      p += 1;
    } else if (c < 0xC4) {  // U+0080..U+00FF: Latin-1 itself
      *o++ = static_cast<unsigned char>(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu));
      p += 2;
    } else if (c < 0xE0) {
      if (!add_wide(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu))) break;
      p += 2;
    } else if (c < 0xF0) {
      if (!add_wide(((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu))) break;
      p += 3;
    } else {
      const unsigned cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      if (split.wide + 2 > wide_room) break;
      add_wide(0xD800u + ((cp - 0x10000u) >> 10));
      add_wide(0xDC00u + ((cp - 0x10000u) & 0x3FFu));
      p += 4;
    }
  }
  split.bytes = static_cast<std::size_t>(o - out);
  split.fits = p == end;
  return split;
}

}  // namespace unitwise
