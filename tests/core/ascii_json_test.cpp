// evaluate() in the wasm package parses results the module wrote in ASCII: every non-ASCII character as a \u
// escape, so the text parses to the same values as the engine's UTF-8.
#include "base/ascii_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace unitwise {
namespace {

// The ASCII text, from a buffer with a guard past the room the caller must give: it must stay untouched, and the
// room must be exactly what was written.
std::string ascii(std::string_view json) {
  std::vector<unsigned char> room(ascii_json_size(json) + 1, '#');
  const std::size_t written = utf8_to_ascii_json(json, room.data());
  EXPECT_EQ(room.back(), '#') << "wrote past the room of ascii_json_size bytes";
  EXPECT_EQ(written, room.size() - 1) << "ascii_json_size is the size written";
  return std::string(reinterpret_cast<const char*>(room.data()), written);
}

TEST(Utf8ToAsciiJson, EscapesEveryCharacterWidth) {
  EXPECT_EQ(ascii(u8R"({"t":"A→§é😀z"})"), R"({"t":"A\u2192\u00a7\u00e9\ud83d\ude00z"})");
  EXPECT_EQ(ascii(""), "");
}

TEST(Utf8ToAsciiJson, ParsesToTheSameValues) {
  const std::string json =
      u8R"({"ok":true,"trace":[{"text":"97110 23 → 2 units (§20.2) – × \u0085 ÿ Ā 九 😀"}],"n":[1.5,"\"\\"]})";
  const std::string out = ascii(json);
  for (const char c : out) EXPECT_LT(static_cast<unsigned char>(c), 0x80) << out;
  EXPECT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(json));
}

TEST(Utf8ToAsciiJson, NonAsciiAtEveryOffsetOfLongAsciiRuns) {
  for (std::size_t at = 0; at < 20; ++at) {
    const std::string text = std::string(at, 'x') + "\xC2\xA7\xF0\x9F\x98\x80" + std::string(20 - at, 'x');  // §😀
    EXPECT_EQ(ascii(text), std::string(at, 'x') + "\\u00a7\\ud83d\\ude00" + std::string(20 - at, 'x')) << at;
  }
}

TEST(Utf8ToAsciiJson, TheWidestGrowthStaysInItsRoom) {
  EXPECT_EQ(ascii(std::string(40, 'x') + u8"ééééééééé"), std::string(40, 'x') +
                                                             "\\u00e9\\u00e9\\u00e9\\u00e9\\u00e9"
                                                             "\\u00e9\\u00e9\\u00e9\\u00e9");
  std::string many;
  for (int i = 0; i < 50; ++i) many += i % 2 ? u8"é" : "a";
  EXPECT_EQ(ascii(many).size(), 25u + 25u * 6u);
}

}  // namespace
}  // namespace unitwise
