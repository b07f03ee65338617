// The wasm module's UTF-16 results carry every character of the UTF-8 text (1- to 4-byte sequences, at every
// offset around the 8-byte ASCII test).
#include "text/utf16.h"

#include <gtest/gtest.h>

#include <string>

namespace unitwise {
namespace {

// The units written, in a buffer with a guard unit past the room the caller must give: it must stay untouched.
std::u16string convert(std::string_view text) {
  std::u16string room(text.size() + 1, u'#');
  const std::size_t written = utf8_to_utf16(text, room.data());
  EXPECT_EQ(room.back(), u'#') << "wrote past the room of text.size() units";
  room.resize(written);
  return room;
}

TEST(Utf8ToUtf16, CarriesEveryCharacterWidth) {
  EXPECT_EQ(convert(u8"A→§é😀z"), u"A→§é😀z");  // 1, 3, 2, 2, 4 (a surrogate pair) and 1 bytes
  EXPECT_EQ(convert(""), u"");
}

TEST(Utf8ToUtf16, EveryAsciiByteInEveryLaneOfTheEightByteRun) {
  std::string text;
  for (int c = 0; c < 0x80; ++c) text += static_cast<char>(c);
  const std::u16string out = convert(text);
  ASSERT_EQ(out.size(), 0x80u);
  for (int c = 0; c < 0x80; ++c) EXPECT_EQ(out[static_cast<std::size_t>(c)], static_cast<char16_t>(c)) << c;
}

TEST(Utf8ToUtf16, NonAsciiAtEveryOffsetOfLongAsciiRuns) {
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string text = std::string(at, 'x') + "\xE2\x86\x92" + std::string(20 - at, 'x');  // →
    const std::u16string expected = std::u16string(at, u'x') + u"\u2192" + std::u16string(20 - at, u'x');
    EXPECT_EQ(convert(text), expected) << at;
  }
}

}  // namespace
}  // namespace unitwise
