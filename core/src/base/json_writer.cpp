#include "base/json_writer.h"

#include <charconv>

#include <cstdint>
#include <cstring>

#include "base/fixed_point.h"

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

// The bytes [p, end), fewer than 8, as one word for may_need_escape, without a byte loop: a string of 8 or more
// bytes gives its last 8 (the ones before p were checked already); a shorter one gives overlapping loads of its
// own bytes, the rest of the word spaces. Repeated bytes do not change the answer.
std::uint64_t last_bytes(const char* begin, const char* p, const char* end) {
  if (end - begin >= 8) {
    std::uint64_t w;
    std::memcpy(&w, end - 8, sizeof w);
    return w;
  }
  const auto n = static_cast<std::size_t>(end - p);
  constexpr std::uint64_t kSpaces = 0x2020202020202020ull;
  if (n >= 4) {
    std::uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, end - 4, 4);
    return a | (std::uint64_t{b} << 32);
  }
  if (n >= 2) {
    std::uint16_t a, b;
    std::memcpy(&a, p, 2);
    std::memcpy(&b, end - 2, 2);
    return (kSpaces & ~0xFFFFFFFFull) | a | (std::uint64_t{b} << 16);
  }
  return n == 1 ? (kSpaces & ~0xFFull) | static_cast<unsigned char>(*p) : kSpaces;
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
    } else if (!may_need_escape(last_bytes(s.data(), p, end))) {
      p = end;  // the last few bytes (all of a short string) need no escape either
      break;
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
  return fixed(n, 0);  // an integer is a fixed-point number without decimals
}

JsonWriter& JsonWriter::value(std::uint64_t n) {
  char digits[20];
  return number(std::string_view(
      digits, static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, n).ptr - digits)));
}

}  // namespace unitwise
