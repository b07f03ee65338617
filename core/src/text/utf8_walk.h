// One walk over valid UTF-8 for the narrow forms a result leaves the wasm module in (latin1.h, ascii_json.h):
// results are mostly ASCII with a "§" or "→" every few dozen bytes, so ASCII is copied eight bytes at a time and
// only the other characters are decoded.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace unitwise {

// Copies text's ASCII to out and hands each other character's code point to other(code_point, o), which writes
// what stands for it at o and returns the next output byte, or nullptr to stop the walk. Returns the end of the
// output, or nullptr if other stopped it. Each 8-byte copy is stored whole before its ASCII bytes are counted, so
// out needs room for 8 bytes wherever the output can be while 8 input bytes remain.
template <class Other>
unsigned char* walk_utf8(std::string_view text, unsigned char* out, Other other) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  unsigned char* o = out;
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      std::memcpy(o, &w, sizeof w);
      const std::uint64_t non_ascii = w & 0x8080808080808080ull;
      if (non_ascii == 0) {  // a branch, not p += count: the next load need not wait for this word's test
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
      continue;
    }
    unsigned cp;
    if (c < 0xE0) {
      cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
      p += 2;
    } else if (c < 0xF0) {
      cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      p += 3;
    } else {
      cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      p += 4;
    }
    o = other(cp, o);
    if (o == nullptr) return nullptr;
  }
  return o;
}

}  // namespace unitwise
