#include "text/ascii_json.h"

#include <cstdint>
#include <cstring>

#include "text/utf8_walk.h"

namespace unitwise {
namespace {

// What a character's escape adds to its UTF-8 bytes, counted at its lead byte: 2 bytes → \uXXXX (+4),
// 3 → \uXXXX (+3), 4 → a surrogate pair's two escapes (+8). ASCII and continuation bytes add nothing.
std::size_t escape_growth(unsigned char b) {
  if (b < 0xC0) return 0;
  if (b < 0xE0) return 4;
  return b < 0xF0 ? 3 : 8;
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
  static const char kHex[] = "0123456789abcdef";
  const auto escape = [](unsigned unit, unsigned char* o) {
    const unsigned char e[6] = {'\\', 'u', static_cast<unsigned char>(kHex[unit >> 12]),
                                static_cast<unsigned char>(kHex[(unit >> 8) & 15]),
                                static_cast<unsigned char>(kHex[(unit >> 4) & 15]), static_cast<unsigned char>(kHex[unit & 15])};
    for (unsigned char b : e) *o++ = b;
    return o;
  };
  // Room: while 8 input bytes remain, at least 8 output bytes do, so the 8-byte copies stay within the exact size.
  unsigned char* const end = walk_utf8(json, out, [&](unsigned cp, unsigned char* o) {
    if (cp <= 0xFFFF) return escape(cp, o);
    return escape(0xDC00u + ((cp - 0x10000u) & 0x3FFu), escape(0xD800u + ((cp - 0x10000u) >> 10), o));
  });
  return static_cast<std::size_t>(end - out);
}

}  // namespace unitwise
