// Counting characters in UTF-8 text: limits a user reads as "at most N characters" count these, not bytes.
#pragma once

#include <cstddef>
#include <string_view>

namespace unitwise {

// The code points in valid UTF-8 text: every byte but the continuation bytes (10xxxxxx) starts one.
inline std::size_t utf8_characters(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  return n;
}

}  // namespace unitwise
