#include "text/utf16.h"

#include <cstdint>
#include <cstring>

namespace unitwise {
namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the ASCII run below spreads bytes into little-endian units");

// Four ASCII bytes (the low half of x) as four UTF-16 units: each byte moves to the low byte of its 16-bit lane.
std::uint64_t spread(std::uint64_t x) {
  x = (x | (x << 16)) & 0x0000FFFF0000FFFFull;
  return (x | (x << 8)) & 0x00FF00FF00FF00FFull;
}

}  // namespace

std::size_t utf8_to_utf16(std::string_view text, char16_t* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  char16_t* o = out;
  while (p < end) {
    // Eight bytes at a time: results are mostly ASCII, with a "→" or "§" every few dozen bytes. All eight are
    // spread into units (two 8-byte stores; room allows it, as o - out <= p - text) and the ASCII ones kept.
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      const std::uint64_t low = spread(w & 0xFFFFFFFFull);
      const std::uint64_t high = spread(w >> 32);
      std::memcpy(o, &low, sizeof low);
      std::memcpy(o + 4, &high, sizeof high);
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
      *o++ = static_cast<char16_t>(c);
      p += 1;
    } else if (c < 0xE0) {
      *o++ = static_cast<char16_t>(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu));
      p += 2;
    } else if (c < 0xF0) {
      *o++ = static_cast<char16_t>(((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu));
      p += 3;
    } else {
      const unsigned cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      *o++ = static_cast<char16_t>(0xD800u + ((cp - 0x10000u) >> 10));
      *o++ = static_cast<char16_t>(0xDC00u + ((cp - 0x10000u) & 0x3FFu));
      p += 4;
    }
  }
  return static_cast<std::size_t>(o - out);
}

}  // namespace unitwise
