// The result writer emits valid JSON whatever text it carries.
#include "base/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace unitwise {
namespace {

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  JsonWriter w;
  static const char kText[] = "a\"b\\c\n\x01\x1f é";
  const std::string_view text(kText, sizeof kText - 1);
  w.begin_object().key("t").value(text).end_object();
  EXPECT_EQ(nlohmann::json::parse(w.take())["t"], std::string(text));
}

// The 8-bytes-at-a-time scan: a special character at every offset of strings of every length up to
// 40 must come back exactly (escaped and unescaped runs on both sides of each word boundary).
TEST(JsonWriter, EscapesAtEveryOffsetAroundWordBoundaries) {
  for (char special : {'"', '\\', '\n', '\x01', '\x1f', '\x7f'}) {
    for (std::size_t length = 1; length <= 40; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = special;
        JsonWriter w;
        w.begin_array().value(std::string_view(text)).end_array();
        ASSERT_EQ(nlohmann::json::parse(w.take())[0], text) << length << " " << at;
      }
    }
  }
}

TEST(JsonWriter, FixedPointKeepsEveryDecimal) {
  JsonWriter w;
  w.begin_array().fixed(3507, 2).fixed(3510, 2).fixed(5, 2).fixed(-120, 2).fixed(334009, 4).end_array();
  EXPECT_EQ(w.take(), "[35.07,35.10,0.05,-1.20,33.4009]");
}

TEST(JsonWriter, NestsObjectsAndArraysWithCommasInTheRightPlaces) {
  JsonWriter w;
  w.begin_object().key("a").begin_array().value(1).begin_object().key("b").null().end_object().end_array();
  w.key("c").value(true).end_object();
  EXPECT_EQ(w.take(), R"({"a":[1,{"b":null}],"c":true})");
}

// Text longer than the writer's own buffer, and a writer that continues a text begun by hand.
TEST(JsonWriter, LongTextsAndContinuedTextComeBackWhole) {
  const std::string long_text(5000, 'x');
  JsonWriter w(std::string("{\"a\":1,"));
  w.key("b").value(std::string_view(long_text));
  for (int i = 0; i < 300; ++i) w.key("n").value(i);
  w.end_object();
  const auto parsed = nlohmann::json::parse(w.take(), nullptr, true, true);
  EXPECT_EQ(parsed["a"], 1);
  EXPECT_EQ(parsed["b"], long_text);
}

}  // namespace
}  // namespace unitwise
