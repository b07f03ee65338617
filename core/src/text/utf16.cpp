#include "text/utf16.h"

#include <cstdint>
#include <cstring>

namespace unitwise {

void utf8_to_utf16(std::string_view text, std::u16string& out) {
  out.resize(text.size());  // never more UTF-16 units than UTF-8 bytes
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  char16_t* o = out.data();
  while (p < end) {
    // Eight ASCII bytes at a time: results are mostly ASCII.
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      if ((w & 0x8080808080808080ull) == 0) {
        for (int i = 0; i < 8; ++i) o[i] = p[i];
        p += 8;
        o += 8;
        continue;
      }
    }
    const unsigned c = *p;
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
  out.resize(static_cast<std::size_t>(o - out.data()));
}

}  // namespace unitwise
