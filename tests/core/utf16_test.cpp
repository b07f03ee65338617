// The wasm module's UTF-16 results carry every character of the UTF-8 text (1- to 4-byte sequences, at every
// offset around the 8-byte ASCII test).
#include "text/utf16.h"

#include <gtest/gtest.h>

#include <string>

namespace unitwise {
namespace {

TEST(Utf8ToUtf16, CarriesEveryCharacterWidth) {
  std::u16string out;
  utf8_to_utf16(u8"A→§é😀z", out);  // 1, 3, 2, 2, 4 (a surrogate pair) and 1 bytes
  EXPECT_EQ(out, u"A→§é😀z");
  utf8_to_utf16("", out);
  EXPECT_EQ(out, u"");
}

TEST(Utf8ToUtf16, NonAsciiAtEveryOffsetOfLongAsciiRuns) {
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string text = std::string(at, 'x') + "\xE2\x86\x92" + std::string(20 - at, 'x');  // →
    const std::u16string expected = std::u16string(at, u'x') + u"\u2192" + std::u16string(20 - at, u'x');
    std::u16string out;
    utf8_to_utf16(text, out);
    EXPECT_EQ(out, expected) << at;
  }
}

}  // namespace
}  // namespace unitwise
