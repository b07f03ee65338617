#include "json/json_writer.h"

#include <cstdint>
#include <cstring>

#include "text/trace_text.h"

namespace unitwise {

JsonWriter& JsonWriter::fixed(std::int64_t scaled, int decimals) {
  comma();
  char text[kFixedChars];
  put(text, write_fixed(text, scaled, decimals));
  return *this;
}

// Escapes per RFC 8259; input is valid UTF-8 (it came from a parsed visit or from our own text).
// Runs of characters that need no escape are appended whole: results are mostly plain text.
namespace {

// Whether any of 8 bytes may need escaping (< 0x20, '"' or '\\'), tested at once with the classic
// "has zero byte / has byte less than" bit tricks. False positives only send the word to the
// byte-by-byte path; there are no false negatives.
bool may_need_escape(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHighs = 0x8080808080808080ull;
  const auto zero_byte = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighs;
  return (below_space | zero_byte(w ^ (kOnes * '"')) | zero_byte(w ^ (kOnes * '\\'))) != 0;
}

}  // namespace

void JsonWriter::string_literal(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  put('"');
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;
  while (p < end) {
    if (end - p >= 8) {
      std::uint64_t w;
      std::memcpy(&w, p, sizeof w);
      if (!may_need_escape(w)) {
        p += 8;
        continue;
      }
    } else {
      // The last few bytes (every short string is only these): padded with spaces, which need no escape,
      // they take the word test too instead of the byte loop.
      std::uint64_t w = 0x2020202020202020ull;
      std::memcpy(&w, p, static_cast<std::size_t>(end - p));
      if (!may_need_escape(w)) {
        p = end;
        break;
      }
    }
    const auto c = static_cast<unsigned char>(*p);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++p;
      continue;
    }
    put(run, static_cast<std::size_t>(p - run));
    run = ++p;
    switch (c) {
      case '"': put("\\\"", 2); break;
      case '\\': put("\\\\", 2); break;
      case '\n': put("\\n", 2); break;
      case '\r': put("\\r", 2); break;
      case '\t': put("\\t", 2); break;
      default:
        put("\\u00", 4);
        put(kHex[c >> 4]);
        put(kHex[c & 15]);
    }
  }
  put(run, static_cast<std::size_t>(end - run));
  put('"');
}

// Digits straight into the output: std::to_string would build a string for each number.
JsonWriter& JsonWriter::integer(std::int64_t n) {
  comma();
  char digits[20];
  char* p = digits + sizeof digits;
  std::uint64_t v = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (n < 0) put('-');
  put(p, static_cast<std::size_t>(digits + sizeof digits - p));
  return *this;
}

}  // namespace unitwise
