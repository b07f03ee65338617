// The visit parser's flat document: the same reading of the text as nlohmann's DOM, in text order.
#include "json/flat_json.h"

#include <gtest/gtest.h>

#include <string>

namespace unitwise {
namespace {

TEST(FlatJson, MembersKeepTheirTextOrderAndSkipNestedValues) {
  const FlatJson doc = FlatJson::parse(R"({"b":[1,{"x":2}],"a":"text","c":{"d":null}})");
  const JsonRef root = doc.root();
  ASSERT_TRUE(root.is_object());
  std::string keys;
  for (JsonRef member : root) keys += std::string(member.key()) + ",";
  EXPECT_EQ(keys, "b,a,c,");
  EXPECT_EQ(root["b"].size(), 2u);
  EXPECT_EQ(root["a"].string(), "text");
  EXPECT_TRUE(root["c"]["d"].is_null());
}

TEST(FlatJson, AMissingMemberReadsAsNull) {
  const FlatJson doc = FlatJson::parse(R"({"a":1})");
  EXPECT_FALSE(doc.root().contains("b"));
  EXPECT_TRUE(doc.root()["b"].is_null());
  EXPECT_TRUE(doc.root()["a"]["b"].is_null());  // a member of a number: null, not a crash
}

TEST(FlatJson, NumbersKeepNlohmannsKinds) {
  const FlatJson doc = FlatJson::parse(R"([-3, 18446744073709551615, 2.5, 1e2, true])");
  std::vector<JsonRef> v;
  for (JsonRef element : doc.root()) v.push_back(element);
  ASSERT_EQ(v.size(), 5u);
  EXPECT_TRUE(v[0].is_number_integer());
  EXPECT_EQ(v[0].number(), -3.0);
  EXPECT_TRUE(v[1].is_number_integer());  // unsigned counts as integer, as nlohmann says
  EXPECT_TRUE(v[2].is_number_float());
  EXPECT_TRUE(v[3].is_number_float());  // 1e2 is written as a float, though whole
  EXPECT_EQ(v[3].number(), 100.0);
  EXPECT_TRUE(v[4].is_true());
  EXPECT_FALSE(v[4].is_number());
}

TEST(FlatJson, EscapesAreDecoded) {
  const FlatJson doc = FlatJson::parse(R"({"a\"b":"\u00e9\n\ud83d\ude00"})");
  const JsonRef member = *doc.root().begin();
  EXPECT_EQ(member.key(), "a\"b");
  EXPECT_EQ(member.string(), "\xc3\xa9\n\xf0\x9f\x98\x80");
}

// The message's byte is the one nlohmann's exception names (e.byte): 13, the second comma.
TEST(FlatJson, ErrorPositionIsNlohmanns) {
  const FlatJson doc = FlatJson::parse(R"({"a": [1, 2,, 3]})");
  EXPECT_TRUE(doc.failed);
  EXPECT_EQ(doc.error_position, 13u);
  EXPECT_FALSE(doc.root().contains("a"));  // a root to read, never a crash
}

TEST(FlatJson, AKeyGivenTwiceIsNotedWithWhereItWas) {
  EXPECT_EQ(FlatJson::parse(R"({"a":1,"b":{"c":1},"a":2})").duplicate, "a");
  EXPECT_TRUE(FlatJson::parse(R"({"a":1,"a":2})").duplicate_at_top);
  const FlatJson nested = FlatJson::parse(R"({"s":[{"c":1,"c":2}]})");
  EXPECT_EQ(nested.duplicate, "c");
  EXPECT_FALSE(nested.duplicate_at_top);
  EXPECT_TRUE(FlatJson::parse(R"([{"c":1},{"c":2}])").duplicate.empty());  // sibling objects may share keys
}

// Past 32 keys an object's keys go to a hash set: a duplicate among many is still found, in linear time.
TEST(FlatJson, ADuplicateAmongManyKeysIsFound) {
  std::string text = "{";
  for (int i = 0; i < 5000; ++i) text += "\"k" + std::to_string(i) + "\":0,";
  text += "\"k4321\":1}";
  EXPECT_EQ(FlatJson::parse(text).duplicate, "k4321");
}

TEST(FlatJson, ConvertsToTheSameNlohmannDom) {
  const std::string text = R"({"z":[1,-2,3.25,"s",null,false],"a":{"n":18446744073709551615}})";
  EXPECT_EQ(FlatJson::parse(text).root().to_nlohmann(), nlohmann::json::parse(text));
}

}  // namespace
}  // namespace unitwise
