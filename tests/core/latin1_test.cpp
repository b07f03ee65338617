// The wasm module's results in Node: Latin-1 bytes plus the wide units the wrapper splices back in must carry every
// character of the UTF-8 text (1- to 4-byte sequences, at every offset around the 8-byte ASCII test).
#include "base/latin1.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace unitwise {
namespace {

// The text as the wrapper rebuilds it (index.js resultReader), from buffers with guards past the room the caller
// must give: the guards must stay untouched.
std::u16string splice(std::string_view text, std::size_t wide_room, Latin1Split* split_out = nullptr) {
  std::vector<unsigned char> bytes(text.size() + 1, '#');
  std::vector<WideUnit> wide(wide_room + 1, WideUnit{7, 7});
  const Latin1Split split = utf8_to_latin1(text, bytes.data(), wide.data(), wide_room);
  EXPECT_EQ(bytes.back(), '#') << "wrote past the room of text.size() bytes";
  EXPECT_EQ(wide.back().at, 7u) << "wrote past wide_room";
  if (split_out != nullptr) *split_out = split;
  std::u16string out;
  std::size_t from = 0;
  for (std::size_t k = 0; k < split.wide; ++k) {
    EXPECT_EQ(bytes[wide[k].at], '?') << "a wide character's place holds '?'";
    for (std::size_t i = from; i < wide[k].at; ++i) out += static_cast<char16_t>(bytes[i]);
    out += static_cast<char16_t>(wide[k].unit);
    from = wide[k].at + 1;
  }
  for (std::size_t i = from; i < split.bytes; ++i) out += static_cast<char16_t>(bytes[i]);
  return out;
}

TEST(Utf8ToLatin1, CarriesEveryCharacterWidth) {
  Latin1Split split;
  EXPECT_EQ(splice(u8"A→§é😀z×–", 8, &split), u"A→§é😀z×–");  // 1, 3, 2, 2, 4 (two wide units), 1, 2, 3 bytes
  EXPECT_TRUE(split.fits);
  EXPECT_EQ(split.wide, 4u);  // →, the two halves of 😀, and –
  EXPECT_EQ(splice("", 0), u"");
}

TEST(Utf8ToLatin1, EveryLatin1CharacterIsOneByteAndNoWideUnit) {
  std::string text;
  std::u16string expected;
  for (unsigned c = 1; c <= 0xFF; ++c) {
    if (c < 0x80) {
      text += static_cast<char>(c);
    } else {
      text += static_cast<char>(0xC0 | (c >> 6));
      text += static_cast<char>(0x80 | (c & 0x3F));
    }
    expected += static_cast<char16_t>(c);
  }
  Latin1Split split;
  EXPECT_EQ(splice(text, 0, &split), expected);
  EXPECT_TRUE(split.fits);
  EXPECT_EQ(split.bytes, 0xFFu);
}

TEST(Utf8ToLatin1, TheFirstCharacterPastLatin1IsWide) {
  Latin1Split split;
  EXPECT_EQ(splice("\xC4\x80", 1, &split), u"\u0100");
  EXPECT_EQ(split.wide, 1u);
}

TEST(Utf8ToLatin1, WideAndLatin1AtEveryOffsetOfLongAsciiRuns) {
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string text = std::string(at, 'x') + "\xE2\x86\x92\xC2\xA7" + std::string(20 - at, 'x');  // →§
    const std::u16string expected = std::u16string(at, u'x') + u"\u2192\u00A7" + std::u16string(20 - at, u'x');
    EXPECT_EQ(splice(text, 1), expected) << at;
  }
}

TEST(Utf8ToLatin1, SaysWhenTheWideUnitsDoNotFit) {
  Latin1Split split;
  splice(u8"→→→", 2, &split);
  EXPECT_FALSE(split.fits);
  EXPECT_EQ(split.wide, 2u);
  splice(u8"→😀", 2, &split);  // a surrogate pair is both halves or neither
  EXPECT_FALSE(split.fits);
  EXPECT_EQ(split.wide, 1u);
  splice(u8"→😀", 3, &split);
  EXPECT_TRUE(split.fits);
}

}  // namespace
}  // namespace unitwise
