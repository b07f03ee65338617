#include "base/ascii_json.h"

#include <cstdint>
#include <cstring>

namespace unitwise {
namespace {

// What a character's escape adds to its UTF-8 bytes, counted at its lead byte: 2 bytes → \uXXXX (+4),
// 3 → \uXXXX (+3), 4 → a surrogate pair's two escapes (+8). ASCII and continuation bytes add nothing.
std::size_t escape_growth(unsigned char b) {
  if (b < 0xC0) return 0;
  if (b < 0xE0) return 4;
  return b < 0xF0 ? 3 : 8;
}

unsigned char* escape(unsigned unit, unsigned char* o) {
  static const char kHex[] = "0123456789abcdef";
  *o++ = '\\';
  *o++ = 'u';
  for (int shift = 12; shift >= 0; shift -= 4) *o++ = static_cast<unsigned char>(kHex[(unit >> shift) & 15]);
  return o;
}

}  // namespace

std::size_t ascii_json_size(std::string_view json) {
  std::size_t size = json.size();
  std::size_t i = 0;
  for (; i + 8 <= json.size(); i += 8) {  // words of ASCII add nothing
    std::uint64_t w;
    std::memcpy(&w, json.data() + i, sizeof w);
    if ((w & 0x8080808080808080ull) == 0) continue;
    for (std::size_t k = i; k < i + 8; ++k) size += escape_growth(static_cast<unsigned char>(json[k]));
  }
  for (; i < json.size(); ++i) size += escape_growth(static_cast<unsigned char>(json[i]));
  return size;
}

std::size_t utf8_to_ascii_json(std::string_view json, unsigned char* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(json.data());
  const auto* const end = p + json.size();
  unsigned char* o = out;
  while (p < end) {
    // Mostly ASCII, as in latin1.cpp: eight bytes copied whole, the ASCII ones kept. Room allows the 8-byte store:
    // while 8 input bytes remain, at least 8 output bytes do.
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
    } else if (c < 0xE0) {
      o = escape(((c & 0x1Fu) << 6) | (p[1] & 0x3Fu), o);
      p += 2;
    } else if (c < 0xF0) {
      o = escape(((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu), o);
      p += 3;
    } else {
      const unsigned cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      o = escape(0xDC00u + ((cp - 0x10000u) & 0x3FFu), escape(0xD800u + ((cp - 0x10000u) >> 10), o));
      p += 4;
    }
  }
  return static_cast<std::size_t>(o - out);
}

}  // namespace unitwise
